// Seed 000 end to end: Jushuitan warehouses (/open/wms/partner/query) → Kingdee JDY stores
// (/jdy/v2/bd/store), both weft-mock, through weft-run.
#include "examplechecks.h"

#include <QSet>

using namespace weft::test;

namespace {

const QString kExample = QStringLiteral("jst-warehouses-to-jdy");
const QStringList kMockArgs = anchoredMock({"--seed", "5", "--jst-partners", "40", "--quiet"});

QString idText(const QJsonValue &v)
{
    return v.isString() ? v.toString() : QString::number(v.toInteger());
}

} // namespace

class TestExampleWarehouses : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsAndRetries()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs, QString(), &error), qPrintable(error));
        const QList<QJsonObject> partners = mockRecords(env, "jst-partners");
        QCOMPARE(partners.size(), 40);
        const QStringList invalid = mockInvalidIds(env, "jst-partners");
        QCOMPARE(invalid.size(), 2); // an empty name, and a wms_co_id used twice

        // Expected: every partner as a store, the first of two sharing a number winning, the
        // one without a name missing.
        QMap<QString, QString> expected;
        for (const QJsonObject &p : partners) {
            const QString number = idText(p.value("wms_co_id"));
            if (!p.value("name").toString().isEmpty() && !expected.contains(number))
                expected.insert(number, p.value("name").toString());
        }

        // The seed maps name and number only; the warehouse's remark is mapped too, so a change
        // of it (what weft-mock's touch does) reaches JDY.
        QVERIFY(env.editProject([](QJsonObject &root) {
            QJsonArray request = root["schemes"][0]["target"]["metadata"]["request"].toArray();
            request.append(QJsonObject{{"field", "remark"}, {"label", "备注"}, {"type", "string"},
                                       {"value", "{remark1}"}});
            IntegrationEnv::setAt(root, {"schemes", "0", "target", "metadata", "request"}, request);
        }));
        RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        Counters c = countersOf(r);
        QCOMPARE(c.read, 40);
        QCOMPARE(c.failed, 2);
        QCOMPARE(c.written, 38);
        QCOMPARE(jdyStores(env), expected);

        QList<QJsonObject> failures = openFailures(env);
        QCOMPARE(failures.size(), 2);
        QSet<QString> failedIds;
        for (const QJsonObject &f : failures) {
            failedIds.insert(f.value("record_id").toString());
            if (f.value("stage").toString() == QLatin1String("write")) {
                // JDY's own words, with the payload that was sent.
                QVERIFY2(f.value("message").toString().contains("name"),
                         qPrintable(f.value("message").toString()));
                QCOMPARE(f.value("target_payload").toObject().value("name").toString(), QString());
            } else {
                QCOMPARE(f.value("error_code").toString(), QStringLiteral("duplicate id"));
            }
        }
        QCOMPARE(failedIds, QSet<QString>(invalid.begin(), invalid.end()));

        // The source has no modification window: a second run reads everything again and
        // writes nothing (idCheck); the two bad ones fail again.
        r = env.weftRun("run", {"--progress", "jsonl"});
        c = countersOf(r);
        QCOMPARE(c.written, 0);
        QCOMPARE(c.skipped, 38);
        QCOMPARE(c.failed, 2);
        QCOMPARE(openFailures(env).size(), 2);
        QCOMPARE(openFailures(env).first().value("attempts").toInt(), 2);

        // Changed warehouses are written again — as updates of the same stores.
        const QJsonObject touched =
            env.control("POST", "/_mock/touch", {{"dataset", "jst-partners"}, {"count", 3}}).object();
        QStringList touchedIds;
        for (const QJsonValue &v : touched.value("ids").toArray())
            touchedIds << idText(v);
        QCOMPARE(touchedIds.size(), 3);
        int valid = 0;
        for (const QString &id : touchedIds)
            valid += invalid.contains(id) ? 0 : 1;
        r = env.weftRun("run", {"--progress", "jsonl"});
        QCOMPARE(countersOf(r).written, qint64(valid));
        QMap<QString, QString> expectedAfter;
        for (const QJsonObject &p : mockRecords(env, "jst-partners")) {
            const QString number = idText(p.value("wms_co_id"));
            if (!p.value("name").toString().isEmpty() && !expectedAfter.contains(number))
                expectedAfter.insert(number, p.value("name").toString());
        }
        QCOMPARE(jdyStores(env), expectedAfter); // still one store per number, with the new names

        // Fix the mapping for warehouses without a name, and retry that record.
        QString unnamed;
        for (const QJsonObject &f : openFailures(env)) {
            if (f.value("stage").toString() == QLatin1String("write"))
                unnamed = f.value("record_id").toString();
        }
        QVERIFY(!unnamed.isEmpty());
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root,
                                  {"schemes", "0", "target", "metadata", "request", "@name", "value"},
                                  "_function IF(TRIM('{name}') = '', CONCAT('仓库 ', '{wms_co_id}'), "
                                  "'{name}')");
        }));
        r = env.weftRun("retry", {"--record", unnamed, "--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(jdyStores(env).value(unnamed), QStringLiteral("仓库 ") + unnamed);
        const QList<QJsonObject> left = openFailures(env);
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().value("error_code").toString(), QStringLiteral("duplicate id"));
    }

    void faultsChangeNothing()
    {
        QMap<QString, QString> clean;
        {
            IntegrationEnv env;
            QString error;
            QVERIFY2(env.start(kExample, kMockArgs, QString(), &error), qPrintable(error));
            QVERIFY(env.editProject([](QJsonObject &root) {
                // Pages of 5 so the faults hit several pages.
                IntegrationEnv::setAt(root, {"schemes", "0", "source", "metadata", "request",
                                             "@page_size", "value"}, "5");
            }));
            QCOMPARE(env.weftRun("run", {"--progress", "quiet"}).exitCode, 1);
            clean = jdyStores(env);
        }
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs + QStringList{"--fault-seed", "9"}, QString(), &error),
                 qPrintable(error));
        QVERIFY(makeImpatient(env));
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"schemes", "0", "source", "metadata", "request",
                                         "@page_size", "value"}, "5");
        }));
        QJsonObject faults = sourceFaults("/jushuitan");
        faults.insert("expireTokens", QJsonArray{"jushuitan"}); // the token must be refreshed
        env.control("POST", "/_mock/faults", faults);
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        const Counters c = countersOf(r);
        QCOMPARE(c.read, 40);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        QCOMPARE(jdyStores(env), clean);
    }
};

QTEST_GUILESS_MAIN(TestExampleWarehouses)
#include "tst_example_warehouses.moc"
