// Security (issue 7): no secret value ends up in a project file, the state store or the logs.
// Every example project is run against weft-mock — cleanly, and with faults, retries and
// tokens expired mid-run so that renewals and error paths are logged too — with a log file at
// debug level and the console log captured. The secrets: the mock's credentials (passed in
// environment variables, as in production) and every token and session the mock issued during
// the runs (it logs each one it issues).
#include "reliability/reliability.h"
#include "support/testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>

#include <numeric>

using namespace weft::test;

namespace {

const QStringList kMockArgs = anchoredMock({"--seed", "3", "--jst-purchaseins", "80",
                                            "--jdy-customers", "60", "--k3-materials", "120",
                                            "--dd-instances", "80", "--jst-partners", "20"});

struct Example {
    const char *name;
    const char *database; // empty: no MySQL
    QStringList mounts;
};

const Example kExamples[] = {
    {"jst-warehouses-to-jdy", "", {"/jushuitan", "/jdy"}},
    {"jdy-customers-to-local", "", {"/jdy"}},
    {"jst-purchasein-to-mysql", "rel_sec_purchasein", {"/jushuitan"}},
    {"k3-materials-to-mysql", "rel_sec_materials", {"/k3cloud"}},
    {"dingtalk-rebates-to-k3", "", {"/dingtalk", "/k3cloud"}},
};

/// Every secret value this test knows of: the mock's credentials and what it issued.
QStringList secrets(IntegrationEnv &env)
{
    QStringList out;
    const QProcessEnvironment e = env.environment();
    for (const char *name : {"JST_APP_SECRET", "JST_ACCESS_TOKEN", "JST_REFRESH_TOKEN",
                             "JDY_CLIENT_SECRET", "JDY_APP_SECRET", "K3_APP_SECRET",
                             "DINGTALK_APP_SECRET", "WEFT_MYSQL_PASSWORD"}) {
        const QString v = e.value(QLatin1String(name));
        if (!v.isEmpty())
            out << v;
    }
    const QJsonObject info = env.control("GET", "/_mock/info").object();
    for (const auto &[system, key] :
         {std::pair{"jushuitan", "appSecret"}, {"jushuitan", "accessToken"},
          {"jushuitan", "refreshToken"}, {"jushuitan", "authCode"}, {"jdy", "clientSecret"},
          {"jdy", "appSecret"}, {"k3cloud", "appSecret"}, {"k3cloud", "password"},
          {"dingtalk", "appSecret"}}) {
        const QString v = info.value(QLatin1String(system)).toObject().value(QLatin1String(key)).toString();
        if (!v.isEmpty())
            out << v;
    }
    // "jushuitan: issued access token jst-2-…", "jdy: issued app-token jdy-1-…",
    // "dingtalk: issued access_token dd1…", "k3cloud: LoginByAppSecret opened session …"
    static const QRegularExpression issued(QStringLiteral(
        "(?:issued access token|issued app-token|issued access_token|opened session) (\\S+)"));
    const QString log = QString::fromUtf8(env.mock().log());
    for (auto it = issued.globalMatch(log); it.hasNext();)
        out << it.next().captured(1);
    out.removeDuplicates();
    return out;
}

/// Where a secret must not be: name → bytes.
QMap<QString, QByteArray> haystacks(const IntegrationEnv &env, const QString &logDir,
                                    const QByteArray &console)
{
    QMap<QString, QByteArray> out;
    out.insert(QStringLiteral("project file"), readFile(env.projectPath()));
    out.insert(QStringLiteral("state store"), dumpSqlite(env.statePath()));
    // The SQLite files as they lie on disk, WAL included (deleted rows, free pages).
    for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
        if (QFile::exists(env.statePath() + suffix))
            out.insert(QStringLiteral("state store file") + suffix, readFile(env.statePath() + suffix));
    }
    QDirIterator logs(logDir, QDir::Files);
    while (logs.hasNext()) {
        const QString path = logs.next();
        out.insert(QStringLiteral("log file ") + QFileInfo(path).fileName(), readFile(path));
    }
    out.insert(QStringLiteral("console output"), console);
    return out;
}

} // namespace

class TestSecSecrets : public QObject
{
    Q_OBJECT

    void runAndCheck(const Example &example, const QJsonObject &faults, bool expireMidRun)
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(example.name, kMockArgs, example.database, &error), qPrintable(error));
        QVERIFY(makeImpatient(env));
        QTemporaryDir logDir;
        const QString logFile = logDir.filePath("weft.log");
        const QStringList logArgs{"--progress", "jsonl", "--log-file", logFile, "--log-level", "debug"};
        QByteArray console;

        // A clean run, and a second one through faults with every token expired while it runs
        // (for the systems read incrementally, touched records give it something to do).
        BackgroundRun first;
        first.start(env, logArgs, "run", false);
        RunResult r = first.wait();
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
        console += r.out + r.err;
        for (const char *dataset : {"jst-purchaseins", "jdy-customers", "k3-materials", "dd-instances"})
            env.control("POST", "/_mock/touch", {{"dataset", dataset}, {"count", 5}});
        QTest::qWait(1100);
        QJsonObject f = faults;
        f.insert("only", QJsonArray::fromStringList(example.mounts));
        env.control("POST", "/_mock/faults", f);
        BackgroundRun second;
        second.start(env, logArgs, "run", false);
        if (expireMidRun) {
            waitUntil([&] { return mockBusinessCalls(env) > 2 || !second.isRunning(); }, 60000, 5);
            env.control("POST", "/_mock/faults", {{"expireTokens", true}});
        }
        r = second.wait();
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, describe(r).constData());
        console += r.out + r.err;
        // The inspection commands print what the state store holds.
        for (const QStringList &cmd : {QStringList{"failed", "--format", "json"},
                                       QStringList{"history", "--json"}}) {
            const RunResult inspect = env.weftRun(cmd.first(), cmd.mid(1));
            console += inspect.out + inspect.err;
        }

        const QStringList values = secrets(env);
        QVERIFY2(values.size() >= 8, qPrintable(values.join(", ")));
        const QMap<QString, QByteArray> places = haystacks(env, logDir.path(), console);
        QVERIFY2(places.value("log file weft.log").size() > 200, "the log file is (nearly) empty");
        QVERIFY(places.value("state store").contains("== runs"));
        for (auto place = places.begin(); place != places.end(); ++place) {
            for (const QString &secret : values) {
                QVERIFY2(!place.value().contains(secret.toUtf8()),
                         qPrintable(QStringLiteral("%1: the secret %2 appears in the %3")
                                        .arg(QLatin1String(example.name), secret, place.key())));
            }
        }
        qInfo("%s: %lld secrets checked against %lld places (%lld bytes)", example.name,
              qint64(values.size()), qint64(places.size()),
              std::accumulate(places.begin(), places.end(), qint64(0),
                              [](qint64 n, const QByteArray &b) { return n + b.size(); }));
    }

private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void examples_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < int(std::size(kExamples)); ++i)
            QTest::newRow(kExamples[i].name) << i;
    }

    void examples()
    {
        // Faults that make the connectors retry and log: 5xx, resets, throttling.
        QFETCH(int, index);
        runAndCheck(kExamples[index],
                    QJsonObject{{"http5xxRate", 0.08}, {"resetRate", 0.03}, {"throttleRate", 0.04}},
                    true);
    }

    void lostAnswersOfTokenCalls()
    {
        // A token or login answer cut short or malformed: the connector quotes the start of
        // the body it could not parse in its error — which holds the new token, so the quote
        // must be redacted.
        runAndCheck(kExamples[0], QJsonObject{{"truncateRate", 0.15}, {"malformedRate", 0.15}}, false);
        runAndCheck(kExamples[4], QJsonObject{{"truncateRate", 0.15}, {"malformedRate", 0.15}}, false);
    }
};

QTEST_GUILESS_MAIN(TestSecSecrets)
#include "tst_sec_secrets.moc"
