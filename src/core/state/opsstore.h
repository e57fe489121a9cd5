#pragma once

#include "core/state/staterecords.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace weft {

class StateStore;

/// A run in progress as its process last reported it (OperationsStore::runsInProgress()).
struct RunSnapshot {
    QString runId;
    QString scheme;
    QString holder; ///< who runs it: the lease holder (a serve process's name)
    QString host;
    QString trigger; ///< as RunInfo::trigger
    QDateTime startedAt;
    /// When the process last wrote the snapshot, by the state database's clock.
    QDateTime updatedAt;
    /// How long ago that was, by the same clock: a snapshot much older than the interval its
    /// process writes at belongs to a process that stalled or died.
    qint64 ageMs = 0;
    QString phase; ///< RunProgress::phase
    RunCounters counters;
    qint64 mapped = 0;      ///< records out of the mapping (the "map" stage's out)
    qint64 windowStart = 0; ///< the window being read, Unix seconds (0: not incremental)
    qint64 windowEnd = 0;
    int windowIndex = 0; ///< 1-based
    int windowCount = 0;
    /// Per stage of the processing: objects {id, type, in, out, failed} (StepCounters).
    QJsonArray steps;
};

/// What a control request asks of the serve processes.
enum class ControlAction { RunNow, Pause, Resume, Cancel };
QString controlActionName(ControlAction action); ///< "run-now", "pause", "resume", "cancel"
std::optional<ControlAction> controlActionFromName(const QString &name);

/// One row of `control_requests`: asked by someone (the CLI, the designer), carried out by
/// the serve process that picked it.
struct ControlRequest {
    qint64 id = 0;
    QString scheme;
    ControlAction action = ControlAction::RunNow;
    QString requestedBy;   ///< "user@host"
    QDateTime requestedAt; ///< by the state database's clock
    QString pickedBy;      ///< the serve process (its lease holder name); empty while pending
    QDateTime pickedAt;
    QString outcome; ///< what became of it, in words; empty until done
    bool isPending() const { return pickedBy.isEmpty(); }
    bool isDone() const { return !outcome.isEmpty(); }
};

/// A scheme's schedule held by a pause request.
struct SchemePause {
    QString scheme;
    QString by; ///< who asked for the pause ("user@host")
    QDateTime since;
};

/// One log line of a run, as kept in the state store (already redacted).
struct RunLogLine {
    qint64 seq = 0; ///< 1-based order within the run
    QDateTime at;
    QString level; ///< "info", "warning", "error", "critical"
    QString message;
};

/// The operations side of the state store: what runs now (progress snapshots written by the
/// running processes), requests to the serve processes (run now, pause, resume, cancel), the
/// schemes whose schedule is paused, and each run's log lines. Every process sharing a store
/// sees the same; times that processes compare come from the database's clock.
///
/// A view on a StateStore, used on that store's thread; cheap to make (holds no state).
class OperationsStore final
{
public:
    explicit OperationsStore(StateStore *store)
        : m_store(store)
    {}

    // Progress snapshots
    /// Writes (replaces) the snapshot of a run; its updatedAt is the database's now.
    bool writeSnapshot(const RunSnapshot &snapshot);
    /// The run ended: its snapshot goes (the runs table has its final counters).
    bool removeSnapshot(const QString &runId);
    /// Runs in progress on every host: the snapshots of runs the history still shows
    /// running, oldest first. A crashed process's snapshot goes away once its run is closed
    /// as aborted; until then its ageMs grows.
    QList<RunSnapshot> runsInProgress() const;

    // Control requests
    /// Stores a request; its id, or std::nullopt (lastError() says why).
    std::optional<qint64> request(const QString &scheme, ControlAction action,
                                  const QString &requestedBy);
    std::optional<ControlRequest> controlRequest(qint64 id) const;
    /// Requests no process has picked yet, oldest first.
    QList<ControlRequest> pendingRequests() const;
    /// The newest requests (of one scheme, or all), newest first.
    QList<ControlRequest> requests(const QString &scheme = QString(), int limit = 50) const;
    /// Takes a pending request for `picker`: true for exactly one of several processes
    /// trying at once.
    bool claim(qint64 id, const QString &picker);
    /// Records what became of a claimed request.
    bool complete(qint64 id, const QString &outcome);

    // Paused schedules
    bool setPaused(const QString &scheme, bool paused, const QString &by);
    bool isPaused(const QString &scheme) const;
    /// Every paused scheme, by name.
    QHash<QString, SchemePause> pausedSchemes() const;

    // Run logs
    /// Appends lines to a run's log (their seq numbers given by the caller).
    bool appendLog(const QString &runId, const QList<RunLogLine> &lines);
    /// A run's log lines, in order.
    QList<RunLogLine> runLog(const QString &runId) const;

    QString lastError() const { return m_lastError; }

    /// The schema step that adds these tables (StateStore's migrations).
    static QStringList schema(bool mysql);

private:
    StateStore *m_store;
    mutable QString m_lastError;
};

/// "user@host" of this process, for ControlRequest::requestedBy and SchemePause::by.
QString operatorName();

} // namespace weft
