#include "core/state/statestore.h"
#include "core/state/statestore_p.h"

#include "core/log/logging.h"
#include "core/platform/processidentity.h"

#include <QSqlError>
#include <QSqlQuery>

#include <cmath>
#include <iterator>
#include <numeric>

namespace weft {

using namespace statestore_detail;

namespace {

// How long taking a lease waits for its row's lock (MySQL). A healthy holder keeps it for a
// few statements; longer means the holder stalled inside fenced().
constexpr int kLeaseLockWaitSeconds = 3;

// Latency histogram buckets (ms, upper bounds) for p50/p95 without storing every call.
constexpr int kLatencyBounds[] = {5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 30000,
                                  60000};
constexpr int kLatencyBucketCount = int(std::size(kLatencyBounds)) + 1;

int latencyBucket(int ms)
{
    for (int i = 0; i < int(std::size(kLatencyBounds)); ++i) {
        if (ms <= kLatencyBounds[i])
            return i;
    }
    return kLatencyBucketCount - 1;
}

} // namespace

// ---- leases ---------------------------------------------------------------------------

QString StateStore::nowMs() const
{
    // The database's clock, not this host's: two hosts whose clocks disagree still agree on
    // when a lease expired. (A SQLite store is a file of this host: its clock is the host's.)
    return m_mysql ? QStringLiteral("CAST(ROUND(UNIX_TIMESTAMP(NOW(3)) * 1000) AS SIGNED)")
                   : QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)");
}

QString StateStore::sessionId() const
{
    return m_mysql ? QStringLiteral("CONNECTION_ID()") : QStringLiteral("0");
}

bool StateStore::endStalledHolderSession(const QString &scheme)
{
    if (!m_mysql)
        return false;
    // A plain read sees the lease as last committed; the holder's open transaction only
    // locked the row. An unexpired lease is simply someone else's.
    QSqlQuery lease(m_db);
    lease.prepare(QStringLiteral("SELECT holder, session, %1 - expires_at FROM leases WHERE "
                                 "scheme = ? AND expires_at < %1 AND session > 0 AND session <> "
                                 "CONNECTION_ID()")
                      .arg(nowMs()));
    lease.addBindValue(scheme);
    if (!lease.exec() || !lease.next())
        return false;
    const QString stalled = lease.value(0).toString();
    const qint64 session = lease.value(1).toLongLong();
    const qint64 expiredForMs = lease.value(2).toLongLong();
    // That session must have been idle since before the lease expired: a holder that is
    // merely slow is active, and a session id reused after a server restart is someone
    // else's, busy or recently so.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM information_schema.PROCESSLIST WHERE ID = ? AND "
                             "COMMAND = 'Sleep' AND TIME_MS >= ?"));
    q.addBindValue(session);
    q.addBindValue(expiredForMs);
    if (!q.exec() || !q.next()) {
        log::warn(QStringLiteral("scheme '%1': the lease of %2 expired, but its database session "
                                 "%3 still holds the lease row locked and cannot be ended from "
                                 "here (%4); the scheme waits until that process resumes or its "
                                 "session ends. Run every serve process as the same MySQL user, "
                                 "or grant it PROCESS and CONNECTION ADMIN, so that a stalled "
                                 "holder can be cut off")
                      .arg(scheme, stalled)
                      .arg(session)
                      .arg(q.lastError().isValid() ? q.lastError().text()
                                                   : QStringLiteral("not visible, or active")));
        return false;
    }
    QSqlQuery kill(m_db);
    if (!kill.exec(QStringLiteral("KILL CONNECTION %1").arg(session))) {
        log::warn(QStringLiteral("scheme '%1': could not end the database session %2 of %3, "
                                 "whose lease expired while it held a transaction open: %4")
                      .arg(scheme)
                      .arg(session)
                      .arg(stalled, kill.lastError().text()));
        return false;
    }
    log::warn(QStringLiteral("scheme '%1': the lease of %2 expired while its database session "
                             "%3 held a transaction open (the process paused or cut off "
                             "mid-write); that session was ended, which rolls the transaction "
                             "back, and the lease is taken over")
                  .arg(scheme, stalled)
                  .arg(session));
    return true;
}

std::optional<qint64> StateStore::acquireLease(const QString &scheme, const QString &holder,
                                               int ttlSeconds)
{
    const qint64 ttlMs = qint64(ttlSeconds) * 1000;
    const auto epochOf = [&]() -> std::optional<qint64> {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT epoch FROM leases WHERE scheme = ? AND holder = ?"));
        q.addBindValue(scheme);
        q.addBindValue(holder);
        if (q.exec() && q.next())
            return q.value(0).toLongLong();
        m_lastError = q.lastError().text();
        return std::nullopt;
    };
    // One conditional UPDATE takes a free, expired or own lease atomically, with a new epoch;
    // only when no row exists yet does the INSERT race, and the primary key lets exactly one
    // insert win. On MySQL the wait for the row's lock is bounded: a holder paused inside
    // fenced() keeps it locked for as long as it is paused.
    const QString take =
        QStringLiteral("UPDATE leases SET holder = ?, expires_at = %1 + ?, epoch = epoch + 1, "
                       "session = %2 WHERE scheme = ? AND (holder = ? OR expires_at < %1)")
            .arg(nowMs(), sessionId());
    QSqlQuery q(m_db);
    q.prepare(m_mysql ? QStringLiteral("SET STATEMENT innodb_lock_wait_timeout = %1 FOR %2")
                            .arg(kLeaseLockWaitSeconds)
                            .arg(take)
                      : take);
    q.addBindValue(holder);
    q.addBindValue(ttlMs);
    q.addBindValue(scheme);
    q.addBindValue(holder);
    bool taken = q.exec();
    if (!taken && m_mysql && q.lastError().nativeErrorCode() == QLatin1String("1205") &&
        endStalledHolderSession(scheme))
        taken = q.exec();
    if (!taken) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (q.numRowsAffected() > 0)
        return epochOf();
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO leases(scheme, holder, expires_at, epoch, session) "
                                  "VALUES (?, ?, %1 + ?, 1, %2)")
                       .arg(nowMs(), sessionId()));
    insert.addBindValue(scheme);
    insert.addBindValue(holder);
    insert.addBindValue(ttlMs);
    if (insert.exec())
        return 1;
    // The row exists and is someone else's, unexpired (or another process inserted first).
    QSqlQuery check(m_db);
    check.prepare(QStringLiteral("SELECT holder FROM leases WHERE scheme = ?"));
    check.addBindValue(scheme);
    if (!check.exec() || !check.next())
        return std::nullopt;
    const QString current = check.value(0).toString();
    if (current == holder)
        return epochOf();
    if (holderLiveness(current) != HolderLiveness::Gone)
        return std::nullopt;
    // The holder was a process of this host that has ended (killed, crashed) without
    // releasing its lease: take it over now rather than after the lease expires. The holder
    // in the WHERE makes it a compare-and-swap, so of two runners doing this at once only one
    // wins.
    QSqlQuery takeOver(m_db);
    takeOver.prepare(QStringLiteral("UPDATE leases SET holder = ?, expires_at = %1 + ?, epoch = "
                                    "epoch + 1, session = %2 WHERE scheme = ? AND holder = ?")
                         .arg(nowMs(), sessionId()));
    takeOver.addBindValue(holder);
    takeOver.addBindValue(ttlMs);
    takeOver.addBindValue(scheme);
    takeOver.addBindValue(current);
    if (!takeOver.exec()) {
        m_lastError = takeOver.lastError().text();
        return std::nullopt;
    }
    if (takeOver.numRowsAffected() > 0) {
        log::info(QStringLiteral("scheme '%1': took over the lease of %2, a process that has "
                                 "ended")
                      .arg(scheme, current));
        return epochOf();
    }
    return std::nullopt;
}

bool StateStore::renewLease(const QString &scheme, const QString &holder, qint64 epoch,
                            int ttlSeconds)
{
    QSqlQuery q(m_db);
    // The session too: a holder that reconnected is reached under its new one.
    q.prepare(QStringLiteral("UPDATE leases SET expires_at = %1 + ?, session = %2 WHERE scheme = ? "
                             "AND holder = ? AND epoch = ?")
                  .arg(nowMs(), sessionId()));
    q.addBindValue(qint64(ttlSeconds) * 1000);
    q.addBindValue(scheme);
    q.addBindValue(holder);
    q.addBindValue(epoch);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() > 0)
        return true;
    // MySQL counts changed rows: an unchanged expiry (renewed twice in one millisecond) is 0.
    QSqlQuery check(m_db);
    check.prepare(QStringLiteral("SELECT 1 FROM leases WHERE scheme = ? AND holder = ? AND "
                                 "epoch = ?"));
    check.addBindValue(scheme);
    check.addBindValue(holder);
    check.addBindValue(epoch);
    if (check.exec() && check.next())
        return true;
    m_lastError = QStringLiteral("the lease was taken over");
    return false;
}

bool StateStore::fenced(const QString &scheme, const QString &holder, qint64 epoch,
                        const std::function<bool()> &writes)
{
    m_fenceRefused = false;
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT holder, epoch FROM leases WHERE scheme = ?%1")
                  .arg(m_mysql ? QStringLiteral(" FOR UPDATE") : QString()));
    q.addBindValue(scheme);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return transaction.fail();
    }
    const bool held = q.next() && q.value(0).toString() == holder &&
                      q.value(1).toLongLong() == epoch;
    if (!held) {
        m_fenceRefused = true;
        m_lastError = QStringLiteral("the lease on scheme '%1' is no longer this run's (now %2): "
                                     "another process took the scheme over")
                          .arg(scheme, q.isValid() ? QStringLiteral("held by %1, epoch %2")
                                                         .arg(q.value(0).toString())
                                                         .arg(q.value(1).toLongLong())
                                                   : QStringLiteral("free"));
        return transaction.fail();
    }
    q.finish();
    if (!writes())
        return transaction.fail();
    return transaction.commit();
}

bool StateStore::releaseLease(const QString &scheme, const QString &holder)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM leases WHERE scheme = ? AND holder = ?"));
    q.addBindValue(scheme);
    q.addBindValue(holder);
    return q.exec();
}

QString StateStore::leaseHolder(const QString &scheme) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT holder FROM leases WHERE scheme = ? AND expires_at >= %1")
                  .arg(nowMs()));
    q.addBindValue(scheme);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}

// ---- calls per account across processes -----------------------------------------------

qint64 StateStore::reserveCall(const QString &account, double perSecond, int perMinute,
                               int marginMs)
{
    Transaction transaction(this);
    if (!transaction.began())
        return -1;
    QSqlQuery q(m_db);
    const auto fail = [&]() -> qint64 {
        m_lastError = q.lastError().text();
        transaction.fail();
        return -1;
    };
    // The account's row serialises its processes (SQLite's write lock does that anyway).
    q.prepare(QStringLiteral("%1 INTO account_limits(account, paused_until) VALUES (?, 0)")
                  .arg(m_mysql ? QStringLiteral("INSERT IGNORE")
                               : QStringLiteral("INSERT OR IGNORE")));
    q.addBindValue(account);
    if (!q.exec())
        return fail();
    q.prepare(QStringLiteral("SELECT paused_until, %1 FROM account_limits WHERE account = ?%2")
                  .arg(nowMs(), m_mysql ? QStringLiteral(" FOR UPDATE") : QString()));
    q.addBindValue(account);
    if (!q.exec() || !q.next())
        return fail();
    const qint64 pausedUntil = q.value(0).toLongLong();
    const qint64 now = q.value(1).toLongLong();
    q.finish();
    if (pausedUntil > now) {
        transaction.commit();
        return pausedUntil - now;
    }
    // A rate below one a second is one call per 1/rate seconds; otherwise floor(rate) calls
    // in any second.
    qint64 wait = 0;
    const auto window = [&](qint64 spanMs, qint64 allowed) -> bool {
        q.prepare(QStringLiteral("SELECT at_ms FROM account_calls WHERE account = ? AND at_ms > ? "
                                 "ORDER BY at_ms DESC LIMIT %1")
                      .arg(allowed));
        q.addBindValue(account);
        q.addBindValue(now - spanMs);
        if (!q.exec())
            return false;
        qint64 n = 0, oldest = now;
        while (q.next()) {
            ++n;
            oldest = q.value(0).toLongLong();
        }
        if (n >= allowed)
            wait = std::max(wait, oldest + spanMs - now + 1);
        return true;
    };
    if (perSecond >= 1.0) {
        if (!window(1000 + marginMs, qint64(perSecond)))
            return fail();
    } else if (perSecond > 0) {
        if (!window(qint64(std::ceil(1000.0 / perSecond)) + marginMs, 1))
            return fail();
    }
    // A minute's window gets four times the slack: its calls come from more processes over a
    // longer time, and a quarter of a second less of a minute costs under 1 % of its budget.
    if (perMinute > 0 && !window(60000 + 4 * marginMs, perMinute))
        return fail();
    if (wait > 0) {
        transaction.commit();
        return wait;
    }
    q.prepare(QStringLiteral("INSERT INTO account_calls(account, at_ms) VALUES (?, ?)"));
    q.addBindValue(account);
    q.addBindValue(now);
    if (!q.exec())
        return fail();
    // Calls older than the longest window are of no use any more.
    q.prepare(QStringLiteral("DELETE FROM account_calls WHERE account = ? AND at_ms < ?"));
    q.addBindValue(account);
    q.addBindValue(now - 61000 - 4 * marginMs);
    if (!q.exec())
        return fail();
    return transaction.commit() ? 0 : -1;
}

bool StateStore::pauseAccount(const QString &account, int ms)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("%1 INTO account_limits(account, paused_until) VALUES (?, 0)")
                  .arg(m_mysql ? QStringLiteral("INSERT IGNORE")
                               : QStringLiteral("INSERT OR IGNORE")));
    q.addBindValue(account);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    q.prepare(QStringLiteral("UPDATE account_limits SET paused_until = CASE WHEN paused_until > %1 "
                             "+ ? THEN paused_until ELSE %1 + ? END WHERE account = ?")
                  .arg(nowMs()));
    q.addBindValue(ms);
    q.addBindValue(ms);
    q.addBindValue(account);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

// ---- heartbeats of serve processes -------------------------------------------------------

bool StateStore::heartbeat(const QString &holder, const QString &host, const QString &version,
                           const QDateTime &startedAt, const QStringList &running)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("%1 INTO processes(holder, host, version, started_at, last_seen, "
                             "running) VALUES (?, ?, ?, ?, %2, ?)")
                  .arg(upsertVerb(), nowMs()));
    q.addBindValue(holder);
    q.addBindValue(host);
    q.addBindValue(version);
    q.addBindValue(toEpoch(startedAt));
    q.addBindValue(running.join(u','));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::removeHeartbeat(const QString &holder)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM processes WHERE holder = ?"));
    q.addBindValue(holder);
    return q.exec();
}

QList<StateStore::ProcessBeat> StateStore::processes() const
{
    QList<ProcessBeat> out;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT holder, host, version, started_at, last_seen, running FROM "
                               "processes ORDER BY host, holder"))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                    fromEpoch(q.value(3)), fromEpoch(q.value(4)),
                    q.value(5).toString().split(u',', Qt::SkipEmptyParts)});
    }
    return out;
}

// ---- alert bookkeeping ----------------------------------------------------------------

QDateTime StateStore::alertSentAt(const QString &rule, const QString &subject) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT sent_at FROM alerts_sent WHERE rule = ? AND subject = ?"));
    q.addBindValue(rule);
    q.addBindValue(subject);
    return q.exec() && q.next() ? fromEpoch(q.value(0)) : QDateTime();
}

bool StateStore::noteAlertSent(const QString &rule, const QString &subject,
                               const QString &message)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("%1 INTO alerts_sent(rule, subject, sent_at, message) VALUES (?, ?, "
                             "?, ?)")
                  .arg(upsertVerb()));
    q.addBindValue(rule);
    q.addBindValue(subject);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    q.addBindValue(message);
    return q.exec();
}

std::optional<RunInfo> StateStore::lastRun(const QString &scheme, bool successfulOnly) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM runs WHERE scheme = ? %2 ORDER BY started_at DESC "
                             "LIMIT 1")
                  .arg(QLatin1String(kRunColumns),
                       successfulOnly ? QStringLiteral("AND outcome = 'succeeded'") : QString()));
    q.addBindValue(scheme);
    if (q.exec() && q.next())
        return runFromQuery(q);
    return std::nullopt;
}

// ---- API call statistics --------------------------------------------------------------

bool StateStore::addApiCalls(const QList<ApiCallSample> &samples)
{
    if (samples.isEmpty())
        return true;
    // Aggregate in memory first: one row per (connection, endpoint, hour, error code).
    struct Bucket {
        qint64 calls = 0, throttled = 0, records = 0, latency = 0;
        QList<qint64> hist = QList<qint64>(kLatencyBucketCount, 0);
    };
    QHash<QString, Bucket> buckets;
    QHash<QString, std::tuple<QString, QString, qint64, QString>> keys;
    for (const ApiCallSample &s : samples) {
        const qint64 hour = (s.at.isValid() ? s.at : QDateTime::currentDateTimeUtc())
                                .toSecsSinceEpoch() / 3600 * 3600;
        const QString key = s.connection + u'\x1f' + s.endpoint + u'\x1f' +
                            QString::number(hour) + u'\x1f' + s.errorCode;
        keys.insert(key, {s.connection, s.endpoint, hour, s.errorCode});
        Bucket &b = buckets[key];
        ++b.calls;
        b.throttled += s.throttled ? 1 : 0;
        b.records += s.records;
        b.latency += s.latencyMs;
        ++b.hist[latencyBucket(s.latencyMs)];
    }
    Transaction transaction(this);
    if (!transaction.began())
        return false;
    for (auto it = buckets.begin(); it != buckets.end(); ++it) {
        const auto &[connection, endpoint, hour, code] = keys.value(it.key());
        QSqlQuery sel(m_db);
        sel.prepare(QStringLiteral("SELECT calls, throttled, records, latency_total_ms, "
                                   "latency_hist FROM api_calls WHERE connection = ? AND endpoint "
                                   "= ? AND hour = ? AND error_code = ?"));
        sel.addBindValue(connection);
        sel.addBindValue(endpoint);
        sel.addBindValue(hour);
        // A successful call has no code: a null QString binds as SQL NULL, which the
        // NOT NULL DEFAULT '' column never equals, so bind '' (as REPLACE stores it).
        sel.addBindValue(code.isNull() ? QStringLiteral("") : code);
        Bucket merged = it.value();
        if (sel.exec() && sel.next()) {
            merged.calls += sel.value(0).toLongLong();
            merged.throttled += sel.value(1).toLongLong();
            merged.records += sel.value(2).toLongLong();
            merged.latency += sel.value(3).toLongLong();
            const QStringList old = sel.value(4).toString().split(u',');
            for (int i = 0; i < kLatencyBucketCount && i < old.size(); ++i)
                merged.hist[i] += old.at(i).toLongLong();
        }
        QStringList hist;
        for (const qint64 v : merged.hist)
            hist << QString::number(v);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("%1 INTO api_calls(connection, endpoint, hour, error_code, calls, "
                                 "throttled, records, latency_total_ms, latency_hist) VALUES (?, "
                                 "?, ?, ?, ?, ?, ?, ?, ?)")
                      .arg(upsertVerb()));
        q.addBindValue(connection);
        q.addBindValue(endpoint);
        q.addBindValue(hour);
        q.addBindValue(code.isNull() ? QStringLiteral("") : code);
        q.addBindValue(merged.calls);
        q.addBindValue(merged.throttled);
        q.addBindValue(merged.records);
        q.addBindValue(merged.latency);
        q.addBindValue(hist.join(u','));
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    return transaction.commit();
}

QList<ApiUsage> StateStore::apiUsage(const QDateTime &since, const QDateTime &until) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT connection, endpoint, error_code, calls, throttled, records, "
                             "latency_hist FROM api_calls WHERE hour >= ? AND hour <= ? ORDER BY "
                             "connection, endpoint"));
    q.addBindValue(since.toSecsSinceEpoch() / 3600 * 3600);
    q.addBindValue(until.toSecsSinceEpoch());
    QList<ApiUsage> out;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    QHash<QString, int> index;
    QHash<QString, QHash<QString, qint64>> codes;
    QHash<QString, QList<qint64>> hist;
    while (q.next()) {
        const QString key = q.value(0).toString() + u'\x1f' + q.value(1).toString();
        if (!index.contains(key)) {
            index.insert(key, int(out.size()));
            ApiUsage u;
            u.connection = q.value(0).toString();
            u.endpoint = q.value(1).toString();
            out.append(u);
            hist.insert(key, QList<qint64>(kLatencyBucketCount, 0));
        }
        ApiUsage &u = out[index.value(key)];
        const qint64 calls = q.value(3).toLongLong();
        u.calls += calls;
        u.throttled += q.value(4).toLongLong();
        u.records += q.value(5).toLongLong();
        const QString code = q.value(2).toString();
        if (!code.isEmpty()) {
            u.errors += calls;
            codes[key][code] += calls;
        }
        const QStringList h = q.value(6).toString().split(u',');
        for (int i = 0; i < kLatencyBucketCount && i < h.size(); ++i)
            hist[key][i] += h.at(i).toLongLong();
    }
    for (auto it = index.begin(); it != index.end(); ++it) {
        ApiUsage &u = out[it.value()];
        const auto &c = codes.value(it.key());
        for (auto ci = c.begin(); ci != c.end(); ++ci)
            u.errorsByCode.append({ci.key(), ci.value()});
        std::sort(u.errorsByCode.begin(), u.errorsByCode.end(),
                  [](const auto &a, const auto &b) { return a.second > b.second; });
        const QList<qint64> &h = hist.value(it.key());
        const qint64 total = std::accumulate(h.begin(), h.end(), qint64(0));
        auto percentile = [&](double p) {
            qint64 seen = 0;
            for (int i = 0; i < kLatencyBucketCount; ++i) {
                seen += h.at(i);
                if (total > 0 && seen >= p * total)
                    return i < int(std::size(kLatencyBounds)) ? kLatencyBounds[i] : 60000;
            }
            return 0;
        };
        u.p50Ms = percentile(0.5);
        u.p95Ms = percentile(0.95);
    }
    return out;
}

} // namespace weft
