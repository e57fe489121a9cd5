#pragma once

#include "core/connectors/httpclient.h"
#include "core/engine/runtypes.h"
#include "core/model/project.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>

class QNetworkAccessManager;

namespace weft {

class AccountLimits;
class SchemeRun;
class StateStore;

/// Runs a project's schemes one after another, the same way for the CLI, the designer and
/// the scheduler. Lives on (and must be used from) one thread with an event loop — the
/// designer gives it a thread of its own so its window never waits on I/O.
class Runner final : public QObject
{
    Q_OBJECT
public:
    /// `limits`: the account limits shared with other runners of the process (serve runs
    /// several at once); by default the runner keeps its own.
    Runner(const Project &project, StateStore *state, QObject *parent = nullptr,
           AccountLimits *limits = nullptr);
    ~Runner() override;

    /// Starts running; `finished` follows when every scheme is done.
    void start(const RunOptions &options);
    /// Starts a retry of failed records (one scheme).
    void startRetry(const RetryRequest &request, const RunOptions &options = {});
    /// Stops as soon as possible, leaving the state consistent; `finished` still follows.
    void cancel();
    bool isRunning() const { return m_running; }

    const QList<RunInfo> &results() const { return m_results; }
    /// Schemes `start` would run for these options, or an error for an unknown name.
    QList<const Scheme *> selectSchemes(const RunOptions &options, QString *error) const;

Q_SIGNALS:
    void schemeStarted(const QString &scheme, const QString &runId);
    void progress(const weft::RunProgress &progress);
    void schemeFinished(const weft::RunInfo &info);
    /// With the exit code weft-run uses (0, 1, 3; 2 for an unusable request).
    void finished(int exitCode);

private:
    void runNext();

    Project m_project;
    StateStore *m_state;
    QNetworkAccessManager *m_network;
    ApiStatsCollector m_stats;
    std::unique_ptr<AccountLimits> m_ownLimits;
    AccountLimits *m_limits;
    RunOptions m_options;
    QList<const Scheme *> m_queue;
    std::optional<RetryRequest> m_retry;
    QPointer<SchemeRun> m_current;
    QList<RunInfo> m_results;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace weft
