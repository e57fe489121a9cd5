#pragma once

#include "core/engine/transform.h"

#include <QAbstractTableModel>

namespace weft {

/// One stage's records of a preview (StageTrace) as a table: a row per record as it leaves
/// the stage — or as it came, for one the stage dropped or failed — with its fate, a note
/// (why it was dropped, what a lookup added or missed, the validate rules, a document's
/// lines) and its top-level fields as columns.
class StageTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NumberColumn, FateColumn, NoteColumn, FirstFieldColumn };
    enum Role { FateRole = Qt::UserRole + 1 };
    static constexpr int kMaxFieldColumns = 60;

    explicit StageTableModel(QObject *parent = nullptr);

    void setStage(const StageTrace &stage);
    void clear();
    const StageTrace &stage() const { return m_stage; }
    const StageRecord *record(int row) const;
    /// The note column's text of a row (tests, the JSON view's caption).
    QString note(int row) const;
    int countOf(StageRecord::Fate fate) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    StageTrace m_stage;
    QStringList m_fields;
};

} // namespace weft
