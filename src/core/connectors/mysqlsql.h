#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

struct st_mysql; // the client library's MYSQL

namespace weft {

struct ResolvedConnection;

/// The client library's connection under a QMYSQL connection (QSqlDriver::handle(), a
/// "MYSQL*"), or nullptr.
st_mysql *nativeMySql(const QSqlDatabase &db);

/// Opens a QMYSQL connection named `name` for a resolved mysql connection (utf8mb4, strict
/// mode, no backslash-escape surprises; TLS when the account asks for it: `sslMode`,
/// `sslCa`). Returns false with a message.
bool openMySql(const ResolvedConnection &connection, const QString &name, QSqlDatabase *db,
               QString *error);

/// The QMYSQL connect options for TLS: "" for none (sslMode "disabled", or neither set),
/// ";SSL_CA=<file>" for "verify-ca" — the server's certificate must chain to that CA (the
/// state store's mysql:// URL takes the same as ?sslMode=…&sslCa=…). std::nullopt and a
/// message for a mode Weft cannot honour or a missing CA file.
std::optional<QString> mySqlTlsOptions(const QString &sslMode, const QString &sslCa,
                                       QString *error);
/// Opens `db` (host, port, user, password set) with the usual timeouts and `tlsOptions`;
/// with TLS asked for, a connection that did not set it up is refused.
bool openMySqlWith(QSqlDatabase *db, const QString &tlsOptions, QString *error);

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
/// Which escapes writeEscapedUtf8 applies: a string literal's (quotes, NUL, CR, LF,
/// backslash, Ctrl-Z) or LOAD DATA text's (tab, NUL, CR, LF, backslash).
enum class MySqlEscapes { Literal, LoadData };
/// `text` as UTF-8 with those escapes, no quotes; at most 3 bytes a UTF-16 unit. Returns the
/// end.
char *writeEscapedUtf8(char *p, QStringView text, MySqlEscapes escapes);
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

/// Lets the connection take several statements in one query (MYSQL_OPTION_MULTI_STATEMENTS_ON),
/// for execMySqlScript. False when the driver gives no native connection.
bool enableMySqlScripts(QSqlDatabase &db);

/// What execMySqlScript reports.
struct MySqlScriptResult {
    int failedStatement = -1;  ///< 0-based index of the statement that failed; -1: all ran
    int code = 0;              ///< its server error number
    QString message;
    unsigned int lastWarnings = 0; ///< the warning count of the last statement that ran
};
/// Sends statements separated by ';' as one query (one round trip; see enableMySqlScripts)
/// and reads every result. The server runs them in order and stops at the first that fails.
MySqlScriptResult execMySqlScript(QSqlDatabase &db, const QByteArray &sql);

/// One row of SHOW WARNINGS.
struct MySqlWarning {
    QString level; ///< "Note", "Warning" or "Error"
    int code = 0;
    QString message;
};
/// The warnings of the connection's last statement.
QList<MySqlWarning> mySqlWarnings(QSqlDatabase &db, QString *error);

/// Whether a server error number means "the connection is gone, reconnect and retry".
bool isMySqlConnectionLost(int errorNumber);
/// Whether it means "try the same statement again later" (lock wait, deadlock).
bool isMySqlTransient(int errorNumber);
/// Whether it is about the data of some row (so splitting the batch isolates it).
bool isMySqlDataError(int errorNumber);

} // namespace weft
