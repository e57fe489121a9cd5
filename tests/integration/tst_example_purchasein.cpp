// Seed 002 end to end: Jushuitan purchase-ins (weft-mock) → beatFlat items → MySQL REPLACE,
// through the real weft-run and a real MariaDB.
#include "examplechecks.h"

#include <QSet>

using namespace weft::test;

namespace {

const QString kExample = QStringLiteral("jst-purchasein-to-mysql");
const QStringList kMockArgs = anchoredMock({"--seed", "7", "--jst-purchaseins", "200", "--quiet"});

/// What the table must hold for the mock's records: one row per item, keyed by the
/// composite id, with a few columns that show the mapping worked.
QMap<QString, QString> expectedRows(const QList<QJsonObject> &headers, const QStringList &invalid)
{
    QMap<QString, QString> rows;
    for (const QJsonObject &h : headers) {
        const QString io = QString::number(h.value("io_id").toInteger());
        const QJsonArray items = h.value("items").toArray();
        for (qsizetype k = 0; k < items.size(); ++k) {
            const QJsonObject item = items.at(k).toObject();
            if (invalid.contains(io) && item.value("name").toString().size() > 200)
                continue; // the deliberately over-long item name fails alone
            const QString id = io + u'-' + QString::number(item.value("ioi_id").toInteger());
            rows.insert(id, QStringLiteral("%1|%2|%3|%4|%5")
                                .arg(io, item.value("sku_id").toString(),
                                     item.value("name").toString(),
                                     QString::number(item.value("qty").toDouble(), 'f', 4),
                                     h.value("modified").toString()));
        }
    }
    return rows;
}

QMap<QString, QString> actualRows(const QString &database)
{
    QMap<QString, QString> rows;
    {
        QSqlDatabase db = openMariaDb(QStringLiteral("actual"), database);
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT id, io_id, items_sku_id, items_name, CAST(items_qty AS CHAR), "
                              "DATE_FORMAT(modified, '%Y-%m-%d %H:%i:%s') FROM purchasein_query"));
        while (q.next()) {
            rows.insert(q.value(0).toString(),
                        QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(q.value(1).toString(), q.value(2).toString(),
                                 q.value(3).toString(), q.value(4).toString(),
                                 q.value(5).toString()));
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("actual"));
    QSqlDatabase::removeDatabase(QStringLiteral("actual_admin"));
    return rows;
}

} // namespace

class TestExamplePurchasein : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void runsIncrementallyAndRetries()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs, QStringLiteral("it_purchasein"), &error),
                 qPrintable(error));
        const QList<QJsonObject> headers = mockRecords(env, QStringLiteral("jst-purchaseins"));
        QCOMPARE(headers.size(), 200);
        const QStringList invalid = mockInvalidIds(env, QStringLiteral("jst-purchaseins"));
        QCOMPARE(invalid.size(), 2); // i ≡ 13 (mod 97): 13 and 110
        const QMap<QString, QString> expected = expectedRows(headers, invalid);

        // 1. A clean first run writes every row but the two with over-long item names.
        RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData()); // finished with failed records
        Counters c = countersOf(r);
        QCOMPARE(c.failed, 2);
        QCOMPARE(c.written, qint64(expected.size()));
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        QCOMPARE(actualRows(env.database()), expected);

        // 2. Exactly the deliberately invalid records failed, with MariaDB's own message.
        QList<QJsonObject> failures = openFailures(env);
        QCOMPARE(failures.size(), 2);
        QSet<QString> failedHeaders;
        for (const QJsonObject &f : failures) {
            QCOMPARE(f.value("stage").toString(), QStringLiteral("write"));
            QCOMPARE(f.value("error_code").toString(), QStringLiteral("1406"));
            QVERIFY2(f.value("message").toString().contains("Data too long for column 'items_name'"),
                     qPrintable(f.value("message").toString()));
            // The stored payloads carry everything: the flattened source row and the row sent.
            QCOMPARE(f.value("source_payload").toObject().value("items_name").toString().size(), 300);
            QCOMPARE(f.value("target_payload").toObject().value("items_name").toString().size(), 300);
            failedHeaders.insert(f.value("record_id").toString().section(u'-', 0, 0));
        }
        QCOMPARE(failedHeaders, QSet<QString>(invalid.begin(), invalid.end()));

        // 3. A second run reads only what changed since (nothing) and writes nothing new; a
        //    full re-read skips every unchanged row (idCheck).
        r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).written, 0);
        r = env.weftRun("run", {"--progress", "jsonl", "--full"});
        c = countersOf(r);
        QCOMPARE(c.written, 0);
        QCOMPARE(c.skipped, qint64(expected.size()));
        QCOMPARE(c.failed, 2);

        // 4. After the system changes five documents, an incremental run writes exactly them.
        const QJsonObject touched = env.control("POST", "/_mock/touch",
                                                {{"dataset", "jst-purchaseins"}, {"count", 5}})
                                        .object();
        QTest::qWait(1100); // windows end at whole seconds: let the change be older than "now"
        QSet<QString> touchedIds;
        for (const QJsonValue &v : touched.value("ids").toArray())
            touchedIds.insert(QString::number(v.toInteger()));
        QCOMPARE(touchedIds.size(), 5);
        const QList<QJsonObject> after = mockRecords(env, QStringLiteral("jst-purchaseins"));
        int touchedRows = 0;
        for (const QJsonObject &h : after) {
            if (touchedIds.contains(QString::number(h.value("io_id").toInteger())))
                touchedRows += int(h.value("items").toArray().size());
        }
        r = env.weftRun("run", {"--progress", "jsonl"});
        c = countersOf(r);
        QVERIFY2(r.exitCode <= 1, describe(r).constData());
        QCOMPARE(c.read, qint64(touchedRows));
        QCOMPARE(c.written + c.failed, qint64(touchedRows));
        QCOMPARE(actualRows(env.database()), expectedRows(after, invalid));

        // 5. Fix the mapping (cut names to the column's 200 characters) and retry: the stored
        //    records go through the new mapping and every failure is resolved.
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root,
                                  {"schemes", "0", "target", "metadata", "request", "@items_name",
                                   "value"},
                                  "_function LEFT('{items_name}', 200)");
        }));
        r = env.weftRun("retry", {"--all", "--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).written, 2);
        QVERIFY(openFailures(env).isEmpty());
        QMap<QString, QString> fixed = actualRows(env.database());
        QCOMPARE(fixed.size(), expectedRows(after, {}).size());
        for (auto it = fixed.begin(); it != fixed.end(); ++it)
            QVERIFY(it.value().section(u'|', 2, 2).size() <= 200);
    }

    void faultsChangeNothing()
    {
        // The same data read through 5xx answers, timeouts, resets, truncated and malformed
        // pages and throttling ends in exactly the table a clean run writes.
        QStringList clean;
        {
            IntegrationEnv env;
            QString error;
            QVERIFY2(env.start(kExample, kMockArgs, QStringLiteral("it_purchasein_clean"), &error),
                     qPrintable(error));
            const RunResult r = env.weftRun("run", {"--progress", "quiet"});
            QVERIFY2(r.exitCode == 1, describe(r).constData());
            clean = tableRows(env.database(), "purchasein_query");
        }
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs + QStringList{"--fault-seed", "3"},
                           QStringLiteral("it_purchasein_faults"), &error),
                 qPrintable(error));
        QVERIFY(makeImpatient(env));
        env.control("POST", "/_mock/faults", sourceFaults("/jushuitan"));
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        const Counters c = countersOf(r);
        QCOMPARE(c.failed, 2);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        const QJsonObject stats = env.control("GET", "/_mock/stats").object();
        QVERIFY2(QJsonDocument(stats).toJson().contains("\"faultsInjected\""), "no fault stats");
        QCOMPARE(tableRows(env.database(), "purchasein_query"), clean);
    }
};

QTEST_GUILESS_MAIN(TestExamplePurchasein)
#include "tst_example_purchasein.moc"
