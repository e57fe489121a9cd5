#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

/// weft-studio itself (src/studio/main.cpp), started as a user starts it, on the offscreen
/// platform with settings and data directories of its own: its command line, the project it
/// is given, the language it is told, and the log it writes.
class TestStudio : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionAndHelp();
    void opensTheProjectItIsGiven();

private:
    /// A weft-studio process whose settings and data live under `home`.
    static void prepare(QProcess *studio, const QString &home);
};

void TestStudio::prepare(QProcess *studio, const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.remove(QStringLiteral("WEFT_GROUP_READABLE"));
    studio->setProcessEnvironment(env);
    studio->setProgram(qEnvironmentVariable("WEFT_STUDIO_BIN"));
}

void TestStudio::versionAndHelp()
{
    QTemporaryDir home;
    QProcess studio;
    prepare(&studio, home.path());
    studio.setArguments({QStringLiteral("--version")});
    studio.start();
    QVERIFY(studio.waitForFinished(60000));
    QCOMPARE(studio.exitStatus(), QProcess::NormalExit);
    QCOMPARE(studio.exitCode(), 0);
    QCOMPARE(QString::fromUtf8(studio.readAllStandardOutput()).trimmed(),
             QStringLiteral("weft-studio " WEFT_VERSION));

    studio.setArguments({QStringLiteral("--help")});
    studio.start();
    QVERIFY(studio.waitForFinished(60000));
    QCOMPARE(studio.exitCode(), 0);
    const QString help = QString::fromUtf8(studio.readAllStandardOutput());
    QVERIFY2(help.contains(QStringLiteral("--language <CODE>")), qPrintable(help));
    QVERIFY2(help.contains(QRegularExpression(QStringLiteral("\\bproject\\b.*weft\\.json"))),
             qPrintable(help));

    // An option it does not know is refused, not ignored.
    studio.setArguments({QStringLiteral("--no-such-option")});
    studio.start();
    QVERIFY(studio.waitForFinished(60000));
    QVERIFY(studio.exitCode() != 0);
    QVERIFY(studio.readAllStandardError().contains("no-such-option"));
}

void TestStudio::opensTheProjectItIsGiven()
{
    QTemporaryDir home;
    const QString project =
        QDir(qEnvironmentVariable("WEFT_EXAMPLES_DIR"))
            .absoluteFilePath(QStringLiteral("jst-warehouses-to-jdy.weft.json"));
    QVERIFY(QFileInfo::exists(project));
    QProcess studio;
    prepare(&studio, home.path());
    studio.setArguments({project, QStringLiteral("--language"), QStringLiteral("zh_CN")});
    studio.start();
    QVERIFY(studio.waitForStarted());

    // The designer keeps what it opened in its recent projects, and the language it was told
    // as the user's choice: both in its settings file, written once its event loop runs.
    const QString settingsFile = home.filePath(QStringLiteral("config/Weft/weft-studio.conf"));
    auto setting = [&](const QString &key) {
        return QSettings(settingsFile, QSettings::IniFormat).value(key);
    };
    QElapsedTimer timer;
    timer.start();
    while (setting(QStringLiteral("recentProjects")).toStringList().value(0) != project &&
           timer.elapsed() < 60000 && studio.state() == QProcess::Running)
        QTest::qWait(100);
    QCOMPARE(studio.state(), QProcess::Running);
    QCOMPARE(setting(QStringLiteral("recentProjects")).toStringList().value(0), project);
    QCOMPARE(setting(QStringLiteral("language")).toString(), QStringLiteral("zh_CN"));

    // Its log (it quotes failed records) is the owner's only.
    const QString log = home.filePath(QStringLiteral("data/Weft/weft-studio/weft-studio.log"));
    QVERIFY2(QFileInfo::exists(log), qPrintable(log));
#ifdef Q_OS_UNIX
    const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther |
                        QFileDevice::WriteOther;
    QVERIFY((QFile::permissions(log) & others) == 0);
#endif

    studio.kill();
    QVERIFY(studio.waitForFinished(30000));
}

QTEST_GUILESS_MAIN(TestStudio)
#include "tst_studio.moc"
