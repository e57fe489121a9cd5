// Seed 004 end to end: DingTalk rebate approvals (gettoken, listids by cursor, get per
// instance, the 表格 table) → filter approved → beatFlat 表格 → regrouped per instance into one
// K3Cloud other receivable with FEntity lines → BatchSave, through weft-run.
#include "examplechecks.h"

#include "core/connectors/dingtalk.h"

#include <QSet>

using namespace weft::test;

namespace {

const QString kExample = QStringLiteral("dingtalk-rebates-to-k3");
const QStringList kMockArgs = anchoredMock({"--seed", "13", "--dd-instances", "150", "--quiet"});

struct Expected {
    QMap<QString, QString> documents; ///< business_id → "customer|lines|sum of amounts"
    QSet<QString> failing;            ///< instance ids whose customer does not exist in K3
    int approvedRows = 0;
};

bool approved(const QJsonObject &instance)
{
    return instance.value("status").toString() == QLatin1String("COMPLETED") &&
           instance.value("result").toString() == QLatin1String("agree");
}

Expected expected(const QList<QJsonObject> &records, const QStringList &invalid)
{
    Expected e;
    for (const QJsonObject &r : records) {
        const QJsonObject instance = r.value("process_instance").toObject();
        if (!approved(instance))
            continue;
        const QString id = r.value("process_instance_id").toString();
        const QJsonObject flat = weft::DingTalkSource::recordFromInstance(id, instance);
        const QJsonArray rows = flat.value("表格").toArray();
        e.approvedRows += int(rows.size());
        if (invalid.contains(id)) {
            e.failing.insert(id);
            continue;
        }
        double sum = 0;
        for (const QJsonValue &row : rows)
            sum += row.toObject().value("不含税金额").toString().toDouble();
        e.documents.insert(instance.value("business_id").toString(),
                           QStringLiteral("%1|%2|%3")
                               .arg(rows.first().toObject().value("客户编码").toString())
                               .arg(rows.size())
                               .arg(-sum, 0, 'f', 2));
    }
    return e;
}

bool readEverything(IntegrationEnv &env)
{
    // The mock spreads approvals over 180 days; read them all (two 120-day windows).
    return env.editProject([](QJsonObject &root) {
        IntegrationEnv::setAt(root, {"schemes", "0", "sync", "initialSince"}, "DAYS_AGO_185");
    });
}

} // namespace

class TestExampleRebates : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsRegroupsAndRetries()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs, QString(), &error), qPrintable(error));
        QVERIFY(readEverything(env));
        const QStringList invalid = mockInvalidIds(env, "dd-instances");
        const Expected want = expected(mockRecords(env, "dd-instances"), invalid);
        QVERIFY(!want.failing.isEmpty()); // the seed and size are chosen so some approved fail

        RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        Counters c = countersOf(r);
        QCOMPARE(c.read, c.written + c.skipped + c.failed);
        QCOMPARE(c.written + c.failed, qint64(want.approvedRows)); // the others are filtered
        QCOMPARE(k3Documents(env), want.documents);

        // Per stage (the jsonl "steps"): beatFlat makes rows of the approvals, the filter keeps
        // the approved ones' rows, the mapping hands every one on (K3Cloud refuses some later).
        QJsonArray steps;
        for (const QJsonObject &e : r.events()) {
            if (e.value("event").toString() == QLatin1String("scheme_finished"))
                steps = e.value("steps").toArray();
        }
        QCOMPARE(steps.size(), 3);
        const auto stage = [&](int i) {
            const QJsonObject o = steps.at(i).toObject();
            return QStringLiteral("%1/%2 in %3 out %4 failed %5")
                .arg(o.value("id").toString(), o.value("type").toString())
                .arg(o.value("in").toInteger())
                .arg(o.value("out").toInteger())
                .arg(o.value("failed").toInteger());
        };
        const qint64 approvals = mockRecords(env, "dd-instances").size();
        QCOMPARE(
            stage(0),
            QStringLiteral("beatFlat/beatFlat in %1 out %2 failed 0").arg(approvals).arg(c.read));
        QCOMPARE(stage(1), QStringLiteral("approved/filter in %1 out %2 failed 0")
                               .arg(c.read)
                               .arg(want.approvedRows));
        QCOMPARE(stage(2), QStringLiteral("map/map in %1 out %1 failed 0").arg(want.approvedRows));

        // Each row of an instance whose customer K3Cloud does not know failed, with K3's
        // message (Errors[].DIndex mapped back to exactly those rows).
        QSet<QString> failedInstances;
        for (const QJsonObject &f : openFailures(env)) {
            QCOMPARE(f.value("stage").toString(), QStringLiteral("write"));
            QVERIFY2(f.value("message").toString().contains("CUST9999"),
                     qPrintable(f.value("message").toString()));
            QCOMPARE(f.value("target_payload").toObject().value("FCONTACTUNIT").toObject()
                         .value("FNumber").toString(), QStringLiteral("CUST9999"));
            failedInstances.insert(f.value("source_payload").toObject().value("id").toString());
        }
        QCOMPARE(failedInstances, want.failing);

        // Nothing new: nothing read. One approval resubmitted: read again and saved as an
        // update of its document (no second document).
        r = env.weftRun("run", {"--progress", "jsonl"});
        QCOMPARE(countersOf(r).written, 0);
        env.control("POST", "/_mock/touch", {{"dataset", "dd-instances"}, {"count", 4}});
        QTest::qWait(1100);
        r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode <= 1, describe(r).constData());
        QVERIFY(countersOf(r).read > 0);
        QCOMPARE(k3Documents(env), expected(mockRecords(env, "dd-instances"), invalid).documents);

        // Map the unknown customer to a real one and retry: the documents are saved.
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root,
                                  {"schemes", "0", "target", "metadata", "request", "@FCONTACTUNIT",
                                   "value"},
                                  "_function IF('{{表格_客户编码}}' = 'CUST9999', 'CUST0001', "
                                  "'{{表格_客户编码}}')");
        }));
        r = env.weftRun("retry", {"--all", "--progress", "jsonl"});
        QVERIFY2(r.exitCode == 0, describe(r).constData());
        QVERIFY(openFailures(env).isEmpty());
        QCOMPARE(k3Documents(env).size(), want.documents.size() + want.failing.size());
    }

    void faultsChangeNothing()
    {
        QMap<QString, QString> clean;
        {
            IntegrationEnv env;
            QString error;
            QVERIFY2(env.start(kExample, kMockArgs, QString(), &error), qPrintable(error));
            QVERIFY(readEverything(env));
            QCOMPARE(env.weftRun("run", {"--progress", "quiet"}).exitCode, 1);
            clean = k3Documents(env);
        }
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample, kMockArgs + QStringList{"--fault-seed", "4"}, QString(), &error),
                 qPrintable(error));
        QVERIFY(readEverything(env));
        QVERIFY(makeImpatient(env));
        QJsonObject faults = sourceFaults("/dingtalk");
        faults.insert("expireTokens", QJsonArray{"dingtalk"});
        env.control("POST", "/_mock/faults", faults);
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        QCOMPARE(k3Documents(env), clean);
    }
};

QTEST_GUILESS_MAIN(TestExampleRebates)
#include "tst_example_rebates.moc"
