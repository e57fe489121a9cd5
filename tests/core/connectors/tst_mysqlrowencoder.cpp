#include "core/connectors/mysqlrowencoder.h"
#include "core/connectors/mysqlwriteledger.h"

#include <QtTest>

using namespace weft;

/// The MySQL target's pieces that need no server: how a row becomes SQL and LOAD DATA text,
/// what a row is checked for before it is sent, and the ledger's row lists and statements.
/// (What the server does with them is tst_mysqltarget's business.)
class TestMySqlRowEncoder : public QObject
{
    Q_OBJECT

    static TargetRecord payloadRow(const QJsonObject &payload)
    {
        TargetRecord r;
        r.payload = payload;
        return r;
    }

private Q_SLOTS:
    void rowsBecomeTuplesAndStatements()
    {
        const MySqlStatement statement = MySqlStatement::parse(
            QStringLiteral("REPLACE INTO shop.orders(id, note, amount) VALUES"));
        QVERIFY(statement.isValid());
        MySqlRowEncoder encoder(statement);
        const QList<QByteArray> tuples = {
            encoder.tuple(payloadRow({{"id", 1}, {"note", "it's"}, {"amount", 2.5}})),
            // A field inside a nested object (seed 003's main_params) feeds its column too.
            encoder.tuple(payloadRow({{"id", 2}, {"main_params", QJsonObject{{"note", "x"}}}})),
        };
        QCOMPARE(tuples.at(0), QByteArray("(1,'it\\'s',2.5)"));
        QCOMPARE(tuples.at(1), QByteArray("(2,'x',NULL)"));
        QCOMPARE(encoder.statement(tuples, {1, 0}),
                 QByteArray("REPLACE INTO `shop`.`orders` (`id`, `note`, `amount`) VALUES "
                            "(2,'x',NULL),\n(1,'it\\'s',2.5)"));
    }

    void duplicateKeyTailEndsTheStatement()
    {
        const MySqlStatement statement = MySqlStatement::parse(
            QStringLiteral("INSERT INTO t(id, n) VALUES ON DUPLICATE KEY UPDATE n = VALUES(n)"));
        QVERIFY2(statement.isValid(), qPrintable(statement.error));
        MySqlRowEncoder encoder(statement);
        const QList<QByteArray> tuples = {encoder.tuple(payloadRow({{"id", 7}, {"n", 1}}))};
        const QByteArray end = ") VALUES (7,1) " + statement.duplicateKeyTail.toUtf8();
        QVERIFY(encoder.statement(tuples, {0}).endsWith(end));
    }

    void valuesRowsAndLoadDataLines()
    {
        const MySqlStatement statement =
            MySqlStatement::parse(QStringLiteral("INSERT INTO t(code, qty) VALUES"));
        MySqlRowEncoder encoder(statement);
        TargetRecord r;
        // Given as values in another order than the columns: matched by field name.
        r.fields = std::make_shared<const QStringList>(QStringList{"qty", "code"});
        r.values = {QJsonValue(3), QJsonValue("a\tb")};
        QString tooLong;
        QVERIFY(encoder.gather(r, &tooLong));
        QVERIFY(tooLong.isEmpty());
        QCOMPARE(encoder.sqlTuple(), QByteArray("('a\tb',3)"));
        QCOMPARE(encoder.tsvLine(), QByteArray("a\\tb\t3\n"));
    }

    void rowsAreCheckedAgainstTheColumns()
    {
        const MySqlStatement statement =
            MySqlStatement::parse(QStringLiteral("INSERT INTO t(name, qty) VALUES"));
        MySqlRowEncoder encoder(statement);
        encoder.setColumns({MySqlColumn::fromSchema("varchar", "varchar(3)", "YES", "", 3, 0, 0),
                            MySqlColumn::fromSchema("int", "int(11)", "NO", "", 0, 10, 0)});
        QString tooLong;
        // Characters, not bytes or UTF-16 units: three CJK characters fit VARCHAR(3).
        QVERIFY(encoder.gather(payloadRow({{"name", "仓库名"}, {"qty", 1}}), &tooLong));
        QVERIFY(tooLong.isEmpty());
        encoder.gather(payloadRow({{"name", "仓库名称"}, {"qty", 1}}), &tooLong);
        QCOMPARE(tooLong, QStringLiteral("name"));
        // A NULL for a NOT NULL column: LOAD DATA would store 0 where INSERT fails, so the
        // row must go the statement way.
        tooLong.clear();
        QVERIFY(!encoder.gather(payloadRow({{"name", "a"}}), &tooLong));
        QVERIFY(tooLong.isEmpty());
    }

    void ledgerRowListsRoundTrip()
    {
        const QList<qsizetype> rows = {7, 0, 1, 2, 5, 9, 8};
        const QByteArray list = MySqlWriteLedger::rowList(rows);
        QCOMPARE(list, QByteArray("0-2,5,7-9"));
        QList<qsizetype> sorted = rows;
        std::sort(sorted.begin(), sorted.end());
        QCOMPARE(MySqlWriteLedger::parseRowList(QString::fromLatin1(list)), sorted);
        QCOMPARE(MySqlWriteLedger::rowList({}), QByteArray());
        QVERIFY(MySqlWriteLedger::parseRowList(QString()).isEmpty());
    }

    void ledgerStatementsStayInTheScope()
    {
        MySqlWriteLedger ledger(QStringLiteral("shop.orders"), QStringLiteral("store-1/o'rders"));
        QCOMPARE(ledger.table(), QByteArray("`shop`.`weft_write_ledger`"));
        QVERIFY(ledger.ddl().contains("PRIMARY KEY (scope, batch_id, part)"));
        const QByteArray insert = ledger.partInsert(QStringLiteral("b1"), 2, {0, 1, 3});
        // The part is written unless the batch's tombstone (part -1) is there.
        QVERIFY(insert.contains("'store-1/o\\'rders'"));
        QVERIFY(insert.contains("AND part = -1), -1, 2), '0-1,3'"));
        QVERIFY(!ledger.hasQueuedForgets());
        ledger.queueForget({QStringLiteral("b0"), QStringLiteral("b1")});
        QVERIFY(ledger.hasQueuedForgets());
        QCOMPARE(ledger.forgetStatement(),
                 QByteArray("DELETE FROM `shop`.`weft_write_ledger` WHERE scope = "
                            "'store-1/o\\'rders' AND batch_id IN ('b0','b1')"));
        ledger.clearQueuedForgets();
        QVERIFY(!ledger.hasQueuedForgets());
    }
};

QTEST_GUILESS_MAIN(TestMySqlRowEncoder)
#include "tst_mysqlrowencoder.moc"
