// Rate limits of weft-mock trigger at the documented rates. Bursts are sent concurrently and
// the bounds allow for a slow machine: the window may slide while a burst is in flight.

#include "mock/mockclient.h"
#include "support/mockprocess.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QtTest>

using weft::test::MockClient;
using weft::test::MockProcess;

namespace {

struct Burst
{
    QList<QJsonObject> replies;
    qint64 elapsedMs = 0;

    int count(const char *key, int value) const
    {
        int n = 0;
        for (const QJsonObject &o : replies)
            n += o.value(QLatin1String(key)).toInt(-1) == value ? 1 : 0;
        return n;
    }
};

// Sends all requests at once (the access manager runs up to six in parallel).
Burst burst(QNetworkAccessManager &nam, const QList<QPair<QNetworkRequest, QByteArray>> &calls)
{
    Burst b;
    QElapsedTimer timer;
    timer.start();
    QList<QNetworkReply *> replies;
    for (const auto &call : calls)
        replies.append(call.second.isNull() ? nam.get(call.first)
                                            : nam.post(call.first, call.second));
    QEventLoop loop;
    int pending = int(replies.size());
    for (QNetworkReply *r : replies) {
        QObject::connect(r, &QNetworkReply::finished, &loop, [&] {
            if (--pending == 0)
                loop.quit();
        });
    }
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    b.elapsedMs = timer.elapsed();
    for (QNetworkReply *r : replies) {
        b.replies.append(QJsonDocument::fromJson(r->readAll()).object());
        r->deleteLater();
    }
    return b;
}

QPair<QNetworkRequest, QByteArray> jstCall(const QUrl &base)
{
    QList<QPair<QString, QString>> fields = {
        {"app_key", "weft-jst-app"},
        {"access_token", "weft-jst-token"},
        {"timestamp", QString::number(QDateTime::currentSecsSinceEpoch())},
        {"charset", "utf-8"},
        {"version", "2"},
        {"biz", "{\"page_index\":1,\"page_size\":5}"}};
    fields.append({"sign", QString::fromLatin1(MockClient::jstSign("weft-jst-secret", fields))});
    QByteArray body;
    for (const auto &f : fields)
        body += QUrl::toPercentEncoding(f.first) + '=' + QUrl::toPercentEncoding(f.second) + '&';
    body.chop(1);
    QUrl url = base;
    url.setPath(QStringLiteral("/jushuitan/open/wms/partner/query"));
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded");
    return {request, body};
}

} // namespace

class TestMockRateLimits : public QObject
{
    Q_OBJECT

private slots:
    void jushuitanFivePerSecond()
    {
        MockProcess mock;
        QString error;
        QVERIFY2(mock.start({"--quiet"}, &error), qPrintable(error));
        MockClient client(mock.baseUrl());
        QList<QPair<QNetworkRequest, QByteArray>> calls;
        for (int i = 0; i < 20; ++i)
            calls.append(jstCall(mock.baseUrl()));
        const Burst b = burst(client.nam(), calls);
        const int ok = b.count("code", 0);
        const int limited = b.count("code", 199);
        QCOMPARE(ok + limited, 20);
        // Exactly 5 fit in one second; a burst that took longer may legitimately get 5 more
        // per extra second.
        const int allowed = 5 + int(5 * (b.elapsedMs / 1000));
        QVERIFY2(ok >= 5 && ok <= allowed,
                 qPrintable(QStringLiteral("%1 ok in %2 ms").arg(ok).arg(b.elapsedMs)));
        QVERIFY(limited >= 1);
        // The statistics saw the rejections.
        const QJsonObject stats = client.get("/_mock/stats")
                                      .object()
                                      .value("endpoints")
                                      .toObject()
                                      .value("POST /jushuitan/open/wms/partner/query")
                                      .toObject();
        QCOMPARE(stats.value("rateLimited").toInt(), limited);
        if (b.elapsedMs < 2000) // all 20 arrivals within a few seconds: some second saw 6+
            QVERIFY(stats.value("maxCallsPerSecond").toInt() >= 6);

        // After the window has passed, calls are accepted again.
        QTest::qWait(1100);
        QCOMPARE(client.jst("/open/wms/partner/query", {{"page_size", 5}})
                     .object()
                     .value("code")
                     .toInt(),
                 0);
    }

    void jushuitanPerMinuteWithALoweredLimit()
    {
        MockProcess mock;
        QString error;
        QVERIFY2(mock.start({"--quiet", "--jst-rate-per-second", "0", "--jst-rate-per-minute", "8"},
                            &error),
                 qPrintable(error));
        MockClient client(mock.baseUrl());
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 12; ++i) {
            const int code = client.jst("/open/wms/partner/query", {{"page_size", 5}})
                                 .object()
                                 .value("code")
                                 .toInt(-1);
            ok += code == 0;
            limited += code == 200;
        }
        QCOMPARE(ok, 8);
        QCOMPARE(limited, 4);
    }

    void noRateLimitsLiftsThem()
    {
        MockProcess mock;
        QString error;
        QVERIFY2(mock.start({"--quiet", "--no-rate-limits"}, &error), qPrintable(error));
        MockClient client(mock.baseUrl());
        QList<QPair<QNetworkRequest, QByteArray>> calls;
        for (int i = 0; i < 30; ++i)
            calls.append(jstCall(mock.baseUrl()));
        QCOMPARE(burst(client.nam(), calls).count("code", 0), 30);
    }

    void dingTalkDefaultFortyPerSecond()
    {
        MockProcess mock;
        QString error;
        QVERIFY2(mock.start({"--quiet"}, &error), qPrintable(error));
        MockClient client(mock.baseUrl());
        const QString token = client.ddToken();
        QList<QPair<QNetworkRequest, QByteArray>> calls;
        for (int i = 0; i < 70; ++i) {
            QNetworkRequest request(
                client.url("/dingtalk/topapi/processinstance/get?access_token=" + token));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            calls.append({request, QByteArray("{\"process_instance_id\":\"x\"}")});
        }
        const Burst b = burst(client.nam(), calls);
        // Unknown ids are refused with 40035 after the rate check: those calls were accepted.
        const int accepted = b.count("errcode", 40035);
        const int limited = b.count("errcode", 90019);
        QCOMPARE(accepted + limited, 70);
        QVERIFY2(accepted >= 40 && accepted <= 40 + int(40 * (b.elapsedMs / 1000)),
                 qPrintable(QStringLiteral("%1 accepted in %2 ms").arg(accepted).arg(b.elapsedMs)));
    }

    void dingTalkPerInterfaceAndGetToken()
    {
        MockProcess mock;
        QString error;
        QVERIFY2(
            mock.start({"--quiet", "--dd-rate-per-second", "5", "--dd-gettoken-per-minute", "3"},
                       &error),
            qPrintable(error));
        MockClient client(mock.baseUrl());
        const QString token = client.ddToken();
        QVERIFY(!token.isEmpty());
        QList<QPair<QNetworkRequest, QByteArray>> calls;
        for (int i = 0; i < 20; ++i) {
            QNetworkRequest request(
                client.url("/dingtalk/topapi/processinstance/listids?access_token=" + token));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            const qint64 now = QDateTime::currentMSecsSinceEpoch();
            calls.append({request, QJsonDocument(QJsonObject{{"process_code", "PROC-WEFT-REBATE"},
                                                             {"start_time", now - 86400000},
                                                             {"end_time", now},
                                                             {"size", 20}})
                                       .toJson()});
        }
        const Burst b = burst(client.nam(), calls);
        const int ok = b.count("errcode", 0);
        const int limited = b.count("errcode", 90019);
        QCOMPARE(ok + limited, 20);
        QVERIFY2(ok >= 5 && ok <= 5 + int(5 * (b.elapsedMs / 1000)),
                 qPrintable(QStringLiteral("%1 ok in %2 ms").arg(ok).arg(b.elapsedMs)));

        // gettoken: the first call above plus two more fit in the minute, then it is blocked.
        int tokens = 1;
        int blocked = 0;
        for (int i = 0; i < 4; ++i) {
            const QJsonObject o = client
                                      .get("/dingtalk/gettoken?appkey=weft-dd-app&appsecret="
                                           "weft-dd-secret")
                                      .object();
            tokens += o.value("errcode").toInt(-1) == 0;
            blocked += o.value("errcode").toInt(-1) == 90018;
        }
        QCOMPARE(tokens, 3);
        QCOMPARE(blocked, 2);
    }
};

QTEST_GUILESS_MAIN(TestMockRateLimits)
#include "tst_mockratelimits.moc"
