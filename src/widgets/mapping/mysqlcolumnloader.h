#pragma once

#include "core/model/connection.h"
#include "core/services/mysqlcolumns.h"

#include <QList>
#include <QObject>
#include <QString>

namespace weft {

/// Reads a MySQL target table's columns (the core's readMySqlColumns) on a pool thread, so
/// typing or waiting on the server never freezes the window; only the latest load answers.
class MySqlColumnLoader final : public QObject
{
    Q_OBJECT
public:
    explicit MySqlColumnLoader(QObject *parent = nullptr);

    /// Starts loading `table`'s columns (a previous load's answer is then ignored).
    void load(const Connection &connection, const QString &table);
    bool isLoading() const { return m_loading; }

Q_SIGNALS:
    /// `error` says, in the designer's language, why there are no columns.
    void loaded(const QString &table, const QList<weft::ColumnInfo> &columns, const QString &error);

private:
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace weft
