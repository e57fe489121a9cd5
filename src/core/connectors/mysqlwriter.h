#pragma once

#include "core/connectors/connector.h"
#include "core/connectors/mysqlbulk.h"
#include "core/connectors/mysqlrowencoder.h"
#include "core/connectors/mysqlwriteledger.h"
#include "core/connectors/resolvedconnection.h"
#include "core/model/mysqlstatement.h"
#include "core/model/scheme.h"

#include <QObject>
#include <QSqlDatabase>
#include <atomic>
#include <memory>
#include <variant>

namespace weft::detail {

/// Commits so far, by path (written by the writer's thread).
struct MySqlCommits {
    std::atomic_int bulk{0};
    std::atomic_int statements{0};
};

/// The MySQL target's work on a thread of its own, which owns the connection: checks the
/// table, decides the bulk path, and commits each part of a batch in one transaction with
/// its ledger row (MySqlWriteLedger), isolating rejected rows and retrying lost connections
/// and lock waits. MySqlTarget hands batches over and receives the outcomes.
class MySqlWriter final : public QObject
{
public:
    MySqlWriter(ResolvedConnection connection, MySqlStatement statement, RetryPolicy retry,
                QString ddl, std::shared_ptr<std::atomic_bool> cancelled, QString scope, bool bulk,
                std::shared_ptr<MySqlCommits> commits);
    ~MySqlWriter() override;

    /// Connects, checks the table, creates the ledger, decides the bulk path.
    std::optional<ConnectorError> prepare();
    /// Writes one batch: an outcome per record, or an error when none can be written.
    BatchResult write(const QString &batchId, const QList<TargetRecord> &batch);
    /// The rows of `batchId` the target committed (indices into the batch), the batch fenced
    /// off first: the answer is final (MySqlWriteLedger::fenceAndReadCommitted).
    std::variant<QList<qsizetype>, ConnectorError> committedRows(const QString &batchId);
    /// These batches' outcomes are recorded: their ledger rows go with the next batch's
    /// transaction, or all of the scope's at once.
    void forget(const QStringList &batchIds, bool all);

private:
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

    std::optional<ConnectorError> connect();
    std::optional<ConnectorError> ensureLedger();
    Attempt classify(int code, const QString &message, bool dataStatement) const;
    void rollback();
    Attempt commitRows(const QList<qsizetype> &rows, bool bulk = false);
    Attempt committed(bool forgot);
    Attempt ignoredWarnings();
    Attempt bulkChecked(unsigned int warningCount, bool staged);
    void decideBulk();
    void bulkOff(const QString &why);
    std::optional<ConnectorError> writeBulk(const QList<qsizetype> &rows,
                                            QList<WriteOutcome> *outcomes);
    std::optional<ConnectorError> writeStatements(const QList<qsizetype> &rows,
                                                  QList<WriteOutcome> *outcomes);
    std::optional<ConnectorError> waitToRetry(const Attempt &a, int *attempt);
    std::optional<ConnectorError> writeRows(QList<qsizetype> rows, QList<WriteOutcome> *outcomes);
    void sleepCancellable(int ms);

    ResolvedConnection m_connection;
    MySqlStatement m_statement;
    RetryPolicy m_retry;
    QString m_ddl;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    QString m_name;
    MySqlWriteLedger m_ledger;
    MySqlRowEncoder m_encoder;
    QString m_batchId; ///< the batch being written
    int m_part = 0;    ///< the ledger part its next commit gets
    QSqlDatabase m_db;
    QList<QByteArray> m_tuples; ///< the current batch's rows as SQL (those sent so)
    QList<QByteArray> m_lines;  ///< the current batch's rows as LOAD DATA text (ditto)
    const QList<TargetRecord> *m_batch = nullptr; ///< the batch being written
    bool m_bulkWanted = true;                     ///< the target's "bulk" setting (default on)
    bool m_bulkOn = false;     ///< LOAD DATA is used: wanted, and the server allows it
    bool m_stageReady = false; ///< this session has the ON DUPLICATE KEY staging table
    QByteArray m_load;         ///< the LOAD DATA statement
    std::shared_ptr<MySqlCommits> m_commits;
    MySqlInfile m_infile; ///< serves a bulk batch's text to the client library
};

} // namespace weft::detail
