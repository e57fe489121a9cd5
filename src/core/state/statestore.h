#pragma once

#include "core/state/staterecords.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <QSet>
#include <QString>

#include <array>
#include <functional>
#include <memory>
#include <optional>

namespace weft {

class SqliteWrittenIds;

/// 状态库: sync cursors, written ids with content hashes, runs, failed records, API call
/// statistics and the local store.
///
/// SQLite by default (a file beside the project); MySQL/MariaDB when opened with a
/// `mysql://user[:password]@host[:port]/database` URL, so several runners can share it. One
/// instance owns one database connection: use it from the thread that opened it. Every
/// write is its own transaction, so a crash (even kill -9) leaves a consistent store.
class StateStore final
{
public:
    ~StateStore();
    StateStore(const StateStore &) = delete;
    StateStore &operator=(const StateStore &) = delete;

    /// Opens (creating and migrating as needed) the store at `location`: a file path or a
    /// mysql:// URL. Returns nullptr and sets `error` on failure.
    static std::unique_ptr<StateStore> open(const QString &location, QString *error);
    /// The default location for a project file: "shop.weft.json" → "shop.weft.state.sqlite".
    static QString defaultLocationFor(const QString &projectPath);

    QString location() const { return m_location; }
    bool isMySql() const { return m_mysql; }
    /// The store's own id, made when it was created. Two stores (a test and a production
    /// project) may write to one target database: the MySQL targets' write ledger keeps their
    /// batches apart by it.
    QString storeId() const { return m_storeId; }
    int schemaVersion() const;
    /// The last database error, for messages.
    QString lastError() const { return m_lastError; }
    /// A MySQL store whose connection was lost (the server restarted, a network cut) connects
    /// again; true when the store is usable. Called before each run and scheduler tick: a
    /// lost connection stops the run that meets it, not every run after it.
    bool ensureConnected();

    // Runs
    bool beginRun(const RunInfo &run);
    bool updateRun(const RunInfo &run); ///< counters, outcome, end time, message
    std::optional<RunInfo> run(const QString &runId) const;
    QList<RunInfo> runs(const QString &scheme = QString(), int limit = 100) const;
    /// Runs still marked running whose process is gone are closed as aborted: those of schemes
    /// whose lease lapsed, or is now held by `holder` (the caller, who took it over). With
    /// `scheme`, only that scheme's: a serve process runs several schemes under one holder,
    /// and the lease of one says nothing about its other runs.
    int closeAbandonedRuns(const QString &message, const QString &holder = QString(),
                           const QString &scheme = QString());

    // Sync cursors (LAST_SYNC_TIME, Unix seconds)
    std::optional<qint64> cursor(const QString &scheme) const;
    bool setCursor(const QString &scheme, qint64 lastSyncTime);
    bool clearCursor(const QString &scheme);

    // Written ids (idCheck)
    /// Those of `ids` already written: their content hash and target reference.
    QHash<QString, WrittenRecord> written(const QString &scheme, const QStringList &ids) const;
    bool markWritten(const QString &scheme, const QList<WrittenRecord> &records);
    /// Notes that a run met these written records again unchanged (skipped by idCheck), so a
    /// second record with the same id later in the run is recognised as a duplicate.
    bool touchWritten(const QString &scheme, const QStringList &recordIds, const QString &runId);
    qint64 writtenCount(const QString &scheme) const;
    /// Whether the scheme has any written id (cheaper than writtenCount() > 0).
    bool hasWritten(const QString &scheme) const;
    bool forgetWritten(const QString &scheme);

    // In-flight batches (exactly-once; docs/architecture.md "Exactly once")
    /// Journals a batch before it is handed to the target. Durable when this returns true:
    /// a SQLite store syncs the commit to disk (synchronous=FULL), so not even a power cut
    /// between this and the target's commit can make the run forget the batch was sent.
    bool journalBatch(const InFlightBatch &batch);
    /// The scheme's batches whose outcome was never recorded, oldest first; std::nullopt when
    /// the store cannot be read.
    std::optional<QList<InFlightBatch>> inFlightBatches(const QString &scheme) const;
    /// Records what became of a batch — written ids, resolved and new failures — and removes
    /// its journal entry, all in one transaction: either all of it is stored or none.
    bool recordBatchOutcome(const BatchOutcome &outcome);

    // Failed records
    /// Adds failures; a record that already has an open failure at the same stage has it
    /// updated (attempts + 1, new message, payloads and run) instead of a duplicate row.
    bool recordFailures(const QList<FailedRecord> &failures);
    /// The record ids of the scheme's open failures (failed or retrying).
    QSet<QString> openFailureIds(const QString &scheme) const;
    /// Marks open failures of these records resolved (they were written since) — except those
    /// recorded by `exceptRunId`, which belong to another record of that run with the same id.
    bool resolveFailures(const QString &scheme, const QStringList &recordIds,
                         const QString &exceptRunId = QString());
    bool setFailureStatus(const QList<qint64> &ids, FailureStatus status);
    bool updateFailurePayload(qint64 id, const QJsonObject &sourcePayload);
    QList<FailedRecord> failedRecords(const FailedFilter &filter) const;
    qint64 countFailed(const FailedFilter &filter) const;

    // Local store (the platform's "写入空操作" target; lookups read it)
    bool upsertLocal(const QString &scheme, const QList<QJsonObject> &records,
                     const QStringList &recordIds);
    /// Calls `visit` for every record of `scheme`, streaming, so memory stays flat.
    bool forEachLocal(const QString &scheme,
                      const std::function<void(const QString &id, const QJsonObject &)> &visit,
                      qint64 offset = 0, qint64 limit = -1) const;
    qint64 localCount(const QString &scheme) const;

    // Leases: at most one runner per scheme, also across processes sharing a MySQL store.
    // Expiry is decided by the state database's clock, never a host's own.
    /// Takes the lease on `scheme` for `ttlSeconds` if it is free, expired or already
    /// `holder`'s, and returns its epoch — a number that grows at every acquisition, so that
    /// a run that lost its lease (paused, cut off) and comes back can no longer write
    /// (fenced()). A holder that crashes simply stops renewing; its lease expires — or, when
    /// the holder names a process of this host that has ended (processidentity.h), is taken
    /// over at once. std::nullopt when someone else holds it (or the store failed). A MySQL
    /// holder whose lease expired while it sat paused inside a transaction has its database
    /// session ended (endStalledHolderSession), or its lock would keep every process out.
    std::optional<qint64> acquireLease(const QString &scheme, const QString &holder,
                                       int ttlSeconds);
    /// acquireLease() as a yes/no.
    bool tryAcquireLease(const QString &scheme, const QString &holder, int ttlSeconds)
    {
        return acquireLease(scheme, holder, ttlSeconds).has_value();
    }
    /// Extends a lease this holder acquired with `epoch`; false once another process took it
    /// over (or the store failed: lastError() says which).
    bool renewLease(const QString &scheme, const QString &holder, qint64 epoch, int ttlSeconds);
    bool releaseLease(const QString &scheme, const QString &holder);
    /// The current (unexpired) holder, empty when none.
    QString leaseHolder(const QString &scheme) const;
    /// Runs `writes` (calls of this store) in one transaction with a check that `holder`
    /// still holds the scheme's lease with `epoch`: all of it, or — when the lease was taken
    /// over, or a write failed — nothing, and false (lastError() says why). On MySQL the lease
    /// row is locked for the transaction, so a takeover waits for it, or it for the takeover.
    bool fenced(const QString &scheme, const QString &holder, qint64 epoch,
                const std::function<bool()> &writes);
    /// Whether the last failure was a fence refusing a write (the lease was taken over).
    bool lastFailureWasFence() const { return m_fenceRefused; }

    // Calls per account across processes (AccountLimits; MySQL stores).
    /// Counts a call of `account` now if `limit` (over the last second and minute, by the
    /// database's clock, with `marginMs` of slack on the second, four times that on the
    /// minute) allows it and the account is
    /// not paused: 0. Otherwise counts nothing and returns how many milliseconds to wait;
    /// -1 on a database error (the caller goes on with its own count).
    qint64 reserveCall(const QString &account, double perSecond, int perMinute, int marginMs);
    /// Holds every process's calls of `account` for `ms` (a throttle answer).
    bool pauseAccount(const QString &account, int ms);

    // Heartbeats of serve processes (docs/operations.md).
    /// Notes that `holder` is alive now, running `running`.
    bool heartbeat(const QString &holder, const QString &host, const QString &version,
                   const QDateTime &startedAt, const QStringList &running);
    bool removeHeartbeat(const QString &holder);
    struct ProcessBeat {
        QString holder, host, version;
        QDateTime startedAt, lastSeen;
        QStringList running;
    };
    QList<ProcessBeat> processes() const;

    // Alerts: when a rule last fired for a subject (a scheme, a connection), for quiet periods.
    QDateTime alertSentAt(const QString &rule, const QString &subject) const;
    bool noteAlertSent(const QString &rule, const QString &subject, const QString &message);

    /// The newest run of a scheme (only successful ones when asked).
    std::optional<RunInfo> lastRun(const QString &scheme, bool successfulOnly = false) const;

    // API call statistics (hourly buckets)
    bool addApiCalls(const QList<ApiCallSample> &samples);
    /// Calls per connection and endpoint between `since` and `until` (hour resolution).
    QList<ApiUsage> apiUsage(const QDateTime &since, const QDateTime &until) const;

    QSqlDatabase database() const { return m_db; }

private:
    /// The operations tables (opsstore.h) are written with this store's connection, clock
    /// and transactions.
    friend class OperationsStore;

    StateStore() = default;
    bool migrate(QString *error);
    bool exec(const QString &sql);
    bool readStoreId(QString *error);

    /// A transaction that nests: only the outermost one begins and commits, an inner failure
    /// rolls the whole back. Every write of the store goes through one, so a composite write
    /// (recordBatchOutcome) is a single transaction of the same statements. Defined in
    /// statestore_p.h.
    class Transaction;
    friend class Transaction;
    /// Backfill plans live in this store's database and write in its transactions.
    friend class BackfillStore;
    int m_transactionDepth = 0;
    bool m_transactionFailed = false;
    bool beginTransaction();
    bool commitTransaction();
    void rollbackTransaction();

    QString upsertVerb() const; ///< "REPLACE" works in both dialects for our keyed tables
    /// The database's clock in Unix milliseconds, as an SQL expression (lease expiry).
    QString nowMs() const;
    /// This store's database session as an SQL expression (MySQL's CONNECTION_ID(); 0 for
    /// SQLite), recorded with a lease.
    QString sessionId() const;
    /// Ends the database session of `scheme`'s lease holder when the lease has expired and
    /// that session has been idle since before it expired — a holder paused (SIGSTOP, a VM
    /// freeze) inside fenced(), whose open transaction keeps the lease row locked. Ending
    /// the session rolls that transaction back. MySQL only; true when a session was ended.
    bool endStalledHolderSession(const QString &scheme);
    /// Runs `sql` — an UPDATE whose "%1" is the IN list of record ids — once per chunk of
    /// `recordIds`, all in one transaction; `leading` values are bound before the ids.
    bool updateByIds(const QString &sql, const QVariantList &leading, const QStringList &recordIds);

    /// Statements run for every record, prepared once per store.
    enum class Statement { MarkWritten, LookupWritten, Count };
    QSqlQuery &prepared(Statement which, const QString &sql) const;

    QSqlDatabase m_db;
    mutable std::array<std::unique_ptr<QSqlQuery>, int(Statement::Count)> m_prepared;
    /// Written ids through SQLite's C API (SQLite stores only; see sqlitewrittenids.h).
    mutable std::unique_ptr<SqliteWrittenIds> m_sqliteIds;
    QString m_connectionName;
    QString m_location;
    QString m_storeId;
    bool m_mysql = false;
    bool m_fenceRefused = false;
    mutable QString m_lastError;
};

/// The content hash used by idCheck: a 128-bit XXH3 over the keys and values (key order does
/// not matter). Not cryptographic — it detects change, it does not authenticate; a store
/// written by a version that used SHA-1 (20 bytes) compares unequal, so the first run after
/// the upgrade writes each re-read record once more. Implemented in contenthash.cpp.
QByteArray contentHash(const QJsonObject &payload);
/// The same for a document given as field names and their values in order. `texts`, when
/// given, holds the text of each string value (as TargetRecord::texts, whose `values` may
/// then hold only the type of a string): the same digest, without converting each string
/// again.
QByteArray contentHash(const QStringList &names, const QList<QJsonValue> &values,
                       const QList<QString> &texts = {});

} // namespace weft
