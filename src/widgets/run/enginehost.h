#pragma once

#include "core/engine/preview.h"
#include "core/engine/runtypes.h"
#include "core/model/project.h"

#include <QElapsedTimer>
#include <QObject>
#include <memory>
#include <optional>

class QThread;
class QTimer;

namespace weft {

namespace detail {
class EngineWorker;
struct ProgressMailbox;
} // namespace detail

/// Runs, retries, previews and test alerts on a thread of their own (the Runner and the
/// Previewer use QNetworkAccessManager and their own state store connection there): the
/// designer only sends requests and receives progress, so its window never waits on a network
/// or database. Progress is coalesced: the latest of each scheme reaches the GUI thread at
/// most every kProgressIntervalMs, whatever the runner sends.
class EngineHost final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kProgressIntervalMs = 50;
    /// The engine's threads run at this nice value (Linux), below the GUI thread's 0.
    static constexpr int kEngineNice = 5;

    explicit EngineHost(QObject *parent = nullptr);
    ~EngineHost() override;

    bool isRunning() const { return m_running; }
    /// Runs schemes of a snapshot of the project; the state store at `stateLocation`.
    void startRun(const Project &project, const QString &stateLocation, const RunOptions &options);
    /// Puts failed records through the current mapping again.
    void startRetry(const Project &project, const QString &stateLocation,
                    const RetryRequest &request);
    void cancelRun();

    /// Fetches a sample of a scheme's source and maps it; returns the request's id.
    /// With `records` (a pinned sample, or a sample to map again after an edit) nothing is
    /// fetched: those records go through the scheme's transform.
    quint64 startPreview(const Project &project, const QString &scheme,
                         const QString &stateLocation, int limit,
                         const std::optional<QList<QJsonObject>> &records = std::nullopt);
    void cancelPreview(quint64 id);

    /// Sends a test message through every channel of an alert rule of a snapshot of the
    /// project (of every rule when `rule` is empty), as `weft-run alert-test` does; returns
    /// the request's id. The channels' secrets are looked up in the environment there.
    quint64 sendTestAlert(const Project &project, const QString &rule);

Q_SIGNALS:
    void runStarted(const QStringList &schemes, bool retry);
    void schemeStarted(const QString &scheme, const QString &runId);
    /// The latest progress of a scheme (earlier ones not yet delivered are dropped).
    void progress(const weft::RunProgress &progress);
    void schemeFinished(const weft::RunInfo &info);
    /// The whole run ended (exit code as weft-run's); `error` when it could not start.
    void runFinished(int exitCode, const QString &error);
    void previewFinished(quint64 id, const QString &scheme, const weft::PreviewResult &result);
    /// A test alert was answered: one line per channel, "rule / type: ok" or why not.
    void testAlertFinished(quint64 id, const QStringList &lines);

private:
    void start(const Project &project, const QString &stateLocation, const RunOptions &options,
               const std::optional<RetryRequest> &retry);
    /// The mailbox has news: delivered now, or when the interval since the last is over.
    void progressPosted();
    /// Emits the latest progress of every scheme in the mailbox (before a scheme's or the
    /// run's end, so that nothing older arrives after it).
    void flushProgress();

    QThread *m_thread;
    detail::EngineWorker *m_worker;
    std::shared_ptr<detail::ProgressMailbox> m_mailbox;
    QTimer *m_progressTimer;
    QElapsedTimer m_lastProgress;
    bool m_running = false;
    quint64 m_nextPreview = 1;
    quint64 m_nextTestAlert = 1;
};

} // namespace weft
