// Generated data of weft-mock: deterministic from the seed, realistic, with the documented
// invalid records, and bounded in memory at 1 000 000 records.

#include "mock/mockclient.h"
#include "support/mockprocess.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

using weft::test::MockClient;
using weft::test::MockProcess;

namespace {

const qint64 kNow = 1717200000; // 2024-06-01 08:00 China time
const QStringList kDatasets = {"jst-partners", "jst-purchaseins", "jdy-customers", "k3-materials",
                               "k3-customers", "k3-orgs",         "dd-instances"};

QJsonArray records(MockClient &client, const QString &dataset, int limit = 10000, qint64 offset = 0)
{
    return client
        .get(QStringLiteral("/_mock/records/%1?offset=%2&limit=%3")
                 .arg(dataset)
                 .arg(offset)
                 .arg(limit))
        .object()
        .value("records")
        .toArray();
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestMockDatasets : public QObject
{
    Q_OBJECT

private:
    MockProcess m_mock;
    std::unique_ptr<MockClient> m_client;
    MockClient &c() { return *m_client; }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start({"--quiet", "--now", QString::number(kNow)}, &error),
                 qPrintable(error));
        m_client = std::make_unique<MockClient>(m_mock.baseUrl());
    }

    void sameSeedSameDataOtherSeedOtherData()
    {
        MockProcess same;
        MockProcess other;
        QString error;
        QVERIFY2(same.start({"--quiet", "--seed", "42", "--now", QString::number(kNow)}, &error),
                 qPrintable(error));
        QVERIFY2(other.start({"--quiet", "--seed", "43", "--now", QString::number(kNow)}, &error),
                 qPrintable(error));
        MockClient sameClient(same.baseUrl());
        MockClient otherClient(other.baseUrl());
        for (const QString &dataset : kDatasets) {
            const QJsonArray a = records(c(), dataset, 200);
            QVERIFY(!a.isEmpty());
            QCOMPARE(records(sameClient, dataset, 200), a);
            if (dataset == QLatin1String("k3-orgs"))
                continue; // fixed base data
            const QJsonArray b = records(otherClient, dataset, 200);
            int differing = 0;
            for (qsizetype i = 0; i < a.size(); ++i)
                differing += a.at(i) != b.at(i) ? 1 : 0;
            QVERIFY2(differing > a.size() / 2, qPrintable(dataset));
        }
    }

    void sizesFollowTheFlags()
    {
        MockProcess small;
        QString error;
        QVERIFY2(small.start({"--quiet", "--records", "60", "--jst-partners", "12"}, &error),
                 qPrintable(error));
        MockClient client(small.baseUrl());
        const QJsonObject sizes = client.get("/_mock/info").object().value("datasets").toObject();
        QCOMPARE(sizes.value("jst-partners").toInt(), 12);
        for (const char *name :
             {"jst-purchaseins", "jdy-customers", "k3-materials", "k3-customers", "dd-instances"})
            QCOMPARE(sizes.value(QLatin1String(name)).toInt(), 60);
        QCOMPARE(records(client, "k3-materials").size(), 60);
        QCOMPARE(client.get("/_mock/records/k3-materials?limit=10").object().value("total").toInt(),
                 60);
    }

    void timestampsSpreadOverHalfAYearInOrder()
    {
        const qint64 nowMs = kNow * 1000;
        const qint64 from = nowMs - 180 * 86400000LL;
        qint64 previous = 0;
        for (const QJsonValue &v : records(c(), "dd-instances")) {
            const qint64 t = qint64(v.toObject().value("create_time_ms").toDouble());
            QVERIFY(t >= from && t < nowMs);
            QVERIFY(t > previous);
            previous = t;
        }
        const QJsonArray jst = records(c(), "jst-purchaseins");
        QCOMPARE(jst.first().toObject().value("modified").toString().left(7),
                 QStringLiteral("2023-12"));
        // The last record is within the last 1/500 of the span: hours before the anchor.
        QVERIFY(jst.last().toObject().value("modified").toString() >= QStringLiteral("2024-05-31"));
        QString previousText;
        for (const QJsonValue &v : jst) {
            const QString modified = v.toObject().value("modified").toString();
            QVERIFY(modified >= previousText);
            previousText = modified;
        }
        const QJsonArray k3 = records(c(), "k3-materials");
        QVERIFY(k3.first().toObject().value("FModifyDate").toString().startsWith("2023-12-0"));
        QVERIFY(k3.last().toObject().value("FModifyDate").toString().contains('T'));
        QVERIFY(k3.first().toObject().value("FCreateDate").toString() <=
                k3.first().toObject().value("FModifyDate").toString());
    }

    void purchaseInsAreRealistic()
    {
        const QJsonArray all = records(c(), "jst-purchaseins");
        QCOMPARE(all.size(), 500);
        int items = 0;
        int chinese = 0;
        for (const QJsonValue &v : all) {
            const QJsonObject p = v.toObject();
            const QJsonArray list = p.value("items").toArray();
            QVERIFY(list.size() >= 1 && list.size() <= 5);
            items += list.size();
            for (const QJsonValue &i : list) {
                const QJsonObject item = i.toObject();
                QCOMPARE(item.value("io_id"), p.value("io_id"));
                const double price = item.value("cost_price").toDouble();
                QVERIFY(price > 0);
                QVERIFY(std::abs(price * 10000 - std::round(price * 10000)) < 1e-4);
                QVERIFY(item.value("qty").toDouble() >= 1);
            }
            chinese += p.value("supplier_name").toString().contains(QStringLiteral("公司"));
        }
        const double mean = double(items) / all.size();
        QVERIFY2(mean > 2.7 && mean < 3.3, qPrintable(QString::number(mean)));
        QCOMPARE(chinese, 500);
    }

    void materialsLookLikeK3()
    {
        int t00 = 0;
        int approved = 0;
        int padded = 0;
        for (const QJsonValue &v : records(c(), "k3-materials")) {
            const QJsonObject m = v.toObject();
            t00 += m.value("FUseOrgId.FNumber") == QStringLiteral("T00");
            approved += m.value("FDocumentStatus") == QStringLiteral("C");
            const QString spec = m.value("FSpecification").toString();
            padded += spec != spec.trimmed();
            for (const char *key :
                 {"FMasterId", "FMaterialId", "FNumber", "FName", "F_ProductLine", "FForbidStatus",
                  "FBaseUnitId.FNumber", "FMaterialGroup.FNumber", "FErpClsID", "FOldNumber",
                  "FDescription"})
                QVERIFY2(m.contains(QLatin1String(key)), key);
        }
        QVERIFY(t00 > 350);
        QVERIFY(approved > 400);
        QVERIFY(padded > 50);
    }

    void invalidRecordsAreWhereTheRulesSay()
    {
        const QJsonObject invalid = c().get("/_mock/invalid").object();
        const QJsonArray partners = records(c(), "jst-partners");
        QCOMPARE(partners.at(5).toObject().value("name").toString(), QString());
        QCOMPARE(partners.at(11).toObject().value("wms_co_id"),
                 partners.at(10).toObject().value("wms_co_id"));
        QCOMPARE(invalid.value("jst-partners").toArray().size(), 2);
        const QJsonArray materials = records(c(), "k3-materials");
        for (const QJsonValue &v : invalid.value("k3-materials").toArray()) {
            const int i = v.toObject().value("index").toInt();
            QCOMPARE(materials.at(i).toObject().value("F_ProductLine").toString().size(), 300);
        }
        QCOMPARE(invalid.value("k3-materials").toArray().size(), 5); // 17, 114, 211, 308, 405
        QCOMPARE(invalid.value("dd-instances").toArray().size(), 5);
        QCOMPARE(invalid.value("jst-purchaseins").toArray().size(), 6);
    }

    void touchIsDeterministicAndReset()
    {
        const QJsonArray first =
            c().postJson("/_mock/touch", {{"dataset", "k3-customers"}, {"count", 3}})
                .object()
                .value("ids")
                .toArray();
        c().post("/_mock/reset", {}, "application/json");
        const QJsonArray again =
            c().postJson("/_mock/touch", {{"dataset", "k3-customers"}, {"count", 3}})
                .object()
                .value("ids")
                .toArray();
        QCOMPARE(again, first);
        QCOMPARE(c().postJson("/_mock/touch", {{"dataset", "nope"}}).status, 404);
        c().post("/_mock/reset", {}, "application/json");
    }

    void millionRecordsStayLight()
    {
        MockProcess big;
        QString error;
        QVERIFY2(big.start({"--quiet", "--no-rate-limits", "--records", "1000000"}, &error),
                 qPrintable(error));
        MockClient client(big.baseUrl());
        const QJsonArray last = records(client, "jst-purchaseins", 1, 999999);
        QCOMPARE(last.size(), 1);
        QCOMPARE(last.at(0).toObject().value("io_id").toInt(), 1500000);
        const QJsonArray lastDd = records(client, "dd-instances", 1, 999999);
        const QString id = lastDd.at(0).toObject().value("process_instance_id").toString();
        QVERIFY(id.endsWith("0000000f423f"));
        // A 7-day window at the end of the span holds about 1/26 of the records.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto r = client.jst(
            "/open/purchasein/query",
            {{"page_size", 50},
             {"modified_begin", QDateTime::fromSecsSinceEpoch(now - 7 * 86400)
                                    .toOffsetFromUtc(8 * 3600)
                                    .toString("yyyy-MM-dd HH:mm:ss")},
             {"modified_end", QDateTime::fromSecsSinceEpoch(now).toOffsetFromUtc(8 * 3600).toString(
                                  "yyyy-MM-dd HH:mm:ss")}});
        const int count = r.object().value("data").toObject().value("data_count").toInt();
        QVERIFY2(count > 30000 && count < 45000, qPrintable(QString::number(count)));
        const qint64 rss = rssKb(big.process().processId());
        qInfo("weft-mock with 1 000 000 records per dataset: RSS %lld kB", rss);
        QVERIFY(rss > 0 && rss < 200 * 1024);
    }

    void startupLineHelpAndCleanExit()
    {
        QProcess process;
        process.start(qEnvironmentVariable("WEFT_MOCK_BIN"), {"--port", "0", "--quiet"});
        QVERIFY(process.waitForStarted(10000));
        QByteArray out;
        while (!out.contains('\n') && process.waitForReadyRead(10000))
            out += process.readAllStandardOutput();
        static const QRegularExpression line(
            QStringLiteral("^weft-mock listening on http://127\\.0\\.0\\.1:[1-9][0-9]*\n$"));
        QVERIFY2(line.match(QString::fromUtf8(out)).hasMatch(), out.constData());
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);

        QProcess help;
        help.start(qEnvironmentVariable("WEFT_MOCK_BIN"), {"--help"});
        QVERIFY(help.waitForFinished(10000));
        QCOMPARE(help.exitCode(), 0);
        const QByteArray text = help.readAllStandardOutput();
        for (const char *flag :
             {"--port", "--host", "--seed", "--now", "--records", "--jst-rate-per-second",
              "--jst-rate-per-minute", "--no-rate-limits", "--fault-seed", "--timeout-rate",
              "--latency-ms", "--k3-session-idle", "--dd-rate-per-second"})
            QVERIFY2(text.contains(flag), flag);
    }

    void cleanupTestCase() { m_mock.stop(); }
};

QTEST_GUILESS_MAIN(TestMockDatasets)
#include "tst_mockdatasets.moc"
