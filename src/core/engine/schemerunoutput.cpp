// What a run does with the records a page gave: batching them for the target, writing the
// batches and reading the target's verdicts, storing failures, resolving earlier ones.
#include "core/engine/schemerun.h"
#include "core/log/logging.h"
#include "core/state/statestore.h"
#include "core/util/crashpoint.h"
#include "core/util/translation.h"

#include <QJsonDocument>
#include <limits>

namespace weft {

void SchemeRun::accept(const TransformOutput &output)
{
    m_info.counters.read += output.inputs.size();
    m_info.counters.skipped += output.skipped;
    addStepCounters(&m_steps, output.steps);
    m_quality.add(output.rules.rules);
    if (!output.failures.isEmpty()) {
        QList<FailedRecord> failures = output.failures;
        for (FailedRecord &f : failures) {
            f.scheme = m_scheme.name;
            f.runId = m_info.runId;
        }
        m_info.counters.failed += failures.size();
        if (m_shared.state && !m_options.dryRun &&
            !stateWrite([&] { return m_shared.state->recordFailures(failures); })) {
            stateFailed(
                RunText::tr("recording %1 records that failed their mapping").arg(failures.size()),
                failures);
            return;
        }
    }

    QHash<QString, WrittenRecord> written;
    if (m_shared.state) {
        QStringList ids;
        ids.reserve(output.records.size());
        for (const TargetRecord &r : output.records) {
            if (!m_writtenThisRun || m_writtenThisRun->mayContain(r.recordId))
                ids << r.recordId;
        }
        if (!ids.isEmpty())
            written = m_shared.state->written(m_scheme.name, ids);
    }
    const bool skipUnchanged = m_idCheck;
    QHash<QString, QByteArray> seenHere; // id → content hash, of this page
    QStringList unchanged;
    for (qsizetype i = 0; i < output.records.size(); ++i) {
        TargetRecord record = output.records.at(i);
        const auto w = written.constFind(record.recordId);
        // The transform hashes what it maps (leaving out fields that change every run);
        // a record that comes without a hash is hashed whole.
        if (record.contentHash.isEmpty())
            record.contentHash = record.wholeContentHash();
        QList<TransformInput> sources;
        for (const int index : output.recordInputs.value(i))
            sources.append(output.inputs.at(index));
        // This run's earlier record of the id, if any: in this page, in a batch not yet
        // confirmed, or written.
        const QByteArray *earlier = nullptr;
        if (const auto s = seenHere.constFind(record.recordId); s != seenHere.constEnd())
            earlier = &s.value();
        else if (const auto u = m_unconfirmedIds.constFind(record.recordId);
                 u != m_unconfirmedIds.constEnd())
            earlier = &u.value();
        else if (w != written.constEnd() && w.value().runId == m_info.runId)
            earlier = &w.value().contentHash;
        if (earlier && *earlier == record.contentHash) {
            // The same record read again: a record modified in the very second two time
            // windows share is in both (the APIs' windows include both ends). One record.
            m_info.counters.skipped += sources.size();
            continue;
        }
        if (earlier) {
            // Two different records with one id would overwrite each other run after run.
            ConnectorError duplicate{
                ConnectorError::Kind::Rejected, QStringLiteral("duplicate id"),
                RunText::tr("another record of this run has the same id %1: the source's "
                            "id field (or the target's) must be unique, or one record "
                            "overwrites the other")
                    .arg(record.recordId)};
            for (const TransformInput &input : sources)
                recordFailure(FailureStage::Transform, input, record.object(), duplicate);
            continue;
        }
        seenHere.insert(record.recordId, record.contentHash);
        if (w != written.constEnd()) {
            if (skipUnchanged && w.value().contentHash == record.contentHash) {
                m_info.counters.skipped += sources.size(); // already written, unchanged
                unchanged << record.recordId;
                continue;
            }
            record.previousTargetRef = w.value().targetRef;
        }
        m_unconfirmedIds.insert(record.recordId, record.contentHash);
        const int window = m_windows.currentIndex();
        m_windows.addOutstanding(window);
        m_buffer.append(std::move(record));
        m_bufferSources.append(std::move(sources));
        m_bufferWindows.append(window);
    }
    if (m_shared.state && !m_options.dryRun &&
        !stateWrite([&] {
            return m_shared.state->touchWritten(m_scheme.name, unchanged, m_info.runId);
        })) {
        stateFailed(RunText::tr("noting %1 records met again unchanged").arg(unchanged.size()));
        return;
    }
    flushBatches(false);
    emitProgress();
}

void SchemeRun::flushBatches(bool partial)
{
    const int size = std::max(1, m_target ? m_target->batchSize() : 1);
    while (!m_stopping && !m_buffer.isEmpty() && (m_buffer.size() >= size || partial)) {
        const qsizetype n = std::min<qsizetype>(size, m_buffer.size());
        QList<TargetRecord> records = m_buffer.mid(0, n);
        QList<QList<TransformInput>> sources = m_bufferSources.mid(0, n);
        QList<int> windows = m_bufferWindows.mid(0, n);
        m_buffer.remove(0, n);
        m_bufferSources.remove(0, n);
        m_bufferWindows.remove(0, n);
        writeBatch(std::move(records), std::move(sources), std::move(windows));
    }
}

void SchemeRun::settle(const QList<TargetRecord> &records, const QList<int> &windows)
{
    for (const TargetRecord &r : records) {
        m_unconfirmedIds.remove(r.recordId);
    }
    for (const int w : windows)
        m_windows.settle(w);
}

void SchemeRun::writeBatch(QList<TargetRecord> records, QList<QList<TransformInput>> sources,
                           QList<int> windows)
{
    if (m_options.dryRun) {
        for (const auto &s : sources)
            m_info.counters.written += s.size();
        settle(records, windows);
        return;
    }
    const QString batchId = m_info.runId + u'/' + QString::number(++m_batchSequence);
    if (m_shared.state) {
        // Journalled before the target sees it (exactly-once): should the process die or the
        // state store fail before the outcome is recorded, the next run asks the target what
        // became of exactly these records.
        InFlightBatch journal;
        journal.scheme = m_scheme.name;
        journal.batchId = batchId;
        journal.runId = m_info.runId;
        journal.records.reserve(records.size());
        for (qsizetype i = 0; i < records.size(); ++i) {
            const TargetRecord &r = records.at(i);
            InFlightRecord entry{r.recordId, r.contentHash, m_target->identityOf(r),
                                 r.previousTargetRef, {}};
            for (const TransformInput &input : sources.at(i))
                entry.sourceIds << input.id;
            journal.records.append(std::move(entry));
        }
        if (!stateWrite([&] { return m_shared.state->journalBatch(journal); })) {
            settle(records, windows);
            stateFailed(RunText::tr("journalling a batch of %1 records before writing it")
                            .arg(records.size()));
            return;
        }
        crashpoint::reach("batch-journalled");
    }
    ++m_pendingBatches;
    m_target->writeBatch(batchId, records,
                         [this, batchId, records, sources, windows](BatchResult result) {
                             --m_pendingBatches;
                             settle(records, windows);
                             onBatchWritten(batchId, records, sources, std::move(result));
                             emitProgress();
                             pumpFetch();
                             checkWindowDone();
                         });
}

void SchemeRun::onBatchWritten(const QString &batchId, const QList<TargetRecord> &records,
                               const QList<QList<TransformInput>> &sources, BatchResult result)
{
    BatchOutcome outcome;
    outcome.scheme = m_scheme.name;
    outcome.batchId = batchId;
    outcome.runId = m_info.runId;
    std::optional<ConnectorError> stop;
    if (auto *error = std::get_if<ConnectorError>(&result)) {
        if (error->kind == ConnectorError::Kind::Cancelled || stopsTheRun(*error)) {
            // Nothing certain is known about this batch (a lost connection may have committed
            // it): its journal entry stays, and the next run asks the target.
            if (error->kind != ConnectorError::Kind::Cancelled)
                abortOnWriteError(*error);
            return;
        }
        for (qsizetype i = 0; i < records.size(); ++i) {
            for (const TransformInput &input : sources.at(i))
                recordFailure(FailureStage::Write, input, records.at(i).object(), *error,
                              &outcome.failures);
        }
    } else {
        crashpoint::reach("target-ok");
        const QList<WriteOutcome> &outcomes = std::get<QList<WriteOutcome>>(result);
        for (qsizetype i = 0; i < records.size() && i < outcomes.size(); ++i) {
            const WriteOutcome &o = outcomes.at(i);
            if (!o.ok && (o.error.kind == ConnectorError::Kind::Cancelled ||
                          stopsTheRun(o.error))) {
                // Like a batch that failed whole: not written, not a failed record — the run
                // stops and the next one reads it again.
                if (!stop && o.error.kind != ConnectorError::Kind::Cancelled)
                    stop = o.error;
            } else if (o.ok) {
                outcome.written.append(
                    {records.at(i).recordId,
                     records.at(i).contentHash.isEmpty() ? o.contentHash
                                                         : records.at(i).contentHash,
                     o.targetRef, m_info.runId});
                // Only records that had failed before have a failure to resolve: usually
                // none, and one UPDATE per written record would cost more than the write.
                for (const TransformInput &input : sources.at(i)) {
                    if (m_openFailures.remove(input.id))
                        outcome.resolvedFailureIds << input.id;
                }
                m_info.counters.written += sources.at(i).size();
            } else {
                for (const TransformInput &input : sources.at(i))
                    recordFailure(FailureStage::Write, input, records.at(i).object(), o.error,
                                  &outcome.failures);
            }
        }
        if (m_writtenThisRun) { // even if the store fails below: a "perhaps" is safe
            for (const WrittenRecord &w : outcome.written)
                m_writtenThisRun->add(w.recordId);
        }
    }
    if (m_shared.state) {
        if (!stateWrite([&] { return m_shared.state->recordBatchOutcome(outcome); })) {
            // The written ids are safe in the batch's journal entry (the next run finds them
            // through the target); the failures are reported here and read again next run.
            stateFailed(RunText::tr("recording the outcome of batch %1 (%2 written, %3 "
                                    "failed)")
                            .arg(batchId)
                            .arg(outcome.written.size())
                            .arg(outcome.failures.size()),
                        outcome.failures);
            return;
        }
        crashpoint::reach("outcome-stored");
        m_target->forgetBatches({batchId});
    }
    checkFailureLimit();
    if (stop)
        abortOnWriteError(*stop);
}

void SchemeRun::stateFailed(const QString &while_, const QList<FailedRecord> &unsaved)
{
    const QString why = m_shared.state ? m_shared.state->lastError() : QString();
    for (const FailedRecord &f : unsaved) {
        // Nothing the run learnt is lost: a failure the store could not keep goes to the log
        // (and stderr) whole, payloads included; the record is also read again next run.
        const QJsonObject record{{QStringLiteral("scheme"), f.scheme},
                                 {QStringLiteral("run"), f.runId},
                                 {QStringLiteral("stage"), failureStageName(f.stage)},
                                 {QStringLiteral("record_id"), f.recordId},
                                 {QStringLiteral("error_code"), f.errorCode},
                                 {QStringLiteral("message"), f.message},
                                 {QStringLiteral("source_payload"), f.sourcePayload},
                                 {QStringLiteral("target_payload"), f.targetPayload}};
        log::error(QStringLiteral("failed record not stored: %1")
                       .arg(QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact))));
    }
    // No further batch may go out: what the store cannot record, the next run could not
    // account for.
    if (m_target)
        m_target->cancel();
    if (m_shared.state && m_shared.state->lastFailureWasFence()) {
        abort(RunText::tr("%1 while %2 — this run stops without writing anything more; the "
                          "process that holds the scheme now carries on")
                  .arg(why, while_),
              RunOutcome::Aborted, QStringLiteral("lease"));
        return;
    }
    abort(RunText::tr("the state store failed while %1: %2 — the run stops; the cursor "
                      "stays where it was and the next run reads from there again, so "
                      "nothing is lost")
              .arg(while_, why.isEmpty() ? QStringLiteral("unknown error") : why),
          RunOutcome::Aborted, QStringLiteral("state"));
}

bool SchemeRun::stopsTheRun(const ConnectorError &error)
{
    // Errors no record can get past: every further write would fail the same way.
    using Kind = ConnectorError::Kind;
    return error.kind == Kind::Auth || error.kind == Kind::Config || error.kind == Kind::Network;
}

void SchemeRun::abortOnWriteError(const ConnectorError &error)
{
    abort(RunText::tr("writing to %1 failed: %2 — the run stops here; records not written "
                      "are read again by the next run")
              .arg(m_scheme.target.connection, error.toString()),
          RunOutcome::Aborted, ConnectorError::kindName(error.kind));
}

void SchemeRun::recordFailure(FailureStage stage, const TransformInput &input,
                              const QJsonObject &targetPayload, const ConnectorError &error,
                              QList<FailedRecord> *batch)
{
    FailedRecord f;
    f.scheme = m_scheme.name;
    f.runId = m_info.runId;
    f.stage = stage;
    f.recordId = input.id;
    f.recordNumber = input.number;
    f.recordName = input.name;
    f.errorCode = error.code;
    f.message = error.message;
    f.sourcePayload = input.record.merged();
    f.targetPayload = targetPayload;
    if (stage != FailureStage::Fetch)
        ++m_info.counters.failed;
    if (batch)
        batch->append(std::move(f));
    else
        storeFailures({f});
}

void SchemeRun::storeFailures(const QList<FailedRecord> &failures)
{
    if (failures.isEmpty())
        return;
    if (m_shared.state && !m_options.dryRun &&
        !stateWrite([&] { return m_shared.state->recordFailures(failures); })) {
        stateFailed(RunText::tr("recording %1 failed records").arg(failures.size()), failures);
        return;
    }
    checkFailureLimit();
}

void SchemeRun::checkFailureLimit()
{
    if (m_scheme.errorPolicy.maxFailedRecords > 0 &&
        m_info.counters.failed >= m_scheme.errorPolicy.maxFailedRecords && !m_stopping) {
        abort(RunText::tr("%1 records failed, the scheme's limit (errorPolicy."
                          "maxFailedRecords): stopping")
                  .arg(m_info.counters.failed));
    }
}

void SchemeRun::resolveCoveredFetchFailures()
{
    // A page that could not be read is stored as a failure of stage fetch, and the cursor
    // stays before it, so the next run reads that span again. Once a run has read every
    // window to the end, the spans it covered hold no unread page any more: their fetch
    // failures are resolved (a source read whole covers everything).
    if (m_retryMode || m_options.dryRun || isLimited() || !m_shared.state ||
        !m_windows.allCommitted())
        return;
    FailedFilter filter;
    filter.scheme = m_scheme.name;
    filter.stage = FailureStage::Fetch;
    // A run from the scheme's starting point (no cursor yet, or --full) read all there is to
    // read: an earlier run that failed started from the same point, only computed a little
    // earlier when it is relative to now ("DAYS_AGO_…").
    const qint64 coveredStart = m_fromBeginning ? std::numeric_limits<qint64>::min()
                                                : m_windows.first().start;
    const qint64 coveredEnd = m_windows.last().end;
    QStringList covered;
    for (const FailedRecord &f : m_shared.state->failedRecords(filter)) {
        const qint64 start = f.sourcePayload.value(QLatin1String("window_start")).toInteger();
        const qint64 end = f.sourcePayload.value(QLatin1String("window_end")).toInteger();
        if (!m_incremental || (start >= coveredStart && end <= coveredEnd))
            covered << f.recordId;
    }
    if (covered.isEmpty())
        return;
    if (!stateWrite([&] {
            return m_shared.state->resolveFailures(m_scheme.name, covered, m_info.runId);
        })) {
        // Not a loss: the pages were read; their failures stay open until a later run.
        log::warn(QStringLiteral("scheme '%1': %2 page(s) that could not be read before were "
                                 "read now, but their failures could not be resolved: %3")
                      .arg(m_scheme.name)
                      .arg(covered.size())
                      .arg(m_shared.state->lastError()));
    } else {
        log::info(QStringLiteral("scheme '%1': %2 page(s) that could not be read before were "
                                 "read now; their failures are resolved")
                      .arg(m_scheme.name)
                      .arg(covered.size()));
    }
}

} // namespace weft
