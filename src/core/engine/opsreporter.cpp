#include "core/engine/opsreporter.h"

#include "core/engine/runner.h"
#include "core/log/logging.h"
#include "core/state/statestore.h"

#include <QSysInfo>
#include <mutex>
#include <spdlog/sinks/base_sink.h>

namespace weft {

struct OperationsReporter::Capture {
    struct Run {
        QString runId;
        QStringList connections;
        QList<RunLogLine> pending; ///< kept, not yet in the store
        qint64 next = 1;           ///< seq of the next kept line
        qint64 dropped = 0;        ///< lines past the bound
    };
    std::mutex mutex;
    QHash<QString, Run> runs; ///< by scheme: a scheme runs at most once at a time here
    qint64 maxLines = kDefaultMaxLogLines;

    static bool belongs(const QString &scheme, const Run &run, const QString &message)
    {
        if (message.contains(u'\'' + scheme + u'\'') || message.contains(run.runId))
            return true;
        for (const QString &c : run.connections) {
            if (c.isEmpty())
                continue;
            if (message.startsWith(c + u' ') || message.startsWith(c + u':') ||
                message.contains(QStringLiteral("connection '%1'").arg(c)))
                return true;
        }
        return false;
    }

    void add(const QString &level, const QDateTime &at, const QString &message)
    {
        std::lock_guard lock(mutex);
        for (auto it = runs.begin(); it != runs.end(); ++it) {
            Run &run = it.value();
            if (!belongs(it.key(), run, message))
                continue;
            if (run.next <= maxLines)
                run.pending.append({run.next++, at, level, message});
            else
                ++run.dropped;
        }
    }
};

namespace {

/// Hands info-and-above lines to the capture. Added to the weft logger's redacting sink, so
/// what it gets has its secrets replaced already.
class CaptureSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    explicit CaptureSink(std::shared_ptr<OperationsReporter::Capture> capture)
        : m_capture(std::move(capture))
    {}

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        if (msg.level < spdlog::level::info || msg.level == spdlog::level::off)
            return;
        const auto level = spdlog::level::to_string_view(msg.level);
        const qint64 ms =
            std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch())
                .count();
        m_capture->add(QString::fromUtf8(level.data(), qsizetype(level.size())),
                       QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC),
                       QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size())));
    }
    void flush_() override {}

private:
    std::shared_ptr<OperationsReporter::Capture> m_capture;
};

} // namespace

OperationsReporter::OperationsReporter(StateStore *state, const QString &holder, QObject *parent)
    : QObject(parent)
    , m_state(state)
    , m_ops(state)
    , m_holder(holder)
    , m_host(QSysInfo::machineHostName())
    , m_capture(std::make_shared<Capture>())
{
    qRegisterMetaType<weft::RunProgress>();
    qRegisterMetaType<weft::RunInfo>();
    m_sink = std::make_shared<CaptureSink>(m_capture);
    m_sink->set_level(spdlog::level::info);
    log::addSink(m_sink);
    m_timer.setInterval(kDefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &OperationsReporter::flush);
}

OperationsReporter::~OperationsReporter()
{
    log::removeSink(m_sink);
}

void OperationsReporter::setMaxLogLines(int lines)
{
    std::lock_guard lock(m_capture->mutex);
    m_capture->maxLines = std::max(1, lines);
}

void OperationsReporter::attach(Runner *runner, const Project &project)
{
    QHash<QString, QStringList> connections;
    for (const Scheme &s : project.schemes)
        connections.insert(s.name, {s.source.connection, s.target.connection});
    connect(runner, &Runner::schemeStarted, this,
            [this, connections](const QString &scheme, const QString &runId) {
                starting(scheme, runId, connections.value(scheme));
            });
    connect(runner, &Runner::progress, this, &OperationsReporter::progress);
    connect(runner, &Runner::schemeFinished, this, &OperationsReporter::finished);
}

void OperationsReporter::starting(const QString &scheme, const QString &runId,
                                  const QStringList &connections)
{
    m_running.insert(scheme, Running{scheme, runId, std::nullopt, false});
    {
        std::lock_guard lock(m_capture->mutex);
        m_capture->runs.insert(scheme, Capture::Run{runId, connections, {}, 1, 0});
    }
    if (!m_timer.isActive())
        m_timer.start();
}

void OperationsReporter::progress(const RunProgress &p)
{
    if (p.runId.isEmpty())
        return;
    auto it = m_running.find(p.scheme);
    if (it == m_running.end() || it->runId != p.runId)
        it = m_running.insert(p.scheme, Running{p.scheme, p.runId, std::nullopt, false});
    it->last = p;
    // The first snapshot at once, so that a run shows as soon as it reads; then the timer's.
    if (!it->written && p.phase != QLatin1String("done"))
        writeSnapshot(*it);
    if (!m_timer.isActive())
        m_timer.start();
}

void OperationsReporter::finished(const RunInfo &info)
{
    flushLog(info.scheme, true);
    const auto it = m_running.constFind(info.scheme);
    if (it != m_running.cend() && it->written && !m_ops.removeSnapshot(it->runId))
        log::warn(QStringLiteral("operations: the progress snapshot of run %1 could not be "
                                 "removed: %2")
                      .arg(it->runId, m_ops.lastError()));
    m_running.remove(info.scheme);
    if (m_running.isEmpty())
        m_timer.stop();
}

void OperationsReporter::flush()
{
    for (auto it = m_running.begin(); it != m_running.end(); ++it) {
        if (it->last)
            writeSnapshot(*it);
        flushLog(it.key(), false);
    }
}

void OperationsReporter::writeSnapshot(const Running &run)
{
    const RunProgress &p = *run.last;
    RunSnapshot s;
    s.runId = run.runId;
    s.scheme = run.scheme;
    s.holder = m_holder;
    s.host = m_host;
    s.phase = p.phase;
    s.counters = p.counters;
    for (const StepCounters &step : p.steps) {
        if (step.type == QLatin1String("map"))
            s.mapped = step.out;
    }
    s.windowStart = p.window.start;
    s.windowEnd = p.window.end;
    s.windowIndex = p.windowIndex;
    s.windowCount = p.windowCount;
    s.steps = stepsJson(p.steps);
    if (m_ops.writeSnapshot(s)) {
        m_running[run.scheme].written = true;
        m_warned = false;
    } else if (!m_warned) {
        // Once per outage: the run itself goes on; only what others see of it is stale.
        m_warned = true;
        log::warn(QStringLiteral("operations: the progress of the running schemes could not be "
                                 "stored (%1); other processes see it stale until it can")
                      .arg(m_ops.lastError()));
    }
}

void OperationsReporter::flushLog(const QString &scheme, bool final)
{
    QString runId;
    QList<RunLogLine> lines;
    {
        std::lock_guard lock(m_capture->mutex);
        const auto it = m_capture->runs.find(scheme);
        if (it == m_capture->runs.end())
            return;
        runId = it->runId;
        lines.swap(it->pending);
        if (final) {
            if (it->dropped > 0)
                lines.append({it->next, QDateTime::currentDateTimeUtc(), QStringLiteral("warning"),
                              QStringLiteral("%1 more log lines of run %2 were not kept here (a "
                                             "run keeps its first %3; the log file has them all)")
                                  .arg(it->dropped)
                                  .arg(runId)
                                  .arg(m_capture->maxLines)});
            m_capture->runs.erase(it);
        }
    }
    if (lines.isEmpty() || m_ops.appendLog(runId, lines))
        return;
    if (!final) {
        // Kept for the next try, in order, ahead of what came since.
        std::lock_guard lock(m_capture->mutex);
        const auto it = m_capture->runs.find(scheme);
        if (it != m_capture->runs.end())
            it->pending = lines + it->pending;
        return;
    }
    log::warn(QStringLiteral("operations: %1 log lines of run %2 could not be stored: %3")
                  .arg(lines.size())
                  .arg(runId, m_ops.lastError()));
}

} // namespace weft
