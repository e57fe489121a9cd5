#include "core/services/mysqlcolumns.h"
#include "support/mariadb.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace weft;

/// readMySqlColumns against the throwaway MariaDB of ./scripts/test.
class TestMySqlColumns : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void readsTheTablesColumnsInOrder();
    void databaseGivenWithTheTable();
    void missingTableHasNoColumnsAndNoError();
    void refusedLoginIsAnError();
    void unresolvedReferenceIsAnError();

private:
    QString m_db;
};

void TestMySqlColumns::initTestCase()
{
    WEFT_REQUIRE_MARIADB();
    m_db = test::freshDatabase(QStringLiteral("weft_columns"));
    {
        QSqlDatabase db = test::openMariaDb(QStringLiteral("setup"), m_db);
        QSqlQuery q(db);
        QVERIFY2(q.exec("CREATE TABLE orders (id INT AUTO_INCREMENT PRIMARY KEY, "
                        "code VARCHAR(32) NOT NULL COMMENT '单号', "
                        "note TEXT NULL, "
                        "status VARCHAR(8) NOT NULL DEFAULT 'new', "
                        "qty DECIMAL(10,2) NOT NULL) DEFAULT CHARSET=utf8mb4"),
                 qPrintable(q.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("setup"));
}

void TestMySqlColumns::readsTheTablesColumnsInOrder()
{
    const TableColumns found =
        readMySqlColumns(test::mariaDbConnection(m_db), QStringLiteral("orders"));
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    QCOMPARE(found.schema, m_db);
    QCOMPARE(found.table, QStringLiteral("orders"));
    QStringList names;
    QStringList required;
    for (const ColumnInfo &c : found.columns) {
        names << c.name;
        if (c.required)
            required << c.name;
    }
    QCOMPARE(names, (QStringList{"id", "code", "note", "status", "qty"}));
    // Auto-increment, nullable and defaulted columns need no value.
    QCOMPARE(required, (QStringList{"code", "qty"}));
    QCOMPARE(found.columns.at(1).type, QStringLiteral("varchar(32)"));
    QCOMPARE(found.columns.at(4).type, QStringLiteral("decimal(10,2)"));
    // Chinese comments come through as written.
    QCOMPARE(found.columns.at(1).comment, QStringLiteral("单号"));
}

void TestMySqlColumns::databaseGivenWithTheTable()
{
    // The connection names another database; "db.table" looks in db.
    const TableColumns found = readMySqlColumns(test::mariaDbConnection(QStringLiteral("mysql")),
                                                m_db + QStringLiteral(".orders"));
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    QCOMPARE(found.schema, m_db);
    QCOMPARE(found.table, QStringLiteral("orders"));
    QCOMPARE(found.columns.size(), 5);
}

void TestMySqlColumns::missingTableHasNoColumnsAndNoError()
{
    const TableColumns found =
        readMySqlColumns(test::mariaDbConnection(m_db), QStringLiteral("nothing"));
    QVERIFY2(found.error.isEmpty(), qPrintable(found.error));
    QVERIFY(found.columns.isEmpty());
    QCOMPARE(found.table, QStringLiteral("nothing"));
}

void TestMySqlColumns::refusedLoginIsAnError()
{
    Connection c = test::mariaDbConnection(m_db);
    c.account.insert(QStringLiteral("password"), QJsonObject{{"plain", "certainly-wrong"}});
    const TableColumns found = readMySqlColumns(c, QStringLiteral("orders"));
    QVERIFY(found.columns.isEmpty());
    QVERIFY2(found.error.contains(QLatin1String("cannot connect to MySQL")),
             qPrintable(found.error));
}

void TestMySqlColumns::unresolvedReferenceIsAnError()
{
    Connection c = test::mariaDbConnection(m_db);
    qunsetenv("WEFT_TEST_NO_SUCH_PASSWORD");
    c.account.insert(QStringLiteral("password"),
                     QJsonObject{{"env", "WEFT_TEST_NO_SUCH_PASSWORD"}});
    const TableColumns found = readMySqlColumns(c, QStringLiteral("orders"));
    QVERIFY(found.columns.isEmpty());
    QVERIFY2(found.error.contains(QLatin1String("WEFT_TEST_NO_SUCH_PASSWORD")),
             qPrintable(found.error));
}

QTEST_GUILESS_MAIN(TestMySqlColumns)
#include "tst_mysqlcolumns.moc"
