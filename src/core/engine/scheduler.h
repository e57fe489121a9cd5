#pragma once

#include "core/engine/runner.h"
#include "core/engine/runtypes.h"
#include "core/model/project.h"

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QObject>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QTimeZone>

#include <memory>

namespace weft {

class AccountLimits;
class OperationsReporter;
class StateStore;
struct ControlRequest;

/// How `weft-run serve` schedules.
struct SchedulerOptions {
    /// Who holds leases: unique per process (processIdentity() by default).
    QString holder;
    int tickMs = 15000;      ///< how often due schemes are looked for
    int leaseSeconds = 120;  ///< a crashed holder's lease frees itself after this long
    /// Schemes run at once. Each account's limits are shared by all of them (AccountLimits),
    /// so more runs never mean more calls than an account allows — only that one long run
    /// (an initial sync at 100 calls a minute) no longer holds the others back.
    int parallel = 4;
    /// Touched at every tick: an orchestrator's liveness probe reads its age (empty: none).
    QString healthFile;
    RunOptions runOptions;   ///< environment, clock, … for every run
    /// The project's environment to use instead of its activeEnvironment (serve --env), kept
    /// across reloads of the file.
    QString environment;
    /// How often the progress of running schemes is written to the state store for other
    /// processes to see (OperationsReporter).
    int snapshotMs = 2000;
};

/// Runs a project's schemes on their schedules until stopped: every N minutes, by cron, or
/// after other schemes succeed. Never runs a scheme twice at once — also across processes
/// sharing one MySQL state store, through leases with expiry. Reloads the project when its
/// file changes (an invalid edit is reported and the last good project keeps running).
/// At every tick it also carries out the control requests in the state store (run now,
/// pause, resume, cancel: OperationsStore) for its project's schemes, and holds the schedule
/// of a paused scheme; the progress and log lines of its runs go to the state store too.
class Scheduler final : public QObject
{
    Q_OBJECT
public:
    Scheduler(const QString &projectPath, StateStore *state, SchedulerOptions options,
              QObject *parent = nullptr);
    ~Scheduler() override;

    /// Loads the project and starts ticking; false with the problems when it cannot load.
    bool start(QString *error);
    /// Stops scheduling; a running scheme ends after its current batch. `stopped` follows.
    void stop();
    bool isRunning() const { return !m_runners.isEmpty(); }
    /// The schemes running now.
    QStringList running() const { return m_runners.keys(); }
    const Project &project() const { return m_project; }
    /// When the scheduler last ticked (the liveness signal's time).
    QDateTime lastTick() const { return m_lastTick; }

    /// The next `count` times a scheme runs on its own (not counting "after" triggers),
    /// from `from`, in the project's time zone; empty for manual schedules.
    static QList<QDateTime> nextRuns(const Scheme &scheme, const QDateTime &from, int count,
                                     const QTimeZone &zone, const QDateTime &lastRun = {});

Q_SIGNALS:
    void runStarted(const QString &scheme);
    void runFinished(const weft::RunInfo &info);
    /// The running scheme's progress (throttled), as Runner::progress.
    void progress(const weft::RunProgress &progress);
    void skipped(const QString &scheme, const QString &reason);
    void projectReloaded(bool ok, const QString &message);
    void stopped();

private:
    void tick();
    void startNext();
    void start(const QString &name);
    /// The accounts (AccountLimits keys) a scheme's limited connections call.
    QStringList accountsOf(const QString &scheme) const;
    bool isDue(const Scheme &scheme, const QDateTime &now) const;
    void reload();
    /// Applies the --env choice to a freshly read project; false when it names none.
    bool useEnvironment(Project *project, QString *error) const;
    /// Watches the project file and its directory: an orchestrator's config map replaces the
    /// file by swapping a symlink, which a watch on the file alone does not see.
    void watchProject();
    void finishStop();
    void beat();
    /// Carries out the pending control requests for this project's schemes (defined in
    /// schedulercontrol.cpp).
    void handleControlRequests();
    void handleControlRequest(const ControlRequest &request);
    /// Records what became of a request this process picked.
    void completeRequest(qint64 id, const QString &outcome);

    QString m_projectPath;
    StateStore *m_state;
    SchedulerOptions m_options;
    Project m_project;
    QTimeZone m_zone;
    QTimer m_tick;
    QTimer m_reloadDebounce;
    QFileSystemWatcher m_watcher;
    QDateTime m_startedAt;
    QStringList m_queue;
    QSet<QString> m_triggered; ///< queued by an "after" dependency
    QHash<QString, qint64> m_runNowRequests; ///< scheme → the run-now request that queued it
    QHash<QString, qint64> m_cancelRequests; ///< scheme → the cancel request of its run
    std::unique_ptr<OperationsReporter> m_reporter;
    std::unique_ptr<AccountLimits> m_limits; ///< shared by every run of the process
    QHash<QString, QPointer<Runner>> m_runners; ///< scheme → its run
    QDateTime m_lastTick;
    QByteArray m_projectDigest; ///< of the file last loaded: a reload only when it changed
    bool m_stopping = false;
};

} // namespace weft
