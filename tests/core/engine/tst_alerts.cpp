// Alerts against a local webhook receiver: the DingTalk robot signature, WeCom and generic
// webhooks, quiet periods, test alerts, and the robots' own error codes.
#include "core/engine/alerts.h"
#include "core/state/statestore.h"
#include "support/fakehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace weft;
using weft::test::FakeHttpServer;
using weft::test::FakeRequest;
using weft::test::FakeResponse;

class TestAlerts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void dingTalkSignature();
    void rulesFireOncePerQuietPeriod();
    void testAlertReportsEachChannel();
    void badRulesAreExplained();
};

namespace {

Project projectWith(const QString &base, const QJsonArray &alerts)
{
    Project p;
    p.name = QStringLiteral("店铺");
    Scheme s;
    s.name = QStringLiteral("purchasein");
    p.schemes = {s};
    Q_UNUSED(base);
    p.alerts = alerts;
    return p;
}

QJsonArray channels(const QString &base)
{
    return QJsonArray{
        QJsonObject{{"type", "dingtalk"},
                    {"webhook", QString(base + "/robot/send?access_token=${ROBOT_TOKEN}")},
                    {"secret", QJsonObject{{"env", "ROBOT_SECRET"}}}},
        QJsonObject{{"type", "wecom"}, {"webhook", QString(base + "/cgi-bin/webhook/send?key=k")}},
        QJsonObject{{"type", "webhook"}, {"url", QString(base + "/hook")}}};
}

EnvLookup env()
{
    return [](const QString &name) -> QString {
        if (name == QLatin1String("ROBOT_TOKEN"))
            return QStringLiteral("tok123");
        if (name == QLatin1String("ROBOT_SECRET"))
            return QStringLiteral("SECabc123");
        return {};
    };
}

FakeResponse robotOk(const FakeRequest &)
{
    return {200, "application/json", R"({"errcode":0,"errmsg":"ok"})"};
}

} // namespace

void TestAlerts::dingTalkSignature()
{
    // urlencode(base64(HMAC-SHA256(secret, timestamp + "\n" + secret)))
    QCOMPARE(dingTalkRobotSign("SECabc123", 1700000000000),
             QByteArray("N5P09a4%2Bp1AMJIJWnIvQd2Yxw9%2Bfu%2FoEBnPrjCcsLXk%3D"));
}

void TestAlerts::rulesFireOncePerQuietPeriod()
{
    FakeHttpServer receiver(robotOk);
    QVERIFY(receiver.listen());
    QTemporaryDir dir;
    QString error;
    auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
    const QJsonArray rules{QJsonObject{{"name", "too many failures"},
                                        {"when", "failed_records"},
                                        {"threshold", 3},
                                        {"quietMinutes", 60},
                                        {"channels", channels(receiver.baseUrl())}}};
    AlertManager alerts(projectWith(receiver.baseUrl(), rules), state.get(), env());
    QCOMPARE(alerts.rules().size(), 1);

    RunInfo run;
    run.scheme = "purchasein";
    run.runId = "r1";
    run.outcome = RunOutcome::FinishedWithFailures;
    run.counters = {100, 95, 0, 2, 3};
    alerts.runFinished(run, QString()); // 2 failures: under the threshold
    QTest::qWait(300);
    QCOMPARE(receiver.requests().size(), 0);

    run.counters.failed = 5;
    alerts.runFinished(run, QString());
    QTRY_COMPARE(receiver.requests().size(), 3);
    const FakeRequest ding = receiver.requests().at(0).url.path() == QLatin1String("/robot/send")
                                 ? receiver.requests().at(0)
                                 : (receiver.requests().at(1).url.path() == QLatin1String("/robot/send")
                                        ? receiver.requests().at(1)
                                        : receiver.requests().at(2));
    const QUrlQuery q(ding.url);
    QCOMPARE(q.queryItemValue("access_token"), QStringLiteral("tok123"));
    const qint64 ts = q.queryItemValue("timestamp").toLongLong();
    QVERIFY(qAbs(ts - QDateTime::currentMSecsSinceEpoch()) < 60000);
    // The receiver checks the signature with its own computation.
    const QByteArray expected = QMessageAuthenticationCode::hash(
                                    QByteArray::number(ts) + "\nSECabc123", "SECabc123",
                                    QCryptographicHash::Sha256)
                                    .toBase64();
    QCOMPARE(QUrl::fromPercentEncoding(q.query(QUrl::FullyEncoded).section("sign=", 1).toUtf8()).toUtf8(),
             expected);
    const QJsonObject text = QJsonDocument::fromJson(ding.body).object();
    QCOMPARE(text.value("msgtype").toString(), QStringLiteral("text"));
    QVERIFY(text.value("text").toObject().value("content").toString().contains("purchasein"));
    for (const FakeRequest &r : receiver.requests()) {
        if (r.url.path() == QLatin1String("/hook")) {
            const QJsonObject hook = QJsonDocument::fromJson(r.body).object();
            QCOMPARE(hook.value("rule").toString(), QStringLiteral("too many failures"));
            QCOMPARE(hook.value("failed").toInt(), 5);
            QCOMPARE(hook.value("run_id").toString(), QStringLiteral("r1"));
        }
    }

    // The same alert for the same scheme is not repeated within the quiet period…
    alerts.runFinished(run, QString());
    QTest::qWait(300);
    QCOMPARE(receiver.requests().size(), 3);
    // …also by a new process reading the same state store.
    AlertManager again(projectWith(receiver.baseUrl(), rules), state.get(), env());
    again.runFinished(run, QString());
    QTest::qWait(300);
    QCOMPARE(receiver.requests().size(), 3);
}

void TestAlerts::testAlertReportsEachChannel()
{
    // DingTalk answers HTTP 200 with its own error code: that must be reported, not "ok".
    FakeHttpServer receiver([](const FakeRequest &r) {
        if (r.url.path() == QLatin1String("/robot/send"))
            return FakeResponse{200, "application/json", R"({"errcode":310000,"errmsg":"sign not match"})"};
        return robotOk(r);
    });
    QVERIFY(receiver.listen());
    const QJsonArray rules{QJsonObject{{"name", "r"}, {"when", "run_failed"}, {"channels", channels(receiver.baseUrl())}}};
    AlertManager alerts(projectWith(receiver.baseUrl(), rules), nullptr, env());
    QStringList lines;
    alerts.sendTest(QString(), [&](const QStringList &l) { lines = l; });
    QTRY_COMPARE(lines.size(), 3);
    lines.sort();
    QVERIFY2(lines.at(0).startsWith("r / dingtalk: errcode 310000: sign not match"), qPrintable(lines.join('|')));
    QCOMPARE(lines.at(1), QStringLiteral("r / webhook: ok"));
    QCOMPARE(lines.at(2), QStringLiteral("r / wecom: ok"));
}

void TestAlerts::badRulesAreExplained()
{
    AlertRule rule;
    QStringList errors;
    QVERIFY(!AlertRule::fromJson(QJsonObject{{"name", "x"}, {"when", "sometimes"},
                                             {"channels", QJsonArray{QJsonObject{{"type", "fax"}}}}},
                                 &rule, &errors));
    QVERIFY(errors.join(' ').contains("sometimes"));
    QVERIFY(errors.join(' ').contains("fax"));
    errors.clear();
    QVERIFY(!AlertRule::fromJson(QJsonObject{{"name", "x"}, {"when", "no_success"},
                                             {"channels", QJsonArray{QJsonObject{{"type", "webhook"}, {"url", "http://h"}}}}},
                                 &rule, &errors));
    QVERIFY(errors.join(' ').contains("minutes"));
}

QTEST_GUILESS_MAIN(TestAlerts)
#include "tst_alerts.moc"
