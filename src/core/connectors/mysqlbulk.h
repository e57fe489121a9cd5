#pragma once

#include "core/model/mysqlstatement.h"

#include <QByteArray>
#include <QJsonValue>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace weft {

// The pieces of the MySQL target's bulk path (LOAD DATA LOCAL INFILE from memory): the
// column facts a row is checked against before it joins a bulk batch, the tab-separated
// text the server reads, the statements, and the client library's local-infile callbacks.

/// What the bulk path knows of one target column (information_schema.COLUMNS, read once at
/// prepare): enough to tell whether LOAD DATA would take a value exactly as the statement
/// would, without a warning. Types not described here are left to the server (its warnings
/// send the batch through the statement path).
struct MySqlColumn {
    enum class Kind { Text, Integer, Decimal, Float, Other };
    Kind kind = Kind::Other;
    qint64 maxChars = -1; ///< CHAR/VARCHAR length; -1 for other types
    bool notNull = false; ///< NOT NULL, and NULL is not filled in (auto_increment, timestamp)
    bool isUnsigned = false;
    int integerBytes = 0;   ///< TINYINT 1 … BIGINT 8
    int integerDigits = -1; ///< DECIMAL(p, s): p - s digits before the point

    /// From a row of information_schema.COLUMNS.
    static MySqlColumn fromSchema(const QString &dataType, const QString &columnType,
                                  const QString &isNullable, const QString &extra, qint64 maxChars,
                                  int precision, int scale);
    /// Whether `value` (`text` is its text when a string) goes into the column through
    /// LOAD DATA as it would through INSERT: false sends the row the statement way, where
    /// the server's own answer (its error message, or a rounding) decides.
    bool takes(const QJsonValue &value, QStringView text) const;
};

/// The most bytes writeTsvString writes for `text` (an escaped ASCII character takes 2, a
/// UTF-16 unit at most 3).
inline qsizetype tsvStringBound(QStringView text)
{
    return text.size() * 3;
}
/// `text` as one field of LOAD DATA's default format, in UTF-8: backslash, tab, newline,
/// carriage return and NUL escaped with a backslash. Returns the end.
char *writeTsvString(char *p, QStringView text);
/// A null, bool or number as a field (\N for null, and for numbers JSON cannot carry); room
/// for kSqlScalarBound bytes. Returns the end.
char *writeTsvScalar(char *p, const QJsonValue &value);

/// The name our LOAD DATA statements give the "file": the only one the callbacks serve.
inline constexpr char kMySqlBulkFile[] = "weft-bulk-batch";
/// The session's staging table for ON DUPLICATE KEY UPDATE (a TEMPORARY table).
inline constexpr char kMySqlStageTable[] = "weft_bulk_stage";

/// `LOAD DATA LOCAL INFILE 'weft-bulk-batch' [REPLACE|IGNORE] INTO TABLE <table> … (<cols>)`;
/// into the staging table when the statement has an ON DUPLICATE KEY UPDATE tail.
QByteArray mySqlLoadStatement(const MySqlStatement &statement);
/// CREATE TEMPORARY TABLE for the staging table: the target's columns (no keys), and a
/// sequence that keeps the batch's order.
QByteArray mySqlStageDdl(const MySqlStatement &statement);
/// `INSERT INTO <table> (…) SELECT … FROM <stage> ORDER BY seq ON DUPLICATE KEY UPDATE …`.
QByteArray mySqlStageInsert(const MySqlStatement &statement);
/// `<table>` as quoted identifiers: `db`.`t`.
QByteArray quotedMySqlTable(const QString &table);

/// The client library's LOAD DATA LOCAL callbacks on one connection. Installed on every
/// connection Weft opens (openMySqlWith): a server naming a file is then answered from
/// memory — from the buffer armed here, under kMySqlBulkFile, or refused — and no file is
/// ever read, whatever the server asks for.
class MySqlInfile
{
public:
    /// Installs the callbacks on `db`'s native connection with `infile` (nullptr: every
    /// request is refused). False when the driver gives no native connection.
    static bool install(QSqlDatabase &db, MySqlInfile *infile);
    /// Asks the client library to send the LOCAL capability (on by default in MariaDB
    /// Connector/C; the server also needs local_infile=ON).
    static void allowLocal(QSqlDatabase &db);

    /// The next request for kMySqlBulkFile reads `data`; any other is refused.
    void arm(QByteArray data)
    {
        m_data = std::move(data);
        m_offset = 0;
        m_armed = true;
    }
    void disarm()
    {
        m_data.clear();
        m_armed = false;
    }

private:
    static int init(void **state, const char *name, void *self);
    static int read(void *state, char *buffer, unsigned int size);
    static void end(void *state);
    static int error(void *state, char *buffer, unsigned int size);

    QByteArray m_data;
    qsizetype m_offset = 0;
    bool m_armed = false;
    QByteArray m_error;
};

} // namespace weft
