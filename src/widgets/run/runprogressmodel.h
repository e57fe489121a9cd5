#pragma once

#include "core/engine/runtypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace weft {

/// One row per scheme of the current run: state, counters, speed and elapsed time.
class RunProgressModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum class Column {
        Scheme,
        State,
        Progress,
        Read,
        Written,
        Skipped,
        Failed,
        Speed,
        Elapsed,
        Count
    };
    enum Role { PercentRole = Qt::UserRole + 1, BusyRole, FailedRole };

    /// One scheme's line.
    struct Row {
        QString scheme;
        QString runId;
        QString phase = QStringLiteral("pending");
        RunCounters counters;
        double recordsPerSecond = 0;
        qint64 elapsedMs = 0;
        int windowIndex = 0;
        int windowCount = 0;
        bool finished = false;
        RunOutcome outcome = RunOutcome::Running;
        QString message;
    };

    explicit RunProgressModel(QObject *parent = nullptr);

    /// A new run of these schemes (rows reset, all pending).
    void start(const QStringList &schemes);
    void schemeStarted(const QString &scheme, const QString &runId);
    void update(const RunProgress &progress);
    void finish(const RunInfo &info);
    /// The run stopped: schemes still pending are marked as not run.
    void runEnded();
    const Row &row(int i) const { return m_rows.at(i); }
    int rowOf(const QString &scheme) const;
    RunCounters totals() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    static QString phaseText(const Row &row);
    static QString outcomeText(RunOutcome outcome);

private:
    int ensureRow(const QString &scheme);
    void changed(int row);

    QList<Row> m_rows;
};

} // namespace weft
