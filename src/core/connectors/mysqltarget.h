#pragma once

#include "core/connectors/connector.h"
#include "core/model/mysqlstatement.h"

#include <QThread>
#include <atomic>

namespace weft {

namespace detail {
class MySqlWriter;
struct MySqlCommits;
} // namespace detail

/// Writes batches to MySQL/MariaDB with the target's `main_sql`: multi-row statements of at
/// most `limit` rows, every value escaped, identifiers validated (and checked against the
/// table's real columns before the first write). A batch the server rejects for its data is
/// split until the offending rows are found, so only they fail, each with the server's own
/// message. Lost connections (server restarted) and lock waits are retried per the scheme's
/// retry policy.
///
/// Exactly once, whatever the verb (INSERT, INSERT IGNORE, REPLACE, ON DUPLICATE KEY UPDATE)
/// and whether or not the table has a key: each statement commits in one InnoDB transaction
/// with a row of `weft_write_ledger` (batch id, part, the batch's rows it holds), written
/// first. A statement sent again after a lost answer fails on that row's key instead of
/// writing its rows twice, and a new run asks the ledger what became of a batch the state
/// store never heard back about (resolveInFlight). INSERT IGNORE's warnings are read before
/// COMMIT: a row the server would clip or zero fails with the warning's text.
///
/// Bulk path: where `main_sql` is REPLACE, INSERT, INSERT IGNORE or INSERT … ON DUPLICATE KEY
/// UPDATE (always one table), rows go as LOAD DATA LOCAL INFILE read from memory by the
/// client library's callbacks (no file), in the same transaction as the ledger row; ON
/// DUPLICATE KEY UPDATE through a session temporary table and INSERT … SELECT. A row LOAD
/// DATA would read differently from INSERT (checked against the column types read at
/// prepare) goes as a statement; a bulk batch the server refuses or warns about is rolled
/// back and sent as statements, which isolate the bad row. On unless the target says
/// `"bulk": false` or the server has local_infile OFF (then statements, said once).
///
/// All SQL runs on a thread of its own that owns the connection (never blocking the runner's
/// thread; detail::MySqlWriter); the runner's thread only hands batches over and receives
/// outcomes. The pieces: MySqlRowEncoder (rows as SQL and LOAD DATA text),
/// MySqlWriteLedger (the ledger's statements), checkMySqlTargetTable (the table's columns),
/// and mysqlbulk.h (LOAD DATA from memory).
class MySqlTarget final : public TargetConnector
{
    Q_OBJECT
public:
    MySqlTarget(const ConnectorContext &context, const MySqlStatement &statement,
                QObject *parent = nullptr);
    ~MySqlTarget() override;

    int batchSize() const override { return m_batchSize; }
    bool acceptsValues() const override { return true; }
    void prepare(std::function<void(std::optional<ConnectorError>)> done) override;
    void writeBatch(const QString &batchId, const QList<TargetRecord> &batch,
                    std::function<void(BatchResult)> done) override;
    void cancel() override;
    void resolveInFlight(const InFlightBatch &batch,
                         std::function<void(InFlightResult)> done) override;
    void forgetBatches(const QStringList &batchIds) override;
    void forgetAllBatches() override;

    /// Commits so far through LOAD DATA and through statements (for the log and the tests).
    int bulkCommits() const;
    int statementCommits() const;

private:
    ConnectorContext m_context;
    MySqlStatement m_statement;
    int m_batchSize = 1000;
    QThread m_thread;
    detail::MySqlWriter *m_writer = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::shared_ptr<detail::MySqlCommits> m_commits;
};

} // namespace weft
