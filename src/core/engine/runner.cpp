#include "core/engine/runner.h"

#include "core/connectors/projectenvironment.h"
#include "core/connectors/ratelimiter.h"
#include "core/engine/accountlimits.h"
#include "core/engine/schemerun.h"
#include "core/state/statestore.h"
#include "core/util/translation.h"

#include <QNetworkAccessManager>
#include <QTimer>

namespace weft {

int exitCodeFor(const QList<RunInfo> &runs)
{
    int code = 0;
    for (const RunInfo &r : runs) {
        if (r.outcome == RunOutcome::Aborted || r.outcome == RunOutcome::Cancelled)
            return 3;
        if (r.outcome == RunOutcome::FinishedWithFailures)
            code = 1;
    }
    return code;
}

Runner::Runner(const Project &project, StateStore *state, QObject *parent, AccountLimits *limits)
    : QObject(parent)
    , m_project(project)
    , m_state(state)
    , m_network(new QNetworkAccessManager(this))
    , m_ownLimits(limits ? nullptr : std::make_unique<AccountLimits>(state))
    , m_limits(limits ? limits : m_ownLimits.get())
{
    qRegisterMetaType<weft::RunProgress>();
    qRegisterMetaType<weft::RunInfo>();
}

Runner::~Runner() = default;

QList<const Scheme *> Runner::selectSchemes(const RunOptions &options, QString *error) const
{
    QList<const Scheme *> out;
    if (options.schemes.isEmpty()) {
        for (const Scheme &s : m_project.schemes) {
            if (s.enabled)
                out.append(&s);
        }
        return out;
    }
    for (const QString &name : options.schemes) {
        const Scheme *s = m_project.scheme(name);
        if (!s) {
            if (error)
                *error = RunText::tr("no scheme named '%1' (schemes: %2)")
                             .arg(name, m_project.schemeNames().join(QStringLiteral(", ")));
            return {};
        }
        out.append(s);
    }
    return out;
}

void Runner::start(const RunOptions &options)
{
    m_options = options;
    // The project's active environment, over whatever the caller passed (the process's).
    m_options.environment = projectEnvironment(m_project, options.environment);
    m_results.clear();
    m_cancelled = false;
    QString error;
    m_queue = selectSchemes(options, &error);
    m_running = true;
    if (!error.isEmpty()) {
        QTimer::singleShot(0, this, [this]() {
            m_running = false;
            Q_EMIT finished(2);
        });
        return;
    }
    QTimer::singleShot(0, this, &Runner::runNext);
}

void Runner::startRetry(const RetryRequest &request, const RunOptions &options)
{
    RunOptions o = options;
    o.schemes = {request.scheme};
    o.trigger = QStringLiteral("retry");
    m_retry = request;
    start(o);
}

void Runner::cancel()
{
    m_cancelled = true;
    m_queue.clear();
    if (m_current)
        m_current->cancel();
}

void Runner::runNext()
{
    if (m_queue.isEmpty() || m_cancelled) {
        m_running = false;
        m_retry.reset();
        Q_EMIT finished(exitCodeFor(m_results));
        return;
    }
    const Scheme *scheme = m_queue.takeFirst();
    SchemeRun::Shared shared;
    shared.network = m_network;
    shared.state = m_state;
    shared.stats = &m_stats;
    shared.limiter = [this](const Connection &c, const Scheme &s) {
        return m_limits->limiterFor(c, s, m_options.environment);
    };
    auto *run = new SchemeRun(m_project, *scheme, m_options, shared, this);
    m_current = run;
    connect(run, &SchemeRun::progress, this, &Runner::progress);
    connect(run, &SchemeRun::finished, this, [this, run](const RunInfo &info) {
        m_results.append(info);
        Q_EMIT schemeFinished(info);
        run->deleteLater();
        QTimer::singleShot(0, this, &Runner::runNext);
    });
    Q_EMIT schemeStarted(scheme->name, run->info().runId);
    if (m_retry)
        run->startRetry(*m_retry);
    else
        run->start();
}

} // namespace weft
