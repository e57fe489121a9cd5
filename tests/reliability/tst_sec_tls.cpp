// Security (issue 7): HTTPS. weft-mock serves TLS with a self-signed certificate made here
// with openssl. By default weft-run refuses it — the source, and the target too — with an
// error that says what is wrong and what to do; the explicit per-connection override
// `"verifyTls": false` makes it work, and `weft-run validate` warns about every override.
#include "reliability/reliability.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSslError>

using namespace weft::test;

namespace {

const QStringList kMockArgs = anchoredMock({"--seed", "5", "--jst-partners", "40", "--quiet"});

/// weft-mock with --tls-cert/--tls-key (tests/support's MockProcess expects http://).
class TlsMock
{
public:
    ~TlsMock()
    {
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

    bool start(const QString &cert, const QString &key, QString *error)
    {
        m_process.start(qEnvironmentVariable("WEFT_MOCK_BIN"),
                        QStringList{"--port", "0", "--tls-cert", cert, "--tls-key", key} + kMockArgs);
        static const QRegularExpression ready(QStringLiteral("listening on (https://[0-9.]+:([0-9]+))"));
        QByteArray out;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 30000) {
            if (!m_process.waitForReadyRead(200) && m_process.state() == QProcess::NotRunning)
                break;
            out += m_process.readAllStandardOutput();
            const auto m = ready.match(QString::fromUtf8(out));
            if (m.hasMatch()) {
                m_url = m.captured(1);
                m_port = m.captured(2).toInt();
                return true;
            }
        }
        *error = QStringLiteral("weft-mock with TLS did not start: %1 %2")
                     .arg(QString::fromUtf8(out), QString::fromUtf8(m_process.readAllStandardError()));
        return false;
    }
    QString url() const { return m_url; }
    /// The same server by the name "localhost" (in the certificate too): a different host
    /// for a client's connection cache.
    QString localhostUrl() const { return QStringLiteral("https://localhost:%1").arg(m_port); }

    /// GET a control endpoint, trusting this mock's certificate (the test's own client).
    QJsonDocument control(const QString &path) const
    {
        QNetworkAccessManager nam;
        QNetworkReply *reply = nam.get(QNetworkRequest(QUrl(m_url + path)));
        QObject::connect(reply, &QNetworkReply::sslErrors, reply,
                         [reply](const QList<QSslError> &) { reply->ignoreSslErrors(); });
        waitUntil([&] { return reply->isFinished(); }, 30000);
        const QJsonDocument doc = QJsonDocument::fromJson(reply->readAll());
        delete reply;
        return doc;
    }
    int storeCount() const
    {
        return int(control("/_mock/written").object().value("jdy").toObject().value("stores").toArray().size());
    }

private:
    QProcess m_process;
    QString m_url;
    int m_port = 0;
};

bool setTls(IntegrationEnv &env, std::optional<bool> source, std::optional<bool> target,
            const QString &targetBase = QString())
{
    return env.editProject([&](QJsonObject &root) {
        if (source)
            IntegrationEnv::setAt(root, {"connections", "0", "verifyTls"}, *source);
        if (target)
            IntegrationEnv::setAt(root, {"connections", "1", "verifyTls"}, *target);
        if (!targetBase.isEmpty())
            IntegrationEnv::setAt(root, {"connections", "1", "baseUrl"}, QString(targetBase + "/jdy"));
        IntegrationEnv::setAt(root, {"schemes", "0", "retry"},
                              QJsonObject{{"attempts", 2}, {"initialDelayMs", 100}});
    });
}

} // namespace

class TestSecTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cert;
    QString m_key;
    std::unique_ptr<TlsMock> m_mock;

    bool startEnv(IntegrationEnv &env)
    {
        QString error;
        if (!env.start("jst-warehouses-to-jdy", {"--quiet"}, QString(), &error)) {
            qWarning("%s", qPrintable(error));
            return false;
        }
        env.setEnv("WEFT_MOCK_URL", m_mock->url()); // both connections: the HTTPS mock
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_cert = m_dir.filePath("mock.crt");
        m_key = m_dir.filePath("mock.key");
        QProcess openssl;
        openssl.setProcessChannelMode(QProcess::MergedChannels);
        openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                                  "-subj", "/CN=127.0.0.1", "-addext",
                                  "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", m_key,
                                  "-out", m_cert});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
                 openssl.readAll().constData());
        m_mock = std::make_unique<TlsMock>();
        QString error;
        QVERIFY2(m_mock->start(m_cert, m_key, &error), qPrintable(error));
        QVERIFY(m_mock->control("/_mock/health").object().value("ok").toBool());
    }

    void mockRefusesBadTlsOptions()
    {
        // --tls-cert without --tls-key, or a file that holds no certificate: exit 2, named.
        QProcess p;
        p.start(qEnvironmentVariable("WEFT_MOCK_BIN"), {"--port", "0", "--tls-cert", m_cert});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--tls-cert and --tls-key go together"));
        p.start(qEnvironmentVariable("WEFT_MOCK_BIN"),
                {"--port", "0", "--tls-cert", m_key, "--tls-key", m_key});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("holds no PEM certificate"));
    }

    void sourceRefusedByDefault()
    {
        IntegrationEnv env;
        QVERIFY(startEnv(env));
        QVERIFY(setTls(env, std::nullopt, std::nullopt));
        const int storesBefore = m_mock->storeCount();
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        // "TLS: SSL handshake failed: The certificate is self-signed, and untrusted — the
        // server's certificate was not accepted. Fix the certificate or, only for a network
        // you trust, set "verifyTls": false on this connection"
        const QString message = r.finished().isEmpty() ? QString() : QString::fromUtf8(r.out);
        QVERIFY2(message.contains("self-signed") && message.contains("certificate was not accepted") &&
                     message.contains("verifyTls"),
                 describe(r).constData());
        QCOMPARE(countersOf(r).read, 0);
        QCOMPARE(m_mock->storeCount(), storesBefore);
    }

    void targetRefusedByDefault()
    {
        // The source trusts the mock explicitly; the target, by another host name, does not:
        // nothing may be sent to it.
        IntegrationEnv env;
        QVERIFY(startEnv(env));
        QVERIFY(setTls(env, false, std::nullopt, m_mock->localhostUrl()));
        const int storesBefore = m_mock->storeCount();
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        QVERIFY2(r.out.contains("self-signed") && r.out.contains("verifyTls"), describe(r).constData());
        QCOMPARE(m_mock->storeCount(), storesBefore);
    }

    void overrideWorks()
    {
        IntegrationEnv env;
        QVERIFY(startEnv(env));
        QVERIFY(setTls(env, false, false));
        const int storesBefore = m_mock->storeCount();
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData()); // the mock's two bad warehouses
        QCOMPARE(countersOf(r).read, 40);
        QCOMPARE(countersOf(r).written, 38);
        QCOMPARE(m_mock->storeCount(), storesBefore + 38);
    }

    void validateWarnsAboutEachOverride()
    {
        IntegrationEnv env;
        QVERIFY(startEnv(env));
        QVERIFY(setTls(env, false, false));
        const RunResult r = weftRunPlain(env, {"validate", env.projectPath()});
        QVERIFY2(r.exitCode == 0, describe(r).constData()); // a warning, not an error
        const QByteArray out = r.out + r.err;
        QVERIFY2(out.contains("warning: /connections/0/verifyTls") &&
                     out.contains("warning: /connections/1/verifyTls") &&
                     out.contains("certificate verification is off"),
                 out.constData());
        QVERIFY(setTls(env, true, std::nullopt));
        const RunResult one = weftRunPlain(env, {"validate", env.projectPath()});
        QVERIFY(!QByteArray(one.out + one.err).contains("/connections/0/verifyTls"));
        QVERIFY(QByteArray(one.out + one.err).contains("warning: /connections/1/verifyTls"));
    }

    void overrideStaysOnItsConnection()
    {
        // Source and target on the same host and port, only the source with the override:
        // the target must still refuse the certificate.
        IntegrationEnv env;
        QVERIFY(startEnv(env));
        QVERIFY(setTls(env, false, std::nullopt));
        const int storesBefore = m_mock->storeCount();
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QCOMPARE(m_mock->storeCount(), storesBefore);
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        // Stopped by the target's own certificate check.
        QVERIFY2(r.out.contains("self-signed") && r.out.contains("verifyTls"), describe(r).constData());
    }
};

QTEST_GUILESS_MAIN(TestSecTls)
#include "tst_sec_tls.moc"
