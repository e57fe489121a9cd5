#include "core/connectors/mysqlsql.h"

#include "core/connectors/mysqlbulk.h"
#include "core/connectors/resolvedconnection.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <mysql.h>

namespace weft {

MYSQL *nativeMySql(const QSqlDatabase &db)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // QMYSQL's handle is a MYSQL*; its metatype is named after the struct behind the typedef.
    const bool native = handle.isValid() && (qstrcmp(handle.typeName(), "MYSQL*") == 0 ||
                                             qstrcmp(handle.typeName(), "st_mysql*") == 0);
    return native ? *static_cast<MYSQL *const *>(handle.constData()) : nullptr;
}

std::optional<QString> mySqlTlsOptions(const QString &sslMode, const QString &sslCa,
                                       QString *error)
{
    const QString mode = sslMode.trimmed().toLower().replace(u'_', u'-');
    if (mode.isEmpty() ? sslCa.isEmpty() : mode == QLatin1String("disabled"))
        return QString();
    if (!mode.isEmpty() && mode != QLatin1String("verify-ca")) {
        *error = QStringLiteral("sslMode \"%1\" is not supported: use \"verify-ca\" with an "
                                "\"sslCa\" file (the server's certificate is checked against "
                                "that CA), or \"disabled\"")
                     .arg(sslMode);
        return std::nullopt;
    }
    if (sslCa.isEmpty()) {
        *error = QStringLiteral("sslMode verify-ca needs \"sslCa\": the CA certificate file "
                                "(PEM) that signed the server's certificate");
        return std::nullopt;
    }
    if (!QFileInfo(sslCa).isReadable()) {
        *error = QStringLiteral("sslCa \"%1\" cannot be read").arg(sslCa);
        return std::nullopt;
    }
    // With a CA the client library verifies the server's certificate chain against it.
    return QStringLiteral(";SSL_CA=%1").arg(sslCa);
}

bool openMySqlWith(QSqlDatabase *db, const QString &tlsOptions, QString *error)
{
    db->setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=10;MYSQL_OPT_READ_TIMEOUT=300;"
                                         "MYSQL_OPT_WRITE_TIMEOUT=300") +
                          tlsOptions);
    if (!db->open()) {
        *error = QStringLiteral("cannot connect to MySQL %1:%2 as %3: %4")
                     .arg(db->hostName())
                     .arg(db->port())
                     .arg(db->userName(), db->lastError().databaseText());
        return false;
    }
    // MariaDB Connector/C announces LOCAL INFILE on every connection, and its own handler
    // would read whatever file a server names: ours answers from memory only (the MySQL
    // target's bulk batches) and refuses the rest.
    MySqlInfile::install(*db, nullptr);
    if (!tlsOptions.isEmpty()) {
        MYSQL *mysql = nativeMySql(*db);
        if (!mysql || !mysql_get_ssl_cipher(mysql)) {
            *error = QStringLiteral("MySQL %1:%2 did not set up TLS although the connection "
                                    "asks for it (sslCa): is TLS enabled on the server?")
                         .arg(db->hostName())
                         .arg(db->port());
            db->close();
            return false;
        }
    }
    return true;
}

bool openMySql(const ResolvedConnection &connection, const QString &name, QSqlDatabase *db,
               QString *error)
{
    *db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), name);
    db->setHostName(connection.value(QStringLiteral("host"), QStringLiteral("127.0.0.1")));
    db->setPort(connection.value(QStringLiteral("port"), QStringLiteral("3306")).toInt());
    db->setUserName(connection.value(QStringLiteral("user")));
    db->setPassword(connection.value(QStringLiteral("password")));
    db->setDatabaseName(connection.value(QStringLiteral("database")));
    const auto tls = mySqlTlsOptions(connection.value(QStringLiteral("sslMode")),
                                     connection.value(QStringLiteral("sslCa")), error);
    if (!tls)
        return false;
    if (!openMySqlWith(db, *tls, error))
        return false;
    QSqlQuery q(*db);
    // Strict mode: a value that does not fit is an error for that row, never silently cut.
    // Autocommit whatever the server's default: a statement of the target's is then committed
    // (or rolled back) whole on its own, and a source's reads see each one's latest rows.
    if (!q.exec(QStringLiteral("SET NAMES utf8mb4")) ||
        !q.exec(QStringLiteral("SET SESSION sql_mode = 'STRICT_ALL_TABLES,"
                               "NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,"
                               "NO_ENGINE_SUBSTITUTION', autocommit = 1"))) {
        *error = QStringLiteral("cannot prepare the MySQL session: %1")
                     .arg(q.lastError().databaseText());
        return false;
    }
    return true;
}

char *writeSqlScalar(char *p, const QJsonValue &value)
{
    auto put = [&p](const char *text, qsizetype size) {
        std::memcpy(p, text, size_t(size));
        p += size;
    };
    switch (value.type()) {
    case QJsonValue::Bool: *p++ = value.toBool() ? '1' : '0'; return p;
    case QJsonValue::Double: {
        // A 64-bit integer (a page's BIGINT id, an expression's Int) is written from the
        // integer itself, never through a double: 1234567890123456789 as a double is
        // 1234567890123456768. toInteger() gives it exactly, and a whole double's own value.
        constexpr qint64 kNotWhole = std::numeric_limits<qint64>::min();
        const qint64 whole = value.toInteger(kNotWhole);
        const double d = value.toDouble();
        if (whole != kNotWhole || d == -9223372036854775808.0)
            return std::to_chars(p, p + kSqlScalarBound, whole).ptr;
        if (!std::isfinite(d)) {
            put("NULL", 4);
            return p;
        }
        // std::to_chars writes straight into the statement without QLocale's machinery:
        // numbers where Qt's shortest 'g' form is plain decimal notation (1e-3 <= |d| < 1e15:
        // checked against Qt on a million values) in exactly the digits Qt writes, so the SQL
        // is the same either way; the rest through Qt.
        std::to_chars_result written{p, std::errc::value_too_large};
        const double magnitude = std::fabs(d);
        if (magnitude >= 1e-3 && magnitude < 1e15)
            written = std::to_chars(p, p + kSqlScalarBound, d, std::chars_format::fixed);
        if (written.ec == std::errc())
            return written.ptr;
        const QByteArray text = QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        put(text.constData(), std::min<qsizetype>(text.size(), kSqlScalarBound));
        return p;
    }
    default: put("NULL", 4); return p; // null, undefined (a caller's mistake for others)
    }
}

void appendSqlLiteral(QByteArray &out, const QJsonValue &value)
{
    if (isSqlScalar(value)) {
        const qsizetype start = out.size();
        out.resize(start + kSqlScalarBound);
        out.truncate(writeSqlScalar(out.data() + start, value) - out.constData());
        return;
    }
    if (value.isString()) {
        appendSqlString(out, value.toString());
        return;
    }
    appendSqlString(out, compactJsonText(value));
}

QString compactJsonText(const QJsonValue &value)
{
    // Rare in a row: converted once more to reuse the one escaping writer.
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray())
                                              : QJsonDocument(value.toObject());
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

void appendSqlString(QByteArray &out, QStringView text)
{
    const qsizetype start = out.size();
    out.resize(start + sqlStringBound(text));
    out.truncate(writeSqlString(out.data() + start, text) - out.constData());
}

char *writeSqlString(char *p, QStringView text)
{
    *p++ = '\'';
    p = writeEscapedUtf8(p, text, MySqlEscapes::Literal);
    *p++ = '\'';
    return p;
}

char *writeEscapedUtf8(char *p, QStringView text, MySqlEscapes escapes)
{
    // UTF-16 to UTF-8 and MySQL escaping in one pass, straight into the statement: no
    // intermediate UTF-8 copy per value. A lone surrogate (no character at all) becomes '?',
    // as QString::toUtf8 makes it.
    const bool literal = escapes == MySqlEscapes::Literal;
    const char16_t *s = text.utf16();
    const char16_t *end = s + text.size();
    auto put = [&p](char a, char b) {
        p[0] = a;
        p[1] = b;
        p += 2;
    };
    while (s != end) {
        const char32_t c = *s++;
        if (c < 0x80) {
            switch (c) {
            case 0: put('\\', '0'); break;
            case '\n': put('\\', 'n'); break;
            case '\r': put('\\', 'r'); break;
            case '\\': put('\\', '\\'); break;
            case '\t':
                if (literal)
                    *p++ = '\t';
                else
                    put('\\', 't');
                break;
            case '\'':
            case '"':
            case 0x1a:
                // Quotes end a literal; in LOAD DATA's text they are plain characters.
                if (literal)
                    put('\\', c == 0x1a ? 'Z' : char(c));
                else
                    *p++ = char(c);
                break;
            default: *p++ = char(c);
            }
        } else if (c < 0x800) {
            *p++ = char(0xc0 | (c >> 6));
            *p++ = char(0x80 | (c & 0x3f));
        } else if (QChar::isHighSurrogate(c) && s != end && QChar::isLowSurrogate(*s)) {
            const char32_t u = QChar::surrogateToUcs4(char16_t(c), *s++);
            *p++ = char(0xf0 | (u >> 18));
            *p++ = char(0x80 | ((u >> 12) & 0x3f));
            *p++ = char(0x80 | ((u >> 6) & 0x3f));
            *p++ = char(0x80 | (u & 0x3f));
        } else if (QChar::isSurrogate(c)) {
            *p++ = '?';
        } else {
            *p++ = char(0xe0 | (c >> 12));
            *p++ = char(0x80 | ((c >> 6) & 0x3f));
            *p++ = char(0x80 | (c & 0x3f));
        }
    }
    return p;
}


bool enableMySqlScripts(QSqlDatabase &db)
{
    MYSQL *mysql = nativeMySql(db);
    return mysql && mysql_set_server_option(mysql, MYSQL_OPTION_MULTI_STATEMENTS_ON) == 0;
}

MySqlScriptResult execMySqlScript(QSqlDatabase &db, const QByteArray &sql)
{
    MySqlScriptResult result;
    MYSQL *mysql = nativeMySql(db);
    if (!mysql) {
        result.failedStatement = 0;
        result.code = 2006;
        result.message = QStringLiteral("no MySQL connection");
        return result;
    }
    if (mysql_real_query(mysql, sql.constData(), static_cast<unsigned long>(sql.size())) != 0) {
        result.failedStatement = 0;
        result.code = int(mysql_errno(mysql));
        result.message = QString::fromUtf8(mysql_error(mysql));
        if (!result.code)
            result.code = 1;
        return result;
    }
    // Each statement's result in turn; the server stops at the first statement that fails.
    for (int index = 0;; ++index) {
        if (MYSQL_RES *rows = mysql_store_result(mysql))
            mysql_free_result(rows);
        result.lastWarnings = mysql_warning_count(mysql);
        const int next = mysql_next_result(mysql);
        if (next < 0)
            break;
        if (next > 0) {
            result.failedStatement = index + 1;
            result.code = int(mysql_errno(mysql));
            result.message = QString::fromUtf8(mysql_error(mysql));
            if (!result.code)
                result.code = 1;
            break;
        }
    }
    return result;
}

QList<MySqlWarning> mySqlWarnings(QSqlDatabase &db, QString *error)
{
    QList<MySqlWarning> out;
    MYSQL *mysql = nativeMySql(db);
    static const char sql[] = "SHOW WARNINGS";
    if (!mysql || mysql_real_query(mysql, sql, sizeof sql - 1) != 0) {
        *error = mysql ? QString::fromUtf8(mysql_error(mysql))
                       : QStringLiteral("no MySQL connection");
        return out;
    }
    MYSQL_RES *rows = mysql_store_result(mysql);
    if (!rows)
        return out;
    while (MYSQL_ROW row = mysql_fetch_row(rows)) {
        if (mysql_num_fields(rows) < 3)
            break;
        out.append({QString::fromUtf8(row[0]), row[1] ? QByteArray(row[1]).toInt() : 0,
                    QString::fromUtf8(row[2])});
    }
    mysql_free_result(rows);
    return out;
}

int execMySqlBytes(QSqlDatabase &db, const QByteArray &sql, QString *message)
{
    MYSQL *mysql = nativeMySql(db);
    if (!mysql) {
        QSqlQuery q(db);
        if (q.exec(QString::fromUtf8(sql)))
            return 0;
        *message = q.lastError().databaseText();
        const int code = q.lastError().nativeErrorCode().toInt();
        return code ? code : 1;
    }
    if (mysql_real_query(mysql, sql.constData(), static_cast<unsigned long>(sql.size())) != 0) {
        // The texts QtSql would give: mysql_error() as UTF-8, mysql_errno().
        *message = QString::fromUtf8(mysql_error(mysql));
        const int code = int(mysql_errno(mysql));
        return code ? code : 1;
    }
    // A statement that answers with rows (none of the writer's do) must be read to the end
    // before the connection takes the next one.
    do {
        if (MYSQL_RES *rows = mysql_store_result(mysql))
            mysql_free_result(rows);
    } while (mysql_next_result(mysql) == 0);
    if (const unsigned int code = mysql_errno(mysql)) {
        *message = QString::fromUtf8(mysql_error(mysql));
        return int(code);
    }
    return 0;
}

int mySqlErrorNumber(const QSqlDatabase &db)
{
    return db.lastError().nativeErrorCode().toInt();
}

bool isMySqlConnectionLost(int e)
{
    // 2002/2003 cannot connect, 2006 server gone away, 2013 lost connection,
    // 1927 connection killed, 4031 disconnected for inactivity, 1053 server shutdown.
    return e == 2002 || e == 2003 || e == 2006 || e == 2013 || e == 2055 || e == 1927 ||
           e == 4031 || e == 1053;
}

bool isMySqlTransient(int e)
{
    return e == 1205 /* lock wait timeout */ || e == 1213 /* deadlock */ ||
           e == 1040 /* too many connections */;
}

bool isMySqlDataError(int e)
{
    switch (e) {
    case 1048: // column cannot be null
    case 1062: // duplicate entry
    case 1264: // out of range
    case 1265: // data truncated
    case 1292: // incorrect date/time value
    case 1366: // incorrect integer/decimal/string value
    case 1406: // data too long
    case 1411: // incorrect value for function
    case 1451: // foreign key: cannot delete parent
    case 1452: // foreign key: no parent
    case 1690: // value out of range
    case 3140: // invalid JSON text
    case 4025: // CHECK constraint failed
        return true;
    default: return false;
    }
}

} // namespace weft
