#include "core/connectors/mysqltarget.h"

#include "core/connectors/mysqlsql.h"
#include "core/log/logging.h"
#include "core/state/statestore.h"
#include "core/util/textdistance.h"

#include <QAtomicInt>
#include <QPointer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <cmath>

namespace weft {

namespace detail {

namespace {
QAtomicInt g_writerCounter;

/// The value of one column for a row: the payload's key, or inside a nested object such as
/// seed 003's `main_params`.
QJsonValue columnValue(const QJsonObject &payload, const QString &field)
{
    const auto it = payload.constFind(field);
    if (it != payload.constEnd())
        return it.value();
    for (auto i = payload.constBegin(); i != payload.constEnd(); ++i) {
        if (i.value().isObject()) {
            const QJsonObject nested = i.value().toObject();
            const auto n = nested.constFind(field);
            if (n != nested.constEnd())
                return n.value();
        }
    }
    return QJsonValue(QJsonValue::Null);
}
} // namespace

/// Lives on the writer thread; owns the QSqlDatabase.
class MySqlWriter final : public QObject
{
public:
    MySqlWriter(ResolvedConnection connection, MySqlStatement statement, RetryPolicy retry,
                QString ddl, std::shared_ptr<std::atomic_bool> cancelled)
        : m_connection(std::move(connection))
        , m_statement(std::move(statement))
        , m_retry(retry)
        , m_ddl(std::move(ddl))
        , m_cancelled(std::move(cancelled))
        , m_name(QStringLiteral("weft_mysql_target_%1").arg(g_writerCounter.fetchAndAddRelaxed(1)))
    {
        buildHead();
    }

    ~MySqlWriter() override
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    std::optional<ConnectorError> prepare()
    {
        if (auto e = connect())
            return e;
        return checkTable();
    }

    BatchResult write(const QList<TargetRecord> &batch)
    {
        QList<WriteOutcome> outcomes(batch.size());
        // Each row's "(…)" is built once: a statement retried without a rejected row is just
        // the remaining tuples joined again.
        m_tuples.clear();
        m_tuples.reserve(batch.size());
        QList<qsizetype> rows;
        rows.reserve(batch.size());
        for (qsizetype i = 0; i < batch.size(); ++i) {
            QString tooLong;
            m_tuples.append(buildTuple(batch.at(i), &tooLong));
            if (tooLong.isEmpty()) {
                rows.append(i);
            } else {
                // What the server would answer in strict mode, without the round trip and the
                // rollback of the whole statement that sending it would cost.
                outcomes[i] = WriteOutcome{
                    false, QString(),
                    ConnectorError{ConnectorError::Kind::Rejected, QStringLiteral("1406"),
                                   QStringLiteral("Data too long for column '%1' at row 1").arg(tooLong)}};
            }
        }
        if (auto e = writeRows(rows, &outcomes))
            return *e;
        // idCheck's hash of rows the engine did not hash, computed here on the writer's thread.
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const TargetRecord &r = batch.at(i);
            if (outcomes.at(i).ok && r.contentHash.isEmpty())
                outcomes[i].contentHash = r.wholeContentHash();
        }
        return outcomes;
    }

private:
    void buildHead()
    {
        for (qsizetype c = 0; c < m_statement.columns.size(); ++c)
            m_fields << m_statement.fieldForColumn(c);
        const char *verb = m_statement.verb == MySqlStatement::Verb::Replace ? "REPLACE"
                           : m_statement.verb == MySqlStatement::Verb::InsertIgnore
                               ? "INSERT IGNORE"
                               : "INSERT";
        m_head = verb;
        m_head += " INTO ";
        for (const QString &part : m_statement.table.split(u'.')) {
            if (!m_head.endsWith(' '))
                m_head += '.';
            m_head += '`' + part.toUtf8() + '`';
        }
        m_head += " (";
        for (qsizetype i = 0; i < m_statement.columns.size(); ++i) {
            if (i)
                m_head += ", ";
            m_head += '`' + m_statement.columns.at(i).toUtf8() + '`';
        }
        m_head += ") VALUES ";
    }

    std::optional<ConnectorError> connect()
    {
        if (m_db.isOpen())
            m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
        QString error;
        if (!openMySql(m_connection, m_name, &m_db, &error)) {
            const int code = mySqlErrorNumber(m_db);
            // 1045 access denied, 1044/1049 no such database: not going to fix themselves.
            const bool auth = code == 1045 || code == 1044 || code == 1049;
            return ConnectorError{auth ? ConnectorError::Kind::Auth : ConnectorError::Kind::Network,
                                  code ? QString::number(code) : QStringLiteral("connect"),
                                  error};
        }
        return std::nullopt;
    }

    std::optional<ConnectorError> checkTable()
    {
        const QStringList parts = m_statement.table.split(u'.');
        const QString table = parts.last();
        QSqlQuery q(m_db);
        QHash<QString, qint64> maxChars; // lower-case column → CHAR/VARCHAR length
        auto listColumns = [&](QStringList *columns) {
            columns->clear();
            maxChars.clear();
            q.prepare(QStringLiteral("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH FROM "
                                     "information_schema.COLUMNS WHERE "
                                     "TABLE_SCHEMA = %1 AND TABLE_NAME = ?")
                          .arg(parts.size() > 1 ? QStringLiteral("?")
                                                : QStringLiteral("DATABASE()")));
            if (parts.size() > 1)
                q.addBindValue(parts.first());
            q.addBindValue(table);
            if (!q.exec())
                return false;
            while (q.next()) {
                *columns << q.value(0).toString();
                const QString type = q.value(1).toString().toLower();
                if (type == QLatin1String("varchar") || type == QLatin1String("char"))
                    maxChars.insert(q.value(0).toString().toLower(), q.value(2).toLongLong());
            }
            return true;
        };
        QStringList columns;
        if (!listColumns(&columns))
            return ConnectorError{ConnectorError::Kind::Network, QString::number(mySqlErrorNumber(m_db)),
                                  q.lastError().databaseText()};
        if (columns.isEmpty()) {
            if (m_ddl.trimmed().isEmpty())
                return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("1146"),
                                      QStringLiteral("table %1 does not exist: create it, or "
                                                     "give the target a \"ddl\" to create it")
                                          .arg(m_statement.table)};
            log::info(QStringLiteral("creating table %1 from the target's ddl")
                          .arg(m_statement.table));
            if (!q.exec(m_ddl))
                return ConnectorError{ConnectorError::Kind::Config,
                                      QString::number(mySqlErrorNumber(m_db)),
                                      QStringLiteral("the target's ddl failed: %1")
                                          .arg(q.lastError().databaseText())};
            if (!listColumns(&columns) || columns.isEmpty())
                return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("1146"),
                                      QStringLiteral("the target's ddl ran but table %1 still "
                                                     "does not exist: does the ddl create it?")
                                          .arg(m_statement.table)};
        }
        m_maxChars.clear();
        for (const QString &c : m_statement.columns) {
            if (!columns.contains(c, Qt::CaseInsensitive))
                return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("1054"),
                                      QStringLiteral("table %1 has no column %2%3")
                                          .arg(m_statement.table, c, didYouMean(c, columns))};
            m_maxChars.append(maxChars.value(c.toLower(), -1));
        }
        return std::nullopt;
    }

    /// One row's "(v1,v2,…)"; `tooLong` names a CHAR/VARCHAR column the value exceeds.
    QByteArray buildTuple(const TargetRecord &record, QString *tooLong)
    {
        // Rows given as values: which value feeds each column is worked out once per field
        // list (one per run), then each value is taken by index.
        const QList<int> *index = nullptr;
        if (record.fields) {
            if (m_indexFor != record.fields.get()) {
                m_indexFor = record.fields.get();
                m_valueIndex.clear();
                for (const QString &f : m_fields)
                    m_valueIndex.append(int(record.fields->indexOf(f)));
            }
            index = &m_valueIndex;
        }
        // First each column's value and text, and the most bytes the row can take; then the
        // row written into one buffer of that size (no growing, no per-value appends).
        static const QJsonValue null;
        const qsizetype n = m_fields.size();
        m_cells.resize(n);
        qsizetype bound = 2 + n; // parentheses and commas
        for (qsizetype c = 0; c < n; ++c) {
            Cell &cell = m_cells[c];
            const int at = index ? index->at(c) : -1;
            if (index) {
                cell.value = at >= 0 ? &record.values.at(at) : &null;
            } else {
                cell.held = columnValue(record.payload, m_fields.at(c));
                cell.value = &cell.held;
            }
            cell.isText = !isSqlScalar(*cell.value);
            if (!cell.isText) {
                bound += kSqlScalarBound;
                continue;
            }
            if (!cell.value->isString()) { // an array or object
                cell.heldText = compactJsonText(*cell.value);
                cell.text = cell.heldText;
                bound += sqlStringBound(cell.text);
                continue;
            }
            // The mapping's text of it when it made one (TargetRecord::texts).
            if (at >= 0 && at < record.texts.size()) {
                cell.text = record.texts.at(at);
            } else {
                cell.heldText = cell.value->toString();
                cell.text = cell.heldText;
            }
            const qint64 max = m_maxChars.value(c, -1);
            // UTF-16 units never undercount characters: count code points only when the
            // quick test says it might be too long.
            if (max >= 0 && tooLong->isEmpty() && cell.text.size() > max &&
                cell.text.toUcs4().size() > max)
                *tooLong = m_statement.columns.at(c);
            bound += sqlStringBound(cell.text);
        }
        QByteArray tuple(bound, Qt::Uninitialized);
        char *p = tuple.data();
        *p++ = '(';
        for (qsizetype c = 0; c < n; ++c) {
            if (c)
                *p++ = ',';
            const Cell &cell = m_cells.at(c);
            p = cell.isText ? writeSqlString(p, cell.text) : writeSqlScalar(p, *cell.value);
        }
        *p++ = ')';
        tuple.truncate(p - tuple.constData());
        return tuple;
    }

    QByteArray buildStatement(const QList<qsizetype> &rows) const
    {
        qsizetype size = m_head.size() + m_statement.duplicateKeyTail.size() + 2;
        for (const qsizetype r : rows)
            size += m_tuples.at(r).size() + 2;
        QByteArray sql;
        sql.reserve(size);
        sql += m_head;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (i)
                sql += ",\n";
            sql += m_tuples.at(rows.at(i));
        }
        if (!m_statement.duplicateKeyTail.isEmpty()) {
            sql += ' ';
            sql += m_statement.duplicateKeyTail.toUtf8();
        }
        return sql;
    }

    /// Executes the rows as one statement. Returns the server's error number (0 ok).
    ///
    /// In autocommit mode (openMySql sets it) one statement is its own transaction: InnoDB
    /// writes all of its rows or, when it fails, none — what BEGIN … COMMIT around it would
    /// give, without their two round trips per batch.
    int execute(const QList<qsizetype> &rows, QString *message)
    {
        return execMySqlBytes(m_db, buildStatement(rows), message);
    }

    /// Writes the rows (indices into the batch). A row the server rejects is isolated — by
    /// the row number its message names ("… at row 3"), else by splitting the range in halves
    /// — and fails alone with the server's own message; the other rows are written. Returns an
    /// error only when the whole batch cannot be written (connection, configuration).
    std::optional<ConnectorError> writeRows(QList<qsizetype> rows, QList<WriteOutcome> *outcomes)
    {
        static const QRegularExpression atRow(QStringLiteral(" at row (\\d+)$"));
        int attempt = 0;
        while (!rows.isEmpty()) {
            if (m_cancelled->load())
                return ConnectorError{ConnectorError::Kind::Cancelled, QString(),
                                      QStringLiteral("cancelled")};
            QString message;
            const int code = (m_db.isOpen() || !connect()) ? execute(rows, &message) : 2002;
            if (code == 0) {
                for (const qsizetype i : rows)
                    (*outcomes)[i] = WriteOutcome{true, QString(), {}};
                return std::nullopt;
            }
            if (isMySqlDataError(code) || (code == 1 && rows.size() > 1)) {
                const auto m = atRow.match(message);
                const qsizetype bad = m.hasMatch() ? m.captured(1).toLongLong() - 1 : -1;
                if (rows.size() == 1 || (bad >= 0 && bad < rows.size())) {
                    // The server named the row (or there is only one): it fails, with the
                    // message as a person reading that one row expects it ("at row 1").
                    const qsizetype index = rows.size() == 1 ? 0 : bad;
                    QString own = message;
                    own.replace(atRow, QStringLiteral(" at row 1"));
                    (*outcomes)[rows.at(index)] = WriteOutcome{
                        false, QString(),
                        ConnectorError{ConnectorError::Kind::Rejected, QString::number(code), own}};
                    rows.removeAt(index);
                    continue;
                }
                // No row named (duplicate key, NOT NULL): split to find it.
                const qsizetype mid = rows.size() / 2;
                if (auto e = writeRows(rows.mid(0, mid), outcomes))
                    return e;
                return writeRows(rows.mid(mid), outcomes);
            }
            const bool lost = isMySqlConnectionLost(code) || !m_db.isOpen();
            if ((lost || isMySqlTransient(code)) && ++attempt < m_retry.attempts) {
                const int delay = int(std::min<double>(
                    m_retry.initialDelayMs * std::pow(m_retry.multiplier, attempt - 1),
                    m_retry.maxDelayMs));
                log::warn(QStringLiteral("MySQL %1 (%2): %3; retry %4 in %5 ms")
                              .arg(m_statement.table)
                              .arg(code)
                              .arg(message)
                              .arg(attempt)
                              .arg(delay));
                sleepCancellable(delay);
                if (lost)
                    connect();
                continue;
            }
            const ConnectorError::Kind kind =
                lost ? ConnectorError::Kind::Network
                     : (isMySqlTransient(code) ? ConnectorError::Kind::Server
                                               : ConnectorError::Kind::Config);
            return ConnectorError{kind, QString::number(code), message};
        }
        return std::nullopt;
    }

    void sleepCancellable(int ms)
    {
        for (int waited = 0; waited < ms && !m_cancelled->load(); waited += 50)
            QThread::msleep(std::min(50, ms - waited));
    }

    ResolvedConnection m_connection;
    MySqlStatement m_statement;
    RetryPolicy m_retry;
    QString m_ddl;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QString m_name;
    QSqlDatabase m_db;
    QByteArray m_head;
    QStringList m_fields;          ///< payload field per column
    QList<qint64> m_maxChars;      ///< per column: CHAR/VARCHAR length, -1 for other types
    QList<QByteArray> m_tuples;    ///< the current batch's rows as SQL
    const QStringList *m_indexFor = nullptr; ///< the field list m_valueIndex was made for
    QList<int> m_valueIndex;       ///< per column: index into TargetRecord::values
    /// One column of the row buildTuple is writing.
    struct Cell {
        const QJsonValue *value = nullptr; ///< the record's, or `held`
        QJsonValue held;                   ///< a value read from a payload
        QStringView text;                  ///< a string's (or JSON's) text: the record's or `heldText`
        QString heldText;
        bool isText = false;
    };
    QList<Cell> m_cells; ///< per column, reused from row to row
};

} // namespace detail

MySqlTarget::MySqlTarget(const ConnectorContext &context, const MySqlStatement &statement,
                         QObject *parent)
    : TargetConnector(parent)
    , m_context(context)
    , m_statement(statement)
    , m_cancelled(std::make_shared<std::atomic_bool>(false))
{
    m_batchSize = context.adapter.metadata.limit(1000);
    const QString ddl = context.adapter.metadata.setting(QStringLiteral("ddl")).toString();
    m_writer = new detail::MySqlWriter(context.connection, statement, context.retry, ddl,
                                       m_cancelled);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("weft-mysql-writer"));
    m_thread.start();
}

MySqlTarget::~MySqlTarget()
{
    m_cancelled->store(true);
    m_thread.quit();
    m_thread.wait();
}

void MySqlTarget::prepare(std::function<void(std::optional<ConnectorError>)> done)
{
    QPointer<MySqlTarget> self(this);
    QMetaObject::invokeMethod(m_writer, [self, writer = m_writer, done = std::move(done)]() {
        auto result = writer->prepare();
        if (self)
            QMetaObject::invokeMethod(self, [done, result]() { done(result); },
                                      Qt::QueuedConnection);
    });
}

void MySqlTarget::writeBatch(const QList<TargetRecord> &batch,
                             std::function<void(BatchResult)> done)
{
    QPointer<MySqlTarget> self(this);
    QMetaObject::invokeMethod(m_writer, [self, writer = m_writer, batch, done = std::move(done)]() {
        BatchResult result = writer->write(batch);
        if (self)
            QMetaObject::invokeMethod(self, [done, result]() { done(result); },
                                      Qt::QueuedConnection);
    });
}

void MySqlTarget::cancel()
{
    m_cancelled->store(true);
}

} // namespace weft
