// Seed 001 end to end: Kingdee JDY customers (/jdy/v2/bd/customer, millisecond modification
// window, HMAC-signed calls) → Weft's local store, through weft-run.
#include "examplechecks.h"

#include "core/state/statestore.h"

using namespace weft::test;

namespace {

const QString kExample = QStringLiteral("jdy-customers-to-local");
const QStringList kMockArgs = anchoredMock({"--seed", "3", "--jdy-customers", "230", "--quiet"});

/// The local store of the copied project: id → the stored record.
QMap<QString, QJsonObject> localStore(const IntegrationEnv &env)
{
    QMap<QString, QJsonObject> out;
    QString error;
    auto state = weft::StateStore::open(env.statePath(), &error);
    if (!state)
        return out;
    state->forEachLocal("jdy_customers",
                        [&](const QString &id, const QJsonObject &o) { out.insert(id, o); });
    return out;
}

} // namespace

class TestExampleCustomers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsIncrementally()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs, QString(), &error), qPrintable(error));
        const QList<QJsonObject> customers = mockRecords(env, "jdy-customers");
        QCOMPARE(customers.size(), 230);
        QVERIFY(mockInvalidIds(env, "jdy-customers").isEmpty());

        RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).written, 230);
        // The local store keeps each customer as the API returned it (autoFill), by its id.
        QMap<QString, QJsonObject> local = localStore(env);
        QCOMPARE(local.size(), 230);
        for (const QJsonObject &c : customers)
            QCOMPARE(local.value(c.value("id").toString()), c);

        // Nothing modified since: nothing read. Five modified: exactly they.
        r = env.weftRun("run", {"--progress", "jsonl"});
        QCOMPARE(countersOf(r).read, 0);
        const QJsonObject touched =
            env.control("POST", "/_mock/touch", {{"dataset", "jdy-customers"}, {"count", 5}}).object();
        QTest::qWait(1100); // windows end at whole seconds: let the change be older than "now"
        r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(countersOf(r).read, 5);
        QCOMPARE(countersOf(r).written, 5);
        local = localStore(env);
        for (const QJsonObject &c : mockRecords(env, "jdy-customers"))
            QCOMPARE(local.value(c.value("id").toString()).value("remark"), c.value("remark"));
    }

    void faultsChangeNothing()
    {
        QMap<QString, QJsonObject> clean;
        {
            IntegrationEnv env;
            QString error;
            QVERIFY2(env.start(kExample, kMockArgs, QString(), &error), qPrintable(error));
            QCOMPARE(env.weftRun("run", {"--progress", "quiet"}).exitCode, 0);
            clean = localStore(env);
        }
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs + QStringList{"--fault-seed", "2"}, QString(), &error),
                 qPrintable(error));
        QVERIFY(makeImpatient(env));
        QJsonObject faults = sourceFaults("/jdy");
        faults.insert("expireTokens", QJsonArray{"jdy"}); // the app-token must be fetched again
        env.control("POST", "/_mock/faults", faults);
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QCOMPARE(localStore(env), clean);
    }
};

QTEST_GUILESS_MAIN(TestExampleCustomers)
#include "tst_example_customers.moc"
