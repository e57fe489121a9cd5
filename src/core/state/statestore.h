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
    int schemaVersion() const;
    /// The last database error, for messages.
    QString lastError() const { return m_lastError; }

    // Runs
    bool beginRun(const RunInfo &run);
    bool updateRun(const RunInfo &run); ///< counters, outcome, end time, message
    std::optional<RunInfo> run(const QString &runId) const;
    QList<RunInfo> runs(const QString &scheme = QString(), int limit = 100) const;
    /// Runs still marked running whose process is gone are closed as aborted: those of schemes
    /// whose lease lapsed, or is now held by `holder` (the caller, who took it over).
    int closeAbandonedRuns(const QString &message, const QString &holder = QString());

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
    /// Takes (or renews) the lease on `scheme` for `ttlSeconds` if it is free, expired or
    /// already `holder`'s. A holder that crashes simply stops renewing; its lease expires —
    /// or, when the holder names a process of this host that has ended (processidentity.h),
    /// is taken over at once.
    bool tryAcquireLease(const QString &scheme, const QString &holder, int ttlSeconds);
    bool releaseLease(const QString &scheme, const QString &holder);
    /// The current (unexpired) holder, empty when none.
    QString leaseHolder(const QString &scheme) const;

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
    StateStore() = default;
    bool migrate(QString *error);
    bool exec(const QString &sql);
    QString upsertVerb() const; ///< "REPLACE" works in both dialects for our keyed tables
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
    bool m_mysql = false;
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
