#include "core/state/opsstore.h"

#include "core/state/statestore.h"
#include "core/state/statestore_p.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

namespace weft {

using namespace statestore_detail;

namespace {

constexpr const char *kActionNames[] = {"run-now", "pause", "resume", "cancel"};

constexpr const char *kRequestColumns =
    "id, scheme, action, requested_by, requested_at, picked_by, picked_at, outcome";

ControlRequest requestFromQuery(const QSqlQuery &q)
{
    ControlRequest r;
    r.id = q.value(0).toLongLong();
    r.scheme = q.value(1).toString();
    r.action = controlActionFromName(q.value(2).toString()).value_or(ControlAction::RunNow);
    r.requestedBy = q.value(3).toString();
    r.requestedAt = fromEpoch(q.value(4));
    r.pickedBy = q.value(5).toString();
    r.pickedAt = fromEpoch(q.value(6));
    r.outcome = q.value(7).toString();
    return r;
}

} // namespace

QString controlActionName(ControlAction action)
{
    return QString::fromLatin1(kActionNames[int(action)]);
}

std::optional<ControlAction> controlActionFromName(const QString &name)
{
    for (int i = 0; i < int(std::size(kActionNames)); ++i) {
        if (name == QLatin1String(kActionNames[i]))
            return ControlAction(i);
    }
    return std::nullopt;
}

QString operatorName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME"); // Windows
    if (user.isEmpty())
        user = QStringLiteral("unknown");
    return user + u'@' + QSysInfo::machineHostName();
}

QStringList OperationsStore::schema(bool mysql)
{
    if (!mysql) {
        return {
            // One row per running run, replaced every few seconds by its process.
            "CREATE TABLE run_progress (run_id TEXT PRIMARY KEY, scheme TEXT NOT NULL, holder "
            "TEXT, host TEXT, updated_at INTEGER, phase TEXT, read_count INTEGER, mapped_count "
            "INTEGER, written_count INTEGER, skipped_count INTEGER, failed_count INTEGER, pages "
            "INTEGER, window_start INTEGER, window_end INTEGER, window_index INTEGER, "
            "window_count INTEGER, steps TEXT)",
            "CREATE TABLE control_requests (id INTEGER PRIMARY KEY AUTOINCREMENT, scheme TEXT NOT "
            "NULL, action TEXT NOT NULL, requested_by TEXT, requested_at INTEGER, picked_by "
            "TEXT, picked_at INTEGER, outcome TEXT)",
            "CREATE INDEX control_pending ON control_requests(picked_by, id)",
            "CREATE TABLE scheme_pauses (scheme TEXT PRIMARY KEY, paused_by TEXT, paused_at "
            "INTEGER)",
            "CREATE TABLE run_logs (run_id TEXT NOT NULL, seq INTEGER NOT NULL, at INTEGER, level "
            "TEXT, message TEXT, PRIMARY KEY(run_id, seq)) WITHOUT ROWID",
        };
    }
    return {
        "CREATE TABLE run_progress (run_id VARCHAR(64) PRIMARY KEY, scheme VARCHAR(191) NOT NULL, "
        "holder VARCHAR(191), host VARCHAR(191), updated_at BIGINT, phase VARCHAR(32), "
        "read_count BIGINT, mapped_count BIGINT, written_count BIGINT, skipped_count BIGINT, "
        "failed_count BIGINT, pages BIGINT, window_start BIGINT, window_end BIGINT, window_index "
        "INT, window_count INT, steps TEXT) CHARSET=utf8mb4",
        "CREATE TABLE control_requests (id BIGINT PRIMARY KEY AUTO_INCREMENT, scheme VARCHAR(191) "
        "NOT NULL, action VARCHAR(16) NOT NULL, requested_by VARCHAR(191), requested_at BIGINT, "
        "picked_by VARCHAR(191), picked_at BIGINT, outcome TEXT, KEY control_pending (picked_by, "
        "id)) CHARSET=utf8mb4",
        "CREATE TABLE scheme_pauses (scheme VARCHAR(191) PRIMARY KEY, paused_by VARCHAR(191), "
        "paused_at BIGINT) CHARSET=utf8mb4",
        "CREATE TABLE run_logs (run_id VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, at BIGINT, "
        "level VARCHAR(16), message TEXT, PRIMARY KEY(run_id, seq)) CHARSET=utf8mb4",
    };
}

// ---- progress snapshots ---------------------------------------------------------------

bool OperationsStore::writeSnapshot(const RunSnapshot &s)
{
    QSqlQuery q(m_store->m_db);
    q.prepare(QStringLiteral("%1 INTO run_progress(run_id, scheme, holder, host, updated_at, "
                             "phase, read_count, mapped_count, written_count, skipped_count, "
                             "failed_count, pages, window_start, window_end, window_index, "
                             "window_count, steps) VALUES (?, ?, ?, ?, %2, ?, ?, ?, ?, ?, ?, ?, "
                             "?, ?, ?, ?, ?)")
                  .arg(m_store->upsertVerb(), m_store->nowMs()));
    for (const QVariant &v :
         QVariantList{s.runId, s.scheme, s.holder, s.host, s.phase, s.counters.read, s.mapped,
                      s.counters.written, s.counters.skipped, s.counters.failed, s.counters.pages,
                      s.windowStart, s.windowEnd, s.windowIndex, s.windowCount,
                      QString::fromUtf8(QJsonDocument(s.steps).toJson(QJsonDocument::Compact))})
        q.addBindValue(v);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool OperationsStore::removeSnapshot(const QString &runId)
{
    QSqlQuery q(m_store->m_db);
    q.prepare(QStringLiteral("DELETE FROM run_progress WHERE run_id = ?"));
    q.addBindValue(runId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

QList<RunSnapshot> OperationsStore::runsInProgress() const
{
    // The join keeps only runs the history still shows running: a snapshot a crashed process
    // left behind disappears when its run is closed as aborted.
    QSqlQuery q(m_store->m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT p.run_id, p.scheme, p.holder, p.host, r.trigger_kind, "
                             "r.started_at, p.updated_at, %1 - p.updated_at, p.phase, "
                             "p.read_count, p.mapped_count, p.written_count, p.skipped_count, "
                             "p.failed_count, p.pages, p.window_start, p.window_end, "
                             "p.window_index, p.window_count, p.steps FROM run_progress p JOIN "
                             "runs r ON r.run_id = p.run_id WHERE r.outcome = ? ORDER BY "
                             "r.started_at, p.run_id")
                  .arg(m_store->nowMs()));
    q.addBindValue(runOutcomeName(RunOutcome::Running));
    QList<RunSnapshot> out;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        RunSnapshot s;
        s.runId = q.value(0).toString();
        s.scheme = q.value(1).toString();
        s.holder = q.value(2).toString();
        s.host = q.value(3).toString();
        s.trigger = q.value(4).toString();
        s.startedAt = fromEpoch(q.value(5));
        s.updatedAt = fromEpoch(q.value(6));
        s.ageMs = std::max<qint64>(0, q.value(7).toLongLong());
        s.phase = q.value(8).toString();
        s.counters.read = q.value(9).toLongLong();
        s.mapped = q.value(10).toLongLong();
        s.counters.written = q.value(11).toLongLong();
        s.counters.skipped = q.value(12).toLongLong();
        s.counters.failed = q.value(13).toLongLong();
        s.counters.pages = q.value(14).toLongLong();
        s.windowStart = q.value(15).toLongLong();
        s.windowEnd = q.value(16).toLongLong();
        s.windowIndex = q.value(17).toInt();
        s.windowCount = q.value(18).toInt();
        s.steps = QJsonDocument::fromJson(q.value(19).toString().toUtf8()).array();
        out.append(s);
    }
    return out;
}

// ---- control requests -----------------------------------------------------------------

std::optional<qint64> OperationsStore::request(const QString &scheme, ControlAction action,
                                               const QString &requestedBy)
{
    QSqlQuery q(m_store->m_db);
    q.prepare(QStringLiteral("INSERT INTO control_requests(scheme, action, requested_by, "
                             "requested_at) VALUES (?, ?, ?, %1)")
                  .arg(m_store->nowMs()));
    q.addBindValue(scheme);
    q.addBindValue(controlActionName(action));
    q.addBindValue(requestedBy);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    const QVariant id = q.lastInsertId();
    if (!id.isValid()) {
        m_lastError = QStringLiteral("the request's id is unknown");
        return std::nullopt;
    }
    return id.toLongLong();
}

std::optional<ControlRequest> OperationsStore::controlRequest(qint64 id) const
{
    QSqlQuery q(m_store->m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM control_requests WHERE id = ?")
                  .arg(QLatin1String(kRequestColumns)));
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return requestFromQuery(q);
}

QList<ControlRequest> OperationsStore::pendingRequests() const
{
    QSqlQuery q(m_store->m_db);
    q.setForwardOnly(true);
    QList<ControlRequest> out;
    if (!q.exec(QStringLiteral("SELECT %1 FROM control_requests WHERE picked_by IS NULL ORDER BY "
                               "id")
                    .arg(QLatin1String(kRequestColumns)))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(requestFromQuery(q));
    return out;
}

QList<ControlRequest> OperationsStore::requests(const QString &scheme, int limit) const
{
    QSqlQuery q(m_store->m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM control_requests %2 ORDER BY id DESC LIMIT %3")
                  .arg(QLatin1String(kRequestColumns),
                       scheme.isEmpty() ? QString() : QStringLiteral("WHERE scheme = ?"))
                  .arg(limit));
    if (!scheme.isEmpty())
        q.addBindValue(scheme);
    QList<ControlRequest> out;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append(requestFromQuery(q));
    return out;
}

bool OperationsStore::claim(qint64 id, const QString &picker)
{
    // A compare-and-swap on the still empty picker: of several processes only one changes
    // the row.
    QSqlQuery q(m_store->m_db);
    q.prepare(QStringLiteral("UPDATE control_requests SET picked_by = ?, picked_at = %1 WHERE id "
                             "= ? AND picked_by IS NULL")
                  .arg(m_store->nowMs()));
    q.addBindValue(picker);
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.numRowsAffected() > 0;
}

bool OperationsStore::complete(qint64 id, const QString &outcome)
{
    QSqlQuery q(m_store->m_db);
    q.prepare(QStringLiteral("UPDATE control_requests SET outcome = ? WHERE id = ?"));
    q.addBindValue(outcome);
    q.addBindValue(id);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

// ---- paused schedules -----------------------------------------------------------------

bool OperationsStore::setPaused(const QString &scheme, bool paused, const QString &by)
{
    QSqlQuery q(m_store->m_db);
    if (paused) {
        // A second pause keeps the first one's who and when.
        q.prepare(QStringLiteral("%1 INTO scheme_pauses(scheme, paused_by, paused_at) VALUES "
                                 "(?, ?, %2)")
                      .arg(m_store->isMySql() ? QStringLiteral("INSERT IGNORE")
                                              : QStringLiteral("INSERT OR IGNORE"),
                           m_store->nowMs()));
        q.addBindValue(scheme);
        q.addBindValue(by);
    } else {
        q.prepare(QStringLiteral("DELETE FROM scheme_pauses WHERE scheme = ?"));
        q.addBindValue(scheme);
    }
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return true;
}

bool OperationsStore::isPaused(const QString &scheme) const
{
    QSqlQuery q(m_store->m_db);
    q.prepare(QStringLiteral("SELECT 1 FROM scheme_pauses WHERE scheme = ?"));
    q.addBindValue(scheme);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    return q.next();
}

QHash<QString, SchemePause> OperationsStore::pausedSchemes() const
{
    QHash<QString, SchemePause> out;
    QSqlQuery q(m_store->m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT scheme, paused_by, paused_at FROM scheme_pauses"))) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        const QString scheme = q.value(0).toString();
        out.insert(scheme, {scheme, q.value(1).toString(), fromEpoch(q.value(2))});
    }
    return out;
}

// ---- run logs -------------------------------------------------------------------------

bool OperationsStore::appendLog(const QString &runId, const QList<RunLogLine> &lines)
{
    if (lines.isEmpty())
        return true;
    StateStore::Transaction transaction(m_store);
    if (!transaction.began()) {
        m_lastError = m_store->lastError();
        return false;
    }
    for (qsizetype from = 0; from < lines.size(); from += kChunkRows) {
        const qsizetype n = std::min(kChunkRows, lines.size() - from);
        QSqlQuery q(m_store->m_db);
        q.prepare(QStringLiteral("INSERT INTO run_logs(run_id, seq, at, level, message) VALUES %1")
                      .arg(placeholders(n, QStringLiteral("(?, ?, ?, ?, ?)"))));
        for (qsizetype i = from; i < from + n; ++i) {
            const RunLogLine &l = lines.at(i);
            q.addBindValue(runId);
            q.addBindValue(l.seq);
            q.addBindValue(toEpoch(l.at));
            q.addBindValue(l.level);
            q.addBindValue(l.message);
        }
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            return transaction.fail();
        }
    }
    if (!transaction.commit()) {
        m_lastError = m_store->lastError();
        return false;
    }
    return true;
}

QList<RunLogLine> OperationsStore::runLog(const QString &runId) const
{
    QSqlQuery q(m_store->m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, at, level, message FROM run_logs WHERE run_id = ? "
                             "ORDER BY seq"));
    q.addBindValue(runId);
    QList<RunLogLine> out;
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next())
        out.append({q.value(0).toLongLong(), fromEpoch(q.value(1)), q.value(2).toString(),
                    q.value(3).toString()});
    return out;
}

} // namespace weft
