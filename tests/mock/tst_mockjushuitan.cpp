// Jushuitan rules of weft-mock: signing, tokens, timestamp skew, paging, the 7-day window.

#include "mock/mockclient.h"
#include "support/mockprocess.h"

#include <QDateTime>
#include <QSet>
#include <QTimeZone>
#include <QtTest>

using weft::test::MockClient;
using weft::test::MockProcess;

namespace {

// Jushuitan speaks China time.
QString chinaTime(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone(8 * 3600))
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QJsonObject dataOf(const MockClient::Reply &r)
{
    return r.object().value(QLatin1String("data")).toObject();
}

int codeOf(const MockClient::Reply &r)
{
    return r.object().value(QLatin1String("code")).toInt(-1);
}

} // namespace

class TestMockJushuitan : public QObject
{
    Q_OBJECT

private:
    MockProcess m_mock;
    std::unique_ptr<MockClient> m_client;
    const qint64 m_now = QDateTime::currentSecsSinceEpoch() - 3600;

    MockClient &c() { return *m_client; }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(
            m_mock.start({"--quiet", "--no-rate-limits", "--now", QString::number(m_now)}, &error),
            qPrintable(error));
        m_client = std::make_unique<MockClient>(m_mock.baseUrl());
    }

    void init() { c().post(QStringLiteral("/_mock/reset"), {}, "application/json"); }

    void wrongSignatureIsRejected()
    {
        const QJsonObject biz{{"page_index", 1}, {"page_size", 10}};
        QCOMPARE(codeOf(c().jst("/open/wms/partner/query", biz)), 0);
        QCOMPARE(codeOf(c().jst("/open/wms/partner/query", biz, {}, "not-the-secret")), 10);
    }

    void tamperedFormIsRejected()
    {
        // Sign one biz, send another: the signature covers every field.
        QList<QPair<QString, QString>> fields = {
            {"app_key", "weft-jst-app"},
            {"access_token", "weft-jst-token"},
            {"timestamp", QString::number(QDateTime::currentSecsSinceEpoch())},
            {"charset", "utf-8"},
            {"version", "2"},
            {"biz", "{\"page_size\":10}"}};
        const QByteArray sign = MockClient::jstSign("weft-jst-secret", fields);
        fields[5].second = QStringLiteral("{\"page_size\":20}");
        QByteArray body;
        for (const auto &f : fields)
            body +=
                QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second) + '&';
        body += "sign=" + sign;
        const auto r = c().post("/jushuitan/open/wms/partner/query", body,
                                "application/x-www-form-urlencoded");
        QCOMPARE(codeOf(r), 10);
    }

    void timestampSkew()
    {
        const QJsonObject biz{{"page_size", 10}};
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QCOMPARE(
            codeOf(c().jst("/open/wms/partner/query", biz, {}, "weft-jst-secret", now - 16 * 60)),
            140);
        QCOMPARE(
            codeOf(c().jst("/open/wms/partner/query", biz, {}, "weft-jst-secret", now + 16 * 60)),
            140);
        QCOMPARE(
            codeOf(c().jst("/open/wms/partner/query", biz, {}, "weft-jst-secret", now - 14 * 60)),
            0);
    }

    void unknownTokenIsRejected()
    {
        QCOMPARE(codeOf(c().jst("/open/wms/partner/query", {}, "no-such-token")), 100);
    }

    void pageSizeIsAtMost50()
    {
        const auto over = c().jst("/open/wms/partner/query", {{"page_size", 51}});
        QVERIFY(codeOf(over) != 0);
        QVERIFY(over.object().value("msg").toString().contains("50"));
        const auto max =
            c().jst("/open/purchasein/query", {{"page_size", 50},
                                               {"modified_begin", chinaTime(m_now - 7 * 86400)},
                                               {"modified_end", chinaTime(m_now)}});
        QCOMPARE(codeOf(max), 0);
        QCOMPARE(dataOf(max).value("page_size").toInt(), 50);
        QVERIFY(dataOf(max).value("datas").toArray().size() <= 50);
    }

    void modifiedBeginAndEndGoTogether()
    {
        const auto onlyBegin =
            c().jst("/open/purchasein/query", {{"modified_begin", chinaTime(m_now - 86400)}});
        QVERIFY(codeOf(onlyBegin) != 0);
        QVERIFY(onlyBegin.object().value("msg").toString().contains("modified_end"));
        QVERIFY(codeOf(c().jst("/open/purchasein/query", {{"page_size", 10}})) != 0);
    }

    void windowIsAtMostSevenDays()
    {
        const qint64 end = m_now;
        const auto tooLong =
            c().jst("/open/purchasein/query", {{"modified_begin", chinaTime(end - 7 * 86400 - 1)},
                                               {"modified_end", chinaTime(end)}});
        QVERIFY(codeOf(tooLong) != 0);
        QVERIFY(tooLong.object().value("msg").toString().contains(QStringLiteral("七天")));
        const auto seven =
            c().jst("/open/purchasein/query", {{"modified_begin", chinaTime(end - 7 * 86400)},
                                               {"modified_end", chinaTime(end)}});
        QCOMPARE(codeOf(seven), 0);
    }

    void envelopeAndPartnerPaging()
    {
        QSet<qint64> ids;
        int page = 1;
        int pages = 0;
        for (;; ++page) {
            const auto r =
                c().jst("/open/wms/partner/query", {{"page_index", page}, {"page_size", 7}});
            QCOMPARE(codeOf(r), 0);
            const QJsonObject d = dataOf(r);
            QCOMPARE(d.value("page_index").toInt(), page);
            QCOMPARE(d.value("page_size").toInt(), 7);
            QCOMPARE(d.value("data_count").toInt(), 40);
            pages = d.value("page_count").toInt();
            for (const QJsonValue &v : d.value("datas").toArray()) {
                const QJsonObject p = v.toObject();
                for (const char *key :
                     {"name", "co_id", "wms_co_id", "is_main", "status", "remark1", "remark2"})
                    QVERIFY2(p.contains(QLatin1String(key)), key);
                ids.insert(qint64(p.value("wms_co_id").toDouble()) * 1000 + ids.size());
            }
            if (!d.value("has_next").toBool())
                break;
        }
        QCOMPARE(page, 6);
        QCOMPARE(pages, 6);
        QCOMPARE(ids.size(), 40);
    }

    void windowsAddUpToTheDataset()
    {
        // Seven-day windows covering the whole generated span: every purchase-in exactly once,
        // and exactly as the control API gives it (pages are written as text directly, the
        // control API builds objects: one description of a purchase-in serves both).
        const auto truth = c().get("/_mock/records/jst-purchaseins?limit=10000").object();
        QSet<qint64> expected;
        QHash<qint64, QJsonObject> truthById;
        for (const QJsonValue &v : truth.value("records").toArray()) {
            const qint64 id = qint64(v.toObject().value("io_id").toDouble());
            expected.insert(id);
            truthById.insert(id, v.toObject());
        }
        QCOMPARE(expected.size(), 500);
        QSet<qint64> seen;
        int records = 0;
        for (qint64 begin = m_now - 182 * 86400; begin <= m_now; begin += 7 * 86400) {
            const qint64 end = begin + 7 * 86400 - 1;
            for (int page = 1;; ++page) {
                const auto r =
                    c().jst("/open/purchasein/query", {{"page_index", page},
                                                       {"page_size", 50},
                                                       {"modified_begin", chinaTime(begin)},
                                                       {"modified_end", chinaTime(end)}});
                QCOMPARE(codeOf(r), 0);
                const QJsonObject d = dataOf(r);
                for (const QJsonValue &v : d.value("datas").toArray()) {
                    const QJsonObject p = v.toObject();
                    const QString modified = p.value("modified").toString();
                    QVERIFY(modified >= chinaTime(begin) && modified <= chinaTime(end));
                    const int items = p.value("items").toArray().size();
                    QVERIFY(items >= 1 && items <= 5);
                    seen.insert(qint64(p.value("io_id").toDouble()));
                    QCOMPARE(p, truthById.value(qint64(p.value("io_id").toDouble())));
                    ++records;
                }
                if (!d.value("has_next").toBool())
                    break;
            }
        }
        QCOMPARE(records, 500);
        QCOMPARE(seen, expected);
    }

    void queryByIds()
    {
        const auto r =
            c().jst("/open/purchasein/query", {{"io_ids", QJsonArray{500001, 500003, 999}}});
        QCOMPARE(codeOf(r), 0);
        QCOMPARE(dataOf(r).value("data_count").toInt(), 2);
        QJsonArray many;
        for (int i = 0; i < 31; ++i)
            many.append(500001 + i);
        QVERIFY(codeOf(c().jst("/open/purchasein/query", {{"io_ids", many}})) != 0);
    }

    void tokensRefreshAndForcedExpiry()
    {
        const auto sign = [](QList<QPair<QString, QString>> f) {
            f.append({"sign", QString::fromLatin1(MockClient::jstSign("weft-jst-secret", f))});
            QByteArray body;
            for (const auto &kv : f)
                body += QUrl::toPercentEncoding(kv.first) + '=' +
                        QUrl::toPercentEncoding(kv.second) + '&';
            return body;
        };
        const QString ts = QString::number(QDateTime::currentSecsSinceEpoch());
        const auto init = c().post("/jushuitan/openWeb/auth/getInitToken",
                                   sign({{"app_key", "weft-jst-app"},
                                         {"timestamp", ts},
                                         {"grant_type", "authorization_code"},
                                         {"charset", "utf-8"},
                                         {"code", "weft-jst-code"}}),
                                   "application/x-www-form-urlencoded");
        QCOMPARE(codeOf(init), 0);
        const QString issued = dataOf(init).value("access_token").toString();
        QVERIFY(!issued.isEmpty());
        QCOMPARE(dataOf(init).value("refresh_token").toString(),
                 QStringLiteral("weft-jst-refresh"));
        QCOMPARE(codeOf(c().jst("/open/wms/partner/query", {}, issued)), 0);

        // Forced expiry: every access token fails with 100 until a refresh.
        c().postJson("/_mock/faults", {{"expireTokens", QJsonArray{"jushuitan"}}});
        QCOMPARE(codeOf(c().jst("/open/wms/partner/query", {})), 100);
        QCOMPARE(codeOf(c().jst("/open/wms/partner/query", {}, issued)), 100);

        const auto badRefresh = c().post("/jushuitan/openWeb/auth/refreshToken",
                                         sign({{"app_key", "weft-jst-app"},
                                               {"timestamp", ts},
                                               {"grant_type", "refresh_token"},
                                               {"charset", "utf-8"},
                                               {"refresh_token", "wrong"},
                                               {"scope", "all"}}),
                                         "application/x-www-form-urlencoded");
        QCOMPARE(codeOf(badRefresh), 100);
        const auto refresh = c().post("/jushuitan/openWeb/auth/refreshToken",
                                      sign({{"app_key", "weft-jst-app"},
                                            {"timestamp", ts},
                                            {"grant_type", "refresh_token"},
                                            {"charset", "utf-8"},
                                            {"refresh_token", "weft-jst-refresh"},
                                            {"scope", "all"}}),
                                      "application/x-www-form-urlencoded");
        QCOMPARE(codeOf(refresh), 0);
        const QString fresh = dataOf(refresh).value("access_token").toString();
        QVERIFY(fresh != issued);
        QVERIFY(dataOf(refresh).value("expires_in").toInt() > 0);
        QCOMPARE(codeOf(c().jst("/open/wms/partner/query", {}, fresh)), 0);
    }

    void touchedRecordsAppearInALaterWindow()
    {
        const qint64 before = QDateTime::currentSecsSinceEpoch();
        const auto touched =
            c().postJson("/_mock/touch", {{"dataset", "jst-purchaseins"}, {"count", 4}}).object();
        QCOMPARE(touched.value("count").toInt(), 4);
        QSet<qint64> ids;
        for (const QJsonValue &v : touched.value("ids").toArray())
            ids.insert(qint64(v.toDouble()));
        QCOMPARE(ids.size(), 4);
        const auto r =
            c().jst("/open/purchasein/query",
                    {{"page_size", 50},
                     {"modified_begin", chinaTime(before)},
                     {"modified_end", chinaTime(QDateTime::currentSecsSinceEpoch() + 1)}});
        QCOMPARE(codeOf(r), 0);
        QCOMPARE(dataOf(r).value("data_count").toInt(), 4);
        QSet<qint64> got;
        for (const QJsonValue &v : dataOf(r).value("datas").toArray()) {
            got.insert(qint64(v.toObject().value("io_id").toDouble()));
            QCOMPARE(v.toObject().value("modified").toString(),
                     touched.value("modified").toString());
        }
        QCOMPARE(got, ids);
    }

    void overlongItemNameIsThere()
    {
        const auto rec = c().get("/_mock/records/jst-purchaseins?offset=13&limit=1").object();
        const QJsonObject p = rec.value("records").toArray().at(0).toObject();
        QCOMPARE(p.value("items").toArray().at(0).toObject().value("name").toString().size(), 300);
        const auto invalid = c().get("/_mock/invalid").object();
        QCOMPARE(invalid.value("jst-purchaseins").toArray().at(0).toObject().value("id").toInt(),
                 500014);
    }

    void cleanupTestCase() { m_mock.stop(); }
};

QTEST_GUILESS_MAIN(TestMockJushuitan)
#include "tst_mockjushuitan.moc"
