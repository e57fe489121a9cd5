#include "widgets/mapping/mysqlcolumnloader.h"

#include "core/connectors/resolvedconnection.h"

#include <QFutureWatcher>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtConcurrent>

namespace weft {

MySqlColumnLoader::MySqlColumnLoader(QObject *parent)
    : QObject(parent)
{}

QList<ColumnInfo> MySqlColumnLoader::readColumns(const Connection &connection, const QString &table,
                                                 QString *error)
{
    QList<ColumnInfo> out;
    const std::optional<ResolvedConnection> resolved = resolveConnection(connection, error);
    if (!resolved)
        return out;
    QString schema = resolved->value(QStringLiteral("database"));
    QString name = table;
    if (table.contains(u'.')) {
        schema = table.section(u'.', 0, 0);
        name = table.section(u'.', 1);
    }
    const QString connectionName = QStringLiteral("weft-columns-") + QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
        db.setHostName(resolved->value(QStringLiteral("host"), QStringLiteral("127.0.0.1")));
        db.setPort(resolved->value(QStringLiteral("port"), QStringLiteral("3306")).toInt());
        db.setUserName(resolved->value(QStringLiteral("user")));
        db.setPassword(resolved->value(QStringLiteral("password")));
        db.setDatabaseName(schema);
        db.setConnectOptions(QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=5"));
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            q.prepare(QStringLiteral(
                "SELECT COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT, EXTRA, "
                "COLUMN_COMMENT FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND "
                "TABLE_NAME = ? ORDER BY ORDINAL_POSITION"));
            q.addBindValue(schema);
            q.addBindValue(name);
            if (!q.exec()) {
                *error = q.lastError().text();
            } else {
                while (q.next()) {
                    ColumnInfo c;
                    c.name = q.value(0).toString();
                    c.type = q.value(1).toString();
                    c.comment = q.value(5).toString();
                    c.required = q.value(2).toString() == QLatin1String("NO") &&
                                 q.value(3).isNull() &&
                                 !q.value(4).toString().contains(QLatin1String("auto_increment"));
                    out << c;
                }
                if (out.isEmpty())
                    *error = tr("table %1 does not exist (yet) in %2").arg(name, schema);
            }
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connectionName);
    return out;
}

void MySqlColumnLoader::load(const Connection &connection, const QString &table)
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    using Result = std::pair<QList<ColumnInfo>, QString>;
    auto *watcher = new QFutureWatcher<Result>(this);
    connect(watcher, &QFutureWatcher<Result>::finished, this, [this, watcher, table, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return;
        m_loading = false;
        const Result r = watcher->result();
        Q_EMIT loaded(table, r.first, r.second);
    });
    watcher->setFuture(QtConcurrent::run([connection, table]() {
        QString error;
        QList<ColumnInfo> columns = readColumns(connection, table, &error);
        return Result(columns, error);
    }));
}

} // namespace weft
