#include "core/services/mysqlcolumns.h"

#include "core/connectors/mysqlsql.h"
#include "core/connectors/resolvedconnection.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace weft {

TableColumns readMySqlColumns(const Connection &connection, const QString &table)
{
    TableColumns out;
    std::optional<ResolvedConnection> resolved = resolveConnection(connection, &out.error);
    if (!resolved)
        return out;
    out.schema = resolved->value(QStringLiteral("database"));
    out.table = table;
    if (table.contains(u'.')) {
        out.schema = table.section(u'.', 0, 0);
        out.table = table.section(u'.', 1);
    }
    // The session's default database is the table's, so a user allowed only that one gets in.
    resolved->account.insert(QStringLiteral("database"), out.schema);
    const QString name = QStringLiteral("weft-columns-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db;
        if (openMySql(*resolved, name, &db, &out.error)) {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
                "COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND "
                "TABLE_NAME = ? ORDER BY ORDINAL_POSITION"));
            q.addBindValue(out.schema);
            q.addBindValue(out.table);
            if (!q.exec())
                out.error = q.lastError().text();
            while (q.next()) {
                ColumnInfo c;
                c.name = q.value(0).toString();
                c.type = q.value(1).toString();
                c.comment = q.value(5).toString();
                c.required = q.value(2).toString() == QLatin1String("NO") && q.value(3).isNull() &&
                             !q.value(4).toString().contains(QLatin1String("auto_increment"));
                out.columns << c;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

} // namespace weft
