#include "core/connectors/mysqlwriteledger.h"

#include "core/connectors/mysqlsql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace weft {

MySqlWriteLedger::MySqlWriteLedger(const QString &targetTable, QString scope)
    : m_scope(std::move(scope))
{
    // Beside the target table: the same database, so the ledger row and the rows commit in
    // one InnoDB transaction.
    const QStringList parts = targetTable.split(u'.');
    if (parts.size() > 1)
        m_table += '`' + parts.first().toUtf8() + "`.";
    m_table += "`weft_write_ledger`";
}

QString MySqlWriteLedger::ddl() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (scope VARCHAR(191) NOT NULL, batch_id "
                          "VARCHAR(128) NOT NULL, part INT NOT NULL, row_list TEXT NOT NULL, "
                          "committed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), "
                          "PRIMARY KEY (scope, batch_id, part)) ENGINE=InnoDB DEFAULT "
                          "CHARSET=utf8mb4")
        .arg(QString::fromUtf8(m_table));
}

int MySqlWriteLedger::ensure(QSqlDatabase &db, QString *message) const
{
    QSqlQuery q(db);
    if (q.exec(ddl()))
        return 0;
    *message = q.lastError().databaseText();
    const int code = mySqlErrorNumber(db);
    return code ? code : -1;
}

QByteArray MySqlWriteLedger::partInsert(const QString &batchId, int part,
                                        const QList<qsizetype> &rows) const
{
    // The EXISTS reads with a lock: a tombstone being written and this insert never both
    // pass.
    QByteArray scope, batch;
    appendSqlString(scope, m_scope);
    appendSqlString(batch, batchId);
    return "INSERT INTO " + m_table + " (scope, batch_id, part, row_list) SELECT " + scope + ',' +
           batch + ", IF(EXISTS(SELECT 1 FROM " + m_table + " WHERE scope = " + scope +
           " AND batch_id = " + batch + " AND part = -1), -1, " + QByteArray::number(part) +
           "), '" + rowList(rows) + '\'';
}

bool MySqlWriteLedger::fencedOff(QSqlDatabase &db, const QString &batchId, int part) const
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT part FROM %1 WHERE scope = ? AND batch_id = ? AND part "
                             "IN (-1, ?) ORDER BY part DESC")
                  .arg(QString::fromUtf8(m_table)));
    q.addBindValue(m_scope);
    q.addBindValue(batchId);
    q.addBindValue(part);
    return q.exec() && q.next() && q.value(0).toInt() == -1;
}

std::optional<QList<qsizetype>> MySqlWriteLedger::fenceAndReadCommitted(QSqlDatabase &db,
                                                                        const QString &batchId,
                                                                        int *code,
                                                                        QString *message) const
{
    QSqlQuery q(db);
    QList<qsizetype> rows;
    bool ok = q.exec(QStringLiteral("START TRANSACTION"));
    if (ok) {
        // The tombstone first: a statement of the batch still to come from a process that
        // lost its lease finds it and writes nothing (partInsert).
        q.prepare(QStringLiteral("INSERT IGNORE INTO %1 (scope, batch_id, part, row_list) "
                                 "VALUES (?, ?, -1, 'fenced')")
                      .arg(QString::fromUtf8(m_table)));
        q.addBindValue(m_scope);
        q.addBindValue(batchId);
        ok = q.exec();
    }
    if (ok) {
        q.prepare(QStringLiteral("SELECT row_list FROM %1 WHERE scope = ? AND batch_id = ? AND "
                                 "part >= 0 LOCK IN SHARE MODE")
                      .arg(QString::fromUtf8(m_table)));
        q.addBindValue(m_scope);
        q.addBindValue(batchId);
        ok = q.exec();
        while (ok && q.next())
            rows += parseRowList(q.value(0).toString());
    }
    *code = ok ? 0 : mySqlErrorNumber(db);
    *message = q.lastError().databaseText();
    QSqlQuery(db).exec(QStringLiteral("COMMIT"));
    if (!ok)
        return std::nullopt;
    return rows;
}

QByteArray MySqlWriteLedger::forgetStatement() const
{
    QByteArray sql = "DELETE FROM " + m_table + " WHERE scope = ";
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

bool MySqlWriteLedger::forgetAll(QSqlDatabase &db, QString *message)
{
    m_forget.clear();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE scope = ? AND (part >= 0 OR committed_at < "
                             "NOW(3) - INTERVAL 1 DAY)")
                  .arg(QString::fromUtf8(m_table)));
    q.addBindValue(m_scope);
    if (q.exec())
        return true;
    *message = q.lastError().databaseText();
    return false;
}

QByteArray MySqlWriteLedger::rowList(const QList<qsizetype> &rows)
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

QList<qsizetype> MySqlWriteLedger::parseRowList(const QString &text)
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

} // namespace weft
