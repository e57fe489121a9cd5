#pragma once

#include "core/state/staterecords.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>

struct sqlite3;
struct sqlite3_stmt;

namespace weft {

/// The two statements a run executes for every record — idCheck's lookup of written ids and
/// recording what was written — run straight on SQLite's C API through the handle of the
/// state store's own QtSql connection (same connection, same transactions). QtSql's binding
/// copies every value through a QVariant and cost more than SQLite's own work: 2.3 µs a row
/// to record, 1.9 µs an id to look up (bench_state, bench/README.md). Qt's SQLite driver and
/// this code use the same system libsqlite3.
class SqliteWrittenIds
{
public:
    /// nullptr unless `db` is an open QSQLITE connection.
    static std::unique_ptr<SqliteWrittenIds> attach(const QSqlDatabase &db);
    ~SqliteWrittenIds();
    SqliteWrittenIds(const SqliteWrittenIds &) = delete;
    SqliteWrittenIds &operator=(const SqliteWrittenIds &) = delete;

    /// Adds those of `ids` that were written to *out. False (and *error) on a database error.
    bool lookup(const QString &scheme, const QStringList &ids,
                QHash<QString, WrittenRecord> *out, QString *error);
    /// Inserts or replaces the rows; the caller holds the transaction.
    bool mark(const QString &scheme, const QList<WrittenRecord> &records, qint64 writtenAtMs,
              QString *error);

private:
    explicit SqliteWrittenIds(sqlite3 *db);
    sqlite3_stmt *statement(sqlite3_stmt **slot, const char *sql, QString *error);
    QString lastError() const;

    sqlite3 *m_db;
    sqlite3_stmt *m_lookup = nullptr;
    sqlite3_stmt *m_mark = nullptr;     ///< one row
    sqlite3_stmt *m_markMany = nullptr; ///< kMarkRows rows
};

} // namespace weft
