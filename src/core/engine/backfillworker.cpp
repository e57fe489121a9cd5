#include "core/engine/backfillworker.h"

#include "core/engine/runner.h"
#include "core/engine/syncwindows.h"
#include "core/log/logging.h"
#include "core/platform/processidentity.h"
#include "core/state/statestore.h"

#include <QDateTime>

namespace weft {

namespace {

QString windowText(const TimeWindow &w)
{
    return QStringLiteral("%1 .. %2")
        .arg(QDateTime::fromSecsSinceEpoch(w.start, Qt::UTC).toString(Qt::ISODate),
             QDateTime::fromSecsSinceEpoch(w.end, Qt::UTC).toString(Qt::ISODate));
}

} // namespace

BackfillWorker::BackfillWorker(const Project &project, StateStore *state, QObject *parent)
    : QObject(parent)
    , m_project(project)
    , m_state(state)
    , m_store(state)
    , m_runner(std::make_unique<Runner>(project, state))
{
    m_poll.setSingleShot(true);
    connect(&m_poll, &QTimer::timeout, this, &BackfillWorker::claimNext);
    connect(m_runner.get(), &Runner::progress, this, &BackfillWorker::progress);
    connect(m_runner.get(), &Runner::schemeFinished, this,
            [this](const RunInfo &info) { m_lastRun = info; });
    // Once the runner is idle again, so that the next window can start on it.
    connect(m_runner.get(), &Runner::finished, this,
            [this](int) { onRunFinished(m_lastRun.value_or(RunInfo())); });
}

BackfillWorker::~BackfillWorker() = default;

void BackfillWorker::start(const BackfillRequest &request)
{
    m_request = request;
    if (m_request.run.leaseHolder.isEmpty()) {
        // One holder per process instance (unique also with repeated host names and pid 1):
        // a window's lease is this worker's, and nobody else's.
        m_request.run.leaseHolder = processIdentity() + QStringLiteral(":backfill");
    }
    QString error;
    if (m_request.plan) {
        const BackfillPlan &p = *m_request.plan;
        if (!m_store.makePlan(p, SyncWindows::split(p.spanStart, p.spanEnd, p.windowSeconds),
                              &error)) {
            finish(m_store.lastFailureWasConflict() ? 2 : 3, error);
            return;
        }
    } else if (!m_store.plan(m_request.scheme)) {
        finish(2, m_store.lastError().isEmpty()
                      ? QStringLiteral("scheme '%1' has no backfill plan to join: give the span "
                                       "(--from, --to, --window)")
                            .arg(m_request.scheme)
                      : m_store.lastError());
        return;
    }
    // A worker that died between marking its window done and moving the cursor left that
    // to whoever comes next.
    m_store.advanceCursor(m_request.scheme);
    QTimer::singleShot(0, this, &BackfillWorker::claimNext);
}

void BackfillWorker::cancel()
{
    m_cancelled = true;
    if (m_runner->isRunning()) {
        m_runner->cancel(); // the window is given back when its run has stopped
        return;
    }
    m_poll.stop();
    finish(3, QStringLiteral("cancelled"));
}

void BackfillWorker::claimNext()
{
    if (m_finished)
        return;
    if (m_cancelled) {
        finish(3, QStringLiteral("cancelled"));
        return;
    }
    m_state->ensureConnected();
    QString error;
    const RunOptions &base = m_request.run;
    m_claim = m_store.claim(m_request.scheme, base.leaseHolder, base.leaseSeconds, &error);
    if (!error.isEmpty()) {
        finish(3, QStringLiteral("claiming a window of the backfill of '%1': %2")
                      .arg(m_request.scheme, error));
        return;
    }
    if (m_claim) {
        const BackfillClaim claim = *m_claim;
        log::info(QStringLiteral("scheme '%1': backfill window %2 claimed (attempt %3)")
                      .arg(m_request.scheme, windowText(claim.window))
                      .arg(claim.attempt));
        Q_EMIT windowClaimed(claim.window, claim.attempt);
        RunOptions options = base;
        options.schemes = {m_request.scheme};
        options.full = false;
        options.limit = -1;
        options.window = claim.window;
        options.leaseName = claim.leaseName;
        options.trigger = BackfillStore::trigger(claim.window.start);
        options.closingWrite = [store = &m_store, scheme = m_request.scheme,
                                start = claim.window.start,
                                holder = base.leaseHolder](const RunInfo &info) {
            return store->markDone(scheme, start, holder, info.counters.read);
        };
        m_runner->start(options);
        return;
    }
    // Nothing to claim now. Windows held by other workers may yet come free (a worker that
    // dies leaves its window to be taken over when its lease expires): wait while any is.
    const QList<BackfillWindow> windows = m_store.windows(m_request.scheme);
    int done = 0, failedForGood = 0;
    for (const BackfillWindow &w : windows) {
        if (w.state == QLatin1String("done"))
            ++done;
        else if (w.state == QLatin1String("failed") && w.attempts >= BackfillStore::kMaxAttempts)
            ++failedForGood;
    }
    if (windows.isEmpty() && !m_store.lastError().isEmpty()) {
        finish(3, m_store.lastError());
        return;
    }
    if (done + failedForGood < windows.size()) {
        m_poll.start(m_request.pollMs);
        return;
    }
    const std::optional<qint64> cursor = m_store.advanceCursor(m_request.scheme);
    if (failedForGood > 0) {
        finish(3, QStringLiteral("%1 of the %2 windows of the backfill of '%3' failed %4 times "
                                 "(see weft-run backfill --status); the cursor stays before the "
                                 "first of them. Retry them with --retry-failed")
                      .arg(failedForGood)
                      .arg(windows.size())
                      .arg(m_request.scheme)
                      .arg(BackfillStore::kMaxAttempts));
        return;
    }
    log::info(QStringLiteral("scheme '%1': every window of the backfill is done; the cursor is "
                             "at %2")
                  .arg(m_request.scheme,
                       cursor
                           ? QDateTime::fromSecsSinceEpoch(*cursor, Qt::UTC).toString(Qt::ISODate)
                           : QStringLiteral("(none)")));
    finish(m_failedRecords ? 1 : 0, m_failedRecords
                                        ? QStringLiteral("some records failed; see weft-run failed")
                                        : QString());
}

void BackfillWorker::onRunFinished(const RunInfo &info)
{
    if (!m_claim)
        return;
    const BackfillClaim claim = *m_claim;
    m_claim.reset();
    m_lastRun.reset();
    bool done = false;
    for (const BackfillWindow &w : m_store.windows(m_request.scheme)) {
        if (w.window.start == claim.window.start)
            done = w.state == QLatin1String("done") && w.holder == m_request.run.leaseHolder;
    }
    if (!done) {
        // Given back only while still this worker's: a window another worker took over
        // (this one's lease lapsed) is that worker's now.
        const bool cancelled = info.outcome == RunOutcome::Cancelled;
        if (!m_store.giveBack(m_request.scheme, claim.window.start, m_request.run.leaseHolder,
                              !cancelled, info.message))
            log::warn(QStringLiteral("scheme '%1': backfill window %2 could not be given back "
                                     "(%3); it is taken over when its lease expires")
                          .arg(m_request.scheme, windowText(claim.window), m_store.lastError()));
    } else if (info.outcome == RunOutcome::FinishedWithFailures) {
        m_failedRecords = true;
    }
    log::info(
        QStringLiteral("scheme '%1': backfill window %2 %3")
            .arg(m_request.scheme, windowText(claim.window),
                 done ? QStringLiteral("done") : QStringLiteral("not done: ") + info.message));
    Q_EMIT windowFinished(claim.window, info, done);
    if (done && !m_store.advanceCursor(m_request.scheme) && !m_store.lastError().isEmpty())
        log::warn(QStringLiteral("scheme '%1': the cursor could not be moved (%2); the next "
                                 "worker to finish a window moves it")
                      .arg(m_request.scheme, m_store.lastError()));
    claimNext();
}

void BackfillWorker::finish(int exitCode, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    if (exitCode >= 2)
        log::error(QStringLiteral("backfill of '%1': %2").arg(m_request.scheme, message));
    QTimer::singleShot(0, this,
                       [this, exitCode, message]() { Q_EMIT finished(exitCode, message); });
}

} // namespace weft
