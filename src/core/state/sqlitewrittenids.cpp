#include "core/state/sqlitewrittenids.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace weft {

namespace {

/// Binds text as UTF-8, the database's encoding: bound as UTF-16, every comparison would
/// convert it again. `utf8` must outlive the step.
int bindText(sqlite3_stmt *s, int index, const QByteArray &utf8)
{
    return sqlite3_bind_text(s, index, utf8.constData(), int(utf8.size()), SQLITE_STATIC);
}

QString columnText(sqlite3_stmt *s, int column)
{
    const void *data = sqlite3_column_text16(s, column);
    const int bytes = sqlite3_column_bytes16(s, column);
    return data ? QString(reinterpret_cast<const QChar *>(data), bytes / 2) : QString();
}

} // namespace

std::unique_ptr<SqliteWrittenIds> SqliteWrittenIds::attach(const QSqlDatabase &db)
{
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
    if (!raw)
        return nullptr;
    return std::unique_ptr<SqliteWrittenIds>(new SqliteWrittenIds(raw));
}

SqliteWrittenIds::SqliteWrittenIds(sqlite3 *db)
    : m_db(db)
{}

SqliteWrittenIds::~SqliteWrittenIds()
{
    // Before the QtSql connection closes (StateStore's destructor resets this first): a
    // statement left unfinalized keeps sqlite3_close from closing the database.
    sqlite3_finalize(m_lookup);
    sqlite3_finalize(m_mark);
    sqlite3_finalize(m_markMany);
}

QString SqliteWrittenIds::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db));
}

sqlite3_stmt *SqliteWrittenIds::statement(sqlite3_stmt **slot, const char *sql, QString *error)
{
    if (!*slot && sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, nullptr) !=
                      SQLITE_OK) {
        *error = lastError();
        sqlite3_finalize(*slot);
        *slot = nullptr;
    }
    return *slot;
}

bool SqliteWrittenIds::lookup(const QString &scheme, const QStringList &ids,
                              QHash<QString, WrittenRecord> *out, QString *error)
{
    sqlite3_stmt *s = statement(&m_lookup,
                                "SELECT content_hash, target_ref, run_id FROM written_ids "
                                "WHERE scheme = ?1 AND record_id = ?2",
                                error);
    if (!s)
        return false;
    // One read transaction for all of them: outside one, every step would take and drop
    // SQLite's file lock (two fcntl calls an id, most of the lookup's time).
    const bool ownTransaction = sqlite3_get_autocommit(m_db) != 0 &&
                                sqlite3_exec(m_db, "BEGIN", nullptr, nullptr, nullptr) == SQLITE_OK;
    const QByteArray schemeText = scheme.toUtf8();
    bindText(s, 1, schemeText);
    bool ok = true;
    for (const QString &id : ids) {
        const QByteArray idText = id.toUtf8();
        bindText(s, 2, idText);
        const int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            const void *hash = sqlite3_column_blob(s, 0);
            const int hashBytes = sqlite3_column_bytes(s, 0);
            out->insert(id, WrittenRecord{id,
                                          hash ? QByteArray(static_cast<const char *>(hash),
                                                            hashBytes)
                                               : QByteArray(),
                                          columnText(s, 1), columnText(s, 2)});
        } else if (rc != SQLITE_DONE) {
            *error = lastError();
            ok = false;
        }
        sqlite3_reset(s);
        if (!ok)
            break;
    }
    sqlite3_clear_bindings(s);
    if (ownTransaction)
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
    return ok;
}

namespace {
/// Rows one mark statement inserts. A statement step per row (each with its own program
/// start, bindings and reset) made marking about 45 % slower in a microbenchmark of this
/// table: 2.9 against 2.0 µs a row.
constexpr int kMarkRows = 50;

/// "REPLACE … VALUES (?1, ?3, ?4, ?5, ?6, ?2), (?1, ?7, …)": scheme (?1) and time (?2) are
/// bound once; each row has its id, hash, target reference and run id.
QByteArray markSql(int rows)
{
    QByteArray sql = "REPLACE INTO written_ids(scheme, record_id, content_hash, target_ref, "
                     "run_id, written_at) VALUES ";
    for (int r = 0; r < rows; ++r) {
        const int first = 3 + r * 4;
        sql += QByteArray(r ? "," : "") + "(?1, ?" + QByteArray::number(first) + ", ?" +
               QByteArray::number(first + 1) + ", ?" + QByteArray::number(first + 2) + ", ?" +
               QByteArray::number(first + 3) + ", ?2)";
    }
    return sql;
}
} // namespace

bool SqliteWrittenIds::mark(const QString &scheme, const QList<WrittenRecord> &records,
                            qint64 writtenAtMs, QString *error)
{
    const QByteArray schemeText = scheme.toUtf8();
    // The texts of the rows of one statement: bound without copying, they must live until
    // its step.
    QList<QByteArray> texts;
    texts.reserve(3 * kMarkRows);
    QString runId;
    QByteArray runIdText;
    for (qsizetype start = 0; start < records.size();) {
        const bool full = records.size() - start >= kMarkRows;
        const int rows = full ? kMarkRows : 1;
        sqlite3_stmt **slot = full ? &m_markMany : &m_mark;
        sqlite3_stmt *s = *slot ? *slot : statement(slot, markSql(rows).constData(), error);
        if (!s)
            return false;
        bindText(s, 1, schemeText);
        sqlite3_bind_int64(s, 2, writtenAtMs);
        texts.clear();
        for (int r = 0; r < rows; ++r) {
            const WrittenRecord &w = records.at(start + r);
            if (w.runId != runId || runIdText.isNull()) { // a batch is one run's: converted once
                runId = w.runId;
                runIdText = runId.toUtf8();
            }
            texts.append(w.recordId.toUtf8());
            texts.append(w.targetRef.toUtf8());
            texts.append(runIdText);
            const int first = 3 + r * 4;
            bindText(s, first, texts.at(texts.size() - 3));
            sqlite3_bind_blob(s, first + 1, w.contentHash.constData(), int(w.contentHash.size()),
                              SQLITE_STATIC);
            bindText(s, first + 2, texts.at(texts.size() - 2));
            bindText(s, first + 3, texts.last());
        }
        const bool ok = sqlite3_step(s) == SQLITE_DONE;
        if (!ok)
            *error = lastError();
        sqlite3_reset(s);
        sqlite3_clear_bindings(s);
        if (!ok)
            return false;
        start += rows;
    }
    return true;
}

} // namespace weft
