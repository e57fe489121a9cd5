#pragma once

#include "core/engine/runtypes.h"
#include "core/model/project.h"
#include "core/state/opsstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>
#include <memory>
#include <optional>

namespace spdlog::sinks {
class sink;
} // namespace spdlog::sinks

namespace weft {

class Runner;
class StateStore;

/// Tells every process sharing the state store what this one runs: a progress snapshot of
/// each running scheme every few seconds (OperationsStore::writeSnapshot), removed when the
/// run ends, and each run's log lines (info and above, redacted like every log line, the
/// first `maxLogLines` of a run and then one line saying how many more there were).
///
/// A run's log lines are those that name its scheme ("scheme 'x': …", the scheduler's
/// "'x'") or its run id, or that come from one of its connections ("<connection> …",
/// "connection '<connection>' …"), logged on any thread between the runner announcing the
/// run (Runner::schemeStarted) and its end. Lines that name none — the process's own — stay
/// in its log file only. Lives on the state store's thread.
class OperationsReporter final : public QObject
{
    Q_OBJECT
public:
    /// `holder`: who runs (the lease holder name shown with the snapshots).
    OperationsReporter(StateStore *state, const QString &holder, QObject *parent = nullptr);
    ~OperationsReporter() override;

    /// Follows the runs of `runner`, a runner of `project`'s schemes.
    void attach(Runner *runner, const Project &project);

    /// The run of `scheme` is about to start: its log lines are collected from now on.
    void starting(const QString &scheme, const QString &runId, const QStringList &connections = {});
    void progress(const RunProgress &progress);
    void finished(const RunInfo &info);
    /// Writes every running scheme's snapshot and the log lines collected so far now.
    void flush();

    void setInterval(int ms) { m_timer.setInterval(ms); }
    int interval() const { return m_timer.interval(); }
    void setMaxLogLines(int lines);

    /// How often snapshots are written, unless setInterval() says otherwise.
    static constexpr int kDefaultIntervalMs = 2000;
    static constexpr int kDefaultMaxLogLines = 2000;

    /// Collects log lines per run; shared with the log sink, which may be called on any
    /// thread. Defined in opsreporter.cpp.
    struct Capture;

private:
    struct Running {
        QString scheme;
        QString runId;
        std::optional<RunProgress> last;
        bool written = false; ///< a snapshot is in the store
    };
    void writeSnapshot(const Running &run);
    void flushLog(const QString &scheme, bool final);

    StateStore *m_state;
    OperationsStore m_ops;
    QString m_holder;
    QString m_host;
    QHash<QString, Running> m_running; ///< by scheme
    std::shared_ptr<Capture> m_capture;
    std::shared_ptr<spdlog::sinks::sink> m_sink; ///< feeds m_capture
    QTimer m_timer;
    bool m_warned = false;
};

} // namespace weft
