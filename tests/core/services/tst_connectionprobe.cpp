#include "core/services/connectionprobe.h"
#include "support/fakehttp.h"
#include "support/mariadb.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QtTest>

using namespace weft;
using Outcome = ProbeResult::Outcome;

/// ConnectionProbe: every outcome, each produced by a real system (a local HTTP server, the
/// throwaway MariaDB, a port nothing listens on).
class TestConnectionProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void localStoreNeedsNothing();
    void unresolvedReferenceIsNamed();
    void badBaseUrl();
    void anyHttpAnswerCounts();
    void silentHostIsNoAnswer();
    void mysqlLogin();
    void mysqlRefusal();
    void cancelledProbeStaysSilent();

private:
    static ProbeResult probe(const Connection &connection);
};

namespace {

Connection httpConnection(const QString &baseUrl)
{
    Connection c;
    c.name = QStringLiteral("api");
    c.type = ConnectorType::HttpJson;
    c.baseUrl = baseUrl;
    return c;
}

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost);
    return server.serverPort(); // closed again when `server` goes
}

Connection mysqlConnection()
{
    return test::mariaDbConnection(test::freshDatabase(QStringLiteral("weft_probe")));
}

} // namespace

ProbeResult TestConnectionProbe::probe(const Connection &connection)
{
    ConnectionProbe probe;
    QSignalSpy finished(&probe, &ConnectionProbe::finished);
    probe.start(connection);
    ProbeResult failed;
    failed.detail = QStringLiteral("not running after start");
    if (!probe.isRunning())
        return failed;
    failed.detail = QStringLiteral("no answer in 30 s");
    if (!finished.wait(30000))
        return failed;
    return finished.at(0).at(0).value<ProbeResult>();
}

void TestConnectionProbe::localStoreNeedsNothing()
{
    Connection c;
    c.name = QStringLiteral("local");
    c.type = ConnectorType::LocalStore;
    const ProbeResult r = probe(c);
    QCOMPARE(r.outcome, Outcome::NothingToReach);
    QVERIFY(r.ok());
}

void TestConnectionProbe::unresolvedReferenceIsNamed()
{
    qunsetenv("WEFT_TEST_UNSET_TOKEN");
    Connection c = httpConnection(QStringLiteral("http://127.0.0.1:9"));
    c.account.insert(QStringLiteral("token"), QJsonObject{{"env", "WEFT_TEST_UNSET_TOKEN"}});
    const ProbeResult r = probe(c);
    QCOMPARE(r.outcome, Outcome::Unresolved);
    QVERIFY(!r.ok());
    QVERIFY2(r.detail.contains(QLatin1String("WEFT_TEST_UNSET_TOKEN")), qPrintable(r.detail));
}

void TestConnectionProbe::badBaseUrl()
{
    const ProbeResult r = probe(httpConnection(QStringLiteral("api.example.com/v1")));
    QCOMPARE(r.outcome, Outcome::BadUrl);
    QCOMPARE(r.where, QStringLiteral("api.example.com/v1"));
    QVERIFY(!r.ok());
}

void TestConnectionProbe::anyHttpAnswerCounts()
{
    test::FakeHttpServer server([](const test::FakeRequest &) {
        return test::FakeResponse{404, "text/plain", "no such page"};
    });
    QVERIFY(server.listen());
    const ProbeResult r = probe(httpConnection(server.baseUrl() + QStringLiteral("/api")));
    QCOMPARE(r.outcome, Outcome::Answered);
    QCOMPARE(r.httpStatus, 404);
    QCOMPARE(r.where, QStringLiteral("127.0.0.1"));
    QVERIFY(r.ok());
    QCOMPARE(server.requests().size(), 1);
    QCOMPARE(server.requests().first().url.path(), QStringLiteral("/api"));
}

void TestConnectionProbe::silentHostIsNoAnswer()
{
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(closedPort());
    const ProbeResult r = probe(httpConnection(url));
    QCOMPARE(r.outcome, Outcome::NoAnswer);
    QVERIFY(!r.detail.isEmpty());
    QVERIFY(!r.ok());
}

void TestConnectionProbe::mysqlLogin()
{
    WEFT_REQUIRE_MARIADB();
    const Connection c = mysqlConnection();
    const ProbeResult r = probe(c);
    QVERIFY2(r.outcome == Outcome::LoggedIn, qPrintable(r.detail));
    QVERIFY2(r.detail.contains(QLatin1String("MariaDB")), qPrintable(r.detail)); // VERSION()
    QCOMPARE(r.where, c.account.value(QStringLiteral("database")).toString());
    QVERIFY(r.ok());
}

void TestConnectionProbe::mysqlRefusal()
{
    WEFT_REQUIRE_MARIADB();
    Connection c = mysqlConnection();
    c.account.insert(QStringLiteral("password"), QJsonObject{{"plain", "certainly-wrong"}});
    const ProbeResult r = probe(c);
    QCOMPARE(r.outcome, Outcome::LoginFailed);
    QVERIFY2(r.detail.contains(QLatin1String("cannot connect to MySQL")), qPrintable(r.detail));
    QVERIFY(!r.ok());
}

void TestConnectionProbe::cancelledProbeStaysSilent()
{
    // A server that never answers: the probe is under way when it is cancelled.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    ConnectionProbe probe;
    QSignalSpy finished(&probe, &ConnectionProbe::finished);
    probe.start(httpConnection(QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort())));
    QTRY_VERIFY_WITH_TIMEOUT(silent.hasPendingConnections(), 10000);
    QVERIFY(probe.isRunning());
    probe.cancel();
    QVERIFY(!probe.isRunning());
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);
    // And a new probe after it answers as usual.
    probe.start(httpConnection(QStringLiteral("nonsense")));
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(0).value<ProbeResult>().outcome, Outcome::BadUrl);
}

QTEST_GUILESS_MAIN(TestConnectionProbe)
#include "tst_connectionprobe.moc"
