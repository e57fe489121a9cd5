// The connectors' signing against the public test vectors (docs/mock.md) — the mock checks
// signatures with its own, separate code, so both sides are pinned to the same facts.
#include "core/connectors/dingtalk.h"
#include "core/connectors/jushuitan.h"
#include "core/connectors/kingdeejdy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace weft;

class TestSigning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jushuitanVector()
    {
        // secret "secret", app_key=app, charset=utf-8, timestamp=100
        const QByteArray sign = JushuitanSource::sign({{"timestamp", "100"},
                                                       {"app_key", "app"},
                                                       {"charset", "utf-8"},
                                                       {"sign", "ignored"},
                                                       {"empty", ""}},
                                                      "secret");
        QCOMPARE(sign, QByteArray("706427ca94e342781ac36d501151cb10"));
    }

    void jdyAppSignatureVector()
    {
        // base64(hex(HMAC-SHA256(app_secret, app_key))), app_key "abc", secret "abc123"
        QCOMPARE(detail::JdyClient::signature("abc123", "abc"),
                 QByteArray("ZDljMTI3NGIyNTE1MTRkYzlkNjc1MDNhYjUzMzgzNWMyY2M4YTdjMzdmNmM3YTVlNDk"
                            "xMTkzNjdiOTFjNzUyZQ=="));
    }

    void jdyStringToSign()
    {
        const QByteArray s = detail::JdyClient::stringToSign(
            "get", "/jdy/v2/bd/customer",
            {{"page_size", "50"}, {"page", "1"}, {"search", "闽康 益生菌"}}, "12345",
            "1704067200000");
        // Path encoded once, query sorted with keys and values encoded twice, then the two
        // signed headers, each line ending in \n.
        QCOMPARE(s, QByteArray("GET\n%2Fjdy%2Fv2%2Fbd%2Fcustomer\n"
                               "page=1&page_size=50&search=%25E9%2597%25BD%25E5%25BA%25B7%2520"
                               "%25E7%259B%258A%25E7%2594%259F%25E8%258F%258C\n"
                               "x-api-nonce:12345\nx-api-timestamp:1704067200000\n"));
    }

    void jdyOfficialExample()
    {
        // Kingdee's documented example (app-token request): the signature string and the
        // resulting X-Api-Signature.
        const QByteArray s = detail::JdyClient::stringToSign(
            "GET", "/jdyconnector/app_management/kingdee_auth_token",
            {{"app_signature", "MzZlYTk0ODk4MWZlNjdiODNmNWU4YzViNzYxNGM5MTFlOGJkN2NjMzk0MTJkZGNh"
                               "ZGM0NzZhN2YxZDJmOTlkZA=="},
             {"app_key", "bVZgAZOv1"}},
            "4427456950", "1670305063559");
        QCOMPARE(s, QByteArray("GET\n%2Fjdyconnector%2Fapp_management%2Fkingdee_auth_token\n"
                               "app_key=bVZgAZOv1&app_signature=MzZlYTk0ODk4MWZlNjdiODNmNWU4YzVi"
                               "NzYxNGM5MTFlOGJkN2NjMzk0MTJkZGNhZGM0NzZhN2YxZDJmOTlkZA%253D%253D\n"
                               "x-api-nonce:4427456950\nx-api-timestamp:1670305063559\n"));
        QCOMPARE(detail::JdyClient::signature("f2adcfef73369bfc4e1384677d38a0ff", s),
                 QByteArray("OTFiZTliNDFiMjNkYTI3YzVhNzg4MDI4ZGU3MWY1ZTA5ZTk1NjVlNGM1YTI1ZjIx"
                            "Y2Y5YTA3ZGY2OGI1MGQ1MQ=="));
    }

    void dingtalkInstanceBecomesAFlatRecord()
    {
        const QJsonArray rows{QJsonObject{{"rowValue", QJsonArray{
                                  QJsonObject{{"label", "客户编码"}, {"key", "k1"}, {"value", "CUST0003"}},
                                  QJsonObject{{"label", "不含税金额"}, {"key", "k2"}, {"value", "12.5"}}}}}};
        const QJsonObject instance{
            {"title", "返利申请"},
            {"business_id", "202611230001"},
            {"form_component_values",
             QJsonArray{QJsonObject{{"name", "组织"}, {"value", "100"}, {"component_type", "TextField"}},
                        QJsonObject{{"name", "表格"},
                                    {"value", QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))},
                                    {"component_type", "TableField"}}}}};
        const QJsonObject r = DingTalkSource::recordFromInstance("PI-1", instance);
        QCOMPARE(r.value("id").toString(), QStringLiteral("PI-1"));
        QCOMPARE(r.value("组织").toString(), QStringLiteral("100"));
        QCOMPARE(r.value("business_id").toString(), QStringLiteral("202611230001"));
        const QJsonArray table = r.value("表格").toArray();
        QCOMPARE(table.size(), 1);
        QCOMPARE(table.at(0).toObject().value("客户编码").toString(), QStringLiteral("CUST0003"));
        QCOMPARE(table.at(0).toObject().value("不含税金额").toString(), QStringLiteral("12.5"));
        QVERIFY(!r.contains("form_component_values"));
    }
};

QTEST_APPLESS_MAIN(TestSigning)
#include "tst_signing.moc"
