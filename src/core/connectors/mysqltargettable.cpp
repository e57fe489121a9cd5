#include "core/connectors/mysqltargettable.h"

#include "core/connectors/mysqlsql.h"
#include "core/log/logging.h"
#include "core/util/textdistance.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

namespace weft {

namespace {

/// The table's columns from information_schema, with their facts keyed by lower-case name.
bool listColumns(QSqlDatabase &db, const QStringList &tableParts, QStringList *columns,
                 QHash<QString, MySqlColumn> *facts, QString *error)
{
    columns->clear();
    facts->clear();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, "
                             "COLUMN_TYPE, IS_NULLABLE, EXTRA, NUMERIC_PRECISION, "
                             "NUMERIC_SCALE FROM information_schema.COLUMNS WHERE "
                             "TABLE_SCHEMA = %1 AND TABLE_NAME = ?")
                  .arg(tableParts.size() > 1 ? QStringLiteral("?") : QStringLiteral("DATABASE()")));
    if (tableParts.size() > 1)
        q.addBindValue(tableParts.first());
    q.addBindValue(tableParts.last());
    if (!q.exec()) {
        *error = q.lastError().databaseText();
        return false;
    }
    while (q.next()) {
        *columns << q.value(0).toString();
        facts->insert(q.value(0).toString().toLower(),
                      MySqlColumn::fromSchema(q.value(1).toString(), q.value(3).toString(),
                                              q.value(4).toString(), q.value(5).toString(),
                                              q.value(2).toLongLong(), q.value(6).toInt(),
                                              q.value(7).toInt()));
    }
    return true;
}

} // namespace

std::variant<QList<MySqlColumn>, ConnectorError>
checkMySqlTargetTable(QSqlDatabase &db, const MySqlStatement &statement, const QString &ddl)
{
    const QStringList parts = statement.table.split(u'.');
    QStringList columns;
    QHash<QString, MySqlColumn> facts;
    QString error;
    if (!listColumns(db, parts, &columns, &facts, &error))
        return ConnectorError{ConnectorError::Kind::Network, QString::number(mySqlErrorNumber(db)),
                              error};
    if (columns.isEmpty()) {
        if (ddl.trimmed().isEmpty())
            return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("1146"),
                                  QStringLiteral("table %1 does not exist: create it, or give "
                                                 "the target a \"ddl\" to create it")
                                      .arg(statement.table)};
        log::info(QStringLiteral("creating table %1 from the target's ddl").arg(statement.table));
        QSqlQuery create(db);
        if (!create.exec(ddl))
            return ConnectorError{ConnectorError::Kind::Config,
                                  QString::number(mySqlErrorNumber(db)),
                                  QStringLiteral("the target's ddl failed: %1")
                                      .arg(create.lastError().databaseText())};
        if (!listColumns(db, parts, &columns, &facts, &error) || columns.isEmpty())
            return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("1146"),
                                  QStringLiteral("the target's ddl ran but table %1 still does "
                                                 "not exist: does the ddl create it?")
                                      .arg(statement.table)};
    }
    // Exactly-once rests on the rows and their ledger row committing together: a table that
    // cannot roll back (MyISAM, Aria, a view) cannot give that.
    QSqlQuery engine(db);
    engine.prepare(QStringLiteral("SELECT ENGINE, TABLE_TYPE FROM information_schema.TABLES "
                                  "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = ?")
                       .arg(parts.size() > 1 ? QStringLiteral("?") : QStringLiteral("DATABASE()")));
    if (parts.size() > 1)
        engine.addBindValue(parts.first());
    engine.addBindValue(parts.last());
    if (engine.exec() && engine.next() &&
        engine.value(0).toString().compare(QLatin1String("InnoDB"), Qt::CaseInsensitive) != 0) {
        const QString kind =
            engine.value(0).isNull() ? engine.value(1).toString() : engine.value(0).toString();
        return ConnectorError{
            ConnectorError::Kind::Config, QStringLiteral("engine"),
            QStringLiteral("table %1 is %2, which cannot roll a statement back: Weft writes each "
                           "batch exactly once by committing it together with its ledger row, "
                           "and needs an InnoDB table for that (ALTER TABLE %1 ENGINE=InnoDB)")
                .arg(statement.table, kind)};
    }
    QList<MySqlColumn> statementColumns;
    for (const QString &c : statement.columns) {
        if (!columns.contains(c, Qt::CaseInsensitive))
            return ConnectorError{ConnectorError::Kind::Config, QStringLiteral("1054"),
                                  QStringLiteral("table %1 has no column %2%3")
                                      .arg(statement.table, c, didYouMean(c, columns))};
        statementColumns.append(facts.value(c.toLower()));
    }
    return statementColumns;
}

} // namespace weft
