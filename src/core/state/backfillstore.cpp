#include "core/state/backfillstore.h"

#include "core/state/statestore.h"
#include "core/state/statestore_p.h"

#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace weft {

using namespace statestore_detail;

namespace {

const QString kPending = QStringLiteral("pending");
const QString kRunning = QStringLiteral("running");
const QString kDone = QStringLiteral("done");
const QString kFailed = QStringLiteral("failed");

} // namespace

BackfillStore::BackfillStore(StateStore *state)
    : m_state(state)
{}

QStringList BackfillStore::schema(bool mysql)
{
    if (!mysql) {
        return {
            QStringLiteral("CREATE TABLE backfill_plans (scheme TEXT PRIMARY KEY, span_start "
                           "INTEGER NOT NULL, span_end INTEGER NOT NULL, window_seconds INTEGER "
                           "NOT NULL, created_at INTEGER)"),
            QStringLiteral("CREATE TABLE backfill_windows (scheme TEXT NOT NULL, window_start "
                           "INTEGER NOT NULL, window_end INTEGER NOT NULL, lease TEXT NOT NULL, "
                           "state TEXT NOT NULL, holder TEXT, epoch INTEGER NOT NULL DEFAULT 0, "
                           "attempts INTEGER NOT NULL DEFAULT 0, records INTEGER NOT NULL "
                           "DEFAULT 0, message TEXT, updated_at INTEGER, PRIMARY KEY(scheme, "
                           "window_start))"),
        };
    }
    return {
        QStringLiteral("CREATE TABLE backfill_plans (scheme VARCHAR(191) PRIMARY KEY, span_start "
                       "BIGINT NOT NULL, span_end BIGINT NOT NULL, window_seconds BIGINT NOT "
                       "NULL, created_at BIGINT) CHARSET=utf8mb4"),
        QStringLiteral("CREATE TABLE backfill_windows (scheme VARCHAR(191) NOT NULL, window_start "
                       "BIGINT NOT NULL, window_end BIGINT NOT NULL, lease VARCHAR(191) NOT "
                       "NULL, state VARCHAR(16) NOT NULL, holder VARCHAR(191), epoch BIGINT NOT "
                       "NULL DEFAULT 0, attempts INT NOT NULL DEFAULT 0, records BIGINT NOT NULL "
                       "DEFAULT 0, message TEXT, updated_at BIGINT, PRIMARY KEY(scheme, "
                       "window_start)) CHARSET=utf8mb4"),
    };
}

QString BackfillStore::leaseName(const QString &scheme, qint64 windowStart)
{
    return scheme + QStringLiteral("#backfill@") + QString::number(windowStart);
}

QString BackfillStore::trigger(qint64 windowStart)
{
    return QStringLiteral("backfill:") + QString::number(windowStart);
}

bool BackfillStore::makePlan(const BackfillPlan &wanted, const QList<TimeWindow> &cut,
                             QString *error)
{
    m_conflict = false;
    QSqlDatabase db = m_state->database();
    const bool mysql = m_state->isMySql();
    const QString insertIgnore =
        mysql ? QStringLiteral("INSERT IGNORE") : QStringLiteral("INSERT OR IGNORE");
    StateStore::Transaction transaction(m_state);
    const auto fail = [&](const QSqlQuery &q) {
        m_lastError = q.lastError().text();
        *error = m_lastError;
        return transaction.fail();
    };
    if (!transaction.began()) {
        *error = m_lastError = m_state->lastError();
        return false;
    }
    QSqlQuery q(db);
    q.prepare(QStringLiteral("%1 INTO backfill_plans(scheme, span_start, span_end, "
                             "window_seconds, created_at) VALUES (?, ?, ?, ?, ?)")
                  .arg(insertIgnore));
    q.addBindValue(wanted.scheme);
    q.addBindValue(wanted.spanStart);
    q.addBindValue(wanted.spanEnd);
    q.addBindValue(wanted.windowSeconds);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return fail(q);
    // The plan's row serialises the workers that make or join it.
    q.prepare(QStringLiteral("SELECT span_start, span_end, window_seconds FROM backfill_plans "
                             "WHERE scheme = ?%1")
                  .arg(mysql ? QStringLiteral(" FOR UPDATE") : QString()));
    q.addBindValue(wanted.scheme);
    if (!q.exec() || !q.next())
        return fail(q);
    const BackfillPlan existing{wanted.scheme, q.value(0).toLongLong(), q.value(1).toLongLong(),
                                q.value(2).toLongLong()};
    q.finish();
    if (!(existing == wanted)) {
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM backfill_windows WHERE scheme = ? AND "
                                 "state <> ?"));
        q.addBindValue(wanted.scheme);
        q.addBindValue(kDone);
        if (!q.exec() || !q.next())
            return fail(q);
        const qint64 unfinished = q.value(0).toLongLong();
        q.finish();
        if (unfinished > 0) {
            *error = m_lastError =
                QStringLiteral("scheme '%1' has an unfinished backfill of another span (%2 .. "
                               "%3 in windows of %4 s, %5 window(s) not done): join it without "
                               "--from/--to/--window, or drop it with --reset")
                    .arg(wanted.scheme,
                         QDateTime::fromSecsSinceEpoch(existing.spanStart, Qt::UTC)
                             .toString(Qt::ISODate),
                         QDateTime::fromSecsSinceEpoch(existing.spanEnd, Qt::UTC)
                             .toString(Qt::ISODate))
                    .arg(existing.windowSeconds)
                    .arg(unfinished);
            m_conflict = true;
            return transaction.fail();
        }
        // The old plan is wholly done: this is a new backfill.
        q.prepare(QStringLiteral("DELETE FROM backfill_windows WHERE scheme = ?"));
        q.addBindValue(wanted.scheme);
        if (!q.exec())
            return fail(q);
        q.prepare(QStringLiteral("UPDATE backfill_plans SET span_start = ?, span_end = ?, "
                                 "window_seconds = ?, created_at = ? WHERE scheme = ?"));
        q.addBindValue(wanted.spanStart);
        q.addBindValue(wanted.spanEnd);
        q.addBindValue(wanted.windowSeconds);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        q.addBindValue(wanted.scheme);
        if (!q.exec())
            return fail(q);
    }
    // Every worker inserts the same windows; those already there (claimed, done) stay as
    // they are.
    for (qsizetype i = 0; i < cut.size(); i += kChunkRows) {
        const QList<TimeWindow> chunk = cut.mid(i, kChunkRows);
        q.prepare(QStringLiteral("%1 INTO backfill_windows(scheme, window_start, window_end, "
                                 "lease, state, updated_at) VALUES %2")
                      .arg(insertIgnore, placeholders(chunk.size(), QStringLiteral("(?, ?, ?, "
                                                                                   "?, ?, ?)"))));
        for (const TimeWindow &w : chunk) {
            q.addBindValue(wanted.scheme);
            q.addBindValue(w.start);
            q.addBindValue(w.end);
            q.addBindValue(leaseName(wanted.scheme, w.start));
            q.addBindValue(kPending);
            q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        }
        if (!q.exec())
            return fail(q);
    }
    if (!transaction.commit()) {
        *error = m_lastError = m_state->lastError();
        return false;
    }
    return true;
}

std::optional<BackfillPlan> BackfillStore::plan(const QString &scheme) const
{
    QSqlQuery q(m_state->database());
    q.prepare(QStringLiteral("SELECT span_start, span_end, window_seconds FROM backfill_plans "
                             "WHERE scheme = ?"));
    q.addBindValue(scheme);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return BackfillPlan{scheme, q.value(0).toLongLong(), q.value(1).toLongLong(),
                        q.value(2).toLongLong()};
}

QList<BackfillWindow> BackfillStore::windows(const QString &scheme) const
{
    QList<BackfillWindow> out;
    QSqlQuery q(m_state->database());
    q.prepare(QStringLiteral("SELECT w.window_start, w.window_end, w.state, w.holder, w.epoch, "
                             "w.attempts, w.records, w.message, w.updated_at, EXISTS (SELECT 1 "
                             "FROM leases l WHERE l.scheme = w.lease AND l.expires_at >= %1) "
                             "FROM backfill_windows w WHERE w.scheme = ? ORDER BY "
                             "w.window_start")
                  .arg(m_state->nowMs()));
    q.addBindValue(scheme);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        BackfillWindow w;
        w.window = {q.value(0).toLongLong(), q.value(1).toLongLong()};
        w.state = q.value(2).toString();
        w.holder = q.value(3).toString();
        w.epoch = q.value(4).toLongLong();
        w.attempts = q.value(5).toLongLong();
        w.records = q.value(6).toLongLong();
        w.message = q.value(7).toString();
        w.updatedAt = fromEpoch(q.value(8));
        w.leaseAlive = q.value(9).toBool();
        out.append(w);
    }
    return out;
}

bool BackfillStore::inProgress(const QString &scheme) const
{
    QSqlQuery q(m_state->database());
    q.prepare(QStringLiteral("SELECT 1 FROM backfill_windows WHERE scheme = ? AND state <> ? "
                             "LIMIT 1"));
    q.addBindValue(scheme);
    q.addBindValue(kDone);
    return q.exec() && q.next();
}

bool BackfillStore::dropPlan(const QString &scheme)
{
    StateStore::Transaction transaction(m_state);
    if (!transaction.began())
        return false;
    QSqlQuery q(m_state->database());
    for (const char *table : {"backfill_windows", "backfill_plans"}) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE scheme = ?").arg(QLatin1String(table)));
        q.addBindValue(scheme);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

int BackfillStore::retryFailed(const QString &scheme)
{
    QSqlQuery q(m_state->database());
    q.prepare(QStringLiteral("UPDATE backfill_windows SET state = ?, attempts = 0, updated_at = ? "
                             "WHERE scheme = ? AND state = ?"));
    q.addBindValue(kPending);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(scheme);
    q.addBindValue(kFailed);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return -1;
    }
    return q.numRowsAffected();
}

std::optional<BackfillClaim> BackfillStore::claim(const QString &scheme, const QString &holder,
                                                  int ttlSeconds, QString *error)
{
    error->clear();
    const bool mysql = m_state->isMySql();
    // Windows whose lease another process took between this claim's read and its take are
    // passed over (rare: the read saw the lease expired, its holder renewed it just after).
    QList<qint64> passedOver;
    for (int round = 0; round < 8; ++round) {
        StateStore::Transaction transaction(m_state);
        if (!transaction.began()) {
            *error = m_lastError = m_state->lastError();
            return std::nullopt;
        }
        QSqlQuery q(m_state->database());
        const auto fail = [&]() -> std::optional<BackfillClaim> {
            *error = m_lastError = q.lastError().text();
            transaction.fail();
            return std::nullopt;
        };
        // One window per transaction, the first claimable one; SKIP LOCKED passes over the
        // rows other claimers hold locked this instant, so no claimer waits for another and
        // no two take one window. A running window is claimable once its lease expired, by
        // the database's clock (the lease's holder stopped renewing: killed, paused, cut
        // off).
        QString sql =
            QStringLiteral("SELECT w.window_start, w.window_end, w.attempts FROM "
                           "backfill_windows w WHERE w.scheme = ? AND (w.state = ? OR (w.state = ? "
                           "AND w.attempts < %1) OR (w.state = ? AND NOT EXISTS (SELECT 1 FROM "
                           "leases l WHERE l.scheme = w.lease AND l.expires_at >= %2)))")
                .arg(kMaxAttempts)
                .arg(m_state->nowMs());
        if (!passedOver.isEmpty())
            sql += QStringLiteral(" AND w.window_start NOT IN (%1)")
                       .arg(placeholders(passedOver.size()));
        sql += QStringLiteral(" ORDER BY w.window_start LIMIT 1");
        if (mysql)
            sql += QStringLiteral(" FOR UPDATE SKIP LOCKED");
        q.prepare(sql);
        q.addBindValue(scheme);
        q.addBindValue(kPending);
        q.addBindValue(kFailed);
        q.addBindValue(kRunning);
        for (const qint64 start : passedOver)
            q.addBindValue(start);
        if (!q.exec())
            return fail();
        if (!q.next()) {
            transaction.commit();
            return std::nullopt;
        }
        BackfillClaim claim;
        claim.window = {q.value(0).toLongLong(), q.value(1).toLongLong()};
        claim.attempt = q.value(2).toLongLong() + 1;
        claim.leaseName = leaseName(scheme, claim.window.start);
        q.finish();
        const std::optional<qint64> epoch =
            m_state->acquireLease(claim.leaseName, holder, ttlSeconds);
        if (!epoch) {
            transaction.fail();
            passedOver.append(claim.window.start);
            continue;
        }
        claim.epoch = *epoch;
        const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
        q.prepare(QStringLiteral("UPDATE backfill_windows SET state = ?, holder = ?, epoch = ?, "
                                 "attempts = attempts + 1, message = NULL, updated_at = ? WHERE "
                                 "scheme = ? AND window_start = ?"));
        q.addBindValue(kRunning);
        q.addBindValue(holder);
        q.addBindValue(claim.epoch);
        q.addBindValue(nowMs);
        q.addBindValue(scheme);
        q.addBindValue(claim.window.start);
        if (!q.exec())
            return fail();
        // Holding the window's lease, runs of the window still marked running were left by
        // a process that stopped renewing it: closed, so history tells the truth.
        q.prepare(QStringLiteral("UPDATE runs SET outcome = ?, message = ?, finished_at = ? "
                                 "WHERE scheme = ? AND trigger_kind = ? AND outcome = ?"));
        q.addBindValue(runOutcomeName(RunOutcome::Aborted));
        q.addBindValue(QStringLiteral("its window's lease lapsed — the process running it ended, "
                                      "or was paused or cut off past the lease — and another "
                                      "worker took the window over"));
        q.addBindValue(nowMs);
        q.addBindValue(scheme);
        q.addBindValue(trigger(claim.window.start));
        q.addBindValue(runOutcomeName(RunOutcome::Running));
        if (!q.exec())
            return fail();
        if (!transaction.commit()) {
            *error = m_lastError = m_state->lastError();
            return std::nullopt;
        }
        return claim;
    }
    return std::nullopt;
}

bool BackfillStore::markDone(const QString &scheme, qint64 windowStart, const QString &holder,
                             qint64 records)
{
    QSqlQuery q(m_state->database());
    q.prepare(QStringLiteral("UPDATE backfill_windows SET state = ?, records = ?, message = NULL, "
                             "updated_at = ? WHERE scheme = ? AND window_start = ? AND holder = ? "
                             "AND state = ?"));
    q.addBindValue(kDone);
    q.addBindValue(records);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(scheme);
    q.addBindValue(windowStart);
    q.addBindValue(holder);
    q.addBindValue(kRunning);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() != 1) {
        m_lastError = QStringLiteral("the backfill window is no longer this worker's");
        return false;
    }
    return true;
}

bool BackfillStore::giveBack(const QString &scheme, qint64 windowStart, const QString &holder,
                             bool failed, const QString &message)
{
    StateStore::Transaction transaction(m_state);
    if (!transaction.began()) {
        m_lastError = m_state->lastError();
        return false;
    }
    QSqlQuery q(m_state->database());
    // A cancelled claim does not count as an attempt.
    q.prepare(QStringLiteral("UPDATE backfill_windows SET state = ?, message = ?, attempts = "
                             "attempts - ?, updated_at = ? WHERE scheme = ? AND window_start = ? "
                             "AND holder = ? AND state = ?"));
    q.addBindValue(failed ? kFailed : kPending);
    q.addBindValue(message);
    q.addBindValue(failed ? 0 : 1);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(scheme);
    q.addBindValue(windowStart);
    q.addBindValue(holder);
    q.addBindValue(kRunning);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return transaction.fail();
    }
    if (q.numRowsAffected() > 0) {
        // Given back, the window's lease goes too (its run released it already, unless the
        // run never got going), so the next claim need not wait for it to expire.
        q.prepare(QStringLiteral("DELETE FROM leases WHERE scheme = ? AND holder = ?"));
        q.addBindValue(leaseName(scheme, windowStart));
        q.addBindValue(holder);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

std::optional<qint64> BackfillStore::advanceCursor(const QString &scheme)
{
    const bool mysql = m_state->isMySql();
    StateStore::Transaction transaction(m_state);
    if (!transaction.began()) {
        m_lastError = m_state->lastError();
        return std::nullopt;
    }
    QSqlQuery q(m_state->database());
    const auto fail = [&]() -> std::optional<qint64> {
        m_lastError = q.lastError().text();
        transaction.fail();
        return std::nullopt;
    };
    // Locked first, so this transaction's reads come after every other worker's advance has
    // committed — and with it the window that worker marked done. (InnoDB takes a
    // transaction's snapshot at its first plain read, which is after this lock.)
    q.prepare(QStringLiteral("SELECT span_start FROM backfill_plans WHERE scheme = ?%1")
                  .arg(mysql ? QStringLiteral(" FOR UPDATE") : QString()));
    q.addBindValue(scheme);
    if (!q.exec())
        return fail();
    if (!q.next()) {
        transaction.commit();
        return m_state->cursor(scheme);
    }
    q.finish();
    q.prepare(QStringLiteral("SELECT window_end, state FROM backfill_windows WHERE scheme = ? "
                             "ORDER BY window_start"));
    q.addBindValue(scheme);
    if (!q.exec())
        return fail();
    std::optional<qint64> prefixEnd;
    while (q.next()) {
        if (q.value(1).toString() != kDone)
            break;
        prefixEnd = q.value(0).toLongLong();
    }
    q.finish();
    const std::optional<qint64> cursor = m_state->cursor(scheme);
    if (!prefixEnd || (cursor && *cursor >= *prefixEnd)) {
        transaction.commit();
        return cursor;
    }
    if (!m_state->setCursor(scheme, *prefixEnd)) {
        m_lastError = m_state->lastError();
        transaction.fail();
        return std::nullopt;
    }
    if (!transaction.commit()) {
        m_lastError = m_state->lastError();
        return std::nullopt;
    }
    return prefixEnd;
}

} // namespace weft
