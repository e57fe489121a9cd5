#pragma once

#include "core/engine/preview.h"

#include <QAbstractTableModel>

namespace weft {

/// What a preview's mapping made of the sample: one row per target record (its fields as
/// columns) and one per record that failed, marked, with the error.
class PreviewTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Role { FailedRole = Qt::UserRole + 1, InputRole };

    explicit PreviewTableModel(QObject *parent = nullptr);

    void setResult(const PreviewResult &result);
    void clear();
    int failedCount() const { return m_failed; }
    /// The flattened input record behind a row (for the expression editor's live value).
    QJsonObject inputOf(int row) const;
    QString errorOf(int row) const;
    QJsonObject payloadOf(int row) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString recordId;
        QJsonObject payload;
        QJsonObject input;
        QString error;
    };
    QList<Row> m_rows;
    QStringList m_columns;
    int m_failed = 0;
};

} // namespace weft
