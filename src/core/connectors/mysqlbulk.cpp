#include "core/connectors/mysqlbulk.h"

#include "core/connectors/mysqlsql.h"

#include <QSqlDriver>
#include <charconv>
#include <cmath>
#include <cstring>
#include <mysql.h>

namespace weft {

MySqlColumn MySqlColumn::fromSchema(const QString &dataType, const QString &columnType,
                                    const QString &isNullable, const QString &extra,
                                    qint64 maxChars, int precision, int scale)
{
    MySqlColumn c;
    const QString type = dataType.toLower();
    static const QStringList integers = {"tinyint", "smallint", "mediumint", "int", "bigint"};
    static const int bytes[] = {1, 2, 3, 4, 8};
    if (type == QLatin1String("varchar") || type == QLatin1String("char")) {
        c.kind = Kind::Text;
        c.maxChars = maxChars;
    } else if (const qsizetype i = integers.indexOf(type); i >= 0) {
        c.kind = Kind::Integer;
        c.integerBytes = bytes[i];
    } else if (type == QLatin1String("decimal")) {
        c.kind = Kind::Decimal;
        c.integerDigits = precision - scale;
    } else if (type == QLatin1String("double") || type == QLatin1String("float")) {
        c.kind = Kind::Float;
    }
    c.isUnsigned = columnType.contains(QLatin1String("unsigned"), Qt::CaseInsensitive);
    // NULL into an auto_increment column asks for the next number, into a TIMESTAMP (without
    // explicit_defaults_for_timestamp) for the current time: the server's business.
    c.notNull = isNullable.compare(QLatin1String("NO"), Qt::CaseInsensitive) == 0 &&
                !extra.contains(QLatin1String("auto_increment"), Qt::CaseInsensitive) &&
                type != QLatin1String("timestamp");
    return c;
}

namespace {
/// A number's text as the server reads it into a numeric column: [sign] digits [. digits]
/// [e exponent], nothing around it. Returns the value, or NaN when the text is not that.
double numberText(QStringView text)
{
    if (text.isEmpty() || text.size() > 64)
        return std::nan("");
    char buffer[65];
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool allowed =
            (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E';
        if (!allowed)
            return std::nan("");
        buffer[i] = char(c);
    }
    const char *begin = buffer + (buffer[0] == '+' ? 1 : 0);
    double d = 0;
    const auto [end, ec] = std::from_chars(begin, buffer + text.size(), d);
    return ec == std::errc() && end == buffer + text.size() ? d : std::nan("");
}
} // namespace

bool MySqlColumn::takes(const QJsonValue &value, QStringView text) const
{
    const bool isNull = value.isNull() || value.isUndefined() ||
                        (value.isDouble() && !std::isfinite(value.toDouble()));
    if (isNull)
        return !notNull;
    if (kind == Kind::Text || kind == Kind::Other)
        return true; // lengths: checked by the writer for both paths (a 1406 of its own)
    if (value.isArray() || value.isObject())
        return false;
    double d = 0;
    bool integral = false;
    if (value.isBool()) {
        d = value.toBool() ? 1 : 0;
        integral = true;
    } else if (value.isDouble()) {
        d = value.toDouble();
        integral = std::trunc(d) == d;
    } else {
        // Text read as a number: INSERT '12.5' and LOAD DATA 12.5 agree; anything else
        // ('', ' 1', '1,5') is left to the statement.
        d = numberText(text);
        if (std::isnan(d))
            return false;
        integral = std::trunc(d) == d && !text.contains(u'.') && !text.contains(u'e') &&
                   !text.contains(u'E');
    }
    if (isUnsigned && d < 0)
        return false;
    switch (kind) {
    case Kind::Integer: {
        // LOAD DATA warns "Data truncated" for 1.5 where INSERT rounds without a word.
        if (!integral)
            return false;
        const double bits = integerBytes * 8.0 - (isUnsigned ? 0 : 1);
        const double limit = std::ldexp(1.0, int(bits));
        // Near the 64-bit limits a double cannot tell: the statement decides.
        return integerBytes < 8 ? (d < limit && d >= (isUnsigned ? 0 : -limit))
                                : std::fabs(d) < 9.0e18;
    }
    case Kind::Decimal:
        return integerDigits < 0 || std::fabs(d) < std::pow(10.0, integerDigits) * 0.999999;
    case Kind::Float:
        return true;
    default:
        return true;
    }
}

char *writeTsvString(char *p, QStringView text)
{
    return writeEscapedUtf8(p, text, MySqlEscapes::LoadData);
}

char *writeTsvScalar(char *p, const QJsonValue &value)
{
    char *start = p;
    p = writeSqlScalar(p, value);
    // writeSqlScalar's NULL (null, undefined, a number JSON cannot hold) is LOAD DATA's \N.
    if (p - start == 4 && std::memcmp(start, "NULL", 4) == 0) {
        start[0] = '\\';
        start[1] = 'N';
        return start + 2;
    }
    return p;
}

QByteArray quotedMySqlTable(const QString &table)
{
    QByteArray out;
    for (const QString &part : table.split(u'.')) {
        if (!out.isEmpty())
            out += '.';
        out += '`' + part.toUtf8() + '`';
    }
    return out;
}

namespace {
/// The statement's columns, quoted: "`a`, `b`". With `as`: "`a` AS weft_c0, …" (the staging
/// table's names); with `staged`: "weft_c0, weft_c1, …".
QByteArray columnList(const MySqlStatement &statement, bool as = false, bool staged = false)
{
    QByteArray out;
    for (qsizetype i = 0; i < statement.columns.size(); ++i) {
        if (i)
            out += ", ";
        if (!staged)
            out += '`' + statement.columns.at(i).toUtf8() + '`';
        if (as)
            out += " AS ";
        if (as || staged)
            out += "weft_c" + QByteArray::number(i);
    }
    return out;
}
} // namespace

QByteArray mySqlLoadStatement(const MySqlStatement &statement)
{
    const bool staged = !statement.duplicateKeyTail.isEmpty();
    QByteArray sql = "LOAD DATA LOCAL INFILE '" + QByteArray(kMySqlBulkFile) + "' ";
    // With LOCAL, a duplicate key is skipped with a warning unless REPLACE says otherwise:
    // plain INSERT's duplicates are found by the warnings check (and then by the statements).
    if (!staged && statement.verb == MySqlStatement::Verb::Replace)
        sql += "REPLACE ";
    else if (!staged && statement.verb == MySqlStatement::Verb::InsertIgnore)
        sql += "IGNORE ";
    sql += "INTO TABLE ";
    sql += staged ? QByteArray(kMySqlStageTable) : quotedMySqlTable(statement.table);
    sql += " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' "
           "LINES TERMINATED BY '\\n' (";
    sql += columnList(statement, false, staged);
    sql += ')';
    return sql;
}

// The staging table's columns have names of their own (weft_c0 …): with the target's names,
// `n = n + VALUES(n)` in the UPDATE clause would be ambiguous (error 1052) between the two
// tables. VALUES(n) still means the value for the target's column n.
QByteArray mySqlStageDdl(const MySqlStatement &statement)
{
    return "CREATE TEMPORARY TABLE IF NOT EXISTS " + QByteArray(kMySqlStageTable) +
           " (weft_seq BIGINT AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB AS SELECT " +
           columnList(statement, true) + " FROM " + quotedMySqlTable(statement.table) + " LIMIT 0";
}

QByteArray mySqlStageInsert(const MySqlStatement &statement)
{
    QByteArray verb =
        statement.verb == MySqlStatement::Verb::InsertIgnore ? "INSERT IGNORE" : "INSERT";
    return verb + " INTO " + quotedMySqlTable(statement.table) + " (" + columnList(statement) +
           ") SELECT " + columnList(statement, false, true) + " FROM " +
           QByteArray(kMySqlStageTable) + " ORDER BY weft_seq " +
           statement.duplicateKeyTail.toUtf8();
}

// ---- the local-infile callbacks ---------------------------------------------------------

namespace {
/// The state of a refused request (no MySqlInfile, or not armed for that name).
struct Refusal {
    QByteArray message;
};
thread_local Refusal t_refusal;
constexpr int kRefused = 2068; // the client error "LOAD DATA LOCAL INFILE file request rejected"
} // namespace

bool MySqlInfile::install(QSqlDatabase &db, MySqlInfile *infile)
{
    MYSQL *mysql = nativeMySql(db);
    if (!mysql)
        return false;
    mysql_set_local_infile_handler(mysql, &MySqlInfile::init, &MySqlInfile::read, &MySqlInfile::end,
                                   &MySqlInfile::error, infile);
    return true;
}

void MySqlInfile::allowLocal(QSqlDatabase &db)
{
    if (MYSQL *mysql = nativeMySql(db)) {
        unsigned int on = 1;
        mysql_options(mysql, MYSQL_OPT_LOCAL_INFILE, &on);
    }
}

int MySqlInfile::init(void **state, const char *name, void *self)
{
    auto *infile = static_cast<MySqlInfile *>(self);
    // Only the buffer armed for our own statement, by its own name: a server that asks for
    // anything else (a file of its choosing) gets nothing.
    if (!infile || !infile->m_armed || qstrcmp(name, kMySqlBulkFile) != 0) {
        t_refusal.message = "Weft refused the server's request for local file '" +
                            QByteArray(name ? name : "") + "': it only sends its own batches";
        *state = &t_refusal;
        return 1;
    }
    infile->m_armed = false; // one read per arm()
    *state = infile;
    return 0;
}

int MySqlInfile::read(void *state, char *buffer, unsigned int size)
{
    if (state == &t_refusal)
        return -1;
    auto *infile = static_cast<MySqlInfile *>(state);
    const qsizetype n = std::min<qsizetype>(size, infile->m_data.size() - infile->m_offset);
    std::memcpy(buffer, infile->m_data.constData() + infile->m_offset, size_t(n));
    infile->m_offset += n;
    return int(n);
}

void MySqlInfile::end(void *state)
{
    if (state && state != &t_refusal)
        static_cast<MySqlInfile *>(state)->m_data.clear();
}

int MySqlInfile::error(void *state, char *buffer, unsigned int size)
{
    const QByteArray message = state == &t_refusal
                                   ? t_refusal.message
                                   : QByteArrayLiteral("Weft's batch could not be read");
    qstrncpy(buffer, message.constData(), size);
    return kRefused;
}

} // namespace weft
