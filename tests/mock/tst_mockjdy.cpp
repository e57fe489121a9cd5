// Kingdee JDY rules of weft-mock: HMAC headers on every call, app-token, customers, stores.

#include "mock/mockclient.h"
#include "support/mockprocess.h"

#include <QDateTime>
#include <QSet>
#include <QtTest>

using weft::test::MockClient;
using weft::test::MockProcess;

namespace {

qint64 errcodeOf(const MockClient::Reply &r)
{
    return qint64(r.object().value(QLatin1String("errcode")).toDouble(-1));
}

QJsonObject dataOf(const MockClient::Reply &r)
{
    return r.object().value(QLatin1String("data")).toObject();
}

const QString kCustomers = QStringLiteral("/jdy/v2/bd/customer");
const QString kStores = QStringLiteral("/jdy/v2/bd/store");

} // namespace

class TestMockJdy : public QObject
{
    Q_OBJECT

private:
    MockProcess m_mock;
    std::unique_ptr<MockClient> m_client;
    QString m_token;
    MockClient &c() { return *m_client; }

    MockClient::Reply save(const QJsonObject &store)
    {
        return c().jdy("POST", kStores, {}, QJsonDocument(store).toJson(QJsonDocument::Compact),
                       m_token);
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
        m_token = c().jdyAppToken();
        QVERIFY(!m_token.isEmpty());
    }

    void signatureCheckedOnEveryCall()
    {
        const QList<QPair<QString, QString>> q = {{"page", "1"}, {"page_size", "10"}};
        QCOMPARE(errcodeOf(c().jdy("GET", kCustomers, q, {}, m_token)), 0);
        const auto bad = c().jdy("GET", kCustomers, q, {}, m_token, "wrong-secret");
        QVERIFY(errcodeOf(bad) != 0);
        QVERIFY(bad.object().value("description").toString().contains("Signature"));
        // The token endpoint is behind the same gateway.
        const auto badToken = c().jdy("GET", "/jdyconnector/app_management/kingdee_auth_token",
                                      {{"app_key", "weft-jdy-app"}}, {}, {}, "wrong-secret");
        QVERIFY(errcodeOf(badToken) != 0);
        // A signature made over other query values does not verify.
        const auto r =
            c().get("/jdy/jdy/v2/bd/customer?page=2",
                    {{"X-Api-ClientID", "weft-jdy-client"},
                     {"X-Api-TimeStamp", QByteArray::number(QDateTime::currentMSecsSinceEpoch())},
                     {"X-Api-Nonce", "1"},
                     {"X-Api-Signature", "bm90LWEtc2lnbmF0dXJl"},
                     {"app-token", m_token.toUtf8()}});
        QVERIFY(errcodeOf(r) != 0);
    }

    void queryValuesAreEncodedTwice()
    {
        // Non-ASCII and reserved characters: only the double encoding verifies.
        const auto r =
            c().jdy("GET", kCustomers, {{"search", QStringLiteral("有限 公司&=")}, {"page", "1"}},
                    {}, m_token);
        QCOMPARE(errcodeOf(r), 0);
    }

    void staleTimestampIsRejected()
    {
        const qint64 old = QDateTime::currentMSecsSinceEpoch() - 6 * 60000;
        const auto r =
            c().jdy("GET", kCustomers, {{"page", "1"}}, {}, m_token, "weft-jdy-client-secret", old);
        QVERIFY(errcodeOf(r) != 0);
        const qint64 recent = QDateTime::currentMSecsSinceEpoch() - 4 * 60000;
        QCOMPARE(errcodeOf(c().jdy("GET", kCustomers, {{"page", "1"}}, {}, m_token,
                                   "weft-jdy-client-secret", recent)),
                 0);
    }

    void appTokenNeedsTheAppSignature()
    {
        const auto r = c().jdy("GET", "/jdyconnector/app_management/kingdee_auth_token",
                               {{"app_key", "weft-jdy-app"}, {"app_signature", "bm9wZQ=="}});
        QVERIFY(errcodeOf(r) != 0);
        QVERIFY(errcodeOf(c().jdy("GET", kCustomers, {{"page", "1"}}, {}, "no-token")) != 0);
    }

    void customerPagingAddsUp()
    {
        QSet<QString> ids;
        qint64 count = -1;
        for (int page = 1;; ++page) {
            const auto r =
                c().jdy("GET", kCustomers, {{"page", QString::number(page)}, {"page_size", "100"}},
                        {}, m_token);
            QCOMPARE(errcodeOf(r), 0);
            const QJsonObject d = dataOf(r);
            count = qint64(d.value("count").toDouble());
            for (const QJsonValue &v : d.value("rows").toArray()) {
                const QJsonObject row = v.toObject();
                for (const char *key : {"id", "number", "name", "group_name", "remark", "enable"})
                    QVERIFY2(row.contains(QLatin1String(key)), key);
                ids.insert(row.value("id").toString());
            }
            if (page >= d.value("total_page").toInt())
                break;
        }
        QCOMPARE(count, 500);
        QCOMPARE(ids.size(), 500);
    }

    void modifyWindowInMilliseconds()
    {
        const auto truth = c().get("/_mock/records/jdy-customers?limit=500").object();
        const QJsonArray all = truth.value("records").toArray();
        const qint64 from = all.at(100).toObject().value("modify_time").toString().toLongLong();
        const qint64 to = all.at(149).toObject().value("modify_time").toString().toLongLong();
        const auto r = c().jdy("GET", kCustomers,
                               {{"modify_start_time", QString::number(from)},
                                {"modify_end_time", QString::number(to)},
                                {"page_size", "100"}},
                               {}, m_token);
        QCOMPARE(errcodeOf(r), 0);
        QCOMPARE(dataOf(r).value("count").toInt(), 50);
        QCOMPARE(dataOf(r).value("rows").toArray().at(0).toObject().value("id"),
                 all.at(100).toObject().value("id"));
    }

    void storeSaveValidatesAndRemembers()
    {
        const auto ok = save({{"number", "WH001"}, {"name", QStringLiteral("杭州电商仓")}});
        QCOMPARE(errcodeOf(ok), 0);
        const QString id = dataOf(ok).value("ids").toArray().at(0).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(dataOf(ok).value("id_number_map").toObject().value(id).toString(),
                 QStringLiteral("WH001"));

        const auto noName = save({{"number", "WH002"}, {"name", ""}});
        QVERIFY(errcodeOf(noName) != 0);
        QVERIFY(noName.object().value("description").toString().contains("name"));
        QVERIFY(errcodeOf(save({{"name", QStringLiteral("无编码")}})) != 0);

        const auto duplicate = save({{"number", "WH001"}, {"name", QStringLiteral("另一个")}});
        QVERIFY(errcodeOf(duplicate) != 0);
        QVERIFY(duplicate.object().value("description").toString().contains("WH001"));

        // With an id it is an update, not a duplicate.
        const auto update =
            save({{"id", id}, {"number", "WH001"}, {"name", QStringLiteral("改名")}});
        QCOMPARE(errcodeOf(update), 0);
        QCOMPARE(dataOf(update).value("ids").toArray().at(0).toString(), id);
        QVERIFY(errcodeOf(save({{"id", "123"}, {"number", "X"}, {"name", "Y"}})) != 0);

        const QJsonArray stores =
            c().get("/_mock/written").object().value("jdy").toObject().value("stores").toArray();
        QCOMPARE(stores.size(), 1);
        QCOMPARE(stores.at(0).toObject().value("name").toString(), QStringLiteral("改名"));
    }

    void forcedExpiryNeedsANewToken()
    {
        QCOMPARE(errcodeOf(c().jdy("GET", kCustomers, {{"page", "1"}}, {}, m_token)), 0);
        c().postJson("/_mock/faults", {{"expireTokens", true}});
        const auto expired = c().jdy("GET", kCustomers, {{"page", "1"}}, {}, m_token);
        QCOMPARE(errcodeOf(expired), 1030002006);
        m_token = c().jdyAppToken();
        QCOMPARE(errcodeOf(c().jdy("GET", kCustomers, {{"page", "1"}}, {}, m_token)), 0);
    }

    void cleanupTestCase() { m_mock.stop(); }
};

QTEST_GUILESS_MAIN(TestMockJdy)
#include "tst_mockjdy.moc"
