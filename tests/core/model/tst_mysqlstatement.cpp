#include "core/model/mysqlstatement.h"

#include <QtTest>

using namespace weft;

class TestMySqlStatement : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prefixFormOfSeed002()
    {
        const auto st = MySqlStatement::parse(
            "REPLACE INTO purchasein_query(id, io_id, `items_qty`) VALUES");
        QVERIFY2(st.isValid(), qPrintable(st.error));
        QCOMPARE(st.verb, MySqlStatement::Verb::Replace);
        QCOMPARE(st.table, QStringLiteral("purchasein_query"));
        QCOMPARE(st.columns, QStringList({"id", "io_id", "items_qty"}));
        QVERIFY(!st.usesPlaceholders());
        QCOMPARE(st.fieldForColumn(2), QStringLiteral("items_qty"));
    }

    void placeholderFormOfSeed003()
    {
        const auto st = MySqlStatement::parse(
            "insert into crm.wk_wodtop_product (data_id, product_line) VALUES (:data_id, :line) "
            "ON DUPLICATE KEY UPDATE product_line = VALUES(product_line)");
        QVERIFY2(st.isValid(), qPrintable(st.error));
        QCOMPARE(st.verb, MySqlStatement::Verb::Insert);
        QCOMPARE(st.table, QStringLiteral("crm.wk_wodtop_product"));
        QCOMPARE(st.placeholders, QStringList({"data_id", "line"}));
        QCOMPARE(st.fieldForColumn(1), QStringLiteral("line"));
        QCOMPARE(st.duplicateKeyTail,
                 QStringLiteral("ON DUPLICATE KEY UPDATE product_line = VALUES(product_line)"));
    }

    void rejectsAnythingThatIsNotPlainIdentifiers_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("delete") << "DELETE FROM t";
        QTest::newRow("injected column") << "INSERT INTO t(a, b); DROP TABLE t; --) VALUES";
        QTest::newRow("expression in values") << "INSERT INTO t(a) VALUES (NOW())";
        QTest::newRow("trailing statement") << "INSERT INTO t(a) VALUES; DROP TABLE t";
        QTest::newRow("odku expression") << "INSERT INTO t(a) VALUES ON DUPLICATE KEY UPDATE "
                                            "a = (SELECT 1)";
        QTest::newRow("count mismatch") << "INSERT INTO t(a, b) VALUES (:a)";
        QTest::newRow("duplicate column") << "INSERT INTO t(a, A) VALUES";
        QTest::newRow("quote in table") << "INSERT INTO `t'x`(a) VALUES";
    }

    void rejectsAnythingThatIsNotPlainIdentifiers()
    {
        QFETCH(QString, sql);
        const auto st = MySqlStatement::parse(sql);
        QVERIFY2(!st.isValid(), qPrintable(sql));
        QVERIFY(!st.error.isEmpty());
    }

    void columnAddedToThePrefixForm()
    {
        QCOMPARE(MySqlStatement::withColumnAdded("REPLACE INTO t(a, b) VALUES", "c"),
                 QStringLiteral("REPLACE INTO t(a, b, c) VALUES"));
        QCOMPARE(MySqlStatement::withColumnAdded(
                     "INSERT INTO db.t (a) VALUES ON DUPLICATE KEY UPDATE a = VALUES(a)", "b"),
                 QStringLiteral(
                     "INSERT INTO db.t (a, b) VALUES ON DUPLICATE KEY UPDATE a = VALUES(a)"));
        // Nothing to add to, already there, placeholders, or not an identifier: "".
        QVERIFY(MySqlStatement::withColumnAdded("REPLACE INTO t(a, b) VALUES", "B").isEmpty());
        QVERIFY(MySqlStatement::withColumnAdded("INSERT INTO t (a) VALUES (:a)", "b").isEmpty());
        QVERIFY(MySqlStatement::withColumnAdded("REPLACE INTO t(a) VALUES", "b; --").isEmpty());
        QVERIFY(MySqlStatement::withColumnAdded("SELECT 1", "b").isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestMySqlStatement)
#include "tst_mysqlstatement.moc"
