#pragma once

#include "core/model/scheme.h"
#include "core/state/opsstore.h"
#include "core/state/statestore.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace weft {

struct Project;

/// One scheme as the operators see it: its schedule, when it runs next, how its last run
/// went, who holds it now and whether its schedule is paused.
struct SchemeOperations {
    QString name;
    bool inProject = true; ///< false: known only from the store (another project's scheme)
    Schedule schedule;
    QDateTime nextRun; ///< invalid: manual, "after" only, or paused
    std::optional<RunInfo> lastRun;
    QString leaseHolder; ///< the process running it now; empty when none
    bool paused = false;
    QString pausedBy;
    QDateTime pausedSince;
};

/// An alert a serve process sent (alerts_sent keeps the last one per rule and subject).
struct SentAlert {
    QString rule;
    QString subject; ///< the scheme or connection it was about
    QDateTime sentAt;
    QString message;
};

/// Everything the Operations view shows, read in one go from a (shared) state store: the
/// serve processes from their heartbeats, the project's schemes, the runs in progress from
/// their snapshots, the alerts sent and the newest control requests.
struct OperationsOverview {
    QList<StateStore::ProcessBeat> processes;
    QList<SchemeOperations> schemes;
    QList<RunSnapshot> running;
    QList<SentAlert> alerts;
    QList<ControlRequest> requests; ///< newest first
    QString error;                  ///< why the store could not be read; "" when it could

    /// Reads it all from `store` (on the store's thread) for `project`'s schemes; `now` is
    /// where next runs are counted from.
    static OperationsOverview read(StateStore *store, const Project &project,
                                   const QDateTime &now = QDateTime::currentDateTimeUtc());
    /// Only the runs in progress: the cheap query the view polls every few seconds.
    static QList<RunSnapshot> readRunning(StateStore *store, QString *error = nullptr);
};

/// The alerts sent, newest first (at most `limit`).
QList<SentAlert> sentAlerts(StateStore *store, int limit = 50);

} // namespace weft
