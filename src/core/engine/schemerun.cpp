#include "core/engine/schemerun.h"

#include "core/connectors/resolvedconnection.h"
#include "core/log/logging.h"
#include "core/platform/processidentity.h"
#include "core/state/backfillstore.h"
#include "core/state/statestore.h"
#include "core/util/crashpoint.h"
#include "core/util/translation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRandomGenerator>
#include <QThread>
#include <QThreadPool>
#include <QTimeZone>
#include <algorithm>

namespace weft {

namespace {

constexpr qint64 kProgressIntervalMs = 100;
constexpr qint64 kStatsFlushIntervalMs = 2000;
/// Pages waiting for or in a transform worker before fetching pauses: enough to keep the
/// workers busy while a page is on the wire, few enough that memory stays flat.
constexpr size_t kMaxQueuedTransforms = 4;

QString newRunId(const QString &scheme)
{
    return QStringLiteral("%1-%2-%3")
        .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")), scheme)
        .arg(QRandomGenerator::global()->generate() & 0xffff, 4, 16, QLatin1Char('0'));
}

qint64 parseSince(const QString &text, qint64 now, const QString &timeZone)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return now - 30 * 86400;
    if (t.startsWith(QLatin1String("DAYS_AGO_")))
        return now - t.mid(9).toLongLong() * 86400;
    bool ok = false;
    const qint64 unix = t.toLongLong(&ok);
    if (ok)
        return unix;
    QDateTime dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!dt.isValid())
        dt = QDateTime::fromString(t, QStringLiteral("yyyy-MM-dd"));
    if (dt.isValid()) {
        dt.setTimeZone(QTimeZone(timeZone.toUtf8()));
        return dt.toSecsSinceEpoch();
    }
    return now - 30 * 86400;
}

} // namespace

SchemeRun::SchemeRun(const Project &project, const Scheme &scheme, const RunOptions &options,
                     const Shared &shared, QObject *parent)
    : QObject(parent)
    , m_project(project)
    , m_scheme(scheme)
    , m_options(options)
    , m_shared(shared)
{
    m_info.scheme = scheme.name;
    m_info.runId = newRunId(scheme.name);
    m_info.trigger = options.trigger;
    m_quality.runId = m_info.runId;
    m_quality.scheme = scheme.name;
    if (m_options.leaseHolder.isEmpty()) {
        // Unique per run, so two runners in one process (the designer) never mistake each
        // other's runs for abandoned ones.
        m_options.leaseHolder = processIdentity() + u':' + m_info.runId;
    }
    m_leaseName = m_options.leaseName.isEmpty() ? scheme.name : m_options.leaseName;
    m_leaseRenewal.setInterval(std::max(1, m_options.leaseSeconds / 3) * 1000);
    connect(&m_leaseRenewal, &QTimer::timeout, this, [this]() {
        if (!m_shared.state || m_finished)
            return;
        if (m_shared.state->renewLease(m_leaseName, m_options.leaseHolder, m_leaseEpoch,
                                       m_options.leaseSeconds))
            return;
        // Not renewed: the store failed, or another process holds the scheme now (this one
        // was paused or cut off past the lease). Either way no further write may go out.
        m_leaseRenewal.stop();
        m_leased = false;
        const QString holder = m_shared.state->leaseHolder(m_leaseName);
        if (m_target)
            m_target->cancel();
        abort(holder.isEmpty() || holder == m_options.leaseHolder
                  ? RunText::tr("the lease on the scheme could not be renewed (%1): the run "
                                "stops before its next write, so that no other process "
                                "running the scheme meanwhile writes alongside it")
                        .arg(m_shared.state->lastError())
                  : RunText::tr("the lease on the scheme was taken over by %1 while this run "
                                "was not renewing it (paused, or cut off longer than the "
                                "lease): the run stops before its next write")
                        .arg(holder),
              RunOutcome::Aborted, QStringLiteral("lease"));
    });
}

SchemeRun::~SchemeRun()
{
    if (m_transformPool)
        m_transformPool->clear(); // pages not started are dropped; running ones are waited for
}

qint64 SchemeRun::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentSecsSinceEpoch();
}

qint64 SchemeRun::initialSince() const
{
    return parseSince(m_scheme.sync.initialSince, now(), m_project.timeZone);
}

bool SchemeRun::stateWrite(const std::function<bool()> &writes)
{
    // Fenced by the lease: a run that lost it (paused or cut off while another process took
    // the scheme over) writes nothing more — not a failed record, not its own end, which the
    // new holder has already recorded.
    if (m_leaseEpoch == 0)
        return writes(); // a dry run, or no state store: nothing to fence
    return m_shared.state->fenced(m_leaseName, m_options.leaseHolder, m_leaseEpoch, writes);
}

void SchemeRun::warnIfUnverified(const Connection &connection) const
{
    // Said at every run, not only by validate: a log read after an incident must show it.
    if (!connection.verifyTls && connectorUsesHttp(connection.type))
        log::warn(QStringLiteral("scheme '%1': connection '%2' does not verify TLS "
                                 "certificates (\"verifyTls\": false): anyone on the network "
                                 "path can read and change its traffic")
                      .arg(m_scheme.name, connection.name));
}

bool SchemeRun::setUp(QString *error)
{
    const Connection *targetConnection = m_project.connection(m_scheme.target.connection);
    if (!targetConnection) {
        *error = RunText::tr("scheme '%1': no connection named '%2'")
                     .arg(m_scheme.name, m_scheme.target.connection);
        return false;
    }
    auto target = resolveConnection(*targetConnection, error, m_options.environment);
    if (!target)
        return false;
    warnIfUnverified(*targetConnection);

    ConnectorContext tc;
    tc.scheme = m_scheme.name;
    tc.connection = *target;
    tc.adapter = m_scheme.target;
    tc.network = m_shared.network;
    tc.limiter = m_shared.limiter ? m_shared.limiter(*targetConnection, m_scheme) : nullptr;
    tc.stats = m_shared.stats;
    tc.retry = m_scheme.retry;
    tc.state = m_shared.state;
    m_target = createTargetConnector(tc, error);
    if (!m_target)
        return false;
    QStringList compileErrors;
    m_transform = Transform::compile(m_project, m_scheme, m_shared.state, &compileErrors,
                                     m_target->acceptsValues());
    if (!m_transform) {
        *error = compileErrors.join(QLatin1Char('\n'));
        return false;
    }
    m_steps = m_transform->stepCounters();
    // --limit counts records as they are accepted, page by page: it keeps the transform on
    // this thread so it never reads past the limit.
    if (m_transform->runsOffThread() && m_options.limit < 0) {
        m_transformPool = std::make_unique<QThreadPool>();
        m_transformPool->setMaxThreadCount(std::clamp(QThread::idealThreadCount() - 1, 1, 4));
        m_transformPool->setObjectName(QStringLiteral("weft-transform"));
    }
    connect(m_target.get(), &TargetConnector::retrying, this,
            [this](const QString &endpoint, const QString &reason, int attempt, int delay) {
                m_info.message = RunText::tr("retrying %1 (%2), attempt %3 in %4 ms")
                                     .arg(endpoint, reason)
                                     .arg(attempt)
                                     .arg(delay);
            });

    const QJsonValue targetIdCheck = m_scheme.target.metadata.json().value(QLatin1String("idCheck"));
    m_idCheck = targetIdCheck.isUndefined() ? m_scheme.source.metadata.idCheck()
                                            : m_scheme.target.metadata.idCheck();
    if (m_retryMode)
        return true;

    const Connection *sourceConnection = m_project.connection(m_scheme.source.connection);
    if (!sourceConnection) {
        *error = RunText::tr("scheme '%1': no connection named '%2'")
                     .arg(m_scheme.name, m_scheme.source.connection);
        return false;
    }
    auto source = resolveConnection(*sourceConnection, error, m_options.environment);
    if (!source)
        return false;
    if (sourceConnection->name != targetConnection->name)
        warnIfUnverified(*sourceConnection);
    ConnectorContext sc = tc;
    sc.connection = *source;
    sc.adapter = m_scheme.source;
    sc.limiter = m_shared.limiter ? m_shared.limiter(*sourceConnection, m_scheme) : nullptr;
    m_source = createSourceConnector(sc, error);
    if (!m_source)
        return false;
    // Which server a run read is part of its log (kept with the run: OperationsReporter);
    // credentials in the URL are redacted like every secret.
    if (!source->baseUrl.isEmpty())
        log::info(QStringLiteral("scheme '%1': reading '%2' at %3")
                      .arg(m_scheme.name, sourceConnection->name, source->baseUrl));
    m_traits = m_source->traits();
    m_incremental = m_source->isIncremental(m_transform->usesSyncTime());
    connect(m_source.get(), &SourceConnector::retrying, this,
            [this](const QString &endpoint, const QString &reason, int attempt, int delay) {
                m_info.message = RunText::tr("retrying %1 (%2), attempt %3 in %4 ms")
                                     .arg(endpoint, reason)
                                     .arg(attempt)
                                     .arg(delay);
                emitProgress(true);
            });
    return true;
}

bool SchemeRun::beginRunInState()
{
    if (!m_shared.state || stateWrite([&] { return m_shared.state->beginRun(m_info); }))
        return true;
    stateFailed(RunText::tr("recording the run's start"));
    return false;
}

void SchemeRun::readRunState()
{
    if (!m_shared.state)
        return;
    m_openFailures = m_shared.state->openFailureIds(m_scheme.name);
    // Nothing else writes the scheme's ids while this run holds its lease (a dry run holds
    // none, so it looks every id up) — unless it is one window of a backfill, whose other
    // windows run at once and may meet the same record (modified on their shared boundary,
    // or during the backfill): such a run looks every id up.
    if (!m_options.dryRun && !m_options.window && !m_shared.state->hasWritten(m_scheme.name))
        m_writtenThisRun = std::make_unique<BloomFilter>();
}

void SchemeRun::recoverInFlight(std::function<void()> then)
{
    if (!m_shared.state || m_options.dryRun) {
        then();
        return;
    }
    auto batches = m_shared.state->inFlightBatches(m_scheme.name);
    if (!batches) {
        stateFailed(RunText::tr("reading the batches earlier runs left in flight"));
        return;
    }
    if (m_options.window) {
        // Other windows of the scheme run at once, their batches in flight: this run resolves
        // only those of earlier runs of its own window (their trigger names the window).
        // The scheme's next ordinary run resolves whatever else is left.
        batches->removeIf([this](const InFlightBatch &b) {
            const std::optional<RunInfo> run = m_shared.state->run(b.runId);
            return !run || run->trigger != m_options.trigger;
        });
    }
    resolveNextInFlight(*batches, std::move(then));
}

void SchemeRun::resolveNextInFlight(QList<InFlightBatch> batches, std::function<void()> then)
{
    if (m_stopping)
        return;
    if (batches.isEmpty()) {
        // Holding the lease, nothing of the scheme is in flight any more — unless this is
        // one window of a backfill, whose resolved batches were forgotten one by one.
        if (!m_options.window)
            m_target->forgetAllBatches();
        then();
        return;
    }
    const InFlightBatch batch = batches.takeFirst();
    m_target->resolveInFlight(batch, [this, batch, batches,
                                      then = std::move(then)](InFlightResult result) mutable {
        if (m_stopping)
            return;
        if (const auto *e = std::get_if<ConnectorError>(&result)) {
            abort(RunText::tr("cannot tell whether batch %1 (%2 records, left in flight by "
                              "run %3 on %4) reached %5: %6 — the run stops before reading "
                              "anything, so that nothing is written twice; the next run "
                              "asks again")
                      .arg(batch.batchId)
                      .arg(batch.records.size())
                      .arg(batch.runId, batch.createdAt.toString(Qt::ISODate),
                           m_scheme.target.connection, e->toString()),
                  RunOutcome::Aborted, ConnectorError::kindName(e->kind));
            return;
        }
        const auto &held = std::get<QList<std::optional<QString>>>(result);
        BatchOutcome outcome;
        outcome.scheme = m_scheme.name;
        outcome.batchId = batch.batchId;
        outcome.runId = batch.runId;
        for (qsizetype i = 0; i < batch.records.size() && i < held.size(); ++i) {
            if (!held.at(i))
                continue;
            const InFlightRecord &r = batch.records.at(i);
            outcome.written.append({r.recordId, r.contentHash, *held.at(i), batch.runId});
            outcome.resolvedFailureIds += r.sourceIds;
        }
        if (!stateWrite([&] { return m_shared.state->recordBatchOutcome(outcome); })) {
            stateFailed(RunText::tr("recording what became of batch %1").arg(batch.batchId));
            return;
        }
        if (m_options.window)
            m_target->forgetBatches({batch.batchId});
        log::info(QStringLiteral("scheme '%1': batch %2 was still out when run %3 ended: %4 of "
                                 "its %5 records had reached %6 and are recorded as written; "
                                 "the others are read and written again")
                      .arg(m_scheme.name, batch.batchId, batch.runId)
                      .arg(outcome.written.size())
                      .arg(batch.records.size())
                      .arg(m_scheme.target.connection));
        resolveNextInFlight(std::move(batches), std::move(then));
    });
}

bool SchemeRun::takeLease()
{
    if (!m_shared.state || m_options.dryRun)
        return true;
    m_shared.state->ensureConnected();
    const std::optional<qint64> epoch =
        m_shared.state->acquireLease(m_leaseName, m_options.leaseHolder, m_options.leaseSeconds);
    if (!epoch)
        return false;
    m_leaseEpoch = *epoch;
    m_leased = true;
    m_leaseRenewal.start();
    // A backfill window's lease says nothing about the scheme's other runs (other windows run
    // at once): the backfill closes the window's abandoned runs when it claims the window.
    if (m_options.window)
        return true;
    // Holding the lease, any run of this scheme still marked running was left by a process
    // that died: close it, so history tells the truth.
    m_shared.state->closeAbandonedRuns(RunText::tr("its lease lapsed — the process running "
                                                   "it ended, or was paused or cut off past "
                                                   "the lease — and the next run took over"),
                                       m_options.leaseHolder, m_scheme.name);
    return true;
}

void SchemeRun::start()
{
    m_elapsed.start();
    m_info.startedAt = QDateTime::currentDateTimeUtc();
    m_info.outcome = RunOutcome::Running;
    // Not recorded as a run of ours: the scheme is busy elsewhere right now.
    const auto notStarted = [this](const QString &message) {
        m_info.outcome = RunOutcome::Aborted;
        m_info.abortKind = QStringLiteral("busy");
        m_info.message = message;
        log::warn(m_info.message);
        m_finished = true;
        QTimer::singleShot(0, this, [this]() { Q_EMIT finished(m_info); });
    };
    if (!m_options.window && !m_options.dryRun && m_shared.state &&
        BackfillStore(m_shared.state).inProgress(m_scheme.name)) {
        notStarted(RunText::tr("scheme '%1' has a backfill in progress (weft-run backfill "
                               "--status): an ordinary run would move its sync time past the "
                               "windows not done yet; not started")
                       .arg(m_scheme.name));
        return;
    }
    if (!takeLease()) {
        notStarted(RunText::tr("scheme '%1' is running elsewhere (%2); not started twice")
                       .arg(m_scheme.name, m_shared.state->leaseHolder(m_leaseName)));
        return;
    }
    if (!beginRunInState())
        return;
    log::info(QStringLiteral("scheme '%1': run %2 started").arg(m_scheme.name, m_info.runId));
    emitProgress(true);
    QString error;
    if (!setUp(&error)) {
        abort(error, RunOutcome::Aborted, QStringLiteral("config"));
        return;
    }
    m_target->prepare([this](std::optional<ConnectorError> e) {
        if (e) {
            abort(QStringLiteral("target %1: %2").arg(m_scheme.target.connection, e->toString()),
                  RunOutcome::Aborted, ConnectorError::kindName(e->kind));
            return;
        }
        recoverInFlight([this]() {
            readRunState();
            onPrepared();
        });
    });
}

void SchemeRun::startRetry(const RetryRequest &request)
{
    m_retryMode = true;
    m_info.trigger = QStringLiteral("retry");
    m_elapsed.start();
    m_info.startedAt = QDateTime::currentDateTimeUtc();
    if (!takeLease()) {
        m_info.outcome = RunOutcome::Aborted;
        m_info.abortKind = QStringLiteral("busy");
        m_info.message = RunText::tr("scheme '%1' is running elsewhere (%2); retry later")
                             .arg(m_scheme.name, m_shared.state->leaseHolder(m_leaseName));
        m_finished = true;
        QTimer::singleShot(0, this, [this]() { Q_EMIT finished(m_info); });
        return;
    }
    if (!beginRunInState())
        return;
    QString error;
    if (!setUp(&error)) {
        abort(error, RunOutcome::Aborted, QStringLiteral("config"));
        return;
    }
    m_target->prepare([this, request](std::optional<ConnectorError> e) {
        if (e) {
            abort(QStringLiteral("target %1: %2").arg(m_scheme.target.connection, e->toString()),
                  RunOutcome::Aborted, ConnectorError::kindName(e->kind));
            return;
        }
        recoverInFlight([this, request]() {
            readRunState();
            retryStored(request);
        });
    });
}

void SchemeRun::retryStored(const RetryRequest &request)
{
    FailedFilter filter;
    filter.scheme = m_scheme.name;
    filter.recordIds = request.recordIds;
    const QList<FailedRecord> stored = m_shared.state->failedRecords(filter);
    QList<TransformInput> inputs;
    for (const FailedRecord &f : stored) {
        if (f.stage == FailureStage::Fetch)
            continue; // a page that could not be read: the next normal run reads it again
        inputs.append({f.sourcePayload, f.recordId, f.recordNumber, f.recordName});
    }
    log::info(QStringLiteral("scheme '%1': retrying %2 failed records with the current mapping")
                  .arg(m_scheme.name)
                  .arg(inputs.size()));
    {
        TransformVars vars;
        vars.runId = m_info.runId;
        vars.currentTime = now();
        vars.lastSyncTime = m_shared.state->cursor(m_scheme.name).value_or(initialSince());
        constexpr qsizetype kChunk = 500;
        for (qsizetype i = 0; i < inputs.size() && !m_stopping; i += kChunk)
            accept(m_transform->applyFlattened(inputs.mid(i, kChunk), vars));
        m_windowExhausted = true;
        checkWindowDone();
    }
}

void SchemeRun::onPrepared()
{
    if (m_options.window) {
        // One window of a backfill: exactly its span, cut as the source needs.
        if (!m_incremental) {
            abort(RunText::tr("scheme '%1': its source cannot be read by time window, so it "
                              "cannot be backfilled window by window; run it whole "
                              "(weft-run run --full)")
                      .arg(m_scheme.name),
                  RunOutcome::Aborted, QStringLiteral("config"));
            return;
        }
        m_windows.plan(SyncWindows::split(m_options.window->start, m_options.window->end,
                                          m_traits.maxWindowSeconds));
        nextWindow();
        return;
    }
    const qint64 until = now();
    if (m_incremental) {
        qint64 since = initialSince();
        m_fromBeginning = true;
        if (!m_options.full && m_shared.state) {
            if (const auto cursor = m_shared.state->cursor(m_scheme.name)) {
                since = *cursor - m_scheme.sync.overlapSeconds;
                m_fromBeginning = false;
            }
        }
        m_windows.plan(SyncWindows::split(since, until, m_traits.maxWindowSeconds));
    } else {
        const qint64 since = m_shared.state ? m_shared.state->cursor(m_scheme.name).value_or(
                                                  initialSince())
                                            : initialSince();
        m_windows.plan({TimeWindow{since, until}});
    }
    if (m_windows.isEmpty()) {
        finish();
        return;
    }
    nextWindow();
}

void SchemeRun::nextWindow()
{
    m_windows.advance();
    m_nextPage = m_traits.firstPage;
    m_cursor.clear();
    m_pageCount = -1;
    m_windowExhausted = false;
    m_reading = WindowReconciliation();
    m_reading.windowStart = m_windows.current().start;
    m_reading.windowEnd = m_windows.current().end;
    m_windowReconciled = false;
    emitProgress(true);
    pumpFetch();
}

void SchemeRun::pumpFetch()
{
    if (m_retryMode)
        return;
    while (!m_stopping && !m_windowExhausted && m_pendingBatches < m_options.maxPendingBatches &&
           m_transforms.size() < kMaxQueuedTransforms) {
        const bool countKnown = m_pageCount >= 0;
        const int concurrency = countKnown ? std::max(1, m_traits.maxConcurrentPages) : 1;
        if (m_inFlight >= concurrency)
            break;
        if (countKnown && m_nextPage > m_pageCount + m_traits.firstPage - 1) {
            m_windowExhausted = true;
            break;
        }
        fetch(m_nextPage++, m_cursor);
    }
}

void SchemeRun::fetch(int page, const QString &cursor)
{
    TransformVars vars;
    vars.lastSyncTime = m_windows.current().start;
    vars.currentTime = m_windows.current().end;
    vars.runId = m_info.runId;
    vars.page = page;
    vars.pageSize = m_traits.pageSize;
    QString error;
    PageRequest request;
    request.params = m_transform->requestParams(vars, &error);
    if (!error.isEmpty()) {
        abort(RunText::tr("scheme '%1': source request: %2").arg(m_scheme.name, error));
        return;
    }
    request.window = m_windows.current();
    request.page = page;
    request.cursor = cursor;
    ++m_inFlight;
    m_source->fetchPage(request, [this, page](PageResult result) { onPage(page, std::move(result)); });
}

void SchemeRun::onPage(int pageNumber, PageResult result)
{
    --m_inFlight;
    if (auto *error = std::get_if<ConnectorError>(&result)) {
        if (error->kind != ConnectorError::Kind::Cancelled && !m_stopping) {
            const TimeWindow &window = m_windows.current();
            TransformInput page;
            page.id = QStringLiteral("page %1 of %2 .. %3")
                          .arg(pageNumber)
                          .arg(QDateTime::fromSecsSinceEpoch(window.start).toString(Qt::ISODate),
                               QDateTime::fromSecsSinceEpoch(window.end).toString(Qt::ISODate));
            page.record = QJsonObject{{QStringLiteral("page"), pageNumber},
                                      {QStringLiteral("window_start"), window.start},
                                      {QStringLiteral("window_end"), window.end}};
            recordFailure(FailureStage::Fetch, page, {}, *error);
            abort(RunText::tr("reading %1 failed: %2 — nothing after this point was read; "
                              "the next run starts again here")
                      .arg(page.id, error->toString()),
                  RunOutcome::Aborted, ConnectorError::kindName(error->kind));
        }
        checkWindowDone();
        return;
    }
    if (m_stopping) {
        checkWindowDone();
        return;
    }
    Page page = std::get<Page>(std::move(result));
    ++m_info.counters.pages;
    ++m_reading.pages;
    m_reading.read += page.size();
    m_reading.reported = std::max(m_reading.reported, page.total);
    if (page.pageCount >= 0)
        m_pageCount = page.pageCount;
    if (m_pageCount < 0) {
        // Paged one after another: the page says whether there is more.
        m_windowExhausted = !page.hasMore;
        m_cursor = page.nextCursor;
    } else if (!page.hasMore && pageNumber >= m_pageCount + m_traits.firstPage - 1) {
        m_windowExhausted = true;
    }
    if (m_options.limit >= 0) {
        const qint64 room = m_options.limit - m_info.counters.read;
        page.truncate(room);
        if (m_info.counters.read + page.size() >= m_options.limit) {
            m_windowExhausted = true;
            m_limitReached = true; // no further windows, and no cursor moves
        }
    }
    TransformVars vars;
    vars.lastSyncTime = m_windows.current().start;
    vars.currentTime = m_windows.current().end;
    vars.runId = m_info.runId;
    vars.page = pageNumber;
    vars.pageSize = m_traits.pageSize;
    if (m_transformPool && !m_retryMode)
        transformOnWorker(std::move(page), vars);
    else
        accept(m_transform->apply(page, vars));
    pumpFetch();
    checkWindowDone();
}

void SchemeRun::transformOnWorker(Page page, const TransformVars &vars)
{
    auto pending = std::make_shared<PendingTransform>();
    m_transforms.push_back(pending);
    const Transform *transform = m_transform.get();
    m_transformPool->start([this, transform, pending, page = std::move(page), vars] {
        pending->output = transform->apply(page, vars);
        // Queued to this object's thread; the pool is waited for before this object goes.
        QMetaObject::invokeMethod(this, &SchemeRun::takeTransformed, Qt::QueuedConnection);
    });
}

void SchemeRun::takeTransformed()
{
    // In arrival order: a page finished early waits for the ones before it.
    while (!m_transforms.empty() && m_transforms.front()->output) {
        const std::shared_ptr<PendingTransform> done = std::move(m_transforms.front());
        m_transforms.pop_front();
        if (!m_stopping)
            accept(*done->output);
    }
    pumpFetch();
    checkWindowDone();
}

bool SchemeRun::isLimited() const
{
    // --limit stops a run early: what it did not read must not move the cursor or close
    // failures.
    return m_limitReached ||
           (m_options.limit >= 0 && m_info.counters.read >= m_options.limit);
}

void SchemeRun::commitWindows()
{
    // What a run stopped early (--limit) did not read must not move the cursor.
    const bool limited = isLimited();
    m_windows.commitReady(m_windowExhausted && !pagesPending(), [&](qint64 end) {
        // A backfill window leaves the cursor to the backfill (BackfillWorker).
        if (m_options.dryRun || limited || !m_shared.state || m_stopping || m_options.window)
            return;
        crashpoint::reach("cursor-before");
        if (!stateWrite([&] { return m_shared.state->setCursor(m_scheme.name, end); })) {
            stateFailed(RunText::tr("moving the cursor to %1")
                            .arg(QDateTime::fromSecsSinceEpoch(end).toString(Qt::ISODate)));
            return;
        }
        crashpoint::reach("cursor-after");
    });
}

void SchemeRun::checkWindowDone()
{
    if (m_finished)
        return;
    if (m_stopping) {
        if (!pagesPending() && m_pendingBatches == 0)
            finish();
        return;
    }
    if (m_retryMode) {
        flushBatches(true);
        if (m_pendingBatches == 0)
            finish();
        return;
    }
    if (!m_windowExhausted || pagesPending())
        return;
    if (!m_windowReconciled && !reconcileWindow())
        return;
    // The window being read is read to the end. Read the next one right away — its records
    // join the batches of this one — rather than wait for this window's writes.
    if (m_windows.hasNext() && !m_limitReached) {
        commitWindows();
        nextWindow();
        return;
    }
    flushBatches(true);
    commitWindows();
    if (m_pendingBatches == 0)
        finish();
}

bool SchemeRun::reconcileWindow()
{
    m_windowReconciled = true;
    WindowReconciliation w = m_reading;
    // The largest total any page reported: a source that counts again per page may see
    // records arrive while it is paged, never fewer than it said it held.
    if (isLimited())
        w.status = QStringLiteral("limited");
    else if (w.reported < 0)
        w.status = QStringLiteral("unknown");
    else if (w.read < w.reported)
        w.status = QStringLiteral("short");
    else if (w.read > w.reported)
        w.status = QStringLiteral("over");
    else
        w.status = QStringLiteral("ok");
    m_quality.windows.append(w);
    const QString span =
        QStringLiteral("%1 .. %2")
            .arg(QDateTime::fromSecsSinceEpoch(w.windowStart).toString(Qt::ISODate),
                 QDateTime::fromSecsSinceEpoch(w.windowEnd).toString(Qt::ISODate));
    if (w.status == QLatin1String("over"))
        log::warn(QStringLiteral("scheme '%1': window %2: the source reported %3 records, its "
                                 "pages held %4 (records added while it was read)")
                      .arg(m_scheme.name, span)
                      .arg(w.reported)
                      .arg(w.read));
    if (w.status != QLatin1String("short"))
        return true;
    abort(RunText::tr("window %1: the source reported %2 records but its %3 pages held only "
                      "%4 — %5 missing; the window failed and the cursor stays before it, so "
                      "the next run reads it again")
              .arg(span)
              .arg(w.reported)
              .arg(w.pages)
              .arg(w.read)
              .arg(w.reported - w.read),
          RunOutcome::Aborted, QStringLiteral("reconciliation"));
    return false;
}

void SchemeRun::abort(const QString &message, RunOutcome outcome, const QString &kind)
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_info.outcome = outcome;
    m_info.message = message;
    m_info.abortKind = kind;
    if (outcome == RunOutcome::Cancelled)
        log::warn(QStringLiteral("scheme '%1': %2").arg(m_scheme.name, message));
    else
        log::error(QStringLiteral("scheme '%1': %2").arg(m_scheme.name, message));
    if (m_source)
        m_source->cancel();
    if (outcome == RunOutcome::Cancelled && m_target)
        m_target->cancel();
    checkWindowDone();
}

void SchemeRun::cancel()
{
    abort(QStringLiteral("cancelled"), RunOutcome::Cancelled);
}

void SchemeRun::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_info.outcome == RunOutcome::Running) {
        resolveCoveredFetchFailures();
        m_info.outcome = m_info.counters.failed > 0 ? RunOutcome::FinishedWithFailures
                                                    : RunOutcome::Succeeded;
        if (m_options.dryRun)
            m_info.message = RunText::tr("dry run: nothing was written");
        else if (m_info.outcome == RunOutcome::Succeeded)
            m_info.message.clear();
        else
            m_info.message =
                RunText::tr("%1 records failed; see weft-run failed").arg(m_info.counters.failed);
    }
    m_info.finishedAt = QDateTime::currentDateTimeUtc();
    if (m_shared.state) {
        if (m_shared.stats && !m_shared.state->addApiCalls(m_shared.stats->take()))
            log::warn(QStringLiteral("scheme '%1': the API call statistics of the run could not "
                                     "be stored: %2")
                          .arg(m_scheme.name, m_shared.state->lastError()));
        const bool closing = m_info.outcome == RunOutcome::Succeeded ||
                             m_info.outcome == RunOutcome::FinishedWithFailures;
        if (!stateWrite([&] {
                return m_shared.state->updateRun(m_info) &&
                       (m_quality.isEmpty() || QualityStore(m_shared.state).save(m_quality)) &&
                       (!closing || m_options.dryRun || !m_options.closingWrite ||
                        m_options.closingWrite(m_info));
            }))
            log::error(QStringLiteral("scheme '%1': run %2 could not be recorded as %3 in the "
                                      "state store (%4); its history shows it running until a "
                                      "later run closes it")
                           .arg(m_scheme.name, m_info.runId, runOutcomeName(m_info.outcome),
                                m_shared.state->lastError()));
        if (m_leased) {
            m_leaseRenewal.stop();
            if (!m_shared.state->releaseLease(m_leaseName, m_options.leaseHolder))
                log::warn(QStringLiteral("scheme '%1': the lease could not be released (%2); "
                                         "it expires by itself")
                              .arg(m_scheme.name, m_shared.state->lastError()));
        }
    }
    const RunCounters &c = m_info.counters;
    log::info(QStringLiteral("scheme '%1': run %2 %3 — read %4, written %5, skipped %6, failed "
                             "%7, pages %8, %9 s")
                  .arg(m_scheme.name, m_info.runId, runOutcomeName(m_info.outcome))
                  .arg(c.read)
                  .arg(c.written)
                  .arg(c.skipped)
                  .arg(c.failed)
                  .arg(c.pages)
                  .arg(m_elapsed.elapsed() / 1000.0, 0, 'f', 1));
    emitProgress(true);
    Q_EMIT finished(m_info);
}

void SchemeRun::emitProgress(bool force)
{
    const qint64 elapsed = m_elapsed.isValid() ? m_elapsed.elapsed() : 0;
    if (!force && elapsed - m_lastProgressMs < kProgressIntervalMs)
        return;
    m_lastProgressMs = elapsed;
    if (m_shared.state && m_shared.stats && elapsed - m_lastStatsFlushMs > kStatsFlushIntervalMs) {
        m_lastStatsFlushMs = elapsed;
        const QList<ApiCallSample> samples = m_shared.stats->take();
        if (!m_shared.state->addApiCalls(samples)) {
            // Statistics only: kept for the next flush rather than lost, and the run goes on
            // (a state store that really fails stops the run at its next record).
            m_shared.stats->giveBack(samples);
            log::warn(QStringLiteral("scheme '%1': API call statistics not stored yet: %2")
                          .arg(m_scheme.name, m_shared.state->lastError()));
        }
    }
    RunProgress p;
    p.scheme = m_scheme.name;
    p.runId = m_info.runId;
    p.phase = m_finished ? QStringLiteral("done")
              : m_pendingBatches > 0 && !pagesPending() ? QStringLiteral("writing")
                                                         : QStringLiteral("fetching");
    p.counters = m_info.counters;
    p.elapsedMs = elapsed;
    p.recordsPerSecond = elapsed > 0 ? m_info.counters.read * 1000.0 / elapsed : 0;
    if (m_incremental)
        p.window = m_windows.current();
    p.windowIndex = m_windows.started();
    p.windowCount = m_windows.count();
    p.steps = m_steps;
    Q_EMIT progress(p);
}

} // namespace weft
