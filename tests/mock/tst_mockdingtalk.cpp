// DingTalk rules of weft-mock: gettoken, listids windows and cursor, get and the 表格 table.

#include "mock/mockclient.h"
#include "support/mockprocess.h"

#include <QDateTime>
#include <QSet>
#include <QtTest>

using weft::test::MockClient;
using weft::test::MockProcess;

namespace {

int errcodeOf(const MockClient::Reply &r)
{
    return r.object().value(QLatin1String("errcode")).toInt(-1);
}

constexpr qint64 kDay = 86400000;

} // namespace

class TestMockDingTalk : public QObject
{
    Q_OBJECT

private:
    MockProcess m_mock;
    std::unique_ptr<MockClient> m_client;
    QString m_token;
    MockClient &c() { return *m_client; }

    MockClient::Reply listIds(qint64 start, qint64 end, int size, qint64 cursor,
                              const QString &code = QStringLiteral("PROC-WEFT-REBATE"))
    {
        return c().postJson("/dingtalk/topapi/processinstance/listids?access_token=" + m_token,
                            {{"process_code", code},
                             {"start_time", start},
                             {"end_time", end},
                             {"size", size},
                             {"cursor", cursor}});
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_mock.start({"--quiet"}, &error), qPrintable(error));
        m_client = std::make_unique<MockClient>(m_mock.baseUrl());
    }

    void init()
    {
        c().post(QStringLiteral("/_mock/reset"), {}, "application/json");
        m_token = c().ddToken();
        QVERIFY(!m_token.isEmpty());
    }

    void getTokenChecksTheSecret()
    {
        const auto bad = c().get("/dingtalk/gettoken?appkey=weft-dd-app&appsecret=nope");
        QVERIFY(errcodeOf(bad) != 0);
        const auto ok = c().get("/dingtalk/gettoken?appkey=weft-dd-app&appsecret=weft-dd-secret");
        QCOMPARE(errcodeOf(ok), 0);
        QCOMPARE(ok.object().value("expires_in").toInt(), 7200);
        // Within its lifetime the same token comes back.
        QCOMPARE(ok.object().value("access_token").toString(), m_token);
        const auto r = c().postJson("/dingtalk/topapi/processinstance/listids?access_token=bad",
                                    {{"process_code", "PROC-WEFT-REBATE"}, {"start_time", 0}});
        QCOMPARE(errcodeOf(r), 40014);
    }

    void listIdsRules()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QCOMPARE(errcodeOf(listIds(now - 10 * kDay, now, 20, 0)), 0);
        QVERIFY(errcodeOf(listIds(now - 10 * kDay, now, 21, 0)) != 0);
        QVERIFY(errcodeOf(listIds(now - 121 * kDay, now, 20, 0)) != 0);
        QCOMPARE(errcodeOf(listIds(now - 120 * kDay, now, 20, 0)), 0);
        QVERIFY(errcodeOf(listIds(now - 366 * kDay, now - 300 * kDay, 20, 0)) != 0);
        QCOMPARE(listIds(now - 10 * kDay, now, 20, 0, "PROC-OTHER")
                     .object()
                     .value("result")
                     .toObject()
                     .value("list")
                     .toArray()
                     .size(),
                 0);
    }

    void cursorPagingAddsUp()
    {
        const QJsonArray truth =
            c().get("/_mock/records/dd-instances?limit=500").object().value("records").toArray();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 start = now - 100 * kDay;
        QSet<QString> expected;
        for (const QJsonValue &v : truth) {
            if (qint64(v.toObject().value("create_time_ms").toDouble()) >= start)
                expected.insert(v.toObject().value("process_instance_id").toString());
        }
        QVERIFY(expected.size() > 200);
        QSet<QString> seen;
        qint64 cursor = 0;
        int calls = 0;
        for (;;) {
            const auto r = listIds(start, now, 20, cursor);
            QCOMPARE(errcodeOf(r), 0);
            const QJsonObject result = r.object().value("result").toObject();
            for (const QJsonValue &id : result.value("list").toArray())
                seen.insert(id.toString());
            ++calls;
            if (!result.contains("next_cursor"))
                break;
            cursor = qint64(result.value("next_cursor").toDouble());
        }
        QCOMPARE(seen, expected);
        QCOMPARE(calls, int((expected.size() + 19) / 20));
    }

    void getDecodesTheTable()
    {
        const QJsonArray truth =
            c().get("/_mock/records/dd-instances?limit=30").object().value("records").toArray();
        const QJsonArray invalid =
            c().get("/_mock/invalid").object().value("dd-instances").toArray();
        const QString badId = invalid.at(0).toObject().value("id").toString();
        for (const QJsonValue &v : truth) {
            const QString id = v.toObject().value("process_instance_id").toString();
            const auto r =
                c().postJson("/dingtalk/topapi/processinstance/get?access_token=" + m_token,
                             {{"process_instance_id", id}});
            QCOMPARE(errcodeOf(r), 0);
            const QJsonObject pi = r.object().value("process_instance").toObject();
            QVERIFY(!pi.value("business_id").toString().isEmpty());
            QMap<QString, QJsonObject> components;
            for (const QJsonValue &f : pi.value("form_component_values").toArray())
                components.insert(f.toObject().value("name").toString(), f.toObject());
            for (const char *name : {"申请日期", "组织", "申请人", "备注", "表格"})
                QVERIFY2(components.contains(QString::fromUtf8(name)), name);
            QVERIFY(
                (QStringList{"100", "101", "T00"})
                    .contains(components.value(QStringLiteral("组织")).value("value").toString()));
            const QJsonObject table = components.value(QStringLiteral("表格"));
            QCOMPARE(table.value("component_type").toString(), QStringLiteral("TableField"));
            // The value is a JSON *string* of rows: decode it as a client must.
            const QJsonArray rows =
                QJsonDocument::fromJson(table.value("value").toString().toUtf8()).array();
            QVERIFY(rows.size() >= 1 && rows.size() <= 4);
            QSet<QString> customers;
            for (const QJsonValue &row : rows) {
                QMap<QString, QString> cells;
                for (const QJsonValue &cell : row.toObject().value("rowValue").toArray())
                    cells.insert(cell.toObject().value("label").toString(),
                                 cell.toObject().value("value").toString());
                customers.insert(cells.value(QStringLiteral("客户编码")));
                bool ok = false;
                cells.value(QStringLiteral("不含税金额")).toDouble(&ok);
                QVERIFY(ok);
                QVERIFY(cells.contains(QStringLiteral("明细备注")));
                QVERIFY(cells.contains(QStringLiteral("返利归属期间")));
            }
            QCOMPARE(customers.size(), 1);
            if (id == badId)
                QCOMPARE(*customers.begin(), QStringLiteral("CUST9999"));
            else
                QVERIFY(customers.begin()->startsWith(QStringLiteral("CUST0")));
        }
        const auto missing =
            c().postJson("/dingtalk/topapi/processinstance/get?access_token=" + m_token,
                         {{"process_instance_id", "made-up-000000000001"}});
        QVERIFY(errcodeOf(missing) != 0);
    }

    void tokenExpiryAndRenewal()
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        c().postJson("/_mock/faults", {{"expireTokens", QJsonArray{"dingtalk"}}});
        QCOMPARE(errcodeOf(listIds(now - kDay, now, 20, 0)), 42001);
        const QString old = m_token;
        m_token = c().ddToken();
        QVERIFY(!m_token.isEmpty() && m_token != old);
        QCOMPARE(errcodeOf(listIds(now - kDay, now, 20, 0)), 0);
    }

    void cleanupTestCase() { m_mock.stop(); }
};

QTEST_GUILESS_MAIN(TestMockDingTalk)
#include "tst_mockdingtalk.moc"
