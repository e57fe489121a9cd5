#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <optional>

namespace weft {

/// The write ledger of a MySQL target, the half of exactly-once that lives in the target
/// database: `weft_write_ledger` in the target table's database, one row per committed part
/// of a batch (scope, batch id, part, the batch's rows it holds). A part's ledger row is
/// inserted first in the transaction that writes its rows, so both commit or neither does,
/// and a part sent again after its answer was lost fails on the ledger's key instead of
/// writing its rows twice.
///
/// Fencing: a newer run that takes a batch over (its process had lost the lease) first
/// writes the batch's tombstone, part -1. A part still to come from the old process finds it
/// (partInsert reads it under a lock) and inserts the tombstone's own key, so it stops on the
/// duplicate before its rows; fencedOff() tells that duplicate from "already committed".
///
/// The ledger builds statements and runs the ones that stand alone; the writer owns the
/// connection and the retries. The scope ("<state store id>/<scheme>") keeps the batches of
/// two projects writing to one database apart.
class MySqlWriteLedger
{
public:
    MySqlWriteLedger(const QString &targetTable, QString scope);

    /// `db`.`weft_write_ledger` (the target table's database), quoted.
    QByteArray table() const { return m_table; }
    /// CREATE TABLE IF NOT EXISTS for the ledger: what to run once where the target's user
    /// may not create tables.
    QString ddl() const;
    /// Creates the ledger when missing. The server's error number (0: done) and message.
    int ensure(QSqlDatabase &db, QString *message) const;

    /// The INSERT of one part's ledger row, first statement of the part's transaction: part
    /// `part` with `rows`, or the tombstone's key when the batch is fenced off.
    QByteArray partInsert(const QString &batchId, int part, const QList<qsizetype> &rows) const;
    /// After a duplicate key on partInsert: whether it hit the batch's tombstone (fenced off by
    /// a newer run) rather than this part committed by an earlier attempt.
    bool fencedOff(QSqlDatabase &db, const QString &batchId, int part) const;

    /// Fences `batchId` off (its tombstone) and reads which of its rows committed, with a
    /// locking read in one transaction: a transaction of the batch still open on the server
    /// (its process cut off mid-commit) is waited for, so the answer is final. std::nullopt
    /// with the server's error number and message when a statement failed.
    std::optional<QList<qsizetype>> fenceAndReadCommitted(QSqlDatabase &db, const QString &batchId,
                                                          int *code, QString *message) const;

    /// These batches' outcomes are recorded: their rows may go, with the next part's
    /// transaction (no round trip of their own).
    void queueForget(const QStringList &batchIds) { m_forget += batchIds; }
    bool hasQueuedForgets() const { return !m_forget.isEmpty(); }
    /// The DELETE of the queued batches' rows, for the next part's transaction.
    QByteArray forgetStatement() const;
    /// The transaction that carried forgetStatement() committed.
    void clearQueuedForgets() { m_forget.clear(); }
    /// Deletes all of the scope's rows, but tombstones younger than a day (a process that lost
    /// its lease may still be about to send a statement of a fenced batch). False with the
    /// server's message.
    bool forgetAll(QSqlDatabase &db, QString *message);

    /// Rows listed as in a ledger row: "0-41,43-99" (indices into the batch), and back.
    static QByteArray rowList(const QList<qsizetype> &rows);
    static QList<qsizetype> parseRowList(const QString &text);

private:
    QByteArray m_table;
    QString m_scope;
    QStringList m_forget; ///< batches whose ledger rows may go (with the next commit)
};

} // namespace weft
