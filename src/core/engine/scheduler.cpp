#include "core/engine/scheduler.h"

#include "core/connectors/projectenvironment.h"
#include "core/engine/accountlimits.h"
#include "core/engine/opsreporter.h"
#include "core/engine/runner.h"
#include "core/log/logging.h"
#include "core/model/cronexpression.h"
#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "core/platform/processidentity.h"
#include "core/state/backfillstore.h"
#include "core/state/opsstore.h"
#include "core/state/statestore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>
#include <algorithm>

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
    m_options.parallel = std::max(1, m_options.parallel);
    m_limits = std::make_unique<AccountLimits>(m_state);
    if (m_state) {
        m_reporter = std::make_unique<OperationsReporter>(m_state, m_options.holder);
        m_reporter->setInterval(std::max(100, m_options.snapshotMs));
    }
    connect(&m_tick, &QTimer::timeout, this, &Scheduler::tick);
    m_reloadDebounce.setSingleShot(true);
    m_reloadDebounce.setInterval(500);
    connect(&m_reloadDebounce, &QTimer::timeout, this, &Scheduler::reload);
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this,
            [this]() { m_reloadDebounce.start(); });
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this,
            [this]() { m_reloadDebounce.start(); });
}

Scheduler::~Scheduler()
{
    // Runners first: their runs use the account limits.
    for (const QPointer<Runner> &r : std::as_const(m_runners))
        delete r.data();
    m_runners.clear();
    if (m_state)
        m_state->removeHeartbeat(m_options.holder);
}

void Scheduler::watchProject()
{
    if (QFileInfo::exists(m_projectPath) && !m_watcher.files().contains(m_projectPath))
        m_watcher.addPath(m_projectPath);
    const QString dir = QFileInfo(m_projectPath).absolutePath();
    if (!m_watcher.directories().contains(dir))
        m_watcher.addPath(dir);
}

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
    Project project = *loadProjectFile(m_projectPath).project;
    if (!useEnvironment(&project, error))
        return false;
    m_project = project;
    m_zone = QTimeZone(m_project.timeZone.toUtf8());
    QFile file(m_projectPath);
    if (file.open(QIODevice::ReadOnly))
        m_projectDigest = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    watchProject();
    m_startedAt = QDateTime::currentDateTimeUtc();
    log::info(QStringLiteral("scheduler: serving %1 as %2, up to %3 schemes at once")
                  .arg(m_projectPath, m_options.holder)
                  .arg(m_options.parallel));
    m_tick.start(m_options.tickMs);
    QTimer::singleShot(0, this, &Scheduler::tick);
    return true;
}

bool Scheduler::useEnvironment(Project *project, QString *error) const
{
    if (m_options.environment.isEmpty())
        return true;
    if (!project->environment(m_options.environment)) {
        *error = QStringLiteral("%1: no environment named \"%2\"")
                     .arg(m_projectPath, m_options.environment);
        return false;
    }
    project->activeEnvironment = m_options.environment;
    return true;
}

void Scheduler::reload()
{
    // Editors and config maps replace the file (a symlink swap): watch the path again, and
    // reload only when the content changed (the directory changes for other files too).
    watchProject();
    QFile file(m_projectPath);
    if (!file.open(QIODevice::ReadOnly))
        return; // mid-swap: the directory's next change brings it back
    const QByteArray digest = QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
    if (digest == m_projectDigest)
        return;
    m_projectDigest = digest;
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
    Project project = *loadProjectFile(m_projectPath).project;
    QString envError;
    if (!useEnvironment(&project, &envError)) {
        log::error(
            QStringLiteral("scheduler: still running the previous version: %1").arg(envError));
        Q_EMIT projectReloaded(false, envError);
        return;
    }
    m_project = project;
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
            out.append(
                next.addSecs(qint64(scheme.schedule.intervalMinutes) * 60 * i).toTimeZone(zone));
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
        scheme.schedule.kind != Schedule::Kind::Manual &&
        m_state->leaseHolder(scheme.name).isEmpty())
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
    if (m_state && m_runners.isEmpty())
        m_state->ensureConnected();
    m_lastTick = QDateTime::currentDateTimeUtc();
    beat();
    handleControlRequests();
    // A paused scheme's schedule is held (a run-now request still runs it).
    const QHash<QString, SchemePause> paused = OperationsStore(m_state).pausedSchemes();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Scheme &s : m_project.schemes) {
        if (!m_runners.contains(s.name) && !m_queue.contains(s.name) && !paused.contains(s.name) &&
            isDue(s, now))
            m_queue.append(s.name);
    }
    startNext();
}

void Scheduler::beat()
{
    // The liveness signal: a file an orchestrator's probe checks the age of, and a row in the
    // state store an operator (`weft-run ps`) reads.
    if (!m_options.healthFile.isEmpty()) {
        QFile health(m_options.healthFile);
        if (health.open(QIODevice::WriteOnly | QIODevice::Truncate))
            health.write(m_lastTick.toString(Qt::ISODateWithMs).toUtf8() + '\n');
    }
    if (m_state &&
        !m_state->heartbeat(m_options.holder, QSysInfo::machineHostName(),
                            QCoreApplication::applicationVersion(), m_startedAt, running()))
        log::warn(QStringLiteral("scheduler: the heartbeat could not be stored: %1")
                      .arg(m_state->lastError()));
}

QStringList Scheduler::accountsOf(const QString &scheme) const
{
    QStringList accounts;
    if (const Scheme *s = m_project.scheme(scheme)) {
        for (const QString &name : {s->source.connection, s->target.connection}) {
            if (const Connection *c = m_project.connection(name); c && c->rateLimit.isSet())
                accounts << accountKey(
                    *c, projectEnvironment(m_project, m_options.runOptions.environment));
        }
    }
    return accounts;
}

void Scheduler::startNext()
{
    // Due schemes start in the order they became due, as many at once as allowed — but a
    // scheme whose accounts are all idle goes before one that would queue behind a running
    // scheme's budget: with five schemes of one account due first, the other accounts would
    // otherwise wait while that one's budget is shared five ways. One that cannot start (its
    // lease is held elsewhere) gives its place to the next.
    while (!m_stopping && !m_queue.isEmpty() && m_runners.size() < m_options.parallel) {
        QSet<QString> busy;
        for (auto it = m_runners.cbegin(); it != m_runners.cend(); ++it) {
            for (const QString &a : accountsOf(it.key()))
                busy.insert(a);
        }
        qsizetype pick = 0;
        for (qsizetype i = 0; i < m_queue.size(); ++i) {
            const QStringList accounts = accountsOf(m_queue.at(i));
            if (std::none_of(accounts.begin(), accounts.end(),
                             [&](const QString &a) { return busy.contains(a); })) {
                pick = i;
                break;
            }
        }
        const QString name = m_queue.takeAt(pick);
        if (m_project.scheme(name) && !m_runners.contains(name))
            start(name);
    }
}

void Scheduler::start(const QString &name)
{
    const bool triggered = m_triggered.remove(name);
    const qint64 request = m_runNowRequests.take(name);
    if (!request && OperationsStore(m_state).isPaused(name)) {
        // Queued by an "after" dependency, or due before the pause: held all the same.
        log::info(QStringLiteral("scheduler: '%1' is paused").arg(name));
        Q_EMIT skipped(name, QStringLiteral("paused"));
        return;
    }
    if (BackfillStore(m_state).inProgress(name)) {
        // Its windows run under leases of their own; an ordinary run would read what they
        // read and move the cursor past the windows not done yet.
        const QString reason = QStringLiteral("a backfill of it is in progress (weft-run "
                                              "backfill --status)");
        log::info(QStringLiteral("scheduler: '%1': %2").arg(name, reason));
        if (request)
            completeRequest(request, QStringLiteral("not run: ") + reason);
        Q_EMIT skipped(name, reason);
        return;
    }
    if (!m_state->tryAcquireLease(name, m_options.holder, m_options.leaseSeconds)) {
        const QString reason = QStringLiteral("running elsewhere (lease held by %1)")
                                   .arg(m_state->leaseHolder(name));
        log::info(QStringLiteral("scheduler: '%1' is %2").arg(name, reason));
        if (request)
            completeRequest(request, QStringLiteral("not run: ") + reason);
        Q_EMIT skipped(name, reason);
        return;
    }
    RunOptions options = m_options.runOptions;
    options.schemes = {name};
    options.leaseHolder = m_options.holder;
    options.leaseSeconds = m_options.leaseSeconds;
    options.trigger = request     ? QStringLiteral("run-now")
                      : triggered ? QStringLiteral("after")
                                  : QStringLiteral("schedule");
    auto *runner = new Runner(m_project, m_state, this, m_limits.get());
    m_runners.insert(name, runner);
    if (m_reporter)
        m_reporter->attach(runner, m_project);
    if (request) {
        connect(runner, &Runner::schemeStarted, this,
                [this, request](const QString &, const QString &runId) {
                    completeRequest(request, QStringLiteral("started run %1").arg(runId));
                });
    }
    connect(runner, &Runner::progress, this, &Scheduler::progress);
    connect(runner, &Runner::schemeFinished, this, [this](const RunInfo &info) {
        if (const qint64 cancel = m_cancelRequests.take(info.scheme))
            completeRequest(
                cancel,
                QStringLiteral("run %1 ended %2").arg(info.runId, runOutcomeName(info.outcome)));
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
    connect(runner, &Runner::finished, this, [this, name, runner](int) {
        // The run renewed and released the lease itself; this only covers a run that never
        // started (the lease then lapses anyway).
        m_state->releaseLease(name, m_options.holder);
        m_runners.remove(name);
        runner->deleteLater();
        if (m_stopping) {
            if (m_runners.isEmpty())
                finishStop();
        } else {
            QTimer::singleShot(0, this, &Scheduler::startNext);
        }
    });
    log::info(QStringLiteral("scheduler: running '%1' (%2 of %3 at once)")
                  .arg(name)
                  .arg(m_runners.size())
                  .arg(m_options.parallel));
    Q_EMIT runStarted(name);
    runner->start(options);
}

void Scheduler::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_tick.stop();
    m_queue.clear();
    if (!m_runners.isEmpty()) {
        log::info(QStringLiteral("scheduler: stopping after the current batches of %1")
                      .arg(running().join(QStringLiteral(", "))));
        for (const QPointer<Runner> &r : std::as_const(m_runners)) {
            if (r)
                r->cancel();
        }
    } else {
        QTimer::singleShot(0, this, &Scheduler::finishStop);
    }
}

void Scheduler::finishStop()
{
    if (m_state)
        m_state->removeHeartbeat(m_options.holder);
    log::info(QStringLiteral("scheduler: stopped"));
    Q_EMIT stopped();
}

} // namespace weft
