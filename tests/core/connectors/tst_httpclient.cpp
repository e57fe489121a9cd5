// HttpClient's own guards, against a local server that answers what no real system should:
// secrets in quoted answers are redacted, an answer larger than the limit is refused (early
// when announced, while streaming when not) without a retry, and a connection that does not
// verify TLS never shares a network manager with those that do.
#include "core/connectors/connectorerror.h"
#include "core/connectors/httpclient.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <optional>

using namespace weft;

namespace {

/// One answer per connection, after the request's head has arrived.
class ScriptServer final : public QTcpServer
{
public:
    enum class Mode {
        Exact,    ///< Content-Length: exactBytes, then that many bytes
        Announce, ///< Content-Length: 2 GiB, then a trickle
        Stream,   ///< no Content-Length, bytes until the client hangs up (or 1 GiB)
        Silent,   ///< never answers
    };
    Mode mode = Mode::Exact;
    qint64 exactBytes = 0;
    int connections = 0;
    qint64 streamed = 0;

    QString start()
    {
        listen(QHostAddress::LocalHost);
        return QStringLiteral("http://127.0.0.1:%1").arg(serverPort());
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++connections;
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto head = std::make_shared<QByteArray>();
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket, head]() {
            if (head->endsWith("\r\n\r\n"))
                return; // answered already
            *head += socket->readAll();
            if (head->contains("\r\n\r\n")) {
                *head = "\r\n\r\n";
                answer(socket);
            }
        });
    }

private:
    void answer(QTcpSocket *socket)
    {
        const QByteArray chunk(64 * 1024, 'x');
        switch (mode) {
        case Mode::Silent:
            return;
        case Mode::Exact:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                          QByteArray::number(exactBytes) + "\r\n\r\n" +
                          QByteArray(exactBytes, ' '));
            return;
        case Mode::Announce:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Content-Length: 2147483648\r\n\r\n[");
            return;
        case Mode::Stream:
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                          "Connection: close\r\n\r\n[");
            // More whenever the last piece left, as fast as the client reads.
            connect(socket, &QTcpSocket::bytesWritten, socket, [this, socket, chunk]() {
                if (socket->bytesToWrite() == 0 && streamed < (qint64(1) << 30) &&
                    socket->state() == QAbstractSocket::ConnectedState) {
                    streamed += chunk.size();
                    socket->write(chunk);
                }
            });
            return;
        }
    }
};

/// A server that answers every request with a small 200, and a manager to reach it.
struct Answering {
    ScriptServer server;
    QString url;
    QNetworkAccessManager network;
    Answering()
    {
        url = server.start();
        server.exactBytes = 2;
    }
};

ResolvedConnection connection(const QString &baseUrl, bool verifyTls = true)
{
    ResolvedConnection c;
    c.config.name = QStringLiteral("test");
    c.config.timeoutMs = 20000;
    c.config.verifyTls = verifyTls;
    c.baseUrl = baseUrl;
    return c;
}

HttpRequest get(const QString &baseUrl)
{
    HttpRequest r;
    r.url = QUrl(baseUrl + QStringLiteral("/page"));
    r.endpoint = QStringLiteral("/page");
    return r;
}

/// Sends one request and waits for its response.
std::optional<HttpResponse> exchange(HttpClient &client, const HttpRequest &request,
                                     int timeoutMs = 20000)
{
    std::optional<HttpResponse> out;
    client.send(request, [&](HttpResponse r) { out = std::move(r); });
    QElapsedTimer clock;
    clock.start();
    while (!out && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    return out;
}

HttpResponse response(int status, const QByteArray &body)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    return r;
}

} // namespace

class TestHttpClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void redactSecrets_data()
    {
        // Some rows use ordinary literals: moc misreads raw strings with backslashes or an
        // odd number of quotes (and then misses the class).
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("token answer")
            << R"({"code":0,"data":{"access_token":"jst-2-abc","expires_in":3600}})"
            << R"({"code":0,"data":{"access_token":"***","expires_in":3600}})";
        QTest::newRow("cut off in the value") << "{\"data\":{\"app-token\":\"jdy-1-0123"
                                              << "{\"data\":{\"app-token\":\"***\"";
        QTest::newRow("K3Cloud login")
            << "{\"Context\":{\"SessionId\":\"5f3a\",\"UserId\":16394},\"KDSVCSessionId\":\"5f"
            << R"({"Context":{"SessionId":"***","UserId":16394},"KDSVCSessionId":"***")";
        QTest::newRow("any case") << R"({"AccessToken":"X1","PassWord":"p","PASSWD":"q"})"
                                  << R"({"AccessToken":"***","PassWord":"***","PASSWD":"***"})";
        QTest::newRow("null and booleans kept")
            << R"({"AccessToken":null,"signed":true,"ticket":false})"
            << R"({"AccessToken":null,"signed":true,"ticket":false})";
        QTest::newRow("number") << R"({"session":12345678,"n":1})"
                                << R"({"session":***,"n":1})";
        QTest::newRow("object") << R"({"token":{"value":"abc","exp":[1,2]},"ok":1})"
                                << R"({"token":***,"ok":1})";
        QTest::newRow("object cut off") << "{\"token\":{\"value\":\"ab"
                                        << "{\"token\":***";
        QTest::newRow("escaped quote in the value") << "{\"secret\":\"a\\\"b\\\\\",\"n\":1}"
                                                    << R"({"secret":"***","n":1})";
        QTest::newRow("spaces") << R"({ "ticket" : "t-1" })"
                                << R"({ "ticket" : "***" })";
        QTest::newRow("JSON inside a string")
            << "{\"biz\":\"{\\\"refresh_token\\\":\\\"abc\\\",\\\"n\\\":1}\"}"
            << "{\"biz\":\"{\\\"refresh_token\\\":\\\"***\\\",\\\"n\\\":1}\"}";
        QTest::newRow("JSON inside a string, cut off")
            << "{\"biz\":\"{\\\"app_secret\\\":\\\"ab"
            << "{\"biz\":\"{\\\"app_secret\\\":\\\"***\\\"";
        QTest::newRow("form") << "access_token=abc&refresh_token=d%2Fe&page=2"
                              << "access_token=***&refresh_token=***&page=2";
        QTest::newRow("cookie") << "Set-Cookie: kdservice-sessionid=abc; path=/"
                                << "Set-Cookie: kdservice-sessionid=***; path=/";
        QTest::newRow("link in a value") << R"({"next":"https://x/y?access_token=abc&page=2"})"
                                         << R"({"next":"https://x/y?access_token=***&page=2"})";
        QTest::newRow("ordinary answer") << R"({"code":10,"msg":"签名错误 sign","data":[1,2]})"
                                         << R"({"code":10,"msg":"签名错误 sign","data":[1,2]})";
        QTest::newRow("HTML page") << "<html><body><h1>502 Bad Gateway</h1></body></html>"
                                   << "<html><body><h1>502 Bad Gateway</h1></body></html>";
        QTest::newRow("cut after the colon") << R"({"token":)"
                                             << R"({"token":)";
        QTest::newRow("cut in the name") << "{\"access_to"
                                         << "{\"access_to";
        QTest::newRow("empty") << ""
                               << "";
    }

    void redactSecrets()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(weft::redactSecrets(text), expected);
    }

    void bodySampleIsOneRedactedLine()
    {
        const QByteArray body = "{\n  \"access_token\": \"jst-2-0123456789abcdef\",\n  \"n\": 1\n}";
        QCOMPARE(bodySample(body, 1000), QStringLiteral(R"({ "access_token": "***", "n": 1 })"));
        // Cut inside the token: what is left of it is still masked.
        QCOMPARE(bodySample(body, 30), QStringLiteral(R"({ "access_token": "***")"));
    }

    void unparsableTokenAnswerIsQuotedRedacted()
    {
        // A token answer cut short: the error quotes the start of the body, not the token.
        const QByteArray full = R"({"code":0,"data":{"access_token":"jst-2-5e1d0c9a7b",)"
                                R"("refresh_token":"r-77f3","expires_in":2592000}})";
        for (const QByteArray &body :
             {full.left(full.size() / 2), full.left(40), QByteArray(full).replace("}}", ",}}")}) {
            const ParseResult result = HttpClient::parseJson(response(200, body));
            const auto *error = std::get_if<ConnectorError>(&result);
            QVERIFY(error);
            QCOMPARE(error->kind, ConnectorError::Kind::Malformed);
            QVERIFY2(!error->message.contains("5e1d0c9a7b") && !error->message.contains("77f3"),
                     qPrintable(error->message));
            QVERIFY2(error->message.contains(R"("access_token":"***")"),
                     qPrintable(error->message));
        }
    }

    void rejectedAnswerIsQuotedRedacted()
    {
        const auto error = HttpClient::transportError(
            response(400, R"({"error":"invalid_grant","session_id":"s-0a1b2c3d"})"));
        QVERIFY(error);
        QCOMPARE(error->kind, ConnectorError::Kind::Rejected);
        QCOMPARE(error->message, QStringLiteral(R"({"error":"invalid_grant","session_id":"***"})"));
    }

    void answerWithinTheLimitIsRead()
    {
        ScriptServer server;
        const QString url = server.start();
        server.exactBytes = 100 * 1024;
        QNetworkAccessManager network;
        HttpClient client(connection(url), &network, nullptr, nullptr);
        client.setMaxResponseBytes(server.exactBytes);
        const auto r = exchange(client, get(url));
        QVERIFY(r);
        QCOMPARE(r->exceededLimitBytes, qint64(0));
        QCOMPARE(qint64(r->body.size()), server.exactBytes);
        QVERIFY(!HttpClient::transportError(*r));
    }

    void announcedOversizeIsRefusedEarly()
    {
        // 2 GiB announced, one byte sent: refused on the head alone, with the default limit.
        ScriptServer server;
        const QString url = server.start();
        server.mode = ScriptServer::Mode::Announce;
        QNetworkAccessManager network;
        HttpClient client(connection(url), &network, nullptr, nullptr);
        QCOMPARE(client.maxResponseBytes(), kMaxResponseBytes);
        QCOMPARE(kMaxResponseBytes, qint64(128) * 1024 * 1024);
        const auto r = exchange(client, get(url));
        QVERIFY(r);
        QCOMPARE(r->exceededLimitBytes, kMaxResponseBytes);
        QVERIFY(r->body.isEmpty());
        QVERIFY(!r->timedOut);
        const auto error = HttpClient::transportError(*r);
        QVERIFY(error);
        QCOMPARE(error->kind, ConnectorError::Kind::Config);
        QVERIFY(!error->isRetryable());
        QVERIFY2(error->message.contains("exceeded 128 MiB") &&
                     error->message.contains("page size"),
                 qPrintable(error->message));
    }

    void unannouncedOversizeIsCutOff()
    {
        // No Content-Length, bytes without end: stopped once the received bytes pass the limit.
        ScriptServer server;
        const QString url = server.start();
        server.mode = ScriptServer::Mode::Stream;
        QNetworkAccessManager network;
        HttpClient client(connection(url), &network, nullptr, nullptr);
        client.setMaxResponseBytes(1 << 20);
        const auto r = exchange(client, get(url), 60000);
        QVERIFY(r);
        QCOMPARE(r->exceededLimitBytes, qint64(1) << 20);
        QVERIFY(r->body.isEmpty());
        // The socket's buffers let a few chunks more through, never the whole stream.
        qInfo("streamed %lld KiB", server.streamed >> 10);
        QVERIFY2(server.streamed < (qint64(64) << 20),
                 qPrintable(QString::number(server.streamed)));
        const auto error = HttpClient::transportError(*r);
        QVERIFY(error);
        QCOMPARE(error->kind, ConnectorError::Kind::Config);
        QVERIFY2(error->message.contains("exceeded 1 MiB"), qPrintable(error->message));
    }

    void oversizeIsNotRetried()
    {
        ScriptServer server;
        const QString url = server.start();
        server.mode = ScriptServer::Mode::Announce;
        QNetworkAccessManager network;
        HttpClient client(connection(url), &network, nullptr, nullptr);
        client.setRetryPolicy(RetryPolicy{3, 10, 1.0, 10});
        std::optional<ParseResult> result;
        client.call([url]() { return get(url); }, HttpClient::parseJson,
                    [&](ParseResult r) { result = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        const auto *error = std::get_if<ConnectorError>(&*result);
        QVERIFY(error);
        QCOMPARE(error->kind, ConnectorError::Kind::Config);
        QTest::qWait(100); // a retry would have been scheduled in 10 ms
        QCOMPARE(server.connections, 1);
    }

    void unverifiedConnectionHasItsOwnManager()
    {
        ScriptServer server;
        const QString url = server.start();
        server.exactBytes = 2;
        QNetworkAccessManager shared;
        QSignalSpy sharedFinished(&shared, &QNetworkAccessManager::finished);
        HttpClient verified(connection(url, true), &shared, nullptr, nullptr);
        HttpClient unverified(connection(url, false), &shared, nullptr, nullptr);
        QCOMPARE(verified.network(), &shared);
        QVERIFY(unverified.network() && unverified.network() != &shared);
        QCOMPARE(unverified.network()->thread(), unverified.thread());

        // Only the verified client's request goes through the shared manager (and its
        // connection cache).
        QVERIFY(exchange(unverified, get(url)));
        QCOMPARE(sharedFinished.count(), 0);
        QVERIFY(exchange(verified, get(url)));
        QCOMPARE(sharedFinished.count(), 1);
    }

    void cancelAllReachesTheOwnManager()
    {
        ScriptServer server;
        const QString url = server.start();
        server.mode = ScriptServer::Mode::Silent;
        QNetworkAccessManager shared;
        HttpClient client(connection(url, false), &shared, nullptr, nullptr);
        std::optional<HttpResponse> r;
        client.send(get(url), [&](HttpResponse response) { r = std::move(response); });
        QTRY_COMPARE(server.connections, 1);
        client.cancelAll();
        QTRY_VERIFY(r.has_value());
        const auto error = HttpClient::transportError(*r);
        QVERIFY(error);
        QCOMPARE(error->kind, ConnectorError::Kind::Cancelled);
    }

    void destroyedClientCallsNoCallback()
    {
        // Both kinds of manager: the client goes away with a request in flight; its callback
        // (which would reach into a destroyed connector) is never called.
        for (const bool verifyTls : {true, false}) {
            ScriptServer server;
            const QString url = server.start();
            server.mode = ScriptServer::Mode::Silent;
            QNetworkAccessManager shared;
            bool called = false;
            auto client =
                std::make_unique<HttpClient>(connection(url, verifyTls), &shared, nullptr, nullptr);
            client->send(get(url), [&](HttpResponse) { called = true; });
            QTRY_COMPARE(server.connections, 1);
            client.reset();
            QTest::qWait(50);
            QVERIFY(!called);
            QVERIFY(shared.findChildren<QNetworkReply *>().isEmpty());
        }
    }

    void answersAreParsedOffTheClientsThread()
    {
        // The parser runs on a worker (a page's JSON is big); everything after it — retries,
        // statistics, the callback — is back on the client's thread.
        Answering server;
        const QString url = server.url;
        HttpClient client(connection(url), &server.network, nullptr, nullptr);
        std::atomic<QThread *> parsedOn{nullptr};
        QThread *doneOn = nullptr;
        std::optional<ParseResult> result;
        client.call([url]() { return get(url); },
                    [&parsedOn](const HttpResponse &) -> ParseResult {
                        parsedOn = QThread::currentThread();
                        return QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}});
                    },
                    [&](ParseResult r) {
                        doneOn = QThread::currentThread();
                        result = std::move(r);
                    });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        QVERIFY(std::holds_alternative<QJsonDocument>(*result));
        QVERIFY(parsedOn.load() && parsedOn.load() != client.thread());
        QCOMPARE(doneOn, client.thread());
    }

    void cancelWhileParsingHandsOnNothing()
    {
        Answering server;
        const QString url = server.url;
        HttpClient client(connection(url), &server.network, nullptr, nullptr);
        std::atomic<bool> parsing{false};
        std::optional<ParseResult> result;
        client.call([url]() { return get(url); },
                    [&parsing](const HttpResponse &) -> ParseResult {
                        parsing = true;
                        QThread::msleep(300);
                        return QJsonDocument(QJsonObject{{QStringLiteral("ok"), true}});
                    },
                    [&](ParseResult r) { result = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(parsing.load(), 20000);
        client.cancelAll();
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000);
        const auto *error = std::get_if<ConnectorError>(&*result);
        QVERIFY(error);
        QCOMPARE(error->kind, ConnectorError::Kind::Cancelled);
    }

    void destroyedWhileParsingCallsNoCallback()
    {
        Answering server;
        const QString url = server.url;
        auto client = std::make_unique<HttpClient>(connection(url), &server.network, nullptr, nullptr);
        std::atomic<bool> parsing{false};
        std::atomic<bool> parsed{false};
        bool called = false;
        client->call([url]() { return get(url); },
                     [&](const HttpResponse &) -> ParseResult {
                         parsing = true;
                         QThread::msleep(200);
                         parsed = true;
                         return QJsonDocument(QJsonObject{});
                     },
                     [&](ParseResult) { called = true; });
        QTRY_VERIFY_WITH_TIMEOUT(parsing.load(), 20000);
        client.reset(); // waits for the parser, drops what it would hand back
        QVERIFY(parsed.load());
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestHttpClient)
#include "tst_httpclient.moc"
