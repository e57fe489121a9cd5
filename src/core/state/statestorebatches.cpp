// The in-flight journal of batches handed to targets (exactly-once): what a run writes before
// a batch goes out, and what it records, in one transaction, once the batch's outcome is known.
#include "core/state/statestore.h"
#include "core/state/statestore_p.h"

#include "core/util/crashpoint.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace weft {

using namespace statestore_detail;

namespace {

QString journalText(const QList<InFlightRecord> &records)
{
    QJsonArray list;
    for (const InFlightRecord &r : records) {
        QJsonObject o{{QStringLiteral("id"), r.recordId},
                      {QStringLiteral("hash"), QString::fromLatin1(r.contentHash.toHex())}};
        if (!r.identity.isEmpty())
            o.insert(QStringLiteral("identity"), r.identity);
        if (!r.previousTargetRef.isEmpty())
            o.insert(QStringLiteral("previous"), r.previousTargetRef);
        // Most records come from one source record of the same id: only list the others.
        if (r.sourceIds != QStringList{r.recordId})
            o.insert(QStringLiteral("sources"), QJsonArray::fromStringList(r.sourceIds));
        list.append(o);
    }
    return QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact));
}

QList<InFlightRecord> journalRecords(const QString &text)
{
    QList<InFlightRecord> out;
    for (const QJsonValue &v : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        InFlightRecord r;
        r.recordId = o.value(QLatin1String("id")).toString();
        r.contentHash = QByteArray::fromHex(o.value(QLatin1String("hash")).toString().toLatin1());
        r.identity = o.value(QLatin1String("identity")).toString();
        r.previousTargetRef = o.value(QLatin1String("previous")).toString();
        const QJsonValue sources = o.value(QLatin1String("sources"));
        if (sources.isArray()) {
            for (const QJsonValue &s : sources.toArray())
                r.sourceIds << s.toString();
        } else {
            r.sourceIds << r.recordId;
        }
        out.append(r);
    }
    return out;
}

} // namespace

bool StateStore::journalBatch(const InFlightBatch &batch)
{
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO inflight_batches(scheme, batch_id, run_id, created_at, "
                             "records) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(batch.scheme);
    q.addBindValue(batch.batchId);
    q.addBindValue(batch.runId);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(journalText(batch.records));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return transaction.fail();
    }
    return transaction.commit();
}

std::optional<QList<InFlightBatch>> StateStore::inFlightBatches(const QString &scheme) const
{
    QList<InFlightBatch> out;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT batch_id, run_id, created_at, records FROM inflight_batches "
                             "WHERE scheme = ? ORDER BY created_at, batch_id"));
    q.addBindValue(scheme);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    while (q.next()) {
        InFlightBatch b;
        b.scheme = scheme;
        b.batchId = q.value(0).toString();
        b.runId = q.value(1).toString();
        b.createdAt = fromEpoch(q.value(2));
        b.records = journalRecords(q.value(3).toString());
        out.append(b);
    }
    return out;
}

bool StateStore::recordBatchOutcome(const BatchOutcome &outcome)
{
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    if (!markWritten(outcome.scheme, outcome.written))
        return transaction.fail();
    crashpoint::reach("outcome-inside");
    if (!resolveFailures(outcome.scheme, outcome.resolvedFailureIds, outcome.runId))
        return transaction.fail();
    if (!recordFailures(outcome.failures))
        return transaction.fail();
    if (!outcome.batchId.isEmpty()) {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM inflight_batches WHERE scheme = ? AND batch_id = ?"));
        q.addBindValue(outcome.scheme);
        q.addBindValue(outcome.batchId);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

} // namespace weft
