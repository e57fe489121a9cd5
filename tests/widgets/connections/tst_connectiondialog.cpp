#include "core/model/projectio.h"
#include "widgets/connections/connectiondialog.h"
#include "widgets/connections/secretfield.h"
#include "widgets/widgettestutil.h"

#include <QLineEdit>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QtTest>

using namespace weft;

/// The connection dialog: fields per system type, secrets as references only, and a test
/// that never blocks the window.
class TestConnectionDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fieldsFollowTheType();
    void environmentReference();
    void keychainSecretNeverReachesTheProject();
    void validation();
    void testReachesAnHttpSystem();
    void testReportsAMissingVariable();
    void mysqlTestDoesNotBlock();

private:
    Project m_project;
};

void TestConnectionDialog::fieldsFollowTheType()
{
    ConnectionDialog dialog(m_project, nullptr);
    dialog.setType(ConnectorType::MySql);
    QVERIFY(dialog.accountField(QStringLiteral("host")));
    QVERIFY(dialog.accountField(QStringLiteral("database")));
    QVERIFY(dialog.secretField(QStringLiteral("password")));
    QVERIFY(!dialog.accountField(QStringLiteral("password")));
    dialog.setType(ConnectorType::KingdeeK3Cloud);
    for (const AccountFieldSpec &spec : accountFieldsFor(ConnectorType::KingdeeK3Cloud)) {
        if (spec.secret)
            QVERIFY2(dialog.secretField(spec.key), qPrintable(spec.key));
        else
            QVERIFY2(dialog.accountField(spec.key), qPrintable(spec.key));
    }
    QVERIFY(!dialog.accountField(QStringLiteral("host")));
}

void TestConnectionDialog::environmentReference()
{
    ConnectionDialog dialog(m_project, nullptr);
    dialog.setType(ConnectorType::MySql);
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("bi"));
    dialog.accountField(QStringLiteral("host"))->setText(QStringLiteral("${DB_HOST:-127.0.0.1}"));
    dialog.accountField(QStringLiteral("user"))->setText(QStringLiteral("weft"));
    dialog.accountField(QStringLiteral("database"))->setText(QStringLiteral("bi"));
    SecretField *password = dialog.secretField(QStringLiteral("password"));
    password->setStorage(SecretField::Storage::Environment);
    password->setText(QStringLiteral("BI_DB_PASSWORD"));
    const Connection c = dialog.connection();
    QCOMPARE(c.name, QStringLiteral("bi"));
    QCOMPARE(c.type, ConnectorType::MySql);
    QCOMPARE(c.account.value(QStringLiteral("host")).toString(),
             QStringLiteral("${DB_HOST:-127.0.0.1}"));
    QCOMPARE(c.account.value(QStringLiteral("password")).toObject(),
             (QJsonObject{{QStringLiteral("env"), QStringLiteral("BI_DB_PASSWORD")}}));
    QVERIFY(dialog.validationError().isEmpty());
}

void TestConnectionDialog::keychainSecretNeverReachesTheProject()
{
    ConnectionDialog dialog(m_project, nullptr);
    dialog.setType(ConnectorType::Jushuitan);
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("name")), QStringLiteral("jst"));
    dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))
        ->setText(QStringLiteral("https://openapi.jushuitan.com"));
    dialog.accountField(QStringLiteral("appKey"))->setText(QStringLiteral("key"));
    for (const QString &key : {QStringLiteral("appSecret"), QStringLiteral("accessToken")}) {
        SecretField *f = dialog.secretField(key);
        f->setStorage(SecretField::Storage::Keychain);
        f->setText(QStringLiteral("s3cr3t-") + key);
    }
    const Connection c = dialog.connection();
    QCOMPARE(c.account.value(QStringLiteral("appSecret")).toObject(),
             (QJsonObject{{QStringLiteral("keychain"), QStringLiteral("weft/jst-appsecret")}}));
    Project p;
    p.connections << c;
    QVERIFY(!saveProject(p).contains("s3cr3t"));
    // Only the in-memory test connection carries the typed value.
    QCOMPARE(dialog.testConnection().account.value(QStringLiteral("appSecret")).toObject(),
             (QJsonObject{{QStringLiteral("plain"), QStringLiteral("s3cr3t-appSecret")}}));
    // OK writes to the keychain first; without a keychain service the dialog stays open
    // and says to use an environment variable — the secret goes nowhere else.
    QSignalSpy saved(&dialog, &ConnectionDialog::secretsSaved);
    dialog.show();
    dialog.accept();
    QVERIFY(test::waitUntil([&] { return saved.count() == 1; }, 30000));
    if (saved.at(0).at(0).toBool()) {
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    } else {
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QVERIFY(dialog.isVisible());
        QVERIFY(saved.at(0).at(1).toString().contains(QStringLiteral("environment variable")));
    }
}

void TestConnectionDialog::validation()
{
    Project p;
    Connection existing;
    existing.name = QStringLiteral("jst");
    p.connections << existing;
    ConnectionDialog dialog(p, nullptr);
    dialog.setType(ConnectorType::DingTalk);
    QVERIFY(!dialog.validationError().isEmpty()); // no name
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("jst"));
    QVERIFY(dialog.validationError().contains(QStringLiteral("jst"))); // taken
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("dd"));
    QVERIFY(!dialog.validationError().isEmpty()); // no base URL
    dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))
        ->setText(QStringLiteral("https://oapi.dingtalk.com"));
    dialog.accountField(QStringLiteral("appKey"))->setText(QStringLiteral("k"));
    dialog.secretField(QStringLiteral("appSecret"))->setStorage(SecretField::Storage::Environment);
    dialog.secretField(QStringLiteral("appSecret"))->setText(QStringLiteral("DD_SECRET"));
    QVERIFY2(dialog.validationError().isEmpty(), qPrintable(dialog.validationError()));
}

void TestConnectionDialog::testReachesAnHttpSystem()
{
    // A tiny HTTP server: any answer means the system is reachable.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress::LocalHost));
    connect(&server, &QTcpServer::newConnection, this, [&] {
        QTcpSocket *s = server.nextPendingConnection();
        connect(s, &QTcpSocket::readyRead, s, [s] {
            s->readAll();
            s->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            s->disconnectFromHost();
        });
    });
    qputenv("WEFT_TEST_TOKEN", "t0ken-value");
    ConnectionDialog dialog(m_project, nullptr);
    dialog.setType(ConnectorType::HttpJson);
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("api"));
    dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))
        ->setText(QStringLiteral("http://127.0.0.1:%1/api").arg(server.serverPort()));
    dialog.secretField(QStringLiteral("token"))->setStorage(SecretField::Storage::Environment);
    dialog.secretField(QStringLiteral("token"))->setText(QStringLiteral("WEFT_TEST_TOKEN"));
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    dialog.test();
    QVERIFY(test::waitUntil([&] { return finished.count() == 1; }, 20000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("HTTP 200")));
}

void TestConnectionDialog::testReportsAMissingVariable()
{
    qunsetenv("WEFT_TEST_UNSET_SECRET");
    ConnectionDialog dialog(m_project, nullptr);
    dialog.setType(ConnectorType::DingTalk);
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("dd"));
    dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))
        ->setText(QStringLiteral("http://127.0.0.1:9"));
    dialog.accountField(QStringLiteral("appKey"))->setText(QStringLiteral("k"));
    dialog.secretField(QStringLiteral("appSecret"))->setStorage(SecretField::Storage::Environment);
    dialog.secretField(QStringLiteral("appSecret"))
        ->setText(QStringLiteral("WEFT_TEST_UNSET_SECRET"));
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    dialog.test();
    QVERIFY(test::waitUntil([&] { return finished.count() == 1; }, 20000));
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY2(finished.at(0).at(1).toString().contains(QStringLiteral("WEFT_TEST_UNSET_SECRET")),
             qPrintable(finished.at(0).at(1).toString()));
}

void TestConnectionDialog::mysqlTestDoesNotBlock()
{
    // A port nothing listens on: the login fails — on a pool thread, while the window ticks.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    ConnectionDialog dialog(m_project, nullptr);
    dialog.setType(ConnectorType::MySql);
    dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("db"));
    dialog.accountField(QStringLiteral("host"))->setText(QStringLiteral("127.0.0.1"));
    dialog.accountField(QStringLiteral("port"))->setText(QString::number(port));
    dialog.accountField(QStringLiteral("user"))->setText(QStringLiteral("nobody"));
    dialog.accountField(QStringLiteral("database"))->setText(QStringLiteral("none"));
    QSignalSpy finished(&dialog, &ConnectionDialog::testFinished);
    qint64 longest = 0;
    QElapsedTimer pulse;
    pulse.start();
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&] { longest = std::max(longest, pulse.restart()); });
    ticker.start(5);
    dialog.test();
    QVERIFY(test::waitUntil([&] { return finished.count() == 1; }, 30000));
    ticker.stop();
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("MySQL")));
    QVERIFY2(longest < 100, qPrintable(QString::number(longest)));
}

QTEST_MAIN(TestConnectionDialog)
#include "tst_connectiondialog.moc"
