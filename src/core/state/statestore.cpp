#include "core/state/statestore.h"

#include "core/log/logging.h"
#include "core/util/processidentity.h"

#include <QAtomicInt>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>

#include <limits>
#include <numeric>

namespace weft {

namespace {

QAtomicInt g_connectionCounter;

// One schema migration: the statements for SQLite and for MySQL. Append only: a shipped
// migration is never edited, the next version changes what it must.
struct Migration {
    int version;
    QStringList sqlite;
    QStringList mysql;
};

const QList<Migration> &migrations()
{
    static const QList<Migration> list = {
        {1,
         {
             "CREATE TABLE runs (run_id TEXT PRIMARY KEY, scheme TEXT NOT NULL, trigger_kind "
             "TEXT, started_at INTEGER, finished_at INTEGER, outcome TEXT, read_count INTEGER "
             "DEFAULT 0, written_count INTEGER DEFAULT 0, skipped_count INTEGER DEFAULT 0, "
             "failed_count INTEGER DEFAULT 0, pages INTEGER DEFAULT 0, message TEXT)",
             "CREATE INDEX runs_scheme ON runs(scheme, started_at)",
             "CREATE TABLE cursors (scheme TEXT PRIMARY KEY, last_sync_time INTEGER NOT NULL, "
             "updated_at INTEGER)",
             "CREATE TABLE written_ids (scheme TEXT NOT NULL, record_id TEXT NOT NULL, "
             "content_hash BLOB, target_ref TEXT, run_id TEXT, written_at INTEGER, PRIMARY "
             "KEY(scheme, record_id)) WITHOUT ROWID",
             "CREATE TABLE failed_records (id INTEGER PRIMARY KEY AUTOINCREMENT, scheme TEXT "
             "NOT NULL, run_id TEXT, stage TEXT NOT NULL, record_id TEXT, record_number TEXT, "
             "record_name TEXT, error_code TEXT, message TEXT, source_payload TEXT, "
             "target_payload TEXT, attempts INTEGER DEFAULT 1, status TEXT NOT NULL, "
             "created_at INTEGER, updated_at INTEGER)",
             "CREATE INDEX failed_open ON failed_records(scheme, status, record_id)",
             "CREATE INDEX failed_run ON failed_records(run_id)",
             "CREATE TABLE local_records (scheme TEXT NOT NULL, record_id TEXT NOT NULL, "
             "payload TEXT, updated_at INTEGER, PRIMARY KEY(scheme, record_id)) WITHOUT ROWID",
             "CREATE TABLE api_calls (connection TEXT NOT NULL, endpoint TEXT NOT NULL, "
             "hour INTEGER NOT NULL, error_code TEXT NOT NULL DEFAULT '', calls INTEGER, "
             "throttled INTEGER, records INTEGER, latency_total_ms INTEGER, latency_hist TEXT, "
             "PRIMARY KEY(connection, endpoint, hour, error_code))",
         },
         {
             "CREATE TABLE runs (run_id VARCHAR(64) PRIMARY KEY, scheme VARCHAR(191) NOT NULL, "
             "trigger_kind VARCHAR(32), started_at BIGINT, finished_at BIGINT, outcome "
             "VARCHAR(32), read_count BIGINT DEFAULT 0, written_count BIGINT DEFAULT 0, "
             "skipped_count BIGINT DEFAULT 0, failed_count BIGINT DEFAULT 0, pages BIGINT "
             "DEFAULT 0, message TEXT, KEY runs_scheme (scheme, started_at)) CHARSET=utf8mb4",
             "CREATE TABLE cursors (scheme VARCHAR(191) PRIMARY KEY, last_sync_time BIGINT NOT "
             "NULL, updated_at BIGINT) CHARSET=utf8mb4",
             "CREATE TABLE written_ids (scheme VARCHAR(191) NOT NULL, record_id VARCHAR(191) "
             "NOT NULL, content_hash VARBINARY(32), target_ref VARCHAR(191), run_id VARCHAR(64), "
             "written_at BIGINT, PRIMARY KEY(scheme, record_id)) CHARSET=utf8mb4",
             "CREATE TABLE failed_records (id BIGINT PRIMARY KEY AUTO_INCREMENT, scheme "
             "VARCHAR(191) NOT NULL, run_id VARCHAR(64), stage VARCHAR(16) NOT NULL, record_id "
             "VARCHAR(191), record_number VARCHAR(191), record_name VARCHAR(191), error_code "
             "VARCHAR(64), message TEXT, source_payload LONGTEXT, target_payload LONGTEXT, "
             "attempts INT DEFAULT 1, status VARCHAR(16) NOT NULL, created_at BIGINT, updated_at "
             "BIGINT, KEY failed_open (scheme, status, record_id), KEY failed_run (run_id)) "
             "CHARSET=utf8mb4",
             "CREATE TABLE local_records (scheme VARCHAR(191) NOT NULL, record_id VARCHAR(191) "
             "NOT NULL, payload LONGTEXT, updated_at BIGINT, PRIMARY KEY(scheme, record_id)) "
             "CHARSET=utf8mb4",
             "CREATE TABLE api_calls (connection VARCHAR(191) NOT NULL, endpoint VARCHAR(191) "
             "NOT NULL, hour BIGINT NOT NULL, error_code VARCHAR(64) NOT NULL DEFAULT '', calls "
             "BIGINT, throttled BIGINT, records BIGINT, latency_total_ms BIGINT, latency_hist "
             "TEXT, PRIMARY KEY(connection, endpoint, hour, error_code)) CHARSET=utf8mb4",
         }},
        // 2: leases (one runner per scheme across processes) and alert bookkeeping.
        {2,
         {
             "CREATE TABLE leases (scheme TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at "
             "INTEGER NOT NULL)",
             "CREATE TABLE alerts_sent (rule TEXT NOT NULL, subject TEXT NOT NULL, sent_at "
             "INTEGER NOT NULL, message TEXT, PRIMARY KEY(rule, subject))",
         },
         {
             "CREATE TABLE leases (scheme VARCHAR(191) PRIMARY KEY, holder VARCHAR(191) NOT NULL, "
             "expires_at BIGINT NOT NULL) CHARSET=utf8mb4",
             "CREATE TABLE alerts_sent (rule VARCHAR(191) NOT NULL, subject VARCHAR(191) NOT NULL, "
             "sent_at BIGINT NOT NULL, message TEXT, PRIMARY KEY(rule, subject)) CHARSET=utf8mb4",
         }},
    };
    return list;
}

qint64 toEpoch(const QDateTime &dt)
{
    return dt.isValid() ? dt.toMSecsSinceEpoch() : 0;
}

QDateTime fromEpoch(const QVariant &v)
{
    const qint64 ms = v.toLongLong();
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

QString toJsonText(const QJsonObject &o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject fromJsonText(const QVariant &v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

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

QString placeholders(qsizetype n, const QString &one = QStringLiteral("?"))
{
    QString marks;
    marks.reserve(n * (one.size() + 1));
    for (qsizetype i = 0; i < n; ++i) {
        if (i)
            marks += u',';
        marks += one;
    }
    return marks;
}

// Bound values per statement when writing many rows at once: far under SQLite's and MySQL's
// limits, big enough that one statement does the work of hundreds.
constexpr qsizetype kChunkRows = 200;

} // namespace

namespace {

/// Feeds a JSON value to a hash in a compact, unambiguous form: a type tag, then the value;
/// strings and keys as their UTF-16 code units with a length first (no conversion, no
/// escaping, no allocation). QJsonObject iterates its keys sorted, so equal content hashes
/// equally whatever order the keys were inserted in.
void hashValue(QCryptographicHash &hash, const QJsonValue &v)
{
    auto addString = [&hash](const QString &s) {
        const qint64 n = s.size();
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(s.utf16()), n * 2));
    };
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined: hash.addData("n"); break;
    case QJsonValue::Bool: hash.addData(v.toBool() ? "t" : "f"); break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        hash.addData("d");
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&d), sizeof d));
        break;
    }
    case QJsonValue::String:
        hash.addData("s");
        addString(v.toString());
        break;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        hash.addData("[");
        for (const QJsonValue &e : a)
            hashValue(hash, e);
        hash.addData("]");
        break;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        hash.addData("{");
        for (auto it = o.begin(); it != o.end(); ++it) {
            addString(it.key());
            hashValue(hash, it.value());
        }
        hash.addData("}");
        break;
    }
    }
}

} // namespace

QByteArray contentHash(const QStringList &names, const QList<QJsonValue> &values)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData("{");
    for (qsizetype i = 0; i < names.size() && i < values.size(); ++i) {
        if (values.at(i).isUndefined())
            continue;
        const QString &name = names.at(i);
        const qint64 n = name.size();
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(name.utf16()), n * 2));
        hashValue(hash, values.at(i));
    }
    hash.addData("}");
    return hash.result();
}

QByteArray contentHash(const QJsonObject &payload)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hashValue(hash, payload);
    return hash.result();
}

QSqlQuery &StateStore::prepared(Statement which, const QString &sql) const
{
    std::unique_ptr<QSqlQuery> &q = m_prepared[int(which)];
    if (!q) {
        q = std::make_unique<QSqlQuery>(m_db);
        q->setForwardOnly(true);
        q->prepare(sql);
    }
    return *q;
}

StateStore::~StateStore()
{
    for (auto &q : m_prepared)
        q.reset();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

QString StateStore::defaultLocationFor(const QString &projectPath)
{
    QString base = projectPath;
    if (base.endsWith(QLatin1String(".json")))
        base.chop(5);
    return base + QStringLiteral(".state.sqlite");
}

std::unique_ptr<StateStore> StateStore::open(const QString &location, QString *error)
{
    std::unique_ptr<StateStore> store(new StateStore);
    store->m_location = location;
    store->m_connectionName =
        QStringLiteral("weft_state_%1").arg(g_connectionCounter.fetchAndAddRelaxed(1));
    if (location.startsWith(QLatin1String("mysql://"))) {
        store->m_mysql = true;
        const QUrl url(location);
        store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), store->m_connectionName);
        store->m_db.setHostName(url.host());
        store->m_db.setPort(url.port(3306));
        store->m_db.setUserName(url.userName());
        store->m_db.setPassword(url.password().isEmpty()
                                    ? qEnvironmentVariable("WEFT_STATE_PASSWORD")
                                    : url.password());
        store->m_db.setDatabaseName(url.path().mid(1));
        store->m_db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10"));
    } else {
        store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
        store->m_db.setDatabaseName(location);
        store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!store->m_db.open()) {
        if (error)
            *error = QStringLiteral("cannot open the state store %1: %2")
                         .arg(QUrl(location).toDisplayString(QUrl::RemovePassword),
                              store->m_db.lastError().text());
        return nullptr;
    }
    if (store->m_mysql) {
        store->exec(QStringLiteral("SET NAMES utf8mb4"));
    } else {
        // WAL keeps readers (the designer's tables) from blocking the runner; NORMAL sync is
        // durable against a process crash, which is what kill -9 tests.
        store->exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        store->exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        store->exec(QStringLiteral("PRAGMA foreign_keys=ON"));
    }
    QString migrateError;
    if (!store->migrate(&migrateError)) {
        if (error)
            *error = QStringLiteral("cannot prepare the state store %1: %2")
                         .arg(QUrl(location).toDisplayString(QUrl::RemovePassword),
                              migrateError);
        return nullptr;
    }
    return store;
}

bool StateStore::exec(const QString &sql)
{
    QSqlQuery q(m_db);
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

QString StateStore::upsertVerb() const
{
    return QStringLiteral("REPLACE");
}

int StateStore::schemaVersion() const
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) && q.next())
        return q.value(0).toInt();
    return 0;
}

bool StateStore::migrate(QString *error)
{
    if (!exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER "
                             "PRIMARY KEY, applied_at BIGINT)"))) {
        *error = m_lastError;
        return false;
    }
    // Several processes may open a new store at once (serve on two machines): one migrates,
    // the others wait and then find it done. MySQL DDL is not transactional, so a named lock
    // serialises it; SQLite's IMMEDIATE transaction takes the write lock up front.
    struct Unlock {
        StateStore *store;
        ~Unlock()
        {
            if (store->m_mysql)
                store->exec(QStringLiteral("DO RELEASE_LOCK('weft_state_migration')"));
        }
    } unlock{this};
    if (m_mysql) {
        QSqlQuery lock(m_db);
        if (!lock.exec(QStringLiteral("SELECT GET_LOCK('weft_state_migration', 60)")) ||
            !lock.next() || lock.value(0).toInt() != 1) {
            *error = QStringLiteral("could not lock the state store for its schema update "
                                    "(another process is updating it?)");
            return false;
        }
    }
    const int newest = migrations().last().version;
    for (const Migration &m : migrations()) {
        if (!m_mysql && !exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            *error = m_lastError;
            return false;
        }
        const int current = schemaVersion();
        if (current > newest) {
            if (!m_mysql)
                exec(QStringLiteral("ROLLBACK"));
            *error = QStringLiteral("it was created by a newer Weft (schema %1, this build knows "
                                    "%2); update Weft")
                         .arg(current)
                         .arg(newest);
            return false;
        }
        if (m.version <= current) {
            if (!m_mysql)
                exec(QStringLiteral("COMMIT"));
            continue;
        }
        // MySQL commits DDL implicitly, so a failed migration there is reported and must be
        // finished by hand (it never half-applies silently: the version row is written last).
        for (const QString &sql : m_mysql ? m.mysql : m.sqlite) {
            if (!exec(sql)) {
                *error = QStringLiteral("migration to schema %1 failed: %2")
                             .arg(m.version)
                             .arg(m_lastError);
                if (!m_mysql)
                    exec(QStringLiteral("ROLLBACK"));
                return false;
            }
        }
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)"));
        q.addBindValue(m.version);
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        if (!q.exec() || (!m_mysql && !exec(QStringLiteral("COMMIT")))) {
            *error = q.lastError().text() + m_lastError;
            if (!m_mysql)
                exec(QStringLiteral("ROLLBACK"));
            return false;
        }
    }
    return true;
}

// ---- runs -----------------------------------------------------------------------------

bool StateStore::beginRun(const RunInfo &run)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO runs(run_id, scheme, trigger_kind, started_at, "
                             "outcome) VALUES (?, ?, ?, ?, ?)"));
    q.addBindValue(run.runId);
    q.addBindValue(run.scheme);
    q.addBindValue(run.trigger);
    q.addBindValue(toEpoch(run.startedAt));
    q.addBindValue(runOutcomeName(run.outcome));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::updateRun(const RunInfo &run)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE runs SET finished_at = ?, outcome = ?, read_count = ?, "
                             "written_count = ?, skipped_count = ?, failed_count = ?, pages = ?, "
                             "message = ? WHERE run_id = ?"));
    q.addBindValue(toEpoch(run.finishedAt));
    q.addBindValue(runOutcomeName(run.outcome));
    q.addBindValue(run.counters.read);
    q.addBindValue(run.counters.written);
    q.addBindValue(run.counters.skipped);
    q.addBindValue(run.counters.failed);
    q.addBindValue(run.counters.pages);
    q.addBindValue(run.message);
    q.addBindValue(run.runId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

namespace {
RunInfo runFromQuery(const QSqlQuery &q)
{
    RunInfo r;
    r.runId = q.value(0).toString();
    r.scheme = q.value(1).toString();
    r.trigger = q.value(2).toString();
    r.startedAt = fromEpoch(q.value(3));
    r.finishedAt = fromEpoch(q.value(4));
    r.outcome = runOutcomeFromName(q.value(5).toString());
    r.counters.read = q.value(6).toLongLong();
    r.counters.written = q.value(7).toLongLong();
    r.counters.skipped = q.value(8).toLongLong();
    r.counters.failed = q.value(9).toLongLong();
    r.counters.pages = q.value(10).toLongLong();
    r.message = q.value(11).toString();
    return r;
}
const char *const kRunColumns = "run_id, scheme, trigger_kind, started_at, finished_at, outcome, "
                                "read_count, written_count, skipped_count, failed_count, pages, "
                                "message";
} // namespace

std::optional<RunInfo> StateStore::run(const QString &runId) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM runs WHERE run_id = ?")
                  .arg(QLatin1String(kRunColumns)));
    q.addBindValue(runId);
    if (q.exec() && q.next())
        return runFromQuery(q);
    return std::nullopt;
}

QList<RunInfo> StateStore::runs(const QString &scheme, int limit) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM runs %2 ORDER BY started_at DESC, run_id DESC "
                             "LIMIT %3")
                  .arg(QLatin1String(kRunColumns),
                       scheme.isEmpty() ? QString() : QStringLiteral("WHERE scheme = ?"))
                  .arg(limit));
    if (!scheme.isEmpty())
        q.addBindValue(scheme);
    QList<RunInfo> out;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(runFromQuery(q));
    return out;
}

int StateStore::closeAbandonedRuns(const QString &message, const QString &holder)
{
    QSqlQuery q(m_db);
    // A run is abandoned when its scheme's lease lapsed: the process running it stopped
    // renewing. Runs whose lease is alive belong to another process and are left alone.
    q.prepare(QStringLiteral("UPDATE runs SET outcome = ?, message = ?, finished_at = ? WHERE "
                             "outcome = ? AND scheme NOT IN (SELECT scheme FROM leases WHERE "
                             "expires_at >= ? AND holder <> ?)"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    q.addBindValue(runOutcomeName(RunOutcome::Aborted));
    q.addBindValue(message);
    q.addBindValue(now);
    q.addBindValue(runOutcomeName(RunOutcome::Running));
    q.addBindValue(now);
    q.addBindValue(holder.isNull() ? QStringLiteral("") : holder);
    if (!q.exec())
        return 0;
    return q.numRowsAffected();
}

// ---- cursors --------------------------------------------------------------------------

std::optional<qint64> StateStore::cursor(const QString &scheme) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT last_sync_time FROM cursors WHERE scheme = ?"));
    q.addBindValue(scheme);
    if (q.exec() && q.next())
        return q.value(0).toLongLong();
    return std::nullopt;
}

bool StateStore::setCursor(const QString &scheme, qint64 lastSyncTime)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("%1 INTO cursors(scheme, last_sync_time, updated_at) VALUES (?, ?, ?)")
                  .arg(upsertVerb()));
    q.addBindValue(scheme);
    q.addBindValue(lastSyncTime);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool StateStore::clearCursor(const QString &scheme)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM cursors WHERE scheme = ?"));
    q.addBindValue(scheme);
    return q.exec();
}

// ---- written ids ----------------------------------------------------------------------

QHash<QString, WrittenRecord> StateStore::written(const QString &scheme,
                                                  const QStringList &ids) const
{
    QHash<QString, WrittenRecord> out;
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
    // One prepared single-row statement, reused: with QtSql's binding this is several times
    // faster than multi-row statements prepared anew for every chunk.
    QSqlQuery &q = prepared(Statement::MarkWritten,
                            QStringLiteral("%1 INTO written_ids(scheme, record_id, content_hash, "
                                           "target_ref, run_id, written_at) VALUES (?, ?, ?, ?, "
                                           "?, ?)")
                                .arg(upsertVerb()));
    m_db.transaction();
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
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
}

bool StateStore::touchWritten(const QString &scheme, const QStringList &recordIds,
                              const QString &runId)
{
    if (recordIds.isEmpty())
        return true;
    m_db.transaction();
    for (qsizetype start = 0; start < recordIds.size(); start += kChunkRows) {
        const qsizetype n = std::min(kChunkRows, recordIds.size() - start);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE written_ids SET run_id = ? WHERE scheme = ? AND record_id "
                                 "IN (%1)")
                      .arg(placeholders(n)));
        q.addBindValue(runId);
        q.addBindValue(scheme);
        for (qsizetype i = start; i < start + n; ++i)
            q.addBindValue(recordIds.at(i));
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
}

qint64 StateStore::writtenCount(const QString &scheme) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM written_ids WHERE scheme = ?"));
    q.addBindValue(scheme);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
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
    m_db.transaction();
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
            m_db.rollback();
            return false;
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
        if (!ok) {
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
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
    if (recordIds.isEmpty())
        return true;
    m_db.transaction();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (qsizetype start = 0; start < recordIds.size(); start += kChunkRows) {
        const qsizetype n = std::min(kChunkRows, recordIds.size() - start);
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("UPDATE failed_records SET status = 'resolved', updated_at = ? "
                                 "WHERE scheme = ? AND status IN ('failed', 'retrying') AND "
                                 "(run_id IS NULL OR run_id <> ?) AND record_id IN (%1)")
                      .arg(placeholders(n)));
        q.addBindValue(now);
        q.addBindValue(scheme);
        // A null QString binds as SQL NULL, and "run_id <> NULL" is never true.
        q.addBindValue(exceptRunId.isNull() ? QStringLiteral("") : exceptRunId);
        for (qsizetype i = start; i < start + n; ++i)
            q.addBindValue(recordIds.at(i));
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
}

bool StateStore::setFailureStatus(const QList<qint64> &ids, FailureStatus status)
{
    m_db.transaction();
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE failed_records SET status = ?, updated_at = ? WHERE id = ?"));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const qint64 id : ids) {
        q.addBindValue(failureStatusName(status));
        q.addBindValue(now);
        q.addBindValue(id);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
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
    m_db.transaction();
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
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
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
