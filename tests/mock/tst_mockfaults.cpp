// Fault injection of weft-mock: each fault happens at about its configured rate, the same fault
// seed gives the same faults, and the control API is never affected. A raw socket client is
// used so nothing retries behind the test's back (QNetworkAccessManager re-sends on resets).

#include "mock/mockclient.h"
#include "support/mockprocess.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QtTest>

using weft::test::MockClient;
using weft::test::MockProcess;

namespace {

enum class Outcome { Ok, Http5xx, Timeout, Reset, Throttle, Truncate, Malformed };

const char *name(Outcome o)
{
    switch (o) {
    case Outcome::Ok:
        return "ok";
    case Outcome::Http5xx:
        return "http5xx";
    case Outcome::Timeout:
        return "timeout";
    case Outcome::Reset:
        return "reset";
    case Outcome::Throttle:
        return "throttle";
    case Outcome::Truncate:
        return "truncate";
    case Outcome::Malformed:
        return "malformed";
    }
    return "?";
}

Outcome call(const QUrl &base, const QByteArray &target, int timeoutMs)
{
    QTcpSocket socket;
    socket.connectToHost(base.host(), quint16(base.port()));
    if (!socket.waitForConnected(5000))
        return Outcome::Reset;
    socket.write("GET " + target + " HTTP/1.1\r\nHost: " + base.host().toLatin1() +
                 "\r\nConnection: close\r\n\r\n");
    socket.flush();
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    bool timedOut = false;
    while (socket.state() == QAbstractSocket::ConnectedState) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        if (socket.waitForReadyRead(int(left)))
            data += socket.readAll();
    }
    data += socket.readAll();
    if (data.isEmpty())
        return timedOut ? Outcome::Timeout : Outcome::Reset;
    const qsizetype headEnd = data.indexOf("\r\n\r\n");
    if (headEnd < 0)
        return Outcome::Truncate;
    const QByteArray head = data.left(headEnd);
    const QByteArray body = data.mid(headEnd + 4);
    const int status = head.split(' ').value(1).toInt();
    qint64 length = -1;
    for (const QByteArray &line : head.split('\n')) {
        if (line.toLower().startsWith("content-length:"))
            length = line.mid(15).trimmed().toLongLong();
    }
    if (length >= 0 && body.size() < length)
        return Outcome::Truncate;
    if (status >= 500)
        return Outcome::Http5xx;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return Outcome::Malformed;
    if (doc.object().value("errcode").toInt() == 90002)
        return Outcome::Throttle;
    return Outcome::Ok;
}

const QByteArray kGetToken = "/dingtalk/gettoken?appkey=weft-dd-app&appsecret=weft-dd-secret";

} // namespace

class TestMockFaults : public QObject
{
    Q_OBJECT

private:
    MockProcess m_mock;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(
            m_mock.start({"--quiet", "--no-rate-limits", "--fault-seed", "7", "--http5xx-rate",
                          "0.1", "--reset-rate", "0.1", "--throttle-rate", "0.1", "--truncate-rate",
                          "0.1", "--malformed-rate", "0.1", "--timeout-rate", "0.02"},
                         &error),
            qPrintable(error));
    }

    void faultsHappenAtTheConfiguredRates()
    {
        constexpr int n = 300;
        QMap<Outcome, int> counts;
        QList<Outcome> sequence;
        for (int i = 0; i < n; ++i) {
            const Outcome o = call(m_mock.baseUrl(), kGetToken, 2000);
            ++counts[o];
            sequence.append(o);
        }
        QString summary;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            summary += QStringLiteral("%1=%2 ").arg(QLatin1String(name(it.key()))).arg(it.value());
        qInfo("outcomes of %d calls: %s", n, qPrintable(summary));
        // Expected 30 each (sigma about 5.2): allow 3.5 sigma either way.
        for (Outcome o : {Outcome::Http5xx, Outcome::Reset, Outcome::Throttle, Outcome::Truncate,
                          Outcome::Malformed}) {
            QVERIFY2(counts.value(o) >= 12 && counts.value(o) <= 48, name(o));
        }
        QVERIFY(counts.value(Outcome::Timeout) >= 1 && counts.value(Outcome::Timeout) <= 16);
        QVERIFY(counts.value(Outcome::Ok) >= 105 && counts.value(Outcome::Ok) <= 195);

        MockClient client(m_mock.baseUrl());
        const QJsonObject stats = client.get("/_mock/stats").object();
        const QJsonObject entry =
            stats.value("endpoints").toObject().value("GET /dingtalk/gettoken").toObject();
        QCOMPARE(entry.value("calls").toInt(), n);
        QCOMPARE(entry.value("faultsInjected").toInt(), n - counts.value(Outcome::Ok));

        // Same seed, same faults: after a reset the sequence starts over.
        QCOMPARE(client.post("/_mock/reset", {}, "application/json").status, 200);
        for (int i = 0; i < 40; ++i) {
            const Outcome again = call(m_mock.baseUrl(), kGetToken, 2000);
            QVERIFY2(again == sequence.at(i),
                     qPrintable(QStringLiteral("call %1: %2 then %3")
                                    .arg(i)
                                    .arg(QLatin1String(name(sequence.at(i))),
                                         QLatin1String(name(again)))));
        }
    }

    void controlApiIsNeverFaulted()
    {
        MockClient client(m_mock.baseUrl());
        const auto set = client.postJson("/_mock/faults", {{"http5xxRate", 1.0},
                                                           {"resetRate", 0.0},
                                                           {"throttleRate", 0.0},
                                                           {"truncateRate", 0.0},
                                                           {"malformedRate", 0.0},
                                                           {"timeoutRate", 0.0}});
        QCOMPARE(set.status, 200);
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(client.get("/_mock/stats").status, 200);
            QCOMPARE(call(m_mock.baseUrl(), kGetToken, 5000), Outcome::Http5xx);
        }
        // Faults can be limited to some systems.
        client.postJson("/_mock/faults", {{"only", QJsonArray{"/jushuitan"}}});
        QCOMPARE(call(m_mock.baseUrl(), kGetToken, 5000), Outcome::Ok);
        const auto bad = client.postJson("/_mock/faults", {{"http5xxRate", 1.5}});
        QCOMPARE(bad.status, 400);
    }

    void latencyIsAdded()
    {
        MockClient client(m_mock.baseUrl());
        client.post("/_mock/reset", {}, "application/json");
        client.postJson("/_mock/faults", {{"http5xxRate", 0.0},
                                          {"resetRate", 0.0},
                                          {"throttleRate", 0.0},
                                          {"truncateRate", 0.0},
                                          {"malformedRate", 0.0},
                                          {"timeoutRate", 0.0},
                                          {"latencyMs", 300}});
        QCOMPARE(client.get("/_mock/faults").object().value("latencyMs").toInt(), 300);
        const auto r = client.get(QString::fromLatin1(kGetToken));
        QCOMPARE(r.object().value("errcode").toInt(-1), 0);
        QVERIFY2(r.elapsedMs >= 290, qPrintable(QString::number(r.elapsedMs)));
    }

    void droppedRecordsStayCounted()
    {
        // dropRate leaves records out of list pages while data_count still counts them: a
        // source losing records, for the engine's reconciliation.
        MockClient client(m_mock.baseUrl());
        client.post("/_mock/reset", {}, "application/json");
        const QJsonObject quiet{{"http5xxRate", 0.0},   {"resetRate", 0.0},
                                {"throttleRate", 0.0},  {"truncateRate", 0.0},
                                {"malformedRate", 0.0}, {"timeoutRate", 0.0},
                                {"only", QJsonArray{}}, {"dropRate", 0.0}};
        QCOMPARE(client.postJson("/_mock/faults", quiet).status, 200);
        const QJsonObject biz{{"page_index", 1}, {"page_size", 40}};
        const auto names = [&] {
            const QJsonObject data =
                client.jst("/open/wms/partner/query", biz).object().value("data").toObject();
            QStringList out;
            for (const QJsonValue &v : data.value("datas").toArray())
                out << v.toObject().value("name").toString();
            return std::pair{data.value("data_count").toInt(), out};
        };
        const auto [fullCount, all] = names();
        QCOMPARE(fullCount, 40);
        QCOMPARE(all.size(), 40);

        QJsonObject dropping = quiet;
        dropping.insert("dropRate", 0.25);
        QCOMPARE(client.postJson("/_mock/faults", dropping).status, 200);
        QCOMPARE(client.get("/_mock/faults").object().value("dropRate").toDouble(), 0.25);
        const auto [count, kept] = names();
        QCOMPARE(count, 40); // still the full count
        QVERIFY2(kept.size() >= 20 && kept.size() <= 38, qPrintable(QString::number(kept.size())));
        for (const QString &name : kept)
            QVERIFY(all.contains(name)); // left out, not changed
        // The same settings drop the same records again.
        QCOMPARE(client.postJson("/_mock/faults", dropping).status, 200);
        QCOMPARE(names().second, kept);
        // Only where the faults apply.
        dropping.insert("only", QJsonArray{"/jdy"});
        QCOMPARE(client.postJson("/_mock/faults", dropping).status, 200);
        QCOMPARE(names().second.size(), 40);
        QCOMPARE(client.postJson("/_mock/faults", QJsonObject{{"dropRate", 2.0}}).status, 400);
        client.post("/_mock/reset", {}, "application/json");
    }

    void cleanupTestCase() { m_mock.stop(); }
};

QTEST_GUILESS_MAIN(TestMockFaults)
#include "tst_mockfaults.moc"
