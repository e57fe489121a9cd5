#pragma once

#include "core/model/connection.h"

#include <QList>
#include <QObject>
#include <QString>

namespace weft {

/// One column of a MySQL table, as information_schema describes it.
struct ColumnInfo {
    QString name;
    QString type; ///< "varchar(64)"
    QString comment;
    bool required = false; ///< NOT NULL, no default, not auto-increment
};

/// Reads a MySQL target table's columns on a pool thread, with a database connection of its
/// own (opened and closed there), so typing or waiting on the server never freezes the
/// window (PEERS.md complaint 1).
class MySqlColumnLoader final : public QObject
{
    Q_OBJECT
public:
    explicit MySqlColumnLoader(QObject *parent = nullptr);

    /// Starts loading `table`'s columns (a previous load's answer is then ignored).
    void load(const Connection &connection, const QString &table);
    bool isLoading() const { return m_loading; }

    /// The blocking part, run on the pool thread (public for tests).
    static QList<ColumnInfo> readColumns(const Connection &connection, const QString &table,
                                         QString *error);

Q_SIGNALS:
    void loaded(const QString &table, const QList<weft::ColumnInfo> &columns, const QString &error);

private:
    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace weft
