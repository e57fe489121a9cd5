#include "support/mariadb.h"

#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

namespace weft::test {

MariaDbParams mariaDbParams()
{
    MariaDbParams p;
    p.host = qEnvironmentVariable("WEFT_TEST_MYSQL_HOST");
    p.port = qEnvironmentVariableIntValue("WEFT_TEST_MYSQL_PORT");
    p.user = qEnvironmentVariable("WEFT_TEST_MYSQL_USER");
    p.password = qEnvironmentVariable("WEFT_TEST_MYSQL_PASSWORD");
    p.database = qEnvironmentVariable("WEFT_TEST_MYSQL_DATABASE");
    p.socket = qEnvironmentVariable("WEFT_TEST_MYSQL_SOCKET");
    return p;
}

bool mariaDbRequired()
{
    return qEnvironmentVariable("WEFT_TEST_REQUIRE_MYSQL") == QLatin1String("1");
}

QSqlDatabase openMariaDb(const QString &connectionName, const QString &database)
{
    const MariaDbParams p = mariaDbParams();
    if (!database.isEmpty()) {
        const QString adminName = connectionName + QStringLiteral("_admin");
        {
            QSqlDatabase admin = openMariaDb(adminName);
            QSqlQuery(admin).exec(
                QStringLiteral("CREATE DATABASE IF NOT EXISTS `%1` CHARACTER SET utf8mb4")
                    .arg(database));
        }
        QSqlDatabase::removeDatabase(adminName);
    }
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QMYSQL"), connectionName);
    db.setHostName(p.host);
    db.setPort(p.port);
    db.setUserName(p.user);
    db.setPassword(p.password);
    if (!database.isEmpty())
        db.setDatabaseName(database);
    db.setConnectOptions(QStringLiteral("MYSQL_OPT_RECONNECT=0"));
    if (!db.open())
        qWarning("cannot open MariaDB %s:%d: %s", qPrintable(p.host), p.port,
                 qPrintable(db.lastError().text()));
    QSqlQuery(db).exec(QStringLiteral("SET NAMES utf8mb4"));
    return db;
}

QString stateStoreUrl(const QString &database, bool fresh)
{
    if (fresh)
        freshDatabase(database);
    const MariaDbParams p = mariaDbParams();
    return QStringLiteral("mysql://%1:%2@%3:%4/%5")
        .arg(p.user, p.password, p.host)
        .arg(p.port)
        .arg(database);
}

QString freshDatabase(const QString &name)
{
    const QString conn = QStringLiteral("fresh_") + name;
    {
        QSqlDatabase admin = openMariaDb(conn);
        QSqlQuery q(admin);
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS `%1`").arg(name));
        q.exec(QStringLiteral("CREATE DATABASE `%1` CHARACTER SET utf8mb4").arg(name));
    }
    QSqlDatabase::removeDatabase(conn);
    return name;
}

Connection mariaDbConnection(const QString &database)
{
    const MariaDbParams p = mariaDbParams();
    Connection c;
    c.name = QStringLiteral("bi");
    c.type = ConnectorType::MySql;
    c.account = {{"host", p.host},
                 {"port", QString::number(p.port)},
                 {"user", p.user},
                 {"password", QJsonObject{{"plain", p.password}}},
                 {"database", database}};
    return c;
}

} // namespace weft::test
