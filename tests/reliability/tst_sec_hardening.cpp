// Security hardening (docs/reliability.md): secrets in every form they take, who may read the
// files Weft writes, warnings that must be in every run's log, and MySQL over TLS with the
// server's certificate verified — the real weft-run against weft-mock and MariaDB servers of
// the test's own (one with TLS and a self-signed CA).
#include "reliability/reliability.h"

#include "core/log/logging.h"
#include "support/mariadb.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QUrl>

using namespace weft;
using namespace weft::test;

namespace {

const QStringList kPurchaseinMock =
    anchoredMock({"--seed", "7", "--jst-purchaseins", "40", "--quiet"});

/// openssl with `args` in `dir`; false (and the output in *error) when it fails.
bool openssl(const QString &dir, const QStringList &args, QString *error)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("openssl"), args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2").arg(args.join(u' '),
                                                      QString::fromUtf8(p.readAll()));
        return false;
    }
    return true;
}

/// A CA (ca.pem) and a server certificate for 127.0.0.1 it signed (server.pem, server-key.pem),
/// and a second CA that signed nothing (other-ca.pem).
bool makeCertificates(const QString &dir, QString *error)
{
    return openssl(dir, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                         "-subj", "/CN=Weft test CA", "-keyout", "ca-key.pem", "-out", "ca.pem"},
                   error) &&
           openssl(dir, {"req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1",
                         "-keyout", "server-key.pem", "-out", "server.csr"},
                   error) &&
           openssl(dir, {"x509", "-req", "-in", "server.csr", "-days", "2", "-CA", "ca.pem",
                         "-CAkey", "ca-key.pem", "-CAcreateserial", "-out", "server.pem"},
                   error) &&
           openssl(dir, {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                         "-subj", "/CN=Another CA", "-keyout", "other-key.pem", "-out",
                         "other-ca.pem"},
                   error);
}

/// The MySQL connection of the purchase-ins example, with TLS settings.
bool useTls(IntegrationEnv &env, const QString &sslMode, const QString &sslCa)
{
    return env.editProject([&](QJsonObject &root) {
        IntegrationEnv::setAt(root, {"connections", "1", "account", "sslMode"}, sslMode);
        IntegrationEnv::setAt(root, {"connections", "1", "account", "sslCa"}, sslCa);
    });
}

/// The file's mode as "600": owner, group, others (Qt keeps them in hex nibbles).
QString permissions(const QString &path)
{
    const int p = int(QFileInfo(path).permissions());
    return QStringLiteral("%1%2%3").arg((p >> 12) & 7).arg((p >> 4) & 7).arg(p & 7);
}

} // namespace

class TestSecHardening : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void secretsAreRedactedInEveryForm()
    {
        // A token with characters that URLs and JSON escape differently.
        const QString token = QStringLiteral("tok/en+with\"quote&amp");
        log::registerSecret(token);
        const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(token));
        const QString json = QStringLiteral("tok/en+with\\\"quote&amp");
        const QString jsonSlash = QStringLiteral("tok\\/en+with\\\"quote&amp");
        for (const QString &form : {token, percent, json, jsonSlash}) {
            const QString line = QStringLiteral("GET /x?access_token=%1 failed").arg(form);
            QVERIFY2(!log::redact(line).contains(form), qPrintable(log::redact(line)));
            QVERIFY(log::redact(line).contains(QStringLiteral("***")));
        }
        // A URL's secret query items and password, by their names.
        log::registerSecretsInUrl(QStringLiteral(
            "https://oapi.dingtalk.com/robot/send?access_token=abcd1234robot&x=visible"));
        log::registerSecretsInUrl(QStringLiteral("mysql://weft:pa55word@db:3306/state"));
        QCOMPARE(log::redact(QStringLiteral("abcd1234robot pa55word visible")),
                 QStringLiteral("*** *** visible"));
    }

    void filesAreOwnerOnly()
    {
        // The state store (and its -wal), the log: 0600. With WEFT_GROUP_READABLE=1, as the
        // service unit sets it: 0640.
        for (const bool group : {false, true}) {
            IntegrationEnv env;
            QString error;
            QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock,
                               group ? "rel_modes_group" : "rel_modes", &error),
                     qPrintable(error));
            if (group)
                env.setEnv("WEFT_GROUP_READABLE", "1");
            const QString logFile = QFileInfo(env.projectPath()).dir().filePath("run.log");
            const RunResult r = env.weftRun("run", {"--log-file", logFile});
            QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
            const QString expected = group ? QStringLiteral("640") : QStringLiteral("600");
            QCOMPARE(permissions(env.statePath()), expected);
            QCOMPARE(permissions(logFile), expected);
            if (QFile::exists(env.statePath() + "-wal"))
                QCOMPARE(permissions(env.statePath() + "-wal"), expected);
        }
        // A state store an earlier version left readable by all is tightened when opened.
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_modes_old", &error),
                 qPrintable(error));
        QVERIFY(env.weftRun("run").exitCode <= 1);
        QVERIFY(QFile::setPermissions(env.statePath(), QFileDevice::ReadOwner |
                                                           QFileDevice::WriteOwner |
                                                           QFileDevice::ReadGroup |
                                                           QFileDevice::ReadOther));
        QVERIFY(env.weftRun("history").exitCode == 0);
        QCOMPARE(permissions(env.statePath()), QStringLiteral("600"));
    }

    void passwordOnTheCommandLineIsWarnedAboutAndRedacted()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_state_url", &error),
                 qPrintable(error));
        const test::MariaDbParams p = test::mariaDbParams();
        const QString url = QStringLiteral("mysql://%1:%2@%3:%4/rel_state_url")
                                .arg(p.user, p.password, p.host)
                                .arg(p.port);
        const RunResult r = env.weftRun("run", {"--state", url, "--log-level", "info"});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
        QVERIFY2(r.err.contains("--state carries a password"), r.err.right(2000).constData());
        QVERIFY2(!r.err.contains(p.password.toUtf8()), "the state store's password was logged");
    }

    void unverifiedTlsIsWarnedAtEveryRun()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_verify_warn", &error),
                 qPrintable(error));
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"connections", "0", "verifyTls"}, false);
        }));
        for (int run = 0; run < 2; ++run) {
            const RunResult r = env.weftRun("run");
            QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
            QVERIFY2(r.err.contains("connection 'jushuitan' does not verify TLS certificates"),
                     r.err.right(2000).constData());
        }
    }

    void mysqlOverVerifiedTls()
    {
        QTemporaryDir certs;
        QString error;
        QVERIFY2(makeCertificates(certs.path(), &error), qPrintable(error));
        PrivateMariaDb server;
        QVERIFY2(server.start({"--ssl-ca=" + certs.filePath("ca.pem"),
                               "--ssl-cert=" + certs.filePath("server.pem"),
                               "--ssl-key=" + certs.filePath("server-key.pem")},
                              &error),
                 qPrintable(error));

        // The right CA: the target is written over TLS.
        IntegrationEnv env;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, QString(), &error),
                 qPrintable(error));
        QVERIFY2(server.use(env, "rel_tls", &error), qPrintable(error));
        QVERIFY(useTls(env, "verify-ca", certs.filePath("ca.pem")));
        const qint64 acceptsBefore = [&] {
            QSqlDatabase db = server.open("tls_status");
            const qint64 n = scalar(db, "SELECT VARIABLE_VALUE FROM information_schema."
                                        "GLOBAL_STATUS WHERE VARIABLE_NAME = 'SSL_ACCEPTS'");
            return n;
        }();
        QSqlDatabase::removeDatabase("tls_status");
        RunResult r = env.weftRun("run");
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
        {
            QSqlDatabase db = server.open("tls_rows", "rel_tls");
            QVERIFY(scalar(db, "SELECT COUNT(*) FROM purchasein_query") > 40);
            QVERIFY(scalar(db, "SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS "
                               "WHERE VARIABLE_NAME = 'SSL_ACCEPTS'") > acceptsBefore);
        }
        QSqlDatabase::removeDatabase("tls_rows");

        // A CA that did not sign the server's certificate: refused, not written.
        QVERIFY(useTls(env, "verify-ca", certs.filePath("other-ca.pem")));
        r = env.weftRun("run", {"--full"});
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        QVERIFY2(r.err.contains("certificate") || r.out.contains("certificate"),
                 describe(r).constData());

        // TLS asked of a server that has none (the shared one): refused, not sent in clear.
        IntegrationEnv plain;
        QVERIFY2(plain.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_tls_plain", &error),
                 qPrintable(error));
        QVERIFY(useTls(plain, "verify-ca", certs.filePath("ca.pem")));
        r = plain.weftRun("run");
        QVERIFY2(r.exitCode == 3, describe(r).constData());

        // A mode Weft cannot honour is a clear error, not a silent downgrade.
        QVERIFY(useTls(plain, "verify-identity", certs.filePath("ca.pem")));
        r = plain.weftRun("run");
        QVERIFY2(r.exitCode == 3 && QByteArray(r.err + r.out).contains("is not supported"),
                 describe(r).constData());

        // The state store over TLS: the same settings in its URL.
        {
            QSqlDatabase db = server.open("tls_state_create");
            QVERIFY(QSqlQuery(db).exec("CREATE DATABASE IF NOT EXISTS rel_tls_state"));
        }
        QSqlDatabase::removeDatabase("tls_state_create");
        QVERIFY(useTls(env, "verify-ca", certs.filePath("ca.pem")));
        env.setEnv("WEFT_STATE_PASSWORD", "weft-test");
        const QString stateUrl =
            QStringLiteral("mysql://weft@127.0.0.1:%1/rel_tls_state?sslMode=verify-ca&sslCa=%2")
                .arg(server.port())
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(certs.filePath("ca.pem"))));
        r = env.weftRun("run", {"--state", stateUrl});
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
        const QString wrongCa =
            QStringLiteral("mysql://weft@127.0.0.1:%1/rel_tls_state?sslMode=verify-ca&sslCa=%2")
                .arg(server.port())
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(certs.filePath("other-ca.pem"))));
        r = env.weftRun("history", {"--state", wrongCa});
        QVERIFY2(r.exitCode == 3, describe(r).constData());
    }
};

QTEST_GUILESS_MAIN(TestSecHardening)
#include "tst_sec_hardening.moc"
