#include "core/engine/scheduler.h"

#include "core/engine/runner.h"
#include "core/log/logging.h"
#include "core/model/cronexpression.h"
#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "core/state/statestore.h"
#include "core/util/processidentity.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace weft {

Scheduler::Scheduler(const QString &projectPath, StateStore *state, SchedulerOptions options,
                     QObject *parent)
    : QObject(parent)
    , m_projectPath(projectPath)
    , m_state(state)
    , m_options(std::move(options))
{
    if (m_options.holder.isEmpty())
        m_options.holder = processIdentity();
    connect(&m_tick, &QTimer::timeout, this, &Scheduler::tick);
    m_reloadDebounce.setSingleShot(true);
    m_reloadDebounce.setInterval(500);
    connect(&m_reloadDebounce, &QTimer::timeout, this, &Scheduler::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this,
            [this]() { m_reloadDebounce.start(); });
}

Scheduler::~Scheduler() = default;

bool Scheduler::start(QString *error)
{
    const Diagnostics diagnostics = validateProjectFile(m_projectPath);
    if (hasErrors(diagnostics)) {
        QStringList lines;
        for (const Diagnostic &d : diagnostics) {
            if (d.isError())
                lines << d.toString(m_projectPath);
        }
        *error = lines.join(QLatin1Char('\n'));
        return false;
    }
    m_project = *loadProjectFile(m_projectPath).project;
    m_zone = QTimeZone(m_project.timeZone.toUtf8());
    m_watcher.addPath(m_projectPath);
    m_startedAt = QDateTime::currentDateTimeUtc();
    log::info(QStringLiteral("scheduler: serving %1 as %2").arg(m_projectPath, m_options.holder));
    m_tick.start(m_options.tickMs);
    QTimer::singleShot(0, this, &Scheduler::tick);
    return true;
}

void Scheduler::reload()
{
    // Editors often replace the file: watch the path again.
    if (!m_watcher.files().contains(m_projectPath) && QFileInfo::exists(m_projectPath))
        m_watcher.addPath(m_projectPath);
    const Diagnostics diagnostics = validateProjectFile(m_projectPath);
    if (hasErrors(diagnostics)) {
        QString first;
        for (const Diagnostic &d : diagnostics) {
            if (d.isError()) {
                first = d.toString(m_projectPath);
                break;
            }
        }
        log::error(QStringLiteral("scheduler: the changed project is invalid, still running the "
                                  "previous version: %1")
                       .arg(first));
        Q_EMIT projectReloaded(false, first);
        return;
    }
    m_project = *loadProjectFile(m_projectPath).project;
    m_zone = QTimeZone(m_project.timeZone.toUtf8());
    log::info(QStringLiteral("scheduler: project reloaded"));
    Q_EMIT projectReloaded(true, QString());
}

QList<QDateTime> Scheduler::nextRuns(const Scheme &scheme, const QDateTime &from, int count,
                                     const QTimeZone &zone, const QDateTime &lastRun)
{
    QList<QDateTime> out;
    if (scheme.schedule.kind == Schedule::Kind::Interval && scheme.schedule.intervalMinutes > 0) {
        QDateTime next = lastRun.isValid()
                             ? lastRun.addSecs(qint64(scheme.schedule.intervalMinutes) * 60)
                             : from;
        if (next < from)
            next = from;
        for (int i = 0; i < count; ++i)
            out.append(next.addSecs(qint64(scheme.schedule.intervalMinutes) * 60 * i).toTimeZone(zone));
    } else if (scheme.schedule.kind == Schedule::Kind::Cron) {
        const CronExpression cron = CronExpression::parse(scheme.schedule.cron);
        QDateTime t = from.addSecs(-1);
        for (int i = 0; i < count && cron.isValid(); ++i) {
            t = cron.nextAfter(t, zone);
            if (!t.isValid())
                break;
            out.append(t);
        }
    }
    return out;
}

bool Scheduler::isDue(const Scheme &scheme, const QDateTime &now) const
{
    if (!scheme.enabled)
        return false;
    const auto last = m_state->lastRun(scheme.name);
    const QDateTime lastStart = last ? last->startedAt : QDateTime();
    // A run left "running" by a process that died (its lease lapsed) did not finish its
    // work: take it over now rather than wait for the next scheduled time.
    if (last && last->outcome == RunOutcome::Running &&
        scheme.schedule.kind != Schedule::Kind::Manual && m_state->leaseHolder(scheme.name).isEmpty())
        return true;
    switch (scheme.schedule.kind) {
    case Schedule::Kind::Manual: return false;
    case Schedule::Kind::Interval:
        return scheme.schedule.intervalMinutes > 0 &&
               (!lastStart.isValid() ||
                lastStart.secsTo(now) >= qint64(scheme.schedule.intervalMinutes) * 60);
    case Schedule::Kind::Cron: {
        const CronExpression cron = CronExpression::parse(scheme.schedule.cron);
        // No catching up on times missed while nothing was serving: the first run is the
        // first fire time after this process started (or after the last run).
        const QDateTime base = lastStart.isValid() && lastStart > m_startedAt ? lastStart
                                                                               : m_startedAt;
        const QDateTime next = cron.nextAfter(base, m_zone);
        return next.isValid() && next <= now;
    }
    }
    return false;
}

void Scheduler::tick()
{
    if (m_stopping)
        return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Scheme &s : m_project.schemes) {
        if (s.name != m_running && !m_queue.contains(s.name) && isDue(s, now))
            m_queue.append(s.name);
    }
    startNext();
}

void Scheduler::startNext()
{
    if (m_runner || m_stopping || m_queue.isEmpty())
        return;
    const QString name = m_queue.takeFirst();
    const bool triggered = m_triggered.remove(name);
    const Scheme *scheme = m_project.scheme(name);
    if (!scheme) {
        startNext();
        return;
    }
    if (!m_state->tryAcquireLease(name, m_options.holder, m_options.leaseSeconds)) {
        const QString reason = QStringLiteral("running elsewhere (lease held by %1)")
                                   .arg(m_state->leaseHolder(name));
        log::info(QStringLiteral("scheduler: '%1' is %2").arg(name, reason));
        Q_EMIT skipped(name, reason);
        startNext();
        return;
    }
    m_running = name;
    RunOptions options = m_options.runOptions;
    options.schemes = {name};
    options.leaseHolder = m_options.holder;
    options.leaseSeconds = m_options.leaseSeconds;
    options.trigger = triggered ? QStringLiteral("after") : QStringLiteral("schedule");
    m_runner = new Runner(m_project, m_state, this);
    connect(m_runner, &Runner::progress, this, &Scheduler::progress);
    connect(m_runner, &Runner::schemeFinished, this, [this](const RunInfo &info) {
        Q_EMIT runFinished(info);
        if (info.outcome == RunOutcome::Succeeded) {
            for (const Scheme &s : m_project.schemes) {
                if (s.enabled && s.schedule.after.contains(info.scheme) &&
                    !m_queue.contains(s.name)) {
                    m_queue.append(s.name);
                    m_triggered.insert(s.name);
                }
            }
        }
    });
    connect(m_runner, &Runner::finished, this, [this](int) {
        // The run renewed and released the lease itself; this only covers a run that never
        // started (the lease then lapses anyway).
        m_state->releaseLease(m_running, m_options.holder);
        m_running.clear();
        m_runner->deleteLater();
        m_runner = nullptr;
        if (m_stopping)
            finishStop();
        else
            QTimer::singleShot(0, this, &Scheduler::startNext);
    });
    log::info(QStringLiteral("scheduler: running '%1'").arg(name));
    Q_EMIT runStarted(name);
    m_runner->start(options);
}

void Scheduler::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_tick.stop();
    m_queue.clear();
    if (m_runner) {
        log::info(QStringLiteral("scheduler: stopping after the current batch of '%1'").arg(m_running));
        m_runner->cancel();
    } else {
        QTimer::singleShot(0, this, &Scheduler::finishStop);
    }
}

void Scheduler::finishStop()
{
    log::info(QStringLiteral("scheduler: stopped"));
    Q_EMIT stopped();
}

} // namespace weft
