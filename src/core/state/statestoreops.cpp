#include "core/state/statestore.h"
#include "core/state/statestore_p.h"

#include "core/log/logging.h"
#include "core/util/processidentity.h"

#include <QSqlError>
#include <QSqlQuery>

#include <iterator>
#include <numeric>

namespace weft {

using namespace statestore_detail;

namespace {

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

bool StateStore::tryAcquireLease(const QString &scheme, const QString &holder, int ttlSeconds)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expires = now + qint64(ttlSeconds) * 1000;
    // One conditional UPDATE takes a free, expired or own lease atomically; only when no row
    // exists yet does the INSERT race, and the primary key lets exactly one insert win.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE leases SET holder = ?, expires_at = ? WHERE scheme = ? AND "
                             "(holder = ? OR expires_at < ?)"));
    q.addBindValue(holder);
    q.addBindValue(expires);
    q.addBindValue(scheme);
    q.addBindValue(holder);
    q.addBindValue(now);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    if (q.numRowsAffected() > 0)
        return true;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO leases(scheme, holder, expires_at) VALUES (?, ?, ?)"));
    insert.addBindValue(scheme);
    insert.addBindValue(holder);
    insert.addBindValue(expires);
    if (insert.exec())
        return true;
    // The row exists and is someone else's, unexpired (or another process inserted first).
    QSqlQuery check(m_db);
    check.prepare(QStringLiteral("SELECT holder FROM leases WHERE scheme = ?"));
    check.addBindValue(scheme);
    if (!check.exec() || !check.next())
        return false;
    const QString current = check.value(0).toString();
    if (current == holder)
        return true;
    if (holderLiveness(current) != HolderLiveness::Gone)
        return false;
    // The holder was a process of this host that has ended (killed, crashed) without
    // releasing its lease: take it over now rather than after the lease expires. The
    // holder in the WHERE makes it a compare-and-swap, so of two runners doing this at
    // once only one wins.
    QSqlQuery takeOver(m_db);
    takeOver.prepare(QStringLiteral("UPDATE leases SET holder = ?, expires_at = ? WHERE scheme = ? "
                                    "AND holder = ?"));
    takeOver.addBindValue(holder);
    takeOver.addBindValue(expires);
    takeOver.addBindValue(scheme);
    takeOver.addBindValue(current);
    if (!takeOver.exec()) {
        m_lastError = takeOver.lastError().text();
        return false;
    }
    if (takeOver.numRowsAffected() > 0) {
        log::info(QStringLiteral("scheme '%1': took over the lease of %2, a process that has "
                                 "ended")
                      .arg(scheme, current));
        return true;
    }
    return false;
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
    q.prepare(QStringLiteral("SELECT holder FROM leases WHERE scheme = ? AND expires_at >= ?"));
    q.addBindValue(scheme);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    return q.exec() && q.next() ? q.value(0).toString() : QString();
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
    m_db.transaction();
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
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
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
