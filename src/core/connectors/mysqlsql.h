#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>

namespace weft {

struct ResolvedConnection;

/// Opens a QMYSQL connection named `name` for a resolved mysql connection (utf8mb4, strict
/// mode, no backslash-escape surprises). Returns false with a message.
bool openMySql(const ResolvedConnection &connection, const QString &name, QSqlDatabase *db,
               QString *error);

/// Appends `value` as a MySQL literal: NULL, a number, or a quoted string escaped like
/// mysql_real_escape_string (backslash, quotes, NUL, CR, LF, Ctrl-Z). Safe for utf8mb4
/// connections with NO_BACKSLASH_ESCAPES off, which openMySql guarantees.
void appendSqlLiteral(QByteArray &out, const QJsonValue &value);
/// A text value as a quoted, escaped MySQL string literal in UTF-8 ('…').
void appendSqlString(QByteArray &out, QStringView text);

// The same two writers on a buffer the caller sized, for a row built in one allocation:
// room for sqlStringBound(text) or kSqlScalarBound bytes at `p`; they return the end.
/// The most bytes writeSqlString writes: quotes and 3 bytes a UTF-16 unit (an escaped ASCII
/// character takes 2, a surrogate pair 4).
inline qsizetype sqlStringBound(QStringView text) { return 2 + text.size() * 3; }
char *writeSqlString(char *p, QStringView text);
/// The most bytes writeSqlScalar writes (NULL, a bool, a number in at most 24 characters).
constexpr qsizetype kSqlScalarBound = 32;
/// Whether writeSqlScalar takes the value: null, undefined, bool or number.
inline bool isSqlScalar(const QJsonValue &value)
{
    return !(value.isString() || value.isArray() || value.isObject());
}
char *writeSqlScalar(char *p, const QJsonValue &value);
/// An array or object as the text appendSqlLiteral quotes for it: its compact JSON.
QString compactJsonText(const QJsonValue &value);

/// The MariaDB/MySQL error number of the last error on `db`, 0 when none or unknown.
int mySqlErrorNumber(const QSqlDatabase &db);
/// Executes one statement given as UTF-8 bytes (no result set expected): through the client
/// library's C API on the QMYSQL driver's own connection, so the bytes go out as they are
/// instead of being converted to a QString and back by QtSql (a multi-row statement is
/// megabytes); through QSqlQuery when the driver gives no native handle. Returns the
/// server's error number (0: done) and, on error, its message.
int execMySqlBytes(QSqlDatabase &db, const QByteArray &sql, QString *message);

/// Whether a server error number means "the connection is gone, reconnect and retry".
bool isMySqlConnectionLost(int errorNumber);
/// Whether it means "try the same statement again later" (lock wait, deadlock).
bool isMySqlTransient(int errorNumber);
/// Whether it is about the data of some row (so splitting the batch isolates it).
bool isMySqlDataError(int errorNumber);

} // namespace weft
