#include "widgets/alerts/alertchanneldialog.h"
#include "widgets/alerts/alertsdialog.h"
#include "widgets/common/commands.h"
#include "widgets/run/enginehost.h"
#include "widgets/widgettestutil.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QToolButton>
#include <QUndoStack>
#include <QUrlQuery>
#include <QtTest>

using namespace weft;

namespace {

/// HMAC-SHA256 written out (RFC 2104), so the check does not use the code it checks.
QByteArray hmacSha256(QByteArray key, const QByteArray &message)
{
    constexpr int block = 64;
    if (key.size() > block)
        key = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    key = key.leftJustified(block, '\0');
    QByteArray inner(block, '\0');
    QByteArray outer(block, '\0');
    for (int i = 0; i < block; ++i) {
        inner[i] = char(key.at(i) ^ 0x36);
        outer[i] = char(key.at(i) ^ 0x5c);
    }
    const QByteArray innerHash =
        QCryptographicHash::hash(QByteArray(inner + message), QCryptographicHash::Sha256);
    return QCryptographicHash::hash(QByteArray(outer + innerHash), QCryptographicHash::Sha256);
}

/// A local stand-in for the group robots and a webhook: records every request and answers
/// as DingTalk and WeCom do (HTTP 200 with an errcode), or with HTTP 500 under /broken.
class Receiver final : public QTcpServer
{
public:
    struct Request {
        QByteArray method;
        QUrl url; ///< path and query as requested
        QByteArray body;
    };

    Receiver()
    {
        QVERIFY(listen(QHostAddress::LocalHost, 0));
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { read(socket); });
            }
        });
    }
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(serverPort()).arg(path);
    }

    QList<Request> requests;

private:
    void read(QTcpSocket *socket)
    {
        QByteArray data = socket->property("data").toByteArray() + socket->readAll();
        socket->setProperty("data", data);
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = data.left(end).split('\n');
        qsizetype length = 0;
        for (const QByteArray &line : lines) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (data.size() < end + 4 + length)
            return;
        const QList<QByteArray> first = lines.first().trimmed().split(' ');
        Request r{first.value(0), QUrl(QString::fromLatin1(first.value(1))),
                  data.mid(end + 4, length)};
        requests << r;
        const bool broken = r.url.path().startsWith(QLatin1String("/broken"));
        const QByteArray body =
            broken ? QByteArray("{}") : QByteArray(R"({"errcode":0,"errmsg":"ok"})");
        socket->write((broken ? "HTTP/1.1 500 Internal Server Error\r\n" : "HTTP/1.1 200 OK\r\n") +
                      QByteArray("Content-Type: application/json\r\nConnection: close\r\n"
                                 "Content-Length: ") +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    }
};

QJsonObject env(const QString &name)
{
    return QJsonObject{{QStringLiteral("env"), name}};
}

} // namespace

/// The project's alerts editor: rules and channels edited as undo steps, secrets kept out of
/// the project, and "Send test alert" through every channel against a local receiver — with
/// the DingTalk signature checked by an HMAC computed here.
class TestAlertsEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void rulesAreEditedAsUndoSteps();
    void channelDialogKeepsSecretsOut();
    void problemsAreShownAndBlockTheTest();
    void testAlertReachesEveryChannelSigned();

private:
    QJsonObject ruleAt(int row) const { return m_doc.project().alerts.at(row).toObject(); }

    ProjectDocument m_doc;
    EngineHost m_engine;
    std::unique_ptr<AlertsDialog> m_dialog;
};

void TestAlertsEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(test::loadExample(&m_doc, QStringLiteral("jst-purchasein-to-mysql")));
    QVERIFY(m_doc.project().alerts.isEmpty());
    m_dialog = std::make_unique<AlertsDialog>(&m_doc, &m_engine);
    m_dialog->show();
}

void TestAlertsEditor::rulesAreEditedAsUndoSteps()
{
    QUndoStack *undo = m_doc.undoStack();
    auto *name = m_dialog->findChild<QLineEdit *>(QStringLiteral("ruleName"));
    auto *when = m_dialog->findChild<QComboBox *>(QStringLiteral("when"));
    auto *threshold = m_dialog->findChild<QSpinBox *>(QStringLiteral("threshold"));
    auto *minutes = m_dialog->findChild<QSpinBox *>(QStringLiteral("minutes"));
    auto *quiet = m_dialog->findChild<QSpinBox *>(QStringLiteral("quietMinutes"));
    auto *schemes = m_dialog->findChild<QListWidget *>(QStringLiteral("schemes"));
    QVERIFY(name && when && threshold && minutes && quiet && schemes);

    QTest::mouseClick(m_dialog->findChild<QToolButton *>(QStringLiteral("addRule")),
                      Qt::LeftButton);
    QCOMPARE(m_doc.project().alerts.size(), 1);
    QCOMPARE(m_dialog->currentRule(), 0);
    QCOMPARE(ruleAt(0).value(QStringLiteral("when")).toString(), QStringLiteral("run_failed"));
    const int start = undo->count();

    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("purchase-in failures"));
    QCOMPARE(ruleAt(0).value(QStringLiteral("name")).toString(),
             QStringLiteral("purchase-in failures"));
    QCOMPARE(undo->count(), start + 1); // twenty keystrokes, one step

    when->setCurrentIndex(1);
    Q_EMIT when->activated(1);
    QCOMPARE(ruleAt(0).value(QStringLiteral("when")).toString(), QStringLiteral("failed_records"));
    QVERIFY(threshold->isVisible());
    QVERIFY(!minutes->isVisible());
    threshold->setValue(10);
    QCOMPARE(ruleAt(0).value(QStringLiteral("threshold")).toInt(), 10);
    QCOMPARE(schemes->count(), 1);
    schemes->item(0)->setCheckState(Qt::Checked);
    QCOMPARE(ruleAt(0).value(QStringLiteral("schemes")).toArray(),
             QJsonArray{QStringLiteral("purchasein")});
    quiet->setValue(30);
    QCOMPARE(ruleAt(0).value(QStringLiteral("quietMinutes")).toInt(), 30);
    quiet->setValue(60); // the default is not written
    QVERIFY(!ruleAt(0).contains(QStringLiteral("quietMinutes")));
    m_dialog->setChannel(
        -1, QJsonObject{{QStringLiteral("type"), QStringLiteral("wecom")},
                        {QStringLiteral("webhook"), env(QStringLiteral("WECOM_URL"))}});
    QCOMPARE(ruleAt(0).value(QStringLiteral("channels")).toArray().size(), 1);
    auto *table = m_dialog->findChild<QTableWidget *>(QStringLiteral("channels"));
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(table->item(0, 1)->text().contains(QStringLiteral("WECOM_URL")));
    const QJsonArray done = m_doc.project().alerts;

    // Switching the condition away drops what only the old one meant.
    when->setCurrentIndex(2);
    Q_EMIT when->activated(2);
    QVERIFY(!ruleAt(0).contains(QStringLiteral("threshold")));
    QCOMPARE(ruleAt(0).value(QStringLiteral("minutes")).toInt(), 180);
    QVERIFY(minutes->isVisible());
    undo->undo();
    QCOMPARE(m_doc.project().alerts, done);
    QCOMPARE(when->currentIndex(), 1);

    // Every step undoes, back to no rule at all, and redoes to the same JSON.
    const int steps = undo->index() - start + 1;
    for (int i = 0; i < steps; ++i)
        undo->undo();
    QVERIFY(m_doc.project().alerts.isEmpty());
    QCOMPARE(m_dialog->currentRule(), -1);
    QVERIFY(!name->isEnabled());
    for (int i = 0; i < steps; ++i)
        undo->redo();
    QCOMPARE(m_doc.project().alerts, done);
    QCOMPARE(name->text(), QStringLiteral("purchase-in failures"));

    // Removing is a step too.
    m_dialog->removeRule();
    QVERIFY(m_doc.project().alerts.isEmpty());
    undo->undo();
    QCOMPARE(m_doc.project().alerts, done);
}

void TestAlertsEditor::channelDialogKeepsSecretsOut()
{
    AlertChannelDialog dialog;
    auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    dialog.setType(QStringLiteral("dingtalk"));
    dialog.setAddressFromVariable(false);
    // A robot's real address carries its token: refused.
    dialog.setAddress(QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=abc123"));
    QVERIFY(!dialog.problem().isEmpty());
    QVERIFY(!ok->isEnabled());
    dialog.setAddress(
        QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=${DD_TOKEN}"));
    QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
    QVERIFY(ok->isEnabled());
    dialog.setSecretVariable(QStringLiteral("not a name"));
    QVERIFY(!ok->isEnabled());
    dialog.setSecretVariable(QStringLiteral("DD_SECRET"));
    QCOMPARE(dialog.channel(),
             (QJsonObject{
                 {QStringLiteral("type"), QStringLiteral("dingtalk")},
                 {QStringLiteral("webhook"),
                  QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=${DD_TOKEN}")},
                 {QStringLiteral("secret"), env(QStringLiteral("DD_SECRET"))}}));
    dialog.setAddressFromVariable(true);
    dialog.setAddress(QStringLiteral("DINGTALK_ROBOT_URL"));
    QCOMPARE(dialog.channel().value(QStringLiteral("webhook")).toObject(),
             env(QStringLiteral("DINGTALK_ROBOT_URL")));

    dialog.setType(QStringLiteral("wecom"));
    dialog.setAddressFromVariable(false);
    dialog.setAddress(QStringLiteral("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.channel().contains(QStringLiteral("secret"))); // only DingTalk signs

    dialog.setType(QStringLiteral("webhook"));
    dialog.setAddress(QStringLiteral("https://ops.example.com/weft?token=xyz"));
    QVERIFY(!ok->isEnabled());
    dialog.setAddress(QStringLiteral("https://ops.example.com/weft"));
    QVERIFY(ok->isEnabled());
    QCOMPARE(dialog.channel().value(QStringLiteral("url")).toString(),
             QStringLiteral("https://ops.example.com/weft"));
    QVERIFY(!dialog.channel().contains(QStringLiteral("webhook")));

    // A token already in an old file is not repeated on screen.
    const QString shown = AlertChannelDialog::describe(
        QStringLiteral("https://oapi.dingtalk.com/robot/send?access_token=abc123"));
    QVERIFY2(!shown.contains(QStringLiteral("abc123")), qPrintable(shown));
    QVERIFY(!AlertChannelDialog::addressProblem(
                 QStringLiteral("dingtalk"),
                 QJsonObject{{QStringLiteral("plain"), QStringLiteral("x")}})
                 .isEmpty());
}

void TestAlertsEditor::problemsAreShownAndBlockTheTest()
{
    QJsonArray alerts = m_doc.project().alerts;
    alerts.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("purchase-in failures")},
                              {QStringLiteral("when"), QStringLiteral("no_success")},
                              {QStringLiteral("schemes"), QJsonArray{QStringLiteral("nope")}},
                              {QStringLiteral("channels"), QJsonArray()}});
    m_doc.undoStack()->push(new EditAlertsCommand(&m_doc, alerts, QStringLiteral("x")));
    const QStringList problems = AlertsDialog::ruleProblems(alerts, 1, m_doc.project());
    QCOMPARE(problems.size(), 4); // name used twice, no minutes, unknown scheme, no channel
    m_dialog->selectRule(1);
    auto *label = m_dialog->findChild<QLabel *>(QStringLiteral("ruleProblems"));
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), problems.join(u'\n'));
    QVERIFY(!m_dialog->findChild<QPushButton *>(QStringLiteral("sendTest"))->isEnabled());
    m_doc.undoStack()->undo();
    QCOMPARE(m_dialog->currentRule(), 0);
}

void TestAlertsEditor::testAlertReachesEveryChannelSigned()
{
    Receiver receiver;
    const QByteArray secret = "SECweft-test-0123456789";
    qputenv("WEFT_TEST_DD_URL",
            receiver.url(QStringLiteral("/robot/send?access_token=t0k3n")).toUtf8());
    qputenv("WEFT_TEST_DD_SECRET", secret);
    qputenv("WEFT_TEST_WECOM_URL", receiver.url(QStringLiteral("/cgi-bin/webhook/send")).toUtf8());
    qunsetenv("WEFT_TEST_UNSET_URL");
    QJsonArray channels{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("dingtalk")},
                    {QStringLiteral("webhook"), env(QStringLiteral("WEFT_TEST_DD_URL"))},
                    {QStringLiteral("secret"), env(QStringLiteral("WEFT_TEST_DD_SECRET"))}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("wecom")},
                    {QStringLiteral("webhook"),
                     QStringLiteral("${WEFT_TEST_WECOM_URL}?key=${WEFT_TEST_WECOM_KEY:-k}")}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                    {QStringLiteral("url"), receiver.url(QStringLiteral("/hook"))}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                    {QStringLiteral("url"), receiver.url(QStringLiteral("/broken"))}},
        QJsonObject{{QStringLiteral("type"), QStringLiteral("webhook")},
                    {QStringLiteral("url"), QStringLiteral("${WEFT_TEST_UNSET_URL}")}}};
    // Through the dialog: replace the rule's channel with these, one step each.
    m_dialog->selectRule(0);
    m_dialog->removeChannel(0);
    for (const QJsonValue &c : channels)
        m_dialog->setChannel(-1, c.toObject());
    QCOMPARE(ruleAt(0).value(QStringLiteral("channels")).toArray(), channels);

    auto *send = m_dialog->findChild<QPushButton *>(QStringLiteral("sendTest"));
    QVERIFY(send->isEnabled());
    QSignalSpy finished(m_dialog.get(), &AlertsDialog::testFinished);
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(m_dialog->isTesting());
    QVERIFY(!send->isEnabled());
    QVERIFY(finished.wait(30000));
    const qint64 after = QDateTime::currentMSecsSinceEpoch();

    // Each channel's answer, in channel order.
    const QStringList results = m_dialog->testResults();
    QCOMPARE(results.size(), 5);
    QCOMPARE(results.at(0), QStringLiteral("ok"));
    QCOMPARE(results.at(1), QStringLiteral("ok"));
    QCOMPARE(results.at(2), QStringLiteral("ok"));
    QCOMPARE(results.at(3), QStringLiteral("HTTP 500"));
    QVERIFY2(results.at(4).contains(QStringLiteral("WEFT_TEST_UNSET_URL")),
             qPrintable(results.at(4)));
    auto *table = m_dialog->findChild<QTableWidget *>(QStringLiteral("channels"));
    QVERIFY(table->item(0, 3)->text().startsWith(QStringLiteral("✓")));
    QVERIFY(table->item(3, 3)->text().startsWith(QStringLiteral("✗")));
    QCOMPARE(m_dialog->findChild<QListWidget *>(QStringLiteral("testResults"))->count(), 5);
    QVERIFY(send->isEnabled());

    // What arrived: four requests (the unset variable never left), the DingTalk one signed.
    QCOMPARE(receiver.requests.size(), 4);
    const auto robot = std::find_if(
        receiver.requests.cbegin(), receiver.requests.cend(),
        [](const Receiver::Request &r) { return r.url.path() == QLatin1String("/robot/send"); });
    QVERIFY(robot != receiver.requests.cend());
    QCOMPARE(robot->method, QByteArray("POST"));
    const QUrlQuery query(robot->url);
    QCOMPARE(query.queryItemValue(QStringLiteral("access_token")), QStringLiteral("t0k3n"));
    const QString timestamp = query.queryItemValue(QStringLiteral("timestamp"));
    const qint64 ms = timestamp.toLongLong();
    QVERIFY2(ms >= before && ms <= after, qPrintable(timestamp));
    const QByteArray expected = hmacSha256(secret, timestamp.toLatin1() + '\n' + secret).toBase64();
    QCOMPARE(query.queryItemValue(QStringLiteral("sign"), QUrl::FullyDecoded).toLatin1(), expected);
    const QJsonObject body = QJsonDocument::fromJson(robot->body).object();
    QCOMPARE(body.value(QStringLiteral("msgtype")).toString(), QStringLiteral("text"));
    QVERIFY(body.value(QStringLiteral("text"))
                .toObject()
                .value(QStringLiteral("content"))
                .toString()
                .contains(QStringLiteral("purchase-in failures")));
    // The WeCom robot got its key from the variable's default, not from the project.
    const auto wecom = std::find_if(
        receiver.requests.cbegin(), receiver.requests.cend(), [](const Receiver::Request &r) {
            return r.url.path() == QLatin1String("/cgi-bin/webhook/send");
        });
    QVERIFY(wecom != receiver.requests.cend());
    QCOMPARE(QUrlQuery(wecom->url).queryItemValue(QStringLiteral("key")), QStringLiteral("k"));

    // No secret value went into the project.
    const QByteArray json = QJsonDocument(m_doc.project().alerts).toJson();
    QVERIFY(!json.contains(secret));
    QVERIFY(!json.contains("t0k3n"));
}

QTEST_MAIN(TestAlertsEditor)
#include "tst_alertseditor.moc"
