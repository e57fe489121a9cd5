#include "core/log/logging.h"
#include "core/platform/filepermissions.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>
#include <spdlog/logger.h>
#include <spdlog/sinks/ostream_sink.h>
#include <sstream>

using namespace weft;

/// The process-wide log (core/log/logging.h): a registered secret never reaches any sink —
/// as it is, percent-encoded in a URL, escaped in JSON text; the rotating log file is the
/// owner's only.
class TestLogging : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void secretNeverReachesASink();
    void secretsOfAUrl();
    void shortValuesAreNotSecrets();
    void logFileIsRedactedAndOwnerOnly();

private:
    /// Everything an added sink (as the designer's log view is) receives while `write` runs.
    static QString captured(const std::function<void()> &write);
};

void TestLogging::initTestCase()
{
    log::LogSettings quiet;
    quiet.consoleLevel = QStringLiteral("off");
    log::setup(quiet);
}

QString TestLogging::captured(const std::function<void()> &write)
{
    std::ostringstream out;
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    log::addSink(sink);
    write();
    log::logger()->flush();
    log::removeSink(sink);
    return QString::fromStdString(out.str());
}

void TestLogging::secretNeverReachesASink()
{
    // A secret with characters that every quoting changes: a slash, a plus, a quote, a space
    // and Chinese (UTF-8 in JSON, %E5… in a URL).
    const QString secret = QStringLiteral("s3cr/t+k\"ey 密钥");
    log::registerSecret(secret);
    const QString percent = QString::fromLatin1(QUrl::toPercentEncoding(secret));
    const QString form = QString::fromLatin1(QUrl::toPercentEncoding(secret))
                             .replace(QStringLiteral("%20"), QStringLiteral("+"));
    const QString json =
        QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("appSecret"), secret}})
                              .toJson(QJsonDocument::Compact));
    QString jsonSlashes = json;
    jsonSlashes.replace(u'/', QStringLiteral("\\/"));
    // The forms differ from each other and from the value, or the test would prove less.
    QCOMPARE(QSet<QString>({secret, percent, form, json, jsonSlashes}).size(), 5);

    const QString text = captured([&] {
        log::info(QStringLiteral("plain: ") + secret);
        log::warn(QStringLiteral("GET https://api.example.com/x?token=") + percent + "&page=2");
        log::error(QStringLiteral("form body: app_secret=") + form);
        log::debug(QStringLiteral("answer: ") + json);
        log::info(QStringLiteral("answer: ") + jsonSlashes);
    });
    QCOMPARE(text.count(u'\n'), 5);
    for (const QString &leak :
         {secret, percent, form, QStringLiteral("s3cr"), QStringLiteral("密钥")})
        QVERIFY2(!text.contains(leak), qPrintable(leak + QStringLiteral(" in: ") + text));
    QCOMPARE(text.count(QStringLiteral("***")), 5);
    // The rest of each line stays readable.
    QVERIFY(text.contains(QStringLiteral("GET https://api.example.com/x?token=***&page=2")));
    QVERIFY(text.contains(QStringLiteral("answer: {\"appSecret\":\"***\"}")));
    QCOMPARE(log::redact(QStringLiteral("a ") + secret + QStringLiteral(" b")),
             QStringLiteral("a *** b"));
}

void TestLogging::secretsOfAUrl()
{
    log::registerSecretsInUrl(QStringLiteral(
        "https://weft:pa55w0rd@db.example.com/api?access_token=tok-987654&shop=north-store"));
    const QString text = captured([] {
        log::info(QStringLiteral("user weft password pa55w0rd, token tok-987654, "
                                 "shop north-store"));
    });
    QVERIFY2(!text.contains(QStringLiteral("pa55w0rd")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("tok-987654")), qPrintable(text));
    // Only names that say "secret" mark a value: the shop is not one, nor the user.
    QVERIFY(text.contains(QStringLiteral("user weft password ***, token ***, shop north-store")));
}

void TestLogging::shortValuesAreNotSecrets()
{
    // Three characters would redact ordinary words all over the log.
    log::registerSecret(QStringLiteral("run"));
    const QString text = captured([] { log::info(QStringLiteral("run started")); });
    QVERIFY(text.contains(QStringLiteral("run started")));
    QCOMPARE(log::redact(QStringLiteral("run")), QStringLiteral("run"));
}

void TestLogging::logFileIsRedactedAndOwnerOnly()
{
#ifndef Q_OS_UNIX
    QSKIP("file permissions are Unix permissions (platform/filepermissions.h)");
#endif
    qunsetenv("WEFT_GROUP_READABLE");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("weft.log"));
    // A log an earlier version left readable by everyone.
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old line\n");
    }
    const auto everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                          QFileDevice::ReadGroup | QFileDevice::ReadOther;
    QVERIFY(QFile::setPermissions(path, everyone));
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                        QFileDevice::WriteOther;

    // As weft-run and weft-studio start: new files the owner's, then the log set up.
    restrictNewFiles();
    log::registerSecret(QStringLiteral("file-secret-42"));
    log::LogSettings settings;
    settings.consoleLevel = QStringLiteral("off");
    settings.filePath = path;
    settings.maxFileBytes = 4096;
    settings.maxFiles = 2;
    log::setup(settings);
    QVERIFY((QFile::permissions(path) & others) == 0);

    // Enough to rotate: the rotated file and the new one are the owner's too.
    for (int i = 0; i < 100; ++i)
        log::debug(QStringLiteral("line %1 with file-secret-42 in it").arg(i));
    log::logger()->flush();
    const QString rotated = dir.filePath(QStringLiteral("weft.1.log"));
    QVERIFY(QFile::exists(rotated));
    QString all;
    for (const QString &file : {path, rotated}) {
        QVERIFY((QFile::permissions(file) & others) == 0);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        all += QString::fromUtf8(f.readAll());
    }
    QVERIFY(all.contains(QStringLiteral("line 99 with *** in it")));
    QVERIFY(!all.contains(QStringLiteral("file-secret-42")));

    // Back to no file, so that the temporary directory can go.
    log::LogSettings quiet;
    quiet.consoleLevel = QStringLiteral("off");
    log::setup(quiet);
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
