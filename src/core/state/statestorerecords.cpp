#include "core/state/statestore.h"
#include "core/state/statestore_p.h"
#include "core/state/sqlitewrittenids.h"
#include "core/util/crashpoint.h"

#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

#include <limits>

namespace weft {

using namespace statestore_detail;

// ---- written ids ----------------------------------------------------------------------

QHash<QString, WrittenRecord> StateStore::written(const QString &scheme,
                                                  const QStringList &ids) const
{
    QHash<QString, WrittenRecord> out;
    if (m_sqliteIds) {
        QString error;
        if (!m_sqliteIds->lookup(scheme, ids, &out, &error))
            m_lastError = error;
        return out;
    }
    // Looked up in chunks with an IN list: one statement answers hundreds of ids. The
    // statement for a full chunk is prepared once; a shorter last chunk gets its own.
    constexpr qsizetype kChunk = 250;
    const auto sqlFor = [](qsizetype n) {
        return QStringLiteral("SELECT record_id, content_hash, target_ref, run_id FROM "
                              "written_ids WHERE scheme = ? AND record_id IN (%1)")
            .arg(placeholders(n));
    };
    for (qsizetype start = 0; start < ids.size(); start += kChunk) {
        const qsizetype n = std::min(kChunk, ids.size() - start);
        QSqlQuery adhoc(m_db);
        QSqlQuery &q = n == kChunk ? prepared(Statement::LookupWritten, sqlFor(kChunk)) : adhoc;
        if (n != kChunk) {
            q.setForwardOnly(true);
            q.prepare(sqlFor(n));
        }
        q.bindValue(0, scheme);
        for (qsizetype i = 0; i < n; ++i)
            q.bindValue(int(i + 1), ids.at(start + i));
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            continue;
        }
        while (q.next()) {
            const QString id = q.value(0).toString();
            out.insert(id, WrittenRecord{id, q.value(1).toByteArray(), q.value(2).toString(),
                                         q.value(3).toString()});
        }
        q.finish();
    }
    return out;
}

bool StateStore::markWritten(const QString &scheme, const QList<WrittenRecord> &records)
{
    if (records.isEmpty())
        return true;
    if (m_sqliteIds) {
        Transaction transaction(this);
        if (!transaction.began())
            return false;
        QString error;
        if (!m_sqliteIds->mark(scheme, records, QDateTime::currentMSecsSinceEpoch(), &error)) {
            m_lastError = error;
            return transaction.fail();
        }
        return transaction.commit();
    }
    // One prepared single-row statement, reused: with QtSql's binding this is several times
    // faster than multi-row statements prepared anew for every chunk.
    QSqlQuery &q = prepared(Statement::MarkWritten,
                            QStringLiteral("%1 INTO written_ids(scheme, record_id, content_hash, "
                                           "target_ref, run_id, written_at) VALUES (?, ?, ?, ?, "
                                           "?, ?)")
                                .arg(upsertVerb()));
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const WrittenRecord &r : records) {
        q.bindValue(0, scheme);
        q.bindValue(1, r.recordId);
        q.bindValue(2, r.contentHash);
        q.bindValue(3, r.targetRef);
        q.bindValue(4, r.runId);
        q.bindValue(5, now);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

bool StateStore::updateByIds(const QString &sql, const QVariantList &leading,
                             const QStringList &recordIds)
{
    if (recordIds.isEmpty())
        return true;
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    for (qsizetype start = 0; start < recordIds.size(); start += kChunkRows) {
        const qsizetype n = std::min(kChunkRows, recordIds.size() - start);
        QSqlQuery q(m_db);
        q.prepare(sql.arg(placeholders(n)));
        for (const QVariant &v : leading)
            q.addBindValue(v);
        for (qsizetype i = start; i < start + n; ++i)
            q.addBindValue(recordIds.at(i));
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

bool StateStore::touchWritten(const QString &scheme, const QStringList &recordIds,
                              const QString &runId)
{
    return updateByIds(QStringLiteral("UPDATE written_ids SET run_id = ? WHERE scheme = ? AND "
                                      "record_id IN (%1)"),
                       {runId, scheme}, recordIds);
}

qint64 StateStore::writtenCount(const QString &scheme) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM written_ids WHERE scheme = ?"));
    q.addBindValue(scheme);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool StateStore::hasWritten(const QString &scheme) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM written_ids WHERE scheme = ? LIMIT 1"));
    q.addBindValue(scheme);
    // On a database error: "yes", the answer that costs lookups rather than correctness.
    return !q.exec() || q.next();
}

bool StateStore::forgetWritten(const QString &scheme)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM written_ids WHERE scheme = ?"));
    q.addBindValue(scheme);
    return q.exec();
}

// ---- failed records -------------------------------------------------------------------

bool StateStore::recordFailures(const QList<FailedRecord> &failures)
{
    if (failures.isEmpty())
        return true;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    QSqlQuery find(m_db);
    find.prepare(QStringLiteral("SELECT id FROM failed_records WHERE scheme = ? AND stage = ? AND "
                                "record_id = ? AND status IN ('failed', 'retrying')"));
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE failed_records SET run_id = ?, error_code = ?, message "
                                  "= ?, source_payload = ?, target_payload = ?, attempts = "
                                  "attempts + 1, status = 'failed', updated_at = ?, record_number "
                                  "= ?, record_name = ? WHERE id = ?"));
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO failed_records(scheme, run_id, stage, record_id, "
                                  "record_number, record_name, error_code, message, "
                                  "source_payload, target_payload, attempts, status, created_at, "
                                  "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const FailedRecord &f : failures) {
        find.addBindValue(f.scheme);
        find.addBindValue(failureStageName(f.stage));
        find.addBindValue(f.recordId);
        if (!find.exec()) {
            m_lastError = find.lastError().text();
            return transaction.fail();
        }
        bool ok;
        if (find.next()) {
            const qint64 id = find.value(0).toLongLong();
            find.finish();
            update.addBindValue(f.runId);
            update.addBindValue(f.errorCode);
            update.addBindValue(f.message);
            update.addBindValue(toJsonText(f.sourcePayload));
            update.addBindValue(toJsonText(f.targetPayload));
            update.addBindValue(now);
            update.addBindValue(f.recordNumber);
            update.addBindValue(f.recordName);
            update.addBindValue(id);
            ok = update.exec();
            if (!ok)
                m_lastError = update.lastError().text();
        } else {
            find.finish();
            insert.addBindValue(f.scheme);
            insert.addBindValue(f.runId);
            insert.addBindValue(failureStageName(f.stage));
            insert.addBindValue(f.recordId);
            insert.addBindValue(f.recordNumber);
            insert.addBindValue(f.recordName);
            insert.addBindValue(f.errorCode);
            insert.addBindValue(f.message);
            insert.addBindValue(toJsonText(f.sourcePayload));
            insert.addBindValue(toJsonText(f.targetPayload));
            insert.addBindValue(std::max(1, f.attempts));
            insert.addBindValue(failureStatusName(f.status));
            insert.addBindValue(now);
            insert.addBindValue(now);
            ok = insert.exec();
            if (!ok)
                m_lastError = insert.lastError().text();
        }
        if (!ok)
            return transaction.fail();
    }
    crashpoint::reach("failures-inside");
    return transaction.commit();
}

QSet<QString> StateStore::openFailureIds(const QString &scheme) const
{
    QSet<QString> out;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT record_id FROM failed_records WHERE scheme = ? AND status IN "
                             "('failed', 'retrying')"));
    q.addBindValue(scheme);
    if (q.exec()) {
        while (q.next())
            out.insert(q.value(0).toString());
    }
    return out;
}

bool StateStore::resolveFailures(const QString &scheme, const QStringList &recordIds,
                                 const QString &exceptRunId)
{
    // A null QString binds as SQL NULL, and "run_id <> NULL" is never true.
    return updateByIds(QStringLiteral("UPDATE failed_records SET status = 'resolved', updated_at "
                                      "= ? WHERE scheme = ? AND status IN ('failed', 'retrying') "
                                      "AND (run_id IS NULL OR run_id <> ?) AND record_id IN (%1)"),
                       {QDateTime::currentMSecsSinceEpoch(), scheme,
                        exceptRunId.isNull() ? QStringLiteral("") : exceptRunId},
                       recordIds);
}

bool StateStore::setFailureStatus(const QList<qint64> &ids, FailureStatus status)
{
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE failed_records SET status = ?, updated_at = ? WHERE id = ?"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const qint64 id : ids) {
        q.addBindValue(failureStatusName(status));
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

bool StateStore::updateFailurePayload(qint64 id, const QJsonObject &sourcePayload)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE failed_records SET source_payload = ?, updated_at = ? WHERE "
                             "id = ?"));
    q.addBindValue(toJsonText(sourcePayload));
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

namespace {

// Builds the WHERE clause of a failed-records filter with its bound values.
QString failedWhere(const FailedFilter &f, QVariantList *binds)
{
    QStringList clauses;
    if (!f.scheme.isEmpty()) {
        clauses << QStringLiteral("scheme = ?");
        *binds << f.scheme;
    }
    if (!f.runId.isEmpty()) {
        clauses << QStringLiteral("run_id = ?");
        *binds << f.runId;
    }
    if (f.stage) {
        clauses << QStringLiteral("stage = ?");
        *binds << failureStageName(*f.stage);
    }
    if (f.status) {
        clauses << QStringLiteral("status = ?");
        *binds << failureStatusName(*f.status);
    } else {
        clauses << QStringLiteral("status IN ('failed', 'retrying')");
    }
    if (!f.text.isEmpty()) {
        clauses << QStringLiteral("(message LIKE ? OR record_id LIKE ? OR record_number LIKE ?)");
        const QString like = u'%' + f.text + u'%';
        *binds << like << like << like;
    }
    if (!f.recordIds.isEmpty()) {
        QStringList marks;
        for (const QString &id : f.recordIds) {
            marks << QStringLiteral("?");
            *binds << id;
        }
        clauses << QStringLiteral("record_id IN (%1)").arg(marks.join(u','));
    }
    return clauses.isEmpty() ? QString() : QStringLiteral(" WHERE ") + clauses.join(" AND ");
}

} // namespace

QList<FailedRecord> StateStore::failedRecords(const FailedFilter &filter) const
{
    QVariantList binds;
    QString sql = QStringLiteral("SELECT id, scheme, run_id, stage, record_id, record_number, "
                                 "record_name, error_code, message, source_payload, "
                                 "target_payload, attempts, status, created_at, updated_at FROM "
                                 "failed_records") +
                  failedWhere(filter, &binds) + QStringLiteral(" ORDER BY id");
    if (filter.limit >= 0)
        sql += QStringLiteral(" LIMIT %1 OFFSET %2").arg(filter.limit).arg(filter.offset);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    QList<FailedRecord> out;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        FailedRecord f;
        f.id = q.value(0).toLongLong();
        f.scheme = q.value(1).toString();
        f.runId = q.value(2).toString();
        f.stage = failureStageFromName(q.value(3).toString());
        f.recordId = q.value(4).toString();
        f.recordNumber = q.value(5).toString();
        f.recordName = q.value(6).toString();
        f.errorCode = q.value(7).toString();
        f.message = q.value(8).toString();
        f.sourcePayload = fromJsonText(q.value(9));
        f.targetPayload = fromJsonText(q.value(10));
        f.attempts = q.value(11).toInt();
        f.status = failureStatusFromName(q.value(12).toString());
        f.createdAt = fromEpoch(q.value(13));
        f.updatedAt = fromEpoch(q.value(14));
        out.append(f);
    }
    return out;
}

qint64 StateStore::countFailed(const FailedFilter &filter) const
{
    QVariantList binds;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM failed_records") + failedWhere(filter, &binds));
    for (const QVariant &b : binds)
        q.addBindValue(b);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

// ---- local store ----------------------------------------------------------------------

bool StateStore::upsertLocal(const QString &scheme, const QList<QJsonObject> &records,
                             const QStringList &recordIds)
{
    Q_ASSERT(records.size() == recordIds.size());
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("%1 INTO local_records(scheme, record_id, payload, updated_at) "
                             "VALUES (?, ?, ?, ?)")
                  .arg(upsertVerb()));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype i = 0; i < records.size(); ++i) {
        q.addBindValue(scheme);
        q.addBindValue(recordIds.at(i));
        q.addBindValue(QString::fromUtf8(QJsonDocument(records.at(i)).toJson(QJsonDocument::Compact)));
        q.addBindValue(now);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

bool StateStore::forEachLocal(
    const QString &scheme,
    const std::function<void(const QString &, const QJsonObject &)> &visit, qint64 offset,
    qint64 limit) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT record_id, payload FROM local_records WHERE scheme = ? ORDER "
                             "BY record_id LIMIT %1 OFFSET %2")
                  .arg(limit < 0 ? std::numeric_limits<qint64>::max() : limit)
                  .arg(offset));
    q.addBindValue(scheme);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    while (q.next())
        visit(q.value(0).toString(), fromJsonText(q.value(1)));
    return true;
}

qint64 StateStore::localCount(const QString &scheme) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM local_records WHERE scheme = ?"));
    q.addBindValue(scheme);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace weft
