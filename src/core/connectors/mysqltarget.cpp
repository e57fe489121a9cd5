#include "core/connectors/mysqltarget.h"

#include "core/connectors/mysqlbulk.h"
#include "core/connectors/mysqlsql.h"
#include "core/log/logging.h"
#include "core/state/statestore.h"
#include "core/util/crashpoint.h"
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
                QString ddl, std::shared_ptr<std::atomic_bool> cancelled, QString scope, bool bulk,
                std::shared_ptr<MySqlCommits> commits)
        : m_connection(std::move(connection))
        , m_statement(std::move(statement))
        , m_retry(retry)
        , m_ddl(std::move(ddl))
        , m_cancelled(std::move(cancelled))
        , m_name(QStringLiteral("weft_mysql_target_%1").arg(g_writerCounter.fetchAndAddRelaxed(1)))
        , m_scope(std::move(scope))
        , m_bulkWanted(bulk)
        , m_commits(std::move(commits))
    {
        buildHead();
        m_load = mySqlLoadStatement(m_statement);
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
        if (auto e = checkTable())
            return e;
        if (auto e = ensureLedger())
            return e;
        decideBulk();
        return std::nullopt;
    }

    BatchResult write(const QString &batchId, const QList<TargetRecord> &batch)
    {
        m_batchId = batchId;
        m_part = 0;
        m_batch = &batch;
        QList<WriteOutcome> outcomes(batch.size());
        // Each row's "(…)" (or its line of LOAD DATA text) is built once: a statement retried
        // without a rejected row is just the remaining tuples joined again.
        m_tuples.clear();
        m_tuples.resize(batch.size());
        m_lines.clear();
        if (m_bulkOn)
            m_lines.resize(batch.size());
        // Runs of consecutive rows that take one path: the batch's order is kept (a key
        // written twice in a batch ends with its later row, as in one statement).
        QList<qsizetype> run;
        bool runBulk = false;
        auto flush = [&]() -> std::optional<ConnectorError> {
            if (run.isEmpty())
                return std::nullopt;
            auto e = runBulk ? writeBulk(run, &outcomes) : writeRows(run, &outcomes);
            run.clear();
            return e;
        };
        for (qsizetype i = 0; i < batch.size(); ++i) {
            QString tooLong;
            const bool takes = gatherCells(batch.at(i), &tooLong);
            if (!tooLong.isEmpty()) {
                // What the server would answer in strict mode, without the round trip and the
                // rollback of the whole statement that sending it would cost.
                outcomes[i] = WriteOutcome{
                    false, QString(),
                    ConnectorError{ConnectorError::Kind::Rejected, QStringLiteral("1406"),
                                   QStringLiteral("Data too long for column '%1' at row 1").arg(tooLong)}};
                continue;
            }
            // A row whose values LOAD DATA would read differently from INSERT (a NULL for a
            // NOT NULL column, a number out of range, text in a numeric column) goes the
            // statement way, where the server answers for it with its own message.
            const bool bulk = m_bulkOn && takes;
            if (bulk)
                m_lines[i] = tsvLine();
            else
                m_tuples[i] = sqlTuple();
            if (bulk != runBulk && !run.isEmpty()) {
                if (auto e = flush())
                    return *e;
            }
            runBulk = bulk;
            run.append(i);
        }
        if (auto e = flush())
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
        // A batch goes out as one script (the ledger row, the rows, COMMIT): one round trip.
        if (!enableMySqlScripts(m_db))
            return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("connect"),
                                  QStringLiteral("the MySQL driver gives no native connection "
                                                 "to send a batch and its ledger row in one "
                                                 "transaction")};
        // Bulk batches are read from memory through our callbacks (never from a file).
        MySqlInfile::allowLocal(m_db);
        MySqlInfile::install(m_db, &m_infile);
        m_stageReady = false; // a temporary table lives as long as its session
        return std::nullopt;
    }

    // ---- the write ledger: which batches committed (exactly-once) ------------------------

    /// `db`.`weft_write_ledger` beside the target table (the same database, so the ledger row
    /// and the rows commit in one InnoDB transaction).
    QByteArray ledgerTable() const
    {
        const QStringList parts = m_statement.table.split(u'.');
        QByteArray name;
        if (parts.size() > 1)
            name += '`' + parts.first().toUtf8() + "`.";
        return name + "`weft_write_ledger`";
    }

    QString ledgerDdl() const
    {
        return QStringLiteral(
                   "CREATE TABLE IF NOT EXISTS %1 (scope VARCHAR(191) NOT NULL, batch_id "
                   "VARCHAR(128) NOT NULL, part INT NOT NULL, row_list TEXT NOT NULL, "
                   "committed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY "
                   "(scope, batch_id, part)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4")
            .arg(QString::fromUtf8(ledgerTable()));
    }

    std::optional<ConnectorError> ensureLedger()
    {
        QSqlQuery q(m_db);
        if (q.exec(ledgerDdl()))
            return std::nullopt;
        const int code = mySqlErrorNumber(m_db);
        return ConnectorError{
            isMySqlConnectionLost(code) ? ConnectorError::Kind::Network
                                        : ConnectorError::Kind::Config,
            QString::number(code),
            QStringLiteral("Weft writes each batch exactly once by committing it together with "
                           "a row in a small table of its own, and cannot create that table "
                           "(%1). Let the MySQL user create it, or have it created once: %2")
                .arg(q.lastError().databaseText(), ledgerDdl())};
    }

    /// The batch's rows listed in a ledger row: "0-41,43-99" (indices into the batch).
    static QByteArray rowList(const QList<qsizetype> &rows)
    {
        QList<qsizetype> sorted = rows;
        std::sort(sorted.begin(), sorted.end());
        QByteArray out;
        for (qsizetype i = 0; i < sorted.size();) {
            qsizetype j = i;
            while (j + 1 < sorted.size() && sorted.at(j + 1) == sorted.at(j) + 1)
                ++j;
            if (!out.isEmpty())
                out += ',';
            out += QByteArray::number(sorted.at(i));
            if (j > i)
                out += '-' + QByteArray::number(sorted.at(j));
            i = j + 1;
        }
        return out;
    }

    static QList<qsizetype> parseRowList(const QString &text)
    {
        QList<qsizetype> rows;
        for (const QString &range : text.split(u',', Qt::SkipEmptyParts)) {
            const qsizetype dash = range.indexOf(u'-');
            const qsizetype first = range.left(dash < 0 ? range.size() : dash).toLongLong();
            const qsizetype last = dash < 0 ? first : range.mid(dash + 1).toLongLong();
            for (qsizetype r = first; r <= last; ++r)
                rows.append(r);
        }
        return rows;
    }

public:
    /// The rows of `batchId` the target committed (indices into the batch), read with a
    /// locking read: a transaction of the batch still open on the server (its process cut
    /// off mid-commit) is waited for, so the answer is final.
    std::variant<QList<qsizetype>, ConnectorError> committedRows(const QString &batchId)
    {
        for (int attempt = 0;; ++attempt) {
            if (!m_db.isOpen()) {
                if (auto e = connect())
                    return *e;
            }
            QSqlQuery q(m_db);
            QList<qsizetype> rows;
            bool ok = q.exec(QStringLiteral("START TRANSACTION"));
            if (ok) {
                // The tombstone first: a statement of the batch still to come from a process
                // that lost its lease finds it and writes nothing (commitRows).
                q.prepare(QStringLiteral("INSERT IGNORE INTO %1 (scope, batch_id, part, row_list) "
                                         "VALUES (?, ?, -1, 'fenced')")
                              .arg(QString::fromUtf8(ledgerTable())));
                q.addBindValue(m_scope);
                q.addBindValue(batchId);
                ok = q.exec();
            }
            if (ok) {
                q.prepare(QStringLiteral("SELECT row_list FROM %1 WHERE scope = ? AND batch_id = ? "
                                         "AND part >= 0 LOCK IN SHARE MODE")
                              .arg(QString::fromUtf8(ledgerTable())));
                q.addBindValue(m_scope);
                q.addBindValue(batchId);
                ok = q.exec();
                while (ok && q.next())
                    rows += parseRowList(q.value(0).toString());
            }
            const int code = ok ? 0 : mySqlErrorNumber(m_db);
            const QString message = q.lastError().databaseText();
            QSqlQuery(m_db).exec(QStringLiteral("COMMIT"));
            if (ok)
                return rows;
            if (isMySqlConnectionLost(code) && attempt + 1 < std::max(1, m_retry.attempts)) {
                connect();
                continue;
            }
            return ConnectorError{isMySqlConnectionLost(code) ? ConnectorError::Kind::Network
                                                              : ConnectorError::Kind::Config,
                                  QString::number(code), message};
        }
    }

    /// These batches' outcomes are recorded: their ledger rows go with the next batch's
    /// transaction (no round trip of their own), or all of the scope's at once.
    void forget(const QStringList &batchIds, bool all)
    {
        if (!all) {
            m_forget += batchIds;
            return;
        }
        m_forget.clear();
        if (!m_db.isOpen() && connect())
            return; // kept until a later run: harmless
        // Tombstones stay a day: a process that lost its lease may still be about to send a
        // statement of a fenced batch.
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE scope = ? AND (part >= 0 OR committed_at < "
                                 "NOW(3) - INTERVAL 1 DAY)")
                      .arg(QString::fromUtf8(ledgerTable())));
        q.addBindValue(m_scope);
        if (!q.exec())
            log::warn(QStringLiteral("MySQL %1: could not clear old rows of weft_write_ledger: %2")
                          .arg(m_statement.table, q.lastError().databaseText()));
    }

private:
    QByteArray forgetStatement() const
    {
        QByteArray sql = "DELETE FROM " + ledgerTable() + " WHERE scope = ";
        appendSqlString(sql, m_scope);
        sql += " AND batch_id IN (";
        for (qsizetype i = 0; i < m_forget.size(); ++i) {
            if (i)
                sql += ',';
            appendSqlString(sql, m_forget.at(i));
        }
        sql += ')';
        return sql;
    }

    std::optional<ConnectorError> checkTable()
    {
        const QStringList parts = m_statement.table.split(u'.');
        const QString table = parts.last();
        QSqlQuery q(m_db);
        QHash<QString, MySqlColumn> facts; // lower-case column → type, length, NULL
        auto listColumns = [&](QStringList *columns) {
            columns->clear();
            facts.clear();
            q.prepare(
                QStringLiteral("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                               "COLUMN_TYPE, IS_NULLABLE, EXTRA, NUMERIC_PRECISION, "
                               "NUMERIC_SCALE FROM information_schema.COLUMNS WHERE "
                               "TABLE_SCHEMA = %1 AND TABLE_NAME = ?")
                    .arg(parts.size() > 1 ? QStringLiteral("?") : QStringLiteral("DATABASE()")));
            if (parts.size() > 1)
                q.addBindValue(parts.first());
            q.addBindValue(table);
            if (!q.exec())
                return false;
            while (q.next()) {
                *columns << q.value(0).toString();
                facts.insert(q.value(0).toString().toLower(),
                             MySqlColumn::fromSchema(q.value(1).toString(), q.value(3).toString(),
                                                     q.value(4).toString(), q.value(5).toString(),
                                                     q.value(2).toLongLong(), q.value(6).toInt(),
                                                     q.value(7).toInt()));
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
        // Exactly-once rests on the rows and their ledger row committing together: a table
        // that cannot roll back (MyISAM, Aria, a view) cannot give that.
        QSqlQuery engine(m_db);
        engine.prepare(QStringLiteral("SELECT ENGINE, TABLE_TYPE FROM information_schema.TABLES "
                                      "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = ?")
                           .arg(parts.size() > 1 ? QStringLiteral("?")
                                                 : QStringLiteral("DATABASE()")));
        if (parts.size() > 1)
            engine.addBindValue(parts.first());
        engine.addBindValue(table);
        if (engine.exec() && engine.next() &&
            engine.value(0).toString().compare(QLatin1String("InnoDB"), Qt::CaseInsensitive) != 0) {
            const QString kind = engine.value(0).isNull() ? engine.value(1).toString()
                                                           : engine.value(0).toString();
            return ConnectorError{
                ConnectorError::Kind::Config, QStringLiteral("engine"),
                QStringLiteral("table %1 is %2, which cannot roll a statement back: Weft writes "
                               "each batch exactly once by committing it together with its "
                               "ledger row, and needs an InnoDB table for that (ALTER TABLE %1 "
                               "ENGINE=InnoDB)")
                    .arg(m_statement.table, kind)};
        }
        m_columns.clear();
        for (const QString &c : m_statement.columns) {
            if (!columns.contains(c, Qt::CaseInsensitive))
                return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("1054"),
                                      QStringLiteral("table %1 has no column %2%3")
                                          .arg(m_statement.table, c, didYouMean(c, columns))};
            m_columns.append(facts.value(c.toLower()));
        }
        return std::nullopt;
    }

    /// One row's "(v1,v2,…)"; `tooLong` names a CHAR/VARCHAR column the value exceeds.
    QByteArray buildTuple(const TargetRecord &record, QString *tooLong)
    {
        gatherCells(record, tooLong);
        return sqlTuple();
    }

    /// Each column's value and text for one row (m_cells); `tooLong` names a CHAR/VARCHAR
    /// column the value exceeds. Returns whether LOAD DATA takes every value as INSERT would
    /// (MySqlColumn::takes).
    bool gatherCells(const TargetRecord &record, QString *tooLong)
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
        static const QJsonValue null;
        const qsizetype n = m_fields.size();
        m_cells.resize(n);
        bool takes = true;
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
            cell.text = QStringView();
            if (!cell.isText || !cell.value->isString()) {
                if (cell.isText) { // an array or object
                    cell.heldText = compactJsonText(*cell.value);
                    cell.text = cell.heldText;
                }
                takes = takes &&
                        (c >= m_columns.size() || m_columns.at(c).takes(*cell.value, cell.text));
                continue;
            }
            // The mapping's text of it when it made one (TargetRecord::texts).
            if (at >= 0 && at < record.texts.size()) {
                cell.text = record.texts.at(at);
            } else {
                cell.heldText = cell.value->toString();
                cell.text = cell.heldText;
            }
            const qint64 max = c < m_columns.size() ? m_columns.at(c).maxChars : -1;
            // UTF-16 units never undercount characters: count code points only when the
            // quick test says it might be too long.
            if (max >= 0 && tooLong->isEmpty() && cell.text.size() > max &&
                cell.text.toUcs4().size() > max)
                *tooLong = m_statement.columns.at(c);
            takes =
                takes && (c >= m_columns.size() || m_columns.at(c).takes(*cell.value, cell.text));
        }
        return takes;
    }

    /// The row of m_cells as "(v1,v2,…)": the most bytes it can take first, then written
    /// into one buffer of that size (no growing, no per-value appends).
    QByteArray sqlTuple() const
    {
        const qsizetype n = m_cells.size();
        qsizetype bound = 2 + n; // parentheses and commas
        for (const Cell &cell : m_cells)
            bound += cell.isText ? sqlStringBound(cell.text) : kSqlScalarBound;
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

    /// The row of m_cells as a line of LOAD DATA text: tab-separated, newline-ended.
    QByteArray tsvLine() const
    {
        qsizetype bound = m_cells.size();
        for (const Cell &cell : m_cells)
            bound += cell.isText ? tsvStringBound(cell.text) : kSqlScalarBound;
        QByteArray line(bound, Qt::Uninitialized);
        char *p = line.data();
        for (qsizetype c = 0; c < m_cells.size(); ++c) {
            if (c)
                *p++ = '\t';
            const Cell &cell = m_cells.at(c);
            p = cell.isText ? writeTsvString(p, cell.text) : writeTsvScalar(p, *cell.value);
        }
        *p++ = '\n';
        line.truncate(p - line.constData());
        return line;
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

    /// How one attempt at committing a set of rows ended.
    struct Attempt {
        enum class Kind { Committed, Rejected, Lost, Transient, Failed } kind = Kind::Committed;
        int code = 0;
        QString message;
        /// With Rejected: the offending rows (0-based in the statement) with their own code
        /// and message; a row of -1 when the server did not say which.
        struct Rejection {
            qsizetype row = -1;
            int code = 0;
            QString message;
        };
        QList<Rejection> rejections;
    };

    Attempt classify(int code, const QString &message, bool dataStatement) const
    {
        static const QRegularExpression atRow(QStringLiteral(" at row (\\d+)$"));
        Attempt a;
        a.code = code;
        a.message = message;
        if (isMySqlConnectionLost(code) || !m_db.isOpen()) {
            a.kind = Attempt::Kind::Lost;
        } else if (dataStatement && isMySqlDataError(code)) {
            a.kind = Attempt::Kind::Rejected;
            const auto m = atRow.match(message);
            a.rejections.append({m.hasMatch() ? m.captured(1).toLongLong() - 1 : -1, code, message});
        } else if (isMySqlTransient(code)) {
            a.kind = Attempt::Kind::Transient;
        } else {
            a.kind = Attempt::Kind::Failed;
        }
        return a;
    }

    void rollback()
    {
        QString ignored;
        if (m_db.isOpen())
            execMySqlBytes(m_db, QByteArrayLiteral("ROLLBACK"), &ignored);
    }

    /// One transaction: the batch's ledger row for this part (first, so that a second commit
    /// of the same part — its first answer lost — fails on the ledger's key instead of
    /// writing the rows again), what forget() queued, the rows, COMMIT. In autocommit mode
    /// nothing else is ever left open.
    ///
    /// With `bulk` the rows go as one LOAD DATA LOCAL INFILE read from memory, in the same
    /// transaction after the same ledger row; with ON DUPLICATE KEY UPDATE into the session's
    /// staging table first, then INSERT … SELECT from it. LOCAL turns the server's errors
    /// about data into warnings, so any warning (but a duplicate under IGNORE, or a note)
    /// rolls the batch back as Rejected: the caller sends it the statement way.
    Attempt commitRows(const QList<qsizetype> &rows, bool bulk = false)
    {
        const bool ignore = m_statement.verb == MySqlStatement::Verb::InsertIgnore;
        const bool staged = bulk && !m_statement.duplicateKeyTail.isEmpty();
        // INSERT IGNORE turns strict mode's errors into warnings (and stores clipped or zeroed
        // values): its warnings are read before COMMIT, so a bad row fails instead.
        const bool separateCommit = bulk || ignore || crashpoint::armed("target-uncommitted");
        // Not when a newer run has fenced the batch off (resolveInFlight's tombstone, part
        // -1): this process lost its lease meanwhile and another one now answers for the
        // batch. Then the row inserted is the tombstone's own key, and the duplicate stops
        // the script before the rows (the EXISTS reads with a lock: the two never both pass).
        QByteArray scope, batch;
        appendSqlString(scope, m_scope);
        appendSqlString(batch, m_batchId);
        QByteArray script = "START TRANSACTION;\nINSERT INTO " + ledgerTable() +
                            " (scope, batch_id, part, row_list) SELECT " + scope + ',' + batch +
                            ", IF(EXISTS(SELECT 1 FROM " + ledgerTable() + " WHERE scope = " +
                            scope + " AND batch_id = " + batch + " AND part = -1), -1, " +
                            QByteArray::number(m_part) + "), '" + rowList(rows) + "';\n";
        const bool forgetting = !m_forget.isEmpty();
        if (forgetting)
            script += forgetStatement() + ";\n";
        int dataIndex = forgetting ? 3 : 2;
        if (bulk) {
            if (staged) {
                script += "DELETE FROM " + QByteArray(kMySqlStageTable);
                ++dataIndex;
            } else {
                script.chop(2); // the last ";\n"
            }
        } else {
            script += buildStatement(rows);
        }
        if (!separateCommit)
            script += ";\nCOMMIT";
        MySqlScriptResult r = execMySqlScript(m_db, script);
        if (bulk && r.failedStatement < 0) {
            // LOAD DATA LOCAL goes as a query of its own: inside a multi-statement query the
            // client library does not answer the server's request for the data (the
            // connection falls out of sync), so it cannot ride in the script.
            QByteArray text;
            qsizetype size = 0;
            for (const qsizetype i : rows)
                size += m_lines.at(i).size();
            text.reserve(size);
            for (const qsizetype i : rows)
                text += m_lines.at(i);
            m_infile.arm(std::move(text));
            const MySqlScriptResult load = execMySqlScript(m_db, m_load);
            m_infile.disarm();
            r.lastWarnings = load.lastWarnings;
            if (load.failedStatement >= 0) {
                r = load;
                r.failedStatement = dataIndex;
            }
        }
        if (r.failedStatement >= 0) {
            if (r.failedStatement == 1 && r.code == 1062) {
                rollback();
                if (fencedOff()) {
                    Attempt fenced;
                    fenced.kind = Attempt::Kind::Failed;
                    fenced.message = QStringLiteral("batch %1 was taken over by a newer run of "
                                                    "the scheme (this process had lost its "
                                                    "lease): not written")
                                         .arg(m_batchId);
                    return fenced;
                }
                // This part's ledger row exists: an earlier attempt committed these very rows
                // and its answer was lost.
                log::info(QStringLiteral("MySQL %1: batch %2 was committed by an earlier attempt "
                                         "whose answer was lost; not written again")
                              .arg(m_statement.table, m_batchId));
                return committed(forgetting);
            }
            Attempt a = classify(r.code, r.message, r.failedStatement == dataIndex);
            if (a.kind != Attempt::Kind::Lost)
                rollback();
            return a;
        }

        if (separateCommit) {
            if (bulk) {
                Attempt a = bulkChecked(r.lastWarnings, staged);
                if (a.kind != Attempt::Kind::Committed) {
                    if (a.kind != Attempt::Kind::Lost)
                        rollback();
                    return a;
                }
            } else if (ignore && r.lastWarnings > 0) {
                Attempt a = ignoredWarnings();
                if (a.kind != Attempt::Kind::Committed) {
                    if (a.kind != Attempt::Kind::Lost)
                        rollback();
                    return a;
                }
            }
            crashpoint::reach("target-uncommitted");
            const MySqlScriptResult c = execMySqlScript(m_db, QByteArrayLiteral("COMMIT"));
            if (c.failedStatement >= 0) {
                Attempt a = classify(c.code, c.message, false);
                if (a.kind != Attempt::Kind::Lost)
                    rollback();
                return a;
            }
        }
        crashpoint::reach("target-committed");
        if (crashpoint::fires("mysql-answer-lost")) {
            // Test hook: the server committed, and the client hears nothing more of it.
            m_db.close();
            return classify(2013, QStringLiteral("Lost connection to server during query "
                                                 "(simulated: WEFT_CRASH_AT=mysql-answer-lost)"),
                            false);
        }
        return committed(forgetting);
    }

    /// After a duplicate on the ledger: whether it was the batch's tombstone (fenced off by a
    /// newer run) rather than this part committed by an earlier attempt.
    bool fencedOff()
    {
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("SELECT part FROM %1 WHERE scope = ? AND batch_id = ? AND part "
                                 "IN (-1, ?) ORDER BY part DESC")
                      .arg(QString::fromUtf8(ledgerTable())));
        q.addBindValue(m_scope);
        q.addBindValue(m_batchId);
        q.addBindValue(m_part);
        return q.exec() && q.next() && q.value(0).toInt() == -1;
    }

    Attempt committed(bool forgot)
    {
        if (forgot)
            m_forget.clear();
        return Attempt{};
    }

    /// After an INSERT IGNORE that warned: the rows its warnings name are rejected with the
    /// warning's text; duplicate keys (1062) are what IGNORE is for and pass. Notes pass too.
    Attempt ignoredWarnings()
    {
        QString error;
        const QList<MySqlWarning> warnings = mySqlWarnings(m_db, &error);
        if (!error.isEmpty())
            return classify(mySqlErrorNumber(m_db) ? mySqlErrorNumber(m_db) : 2013, error, false);
        static const QRegularExpression atRow(QStringLiteral(" at row (\\d+)$"));
        Attempt a;
        for (const MySqlWarning &w : warnings) {
            if (w.level.compare(QLatin1String("Note"), Qt::CaseInsensitive) == 0 || w.code == 1062)
                continue;
            const auto m = atRow.match(w.message);
            a.rejections.append({m.hasMatch() ? m.captured(1).toLongLong() - 1 : -1, w.code,
                                 w.message});
        }
        if (!a.rejections.isEmpty()) {
            a.kind = Attempt::Kind::Rejected;
            a.code = a.rejections.first().code;
            a.message = a.rejections.first().message;
        }
        return a;
    }

    /// After a bulk batch's LOAD DATA: its warnings (all of them, but a note or a duplicate
    /// under IGNORE, make it Rejected), then for ON DUPLICATE KEY UPDATE the INSERT … SELECT
    /// from the staging table (strict mode: a bad value is an error there).
    Attempt bulkChecked(unsigned int warningCount, bool staged)
    {
        const bool ignore = m_statement.verb == MySqlStatement::Verb::InsertIgnore;
        auto warned = [&]() {
            QString error;
            const QList<MySqlWarning> warnings = mySqlWarnings(m_db, &error);
            if (!error.isEmpty())
                return classify(mySqlErrorNumber(m_db) ? mySqlErrorNumber(m_db) : 2013, error,
                                false);
            Attempt a;
            for (const MySqlWarning &w : warnings) {
                if (w.level.compare(QLatin1String("Note"), Qt::CaseInsensitive) == 0 ||
                    (ignore && w.code == 1062))
                    continue;
                a.kind = Attempt::Kind::Rejected;
                a.code = w.code;
                a.message = w.message;
                break;
            }
            return a;
        };
        if (warningCount > 0) {
            Attempt a = warned();
            if (a.kind != Attempt::Kind::Committed)
                return a;
        }
        if (!staged)
            return Attempt{};
        const MySqlScriptResult r = execMySqlScript(m_db, mySqlStageInsert(m_statement));
        if (r.failedStatement >= 0)
            return classify(r.code, r.message, true);
        return r.lastWarnings > 0 ? warned() : Attempt{};
    }

    /// Whether to use LOAD DATA: the target did not say "bulk": false, and the server
    /// allows LOCAL (local_infile=ON). Decided once at prepare, and said once in the log.
    void decideBulk()
    {
        m_bulkOn = false;
        if (!m_bulkWanted) {
            log::info(QStringLiteral("MySQL %1: \"bulk\": false, writing with statements")
                          .arg(m_statement.table));
            return;
        }
        QSqlQuery q(m_db);
        if (!q.exec(QStringLiteral("SELECT @@GLOBAL.local_infile")) || !q.next()) {
            bulkOff(QStringLiteral("cannot read the server's local_infile (%1)")
                        .arg(q.lastError().databaseText()));
            return;
        }
        if (!q.value(0).toBool()) {
            bulkOff(QStringLiteral("the server has local_infile OFF (SET GLOBAL local_infile = "
                                   "1 lets Weft load batches with LOAD DATA LOCAL INFILE, about "
                                   "twice as fast)"));
            return;
        }
        m_bulkOn = true;
        log::debug(QStringLiteral("MySQL %1: batches go as LOAD DATA LOCAL INFILE")
                       .arg(m_statement.table));
    }

    void bulkOff(const QString &why)
    {
        m_bulkOn = false;
        log::warn(QStringLiteral("MySQL %1: writing with statements, not LOAD DATA: %2")
                      .arg(m_statement.table, why));
    }

    /// Writes rows that all have their LOAD DATA line as one bulk commit. A batch the server
    /// refuses (or warns about) goes the statement way, which isolates the bad row; a server
    /// that refuses LOAD DATA itself turns the bulk path off for the rest of the run.
    std::optional<ConnectorError> writeBulk(const QList<qsizetype> &rows,
                                            QList<WriteOutcome> *outcomes)
    {
        int attempt = 0;
        for (;;) {
            if (m_cancelled->load())
                return ConnectorError{ConnectorError::Kind::Cancelled, QString(),
                                      QStringLiteral("cancelled")};
            if (!m_bulkOn)
                return writeStatements(rows, outcomes);
            Attempt a;
            if (!m_db.isOpen()) {
                if (auto e = connect())
                    a = classify(e->code.toInt() ? e->code.toInt() : 2002, e->message, false);
            }
            if (a.kind == Attempt::Kind::Committed && !m_statement.duplicateKeyTail.isEmpty() &&
                !m_stageReady) {
                QString message;
                const int code = execMySqlBytes(m_db, mySqlStageDdl(m_statement), &message);
                m_stageReady = code == 0;
                if (code)
                    a = classify(code, message, false);
            }
            if (a.kind == Attempt::Kind::Committed)
                a = commitRows(rows, true);
            switch (a.kind) {
            case Attempt::Kind::Committed:
                for (const qsizetype i : rows)
                    (*outcomes)[i] = WriteOutcome{true, QString(), {}};
                ++m_part;
                ++m_commits->bulk;
                return std::nullopt;
            case Attempt::Kind::Rejected:
                log::debug(QStringLiteral("MySQL %1: a bulk batch of %2 rows was refused (%3 "
                                          "%4): writing it with statements")
                               .arg(m_statement.table)
                               .arg(rows.size())
                               .arg(a.code)
                               .arg(a.message));
                return writeStatements(rows, outcomes);
            case Attempt::Kind::Lost:
            case Attempt::Kind::Transient:
                if (auto e = waitToRetry(a, &attempt))
                    return e;
                continue;
            case Attempt::Kind::Failed:
                if (a.code == 0) // fenced off: not the bulk path's doing
                    return ConnectorError{ConnectorError::Kind::Config, QString::number(a.code),
                                          a.message};
                bulkOff(QStringLiteral("%1 (%2)").arg(a.message).arg(a.code));
                if (a.code == 2068) // our callbacks refused: start the session afresh
                    m_db.close();
                return writeStatements(rows, outcomes);
            }
        }
    }

    /// Rows of the bulk path sent as statements after all: their tuples are built now.
    std::optional<ConnectorError> writeStatements(const QList<qsizetype> &rows,
                                                  QList<WriteOutcome> *outcomes)
    {
        for (const qsizetype i : rows) {
            if (m_tuples.at(i).isEmpty()) {
                QString ignored;
                m_tuples[i] = buildTuple(m_batch->at(i), &ignored);
            }
        }
        return writeRows(rows, outcomes);
    }

    /// After a lost connection or a lock wait: waits (the retry policy's delay) and
    /// reconnects when the connection was lost; the error once the attempts are used up.
    std::optional<ConnectorError> waitToRetry(const Attempt &a, int *attempt)
    {
        if (++*attempt < m_retry.attempts) {
            const int delay = int(std::min<double>(m_retry.initialDelayMs *
                                                       std::pow(m_retry.multiplier, *attempt - 1),
                                                   m_retry.maxDelayMs));
            log::warn(QStringLiteral("MySQL %1 (%2): %3; retry %4 in %5 ms")
                          .arg(m_statement.table)
                          .arg(a.code)
                          .arg(a.message)
                          .arg(*attempt)
                          .arg(delay));
            sleepCancellable(delay);
            if (a.kind == Attempt::Kind::Lost)
                connect();
            return std::nullopt;
        }
        return ConnectorError{a.kind == Attempt::Kind::Lost ? ConnectorError::Kind::Network
                                                            : ConnectorError::Kind::Server,
                              QString::number(a.code), a.message};
    }

    /// Writes the rows (indices into the batch), each statement in a transaction with its
    /// ledger row. A row the server rejects is isolated — by the row number its message names
    /// ("… at row 3"), else by splitting the range in halves — and fails alone with the
    /// server's own message; the other rows are written. A lost connection is retried with
    /// the same ledger part, so rows whose commit's answer was lost are not written twice.
    /// Returns an error only when the whole batch cannot be written (connection,
    /// configuration).
    std::optional<ConnectorError> writeRows(QList<qsizetype> rows, QList<WriteOutcome> *outcomes)
    {
        static const QRegularExpression atRow(QStringLiteral(" at row (\\d+)$"));
        int attempt = 0;
        while (!rows.isEmpty()) {
            if (m_cancelled->load())
                return ConnectorError{ConnectorError::Kind::Cancelled, QString(),
                                      QStringLiteral("cancelled")};
            Attempt a;
            if (!m_db.isOpen()) {
                if (auto e = connect())
                    a = classify(e->code.toInt() ? e->code.toInt() : 2002, e->message, false);
                else
                    a = commitRows(rows);
            } else {
                a = commitRows(rows);
            }
            switch (a.kind) {
            case Attempt::Kind::Committed:
                for (const qsizetype i : rows)
                    (*outcomes)[i] = WriteOutcome{true, QString(), {}};
                ++m_part;
                ++m_commits->statements;
                return std::nullopt;
            case Attempt::Kind::Rejected: {
                // Rejected, so rolled back: this part number is free for the next attempt.
                bool everyRowNamed = true;
                for (const auto &r : a.rejections)
                    everyRowNamed = everyRowNamed && r.row >= 0 && r.row < rows.size();
                if (rows.size() == 1 || everyRowNamed) {
                    // The server named the rows (or there is only one): they fail, with the
                    // message as a person reading that one row expects it ("at row 1").
                    QList<qsizetype> failed;
                    for (const auto &r : a.rejections) {
                        const qsizetype index = rows.size() == 1 ? 0 : r.row;
                        if (failed.contains(index))
                            continue;
                        failed.append(index);
                        QString own = r.message;
                        own.replace(atRow, QStringLiteral(" at row 1"));
                        (*outcomes)[rows.at(index)] = WriteOutcome{
                            false, QString(),
                            ConnectorError{ConnectorError::Kind::Rejected,
                                           QString::number(r.code), own}};
                    }
                    std::sort(failed.begin(), failed.end(), std::greater<>());
                    for (const qsizetype index : failed)
                        rows.removeAt(index);
                    continue;
                }
                // No row named (duplicate key, NOT NULL): split to find it.
                const qsizetype mid = rows.size() / 2;
                if (auto e = writeRows(rows.mid(0, mid), outcomes))
                    return e;
                return writeRows(rows.mid(mid), outcomes);
            }
            case Attempt::Kind::Lost:
            case Attempt::Kind::Transient:
                if (auto e = waitToRetry(a, &attempt))
                    return *e;
                continue;
            case Attempt::Kind::Failed:
                return ConnectorError{ConnectorError::Kind::Config, QString::number(a.code),
                                      a.message};
            }
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
    QString m_scope;     ///< "<state store id>/<scheme>": whose batches the ledger rows are
    QString m_batchId;   ///< the batch being written
    int m_part = 0;      ///< the ledger part its next commit gets
    QStringList m_forget; ///< batches whose ledger rows may go (with the next commit)
    QSqlDatabase m_db;
    QByteArray m_head;
    QStringList m_fields;          ///< payload field per column
    QList<MySqlColumn> m_columns;  ///< per column: its type, length and NULL rule
    QList<QByteArray> m_tuples;    ///< the current batch's rows as SQL (those sent so)
    QList<QByteArray> m_lines;     ///< the current batch's rows as LOAD DATA text (ditto)
    const QList<TargetRecord> *m_batch = nullptr; ///< the batch being written
    bool m_bulkWanted = true;                     ///< the target's "bulk" setting (default on)
    bool m_bulkOn = false;     ///< LOAD DATA is used: wanted, and the server allows it
    bool m_stageReady = false; ///< this session has the ON DUPLICATE KEY staging table
    QByteArray m_load;         ///< the LOAD DATA statement
    std::shared_ptr<MySqlCommits> m_commits;
    MySqlInfile m_infile;                    ///< serves a bulk batch's text to the client library
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
    , m_commits(std::make_shared<detail::MySqlCommits>())
{
    m_batchSize = context.adapter.metadata.limit(1000);
    const QString ddl = context.adapter.metadata.setting(QStringLiteral("ddl")).toString();
    // The ledger keeps batches apart per state store and scheme: two projects (a test and a
    // production one) may write to one database.
    const QString scope = (context.state ? context.state->storeId() : QStringLiteral("none")) +
                          u'/' + context.scheme;
    // LOAD DATA unless the target says "bulk": false.
    const bool bulk = context.adapter.metadata.setting(QStringLiteral("bulk")).toBool(true);
    m_writer = new detail::MySqlWriter(context.connection, statement, context.retry, ddl,
                                       m_cancelled, scope, bulk, m_commits);
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

void MySqlTarget::writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                             std::function<void(BatchResult)> done)
{
    QPointer<MySqlTarget> self(this);
    QMetaObject::invokeMethod(m_writer, [self, writer = m_writer, batchId, batch,
                                         done = std::move(done)]() {
        BatchResult result = writer->write(batchId, batch);
        if (self)
            QMetaObject::invokeMethod(self, [done, result]() { done(result); },
                                      Qt::QueuedConnection);
    });
}

void MySqlTarget::resolveInFlight(const InFlightBatch &batch,
                                  std::function<void(InFlightResult)> done)
{
    QPointer<MySqlTarget> self(this);
    const QString batchId = batch.batchId;
    const qsizetype n = batch.records.size();
    QMetaObject::invokeMethod(m_writer, [self, writer = m_writer, batchId, n,
                                         done = std::move(done)]() {
        const auto rows = writer->committedRows(batchId);
        InFlightResult result;
        if (const auto *e = std::get_if<ConnectorError>(&rows)) {
            result = *e;
        } else {
            QList<std::optional<QString>> written(n);
            for (const qsizetype r : std::get<QList<qsizetype>>(rows)) {
                if (r >= 0 && r < n)
                    written[r] = QString(); // written; MySQL rows have no reference of their own
            }
            result = written;
        }
        if (self)
            QMetaObject::invokeMethod(self, [done, result]() { done(result); },
                                      Qt::QueuedConnection);
    });
}

void MySqlTarget::forgetBatches(const QStringList &batchIds)
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer, batchIds]() {
        writer->forget(batchIds, false);
    });
}

void MySqlTarget::forgetAllBatches()
{
    QMetaObject::invokeMethod(m_writer, [writer = m_writer]() { writer->forget({}, true); });
}

void MySqlTarget::cancel()
{
    m_cancelled->store(true);
}

} // namespace weft
