#include "core/state/statestore.h"

#include "core/connectors/mysqlsql.h"
#include "core/log/logging.h"
#include "core/platform/filepermissions.h"
#include "core/state/backfillstore.h"
#include "core/state/opsstore.h"
#include "core/state/qualitystore.h"
#include "core/state/sqlitewrittenids.h"
#include "core/state/statestore_p.h"

#include <QAtomicInt>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>
#include <limits>
#include <numeric>

namespace weft {

using namespace statestore_detail;

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
        // 3: exactly-once — the in-flight journal of batches handed to a target, the store's
        // own id (keeps two stores' batches apart in a target's write ledger); the production
        // service — lease epochs (fencing: a lease taken over gets a new epoch), calls per
        // account across processes, heartbeats of serve processes.
        {3,
         {
             "CREATE TABLE store_info (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
             "INSERT INTO store_info(name, value) VALUES ('store_id', lower(hex(randomblob(16))))",
             "CREATE TABLE inflight_batches (scheme TEXT NOT NULL, batch_id TEXT NOT NULL, "
             "run_id TEXT, created_at INTEGER, records TEXT NOT NULL, PRIMARY KEY(scheme, "
             "batch_id))",
             "ALTER TABLE leases ADD COLUMN epoch INTEGER NOT NULL DEFAULT 0",
             // Calls per account, counted across processes (AccountLimits).
             "CREATE TABLE account_calls (id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT "
             "NULL, at_ms INTEGER NOT NULL)",
             "CREATE INDEX account_calls_at ON account_calls(account, at_ms)",
             "CREATE TABLE account_limits (account TEXT PRIMARY KEY, paused_until INTEGER NOT "
             "NULL DEFAULT 0)",
             // Heartbeats of serve processes.
             "CREATE TABLE processes (holder TEXT PRIMARY KEY, host TEXT, version TEXT, "
             "started_at INTEGER, last_seen INTEGER, running TEXT)",
         },
         {
             "CREATE TABLE store_info (name VARCHAR(64) PRIMARY KEY, value VARCHAR(191) NOT "
             "NULL) CHARSET=utf8mb4",
             "INSERT INTO store_info(name, value) VALUES ('store_id', REPLACE(UUID(), '-', ''))",
             "CREATE TABLE inflight_batches (scheme VARCHAR(191) NOT NULL, batch_id VARCHAR(128) "
             "NOT NULL, run_id VARCHAR(64), created_at BIGINT, records LONGTEXT NOT NULL, "
             "PRIMARY KEY(scheme, batch_id)) CHARSET=utf8mb4",
             "ALTER TABLE leases ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0",
             "CREATE TABLE account_calls (id BIGINT PRIMARY KEY AUTO_INCREMENT, account "
             "VARCHAR(191) NOT NULL, at_ms BIGINT NOT NULL, KEY account_calls_at (account, "
             "at_ms)) CHARSET=utf8mb4",
             "CREATE TABLE account_limits (account VARCHAR(191) PRIMARY KEY, paused_until BIGINT "
             "NOT NULL DEFAULT 0) CHARSET=utf8mb4",
             "CREATE TABLE processes (holder VARCHAR(191) PRIMARY KEY, host VARCHAR(191), version "
             "VARCHAR(32), started_at BIGINT, last_seen BIGINT, running TEXT) CHARSET=utf8mb4",
         }},
        // 4: the database session that holds a lease (MySQL's CONNECTION_ID()), so that a
        // holder paused inside a transaction can be cut off once its lease expired
        // (StateStore::acquireLease). SQLite keeps 0: its holders share one host's file lock.
        {4,
         {"ALTER TABLE leases ADD COLUMN session INTEGER NOT NULL DEFAULT 0"},
         {"ALTER TABLE leases ADD COLUMN session BIGINT NOT NULL DEFAULT 0"}},
        // 5: backfills split across processes: plans and their windows (backfillstore.h).
        {5, BackfillStore::schema(false), BackfillStore::schema(true)},
        // 6: operations from the desktop — progress snapshots of running runs, control
        // requests to serve processes, paused schedules, run logs (opsstore.h).
        {6, OperationsStore::schema(false), OperationsStore::schema(true)},
        // 7: runs' quality summaries — validate rules' outcomes, windows reconciled with the
        // source's totals (qualitystore.h).
        {7, QualityStore::schema(false), QualityStore::schema(true)},
    };
    return list;
}

} // namespace

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
    m_sqliteIds.reset();
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
        const QString password = url.password().isEmpty()
                                     ? qEnvironmentVariable("WEFT_STATE_PASSWORD")
                                     : url.password();
        log::registerSecret(password);
        store->m_db.setPassword(password);
        store->m_db.setDatabaseName(url.path().mid(1));
        // TLS as for MySQL connections: mysql://…/db?sslMode=verify-ca&sslCa=/etc/weft/ca.pem
        const QUrlQuery query(url);
        QString tlsError;
        const auto tls = mySqlTlsOptions(query.queryItemValue(QStringLiteral("sslMode")),
                                         query.queryItemValue(QStringLiteral("sslCa"),
                                                              QUrl::FullyDecoded),
                                         &tlsError);
        if (!tls) {
            if (error)
                *error = QStringLiteral("cannot open the state store %1: %2")
                             .arg(url.toDisplayString(QUrl::RemovePassword), tlsError);
            return nullptr;
        }
        QString openError;
        if (!openMySqlWith(&store->m_db, *tls, &openError)) {
            if (error)
                *error = QStringLiteral("cannot open the state store %1: %2")
                             .arg(url.toDisplayString(QUrl::RemovePassword), openError);
            return nullptr;
        }
    } else {
        // A store made by an earlier version may be readable by others: no longer.
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            restrictFile(location + suffix);
        store->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), store->m_connectionName);
        store->m_db.setDatabaseName(location);
        store->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    }
    if (!store->m_db.isOpen() && !store->m_db.open()) {
        if (error)
            *error = QStringLiteral("cannot open the state store %1: %2")
                         .arg(QUrl(location).toDisplayString(QUrl::RemovePassword),
                              store->m_db.lastError().text());
        return nullptr;
    }
    if (store->m_mysql) {
        store->exec(QStringLiteral("SET NAMES utf8mb4"));
    } else {
        // WAL keeps readers (the designer's tables) from blocking the runner. FULL syncs the
        // log at every commit: with NORMAL a power cut (or an OS crash) may take back the last
        // commits — among them the journal entry of a batch the target has since committed,
        // which the next run would then write a second time. What it costs is measured in
        // bench/README.md ("State store durability").
        store->exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        // WEFT_STATE_SYNCHRONOUS=NORMAL exists to measure that cost and for the power-loss
        // test's control run (which must then find the loss); never for production.
        const QString synchronous =
            qEnvironmentVariable("WEFT_STATE_SYNCHRONOUS", QStringLiteral("FULL")).toUpper();
        store->exec(QStringLiteral("PRAGMA synchronous=%1")
                        .arg(synchronous == QLatin1String("NORMAL") ||
                                     synchronous == QLatin1String("EXTRA")
                                 ? synchronous
                                 : QStringLiteral("FULL")));
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
    QString idError;
    if (!store->readStoreId(&idError)) {
        if (error)
            *error = QStringLiteral("cannot read the state store %1: %2")
                         .arg(QUrl(location).toDisplayString(QUrl::RemovePassword), idError);
        return nullptr;
    }
    if (!store->m_mysql)
        store->m_sqliteIds = SqliteWrittenIds::attach(store->m_db);
    return store;
}

bool StateStore::ensureConnected()
{
    if (!m_mysql)
        return true;
    if (m_transactionDepth == 0 && exec(QStringLiteral("DO 1")))
        return true;
    if (m_transactionDepth > 0)
        return true; // never in the middle of a transaction
    for (auto &q : m_prepared)
        q.reset();
    m_db.close();
    if (!m_db.open()) {
        m_lastError = m_db.lastError().text();
        return false;
    }
    if (!exec(QStringLiteral("SET NAMES utf8mb4")))
        return false;
    log::info(QStringLiteral("state store %1: connected again")
                  .arg(QUrl(m_location).toDisplayString(QUrl::RemovePassword)));
    return true;
}

bool StateStore::readStoreId(QString *error)
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT value FROM store_info WHERE name = 'store_id'")) ||
        !q.next()) {
        *error = q.lastError().isValid() ? q.lastError().text()
                                         : QStringLiteral("it has no store id");
        return false;
    }
    m_storeId = q.value(0).toString();
    return true;
}

bool StateStore::beginTransaction()
{
    if (m_transactionDepth > 0) {
        ++m_transactionDepth;
        return true;
    }
    // SQLite: IMMEDIATE takes the write lock now (waiting up to the busy timeout), so a store
    // locked by another process fails here, before anything is written, not at COMMIT.
    if (!exec(m_mysql ? QStringLiteral("START TRANSACTION")
                      : QStringLiteral("BEGIN IMMEDIATE")))
        return false;
    m_transactionDepth = 1;
    m_transactionFailed = false;
    return true;
}

bool StateStore::commitTransaction()
{
    Q_ASSERT(m_transactionDepth > 0);
    if (--m_transactionDepth > 0)
        return !m_transactionFailed;
    if (m_transactionFailed) {
        exec(QStringLiteral("ROLLBACK"));
        m_transactionFailed = false;
        return false;
    }
    if (!exec(QStringLiteral("COMMIT"))) {
        const QString error = m_lastError;
        exec(QStringLiteral("ROLLBACK"));
        m_lastError = error;
        return false;
    }
    return true;
}

void StateStore::rollbackTransaction()
{
    Q_ASSERT(m_transactionDepth > 0);
    m_transactionFailed = true;
    if (--m_transactionDepth > 0)
        return;
    const QString error = m_lastError; // the cause, not the rollback's answer
    exec(QStringLiteral("ROLLBACK"));
    m_lastError = error;
    m_transactionFailed = false;
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
    // A shared (MySQL) store keeps the history by its own clock: runs of hosts whose clocks
    // disagree must not appear to overlap, or leave gaps, in it.
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT INTO runs(run_id, scheme, trigger_kind, started_at, "
                             "outcome) VALUES (?, ?, ?, %1, ?)")
                  .arg(m_mysql ? nowMs() : QStringLiteral("?")));
    q.addBindValue(run.runId);
    q.addBindValue(run.scheme);
    q.addBindValue(run.trigger);
    if (!m_mysql)
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
    q.prepare(QStringLiteral("UPDATE runs SET finished_at = %1, outcome = ?, read_count = ?, "
                             "written_count = ?, skipped_count = ?, failed_count = ?, pages = ?, "
                             "message = ? WHERE run_id = ?")
                  .arg(m_mysql && run.finishedAt.isValid() ? nowMs() : QStringLiteral("?")));
    if (!(m_mysql && run.finishedAt.isValid()))
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

int StateStore::closeAbandonedRuns(const QString &message, const QString &holder,
                                   const QString &scheme)
{
    QSqlQuery q(m_db);
    // A run is abandoned when its scheme's lease lapsed: the process running it stopped
    // renewing. Runs whose lease is alive belong to another process and are left alone.
    q.prepare(QStringLiteral("UPDATE runs SET outcome = ?, message = ?, finished_at = %1 WHERE "
                             "outcome = ? AND scheme NOT IN (SELECT scheme FROM leases WHERE "
                             "expires_at >= %1 AND holder <> ?)%2")
                  .arg(nowMs(), scheme.isEmpty() ? QString() : QStringLiteral(" AND scheme = ?")));
    q.addBindValue(runOutcomeName(RunOutcome::Aborted));
    q.addBindValue(message);
    q.addBindValue(runOutcomeName(RunOutcome::Running));
    q.addBindValue(holder.isNull() ? QStringLiteral("") : holder);
    if (!scheme.isEmpty())
        q.addBindValue(scheme);
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

} // namespace weft
