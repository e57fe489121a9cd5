#pragma once

#include "core/engine/runtypes.h"
#include "core/model/project.h"
#include "core/state/backfillstore.h"

#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace weft {

class Runner;
class StateStore;

/// What `weft-run backfill` asks for.
struct BackfillRequest {
    QString scheme;
    /// The plan to make or join; std::nullopt: join the scheme's existing plan.
    std::optional<BackfillPlan> plan;
    /// Switches for each window's run (leaseHolder, leaseSeconds, environment, trigger is set
    /// per window).
    RunOptions run;
    /// How often a worker that found nothing to claim looks again while other workers still
    /// hold windows (one of them may die and leave its window to be taken over).
    int pollMs = 2000;
};

/// One worker of a backfill split across processes: claims a window, runs the scheme over
/// exactly that window under the window's lease, marks it done in the run's closing
/// transaction, moves the cursor over the finished prefix, and claims the next — until every
/// window is done or failed for good. Several processes (or hosts) sharing a MySQL state
/// store run one each; BackfillStore keeps them from taking one window twice.
class BackfillWorker final : public QObject
{
    Q_OBJECT
public:
    BackfillWorker(const Project &project, StateStore *state, QObject *parent = nullptr);
    ~BackfillWorker() override;

    /// Starts; `finished` follows.
    void start(const BackfillRequest &request);
    /// Stops after giving back the window being run (it becomes pending for another worker).
    void cancel();

Q_SIGNALS:
    void windowClaimed(const weft::TimeWindow &window, qint64 attempt);
    void progress(const weft::RunProgress &progress);
    void windowFinished(const weft::TimeWindow &window, const weft::RunInfo &info, bool done);
    /// 0: every window done; 1: done, some records failed (stored as failed records); 2: the
    /// request is unusable (no plan, a different plan); 3: windows failed for good, cancelled,
    /// or the state store failed. `message` says why when not 0.
    void finished(int exitCode, const QString &message);

private:
    void claimNext();
    void onRunFinished(const RunInfo &info);
    void finish(int exitCode, const QString &message);

    Project m_project;
    StateStore *m_state;
    BackfillStore m_store;
    std::unique_ptr<Runner> m_runner;
    BackfillRequest m_request;
    std::optional<BackfillClaim> m_claim;
    std::optional<RunInfo> m_lastRun; ///< of the window's run, until the runner is idle
    QTimer m_poll;
    bool m_failedRecords = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace weft
