#pragma once

#include "core/state/staterecords.h"

#include <QAbstractTableModel>
#include <QList>

namespace weft {

class StateService;

/// Past runs from the state store (newest first), refreshed whenever the store changes.
class RunHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column {
        Started,
        Scheme,
        Trigger,
        Outcome,
        Read,
        Written,
        Skipped,
        Failed,
        Duration,
        Message,
        RunId,
        Count
    };
    enum Role { RunIdRole = Qt::UserRole + 1, SchemeRole };

    explicit RunHistoryModel(StateService *state, QObject *parent = nullptr, int limit = 500);

    void refresh();
    const RunInfo &run(int row) const { return m_runs.at(row); }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void loaded();

private:
    void setRuns(const QList<RunInfo> &runs);

    StateService *m_state;
    QList<RunInfo> m_runs;
    int m_limit;
    quint64 m_generation = 0;
};

} // namespace weft
