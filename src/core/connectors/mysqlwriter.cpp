#include "core/connectors/mysqlwriter.h"

#include "core/connectors/mysqlsql.h"
#include "core/connectors/mysqltargettable.h"
#include "core/log/logging.h"
#include "core/util/crashpoint.h"

#include <QAtomicInt>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <cmath>

namespace weft::detail {

namespace {
QAtomicInt g_writerCounter;
} // namespace

MySqlWriter::MySqlWriter(ResolvedConnection connection, MySqlStatement statement, RetryPolicy retry,
                         QString ddl, std::shared_ptr<std::atomic_bool> cancelled, QString scope,
                         bool bulk, std::shared_ptr<MySqlCommits> commits)
    : m_connection(std::move(connection))
    , m_statement(std::move(statement))
    , m_retry(retry)
    , m_ddl(std::move(ddl))
    , m_cancelled(std::move(cancelled))
    , m_name(QStringLiteral("weft_mysql_target_%1").arg(g_writerCounter.fetchAndAddRelaxed(1)))
    , m_ledger(m_statement.table, std::move(scope))
    , m_encoder(m_statement)
    , m_bulkWanted(bulk)
    , m_load(mySqlLoadStatement(m_statement))
    , m_commits(std::move(commits))
{}

MySqlWriter::~MySqlWriter()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_name);
}

std::optional<ConnectorError> MySqlWriter::connect()
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
                              code ? QString::number(code) : QStringLiteral("connect"), error};
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

std::optional<ConnectorError> MySqlWriter::ensureLedger()
{
    QString message;
    const int code = m_ledger.ensure(m_db, &message);
    if (code == 0)
        return std::nullopt;
    return ConnectorError{
        isMySqlConnectionLost(code) ? ConnectorError::Kind::Network : ConnectorError::Kind::Config,
        QString::number(code),
        QStringLiteral("Weft writes each batch exactly once by committing it together with "
                       "a row in a small table of its own, and cannot create that table "
                       "(%1). Let the MySQL user create it, or have it created once: %2")
            .arg(message, m_ledger.ddl())};
}

/// The rows of `batchId` the target committed (indices into the batch), read with a
/// locking read: a transaction of the batch still open on the server (its process cut
/// off mid-commit) is waited for, so the answer is final.
std::variant<QList<qsizetype>, ConnectorError> MySqlWriter::committedRows(const QString &batchId)
{
    for (int attempt = 0;; ++attempt) {
        if (!m_db.isOpen()) {
            if (auto e = connect())
                return *e;
        }
        int code = 0;
        QString message;
        if (auto rows = m_ledger.fenceAndReadCommitted(m_db, batchId, &code, &message))
            return *rows;
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
void MySqlWriter::forget(const QStringList &batchIds, bool all)
{
    if (!all) {
        m_ledger.queueForget(batchIds);
        return;
    }
    if (!m_db.isOpen() && connect()) {
        m_ledger.clearQueuedForgets();
        return; // kept until a later run: harmless
    }
    QString message;
    if (!m_ledger.forgetAll(m_db, &message))
        log::warn(QStringLiteral("MySQL %1: could not clear old rows of weft_write_ledger: %2")
                      .arg(m_statement.table, message));
}

MySqlWriter::Attempt MySqlWriter::classify(int code, const QString &message,
                                           bool dataStatement) const
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

void MySqlWriter::rollback()
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
MySqlWriter::Attempt MySqlWriter::commitRows(const QList<qsizetype> &rows, bool bulk)
{
    const bool ignore = m_statement.verb == MySqlStatement::Verb::InsertIgnore;
    const bool staged = bulk && !m_statement.duplicateKeyTail.isEmpty();
    // INSERT IGNORE turns strict mode's errors into warnings (and stores clipped or zeroed
    // values): its warnings are read before COMMIT, so a bad row fails instead.
    const bool separateCommit = bulk || ignore || crashpoint::armed("target-uncommitted");
    // The ledger row first. Not when a newer run has fenced the batch off (resolveInFlight's
    // tombstone, part -1): this process lost its lease meanwhile and another one now answers
    // for the batch. Then the row inserted is the tombstone's own key, and the duplicate stops
    // the script before the rows.
    QByteArray script =
        "START TRANSACTION;\n" + m_ledger.partInsert(m_batchId, m_part, rows) + ";\n";
    const bool forgetting = m_ledger.hasQueuedForgets();
    if (forgetting)
        script += m_ledger.forgetStatement() + ";\n";
    int dataIndex = forgetting ? 3 : 2;
    if (bulk) {
        if (staged) {
            script += "DELETE FROM " + QByteArray(kMySqlStageTable);
            ++dataIndex;
        } else {
            script.chop(2); // the last ";\n"
        }
    } else {
        script += m_encoder.statement(m_tuples, rows);
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
            if (m_ledger.fencedOff(m_db, m_batchId, m_part)) {
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
        return classify(2013,
                        QStringLiteral("Lost connection to server during query "
                                       "(simulated: WEFT_CRASH_AT=mysql-answer-lost)"),
                        false);
    }
    return committed(forgetting);
}

MySqlWriter::Attempt MySqlWriter::committed(bool forgot)
{
    if (forgot)
        m_ledger.clearQueuedForgets();
    return Attempt{};
}

/// After an INSERT IGNORE that warned: the rows its warnings name are rejected with the
/// warning's text; duplicate keys (1062) are what IGNORE is for and pass. Notes pass too.
MySqlWriter::Attempt MySqlWriter::ignoredWarnings()
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
        a.rejections.append(
            {m.hasMatch() ? m.captured(1).toLongLong() - 1 : -1, w.code, w.message});
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
MySqlWriter::Attempt MySqlWriter::bulkChecked(unsigned int warningCount, bool staged)
{
    const bool ignore = m_statement.verb == MySqlStatement::Verb::InsertIgnore;
    auto warned = [&]() {
        QString error;
        const QList<MySqlWarning> warnings = mySqlWarnings(m_db, &error);
        if (!error.isEmpty())
            return classify(mySqlErrorNumber(m_db) ? mySqlErrorNumber(m_db) : 2013, error, false);
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
void MySqlWriter::decideBulk()
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
    log::debug(
        QStringLiteral("MySQL %1: batches go as LOAD DATA LOCAL INFILE").arg(m_statement.table));
}

void MySqlWriter::bulkOff(const QString &why)
{
    m_bulkOn = false;
    log::warn(QStringLiteral("MySQL %1: writing with statements, not LOAD DATA: %2")
                  .arg(m_statement.table, why));
}

/// Writes rows that all have their LOAD DATA line as one bulk commit. A batch the server
/// refuses (or warns about) goes the statement way, which isolates the bad row; a server
/// that refuses LOAD DATA itself turns the bulk path off for the rest of the run.
std::optional<ConnectorError> MySqlWriter::writeBulk(const QList<qsizetype> &rows,
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
                (*outcomes)[i] = WriteOutcome{true, QString(), {}, {}};
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
std::optional<ConnectorError> MySqlWriter::writeStatements(const QList<qsizetype> &rows,
                                                           QList<WriteOutcome> *outcomes)
{
    for (const qsizetype i : rows) {
        if (m_tuples.at(i).isEmpty())
            m_tuples[i] = m_encoder.tuple(m_batch->at(i));
    }
    return writeRows(rows, outcomes);
}

/// After a lost connection or a lock wait: waits (the retry policy's delay) and
/// reconnects when the connection was lost; the error once the attempts are used up.
std::optional<ConnectorError> MySqlWriter::waitToRetry(const Attempt &a, int *attempt)
{
    if (++*attempt < m_retry.attempts) {
        const int delay = int(
            std::min<double>(m_retry.initialDelayMs * std::pow(m_retry.multiplier, *attempt - 1),
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
std::optional<ConnectorError> MySqlWriter::writeRows(QList<qsizetype> rows,
                                                     QList<WriteOutcome> *outcomes)
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
                (*outcomes)[i] = WriteOutcome{true, QString(), {}, {}};
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
                    (*outcomes)[rows.at(index)] =
                        WriteOutcome{false,
                                     QString(),
                                     ConnectorError{ConnectorError::Kind::Rejected,
                                                    QString::number(r.code), own},
                                     {}};
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
            return ConnectorError{ConnectorError::Kind::Config, QString::number(a.code), a.message};
        }
    }
    return std::nullopt;
}

void MySqlWriter::sleepCancellable(int ms)
{
    for (int waited = 0; waited < ms && !m_cancelled->load(); waited += 50)
        QThread::msleep(std::min(50, ms - waited));
}

std::optional<ConnectorError> MySqlWriter::prepare()
{
    if (auto e = connect())
        return e;
    auto columns = checkMySqlTargetTable(m_db, m_statement, m_ddl);
    if (auto *e = std::get_if<ConnectorError>(&columns))
        return *e;
    m_encoder.setColumns(std::get<QList<MySqlColumn>>(std::move(columns)));
    if (auto e = ensureLedger())
        return e;
    decideBulk();
    return std::nullopt;
}

BatchResult MySqlWriter::write(const QString &batchId, const QList<TargetRecord> &batch)
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
        const bool takes = m_encoder.gather(batch.at(i), &tooLong);
        if (!tooLong.isEmpty()) {
            // What the server would answer in strict mode, without the round trip and the
            // rollback of the whole statement that sending it would cost.
            outcomes[i] = WriteOutcome{
                false,
                QString(),
                ConnectorError{
                    ConnectorError::Kind::Rejected, QStringLiteral("1406"),
                    QStringLiteral("Data too long for column '%1' at row 1").arg(tooLong)},
                {}};
            continue;
        }
        // A row whose values LOAD DATA would read differently from INSERT (a NULL for a
        // NOT NULL column, a number out of range, text in a numeric column) goes the
        // statement way, where the server answers for it with its own message.
        const bool bulk = m_bulkOn && takes;
        if (bulk)
            m_lines[i] = m_encoder.tsvLine();
        else
            m_tuples[i] = m_encoder.sqlTuple();
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

} // namespace weft::detail
