#include "weftrun.h"

// `weft-run … --env NAME`: the environment a command uses, an unknown name refused with the
// names the project has, and validate checking every environment.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

namespace {

using Result = weft::test::WeftRunResult;

Result runWeft(const QStringList &args)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    // The test environment's secret is in the process, the production one's is not.
    env.insert("WEFT_TEST_TOKEN", "test-token");
    env.remove("WEFT_PROD_TOKEN");
    env.remove("API_TOKEN");
    env.insert("LANG", "C.UTF-8");
    return weft::test::runWeft(args, env);
}

QJsonObject environment(const QString &name, const QString &path, const QString &tokenVar)
{
    // Port 9 (discard) has no HTTP server: a fetch fails at once, after the connection was
    // resolved. Built as JSON objects: a raw string holding "http://" would end moc's reading.
    return QJsonObject{
        {"name", name},
        {"variables",
         QJsonObject{{"SRC_URL", QString(QStringLiteral("http://127.0.0.1:9/") + path)},
                     {"API_TOKEN", QJsonObject{{"env", tokenVar}}}}}};
}

} // namespace

class TestCliEnv : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_project = m_dir.filePath("envs.weft.json");
        const QJsonObject source{
            {"connection", "api"},
            {"metadata", QJsonObject{{"api", "/items"},
                                     {"method", "GET"},
                                     {"id", "id"},
                                     {"responsePath", "items"},
                                     {"paging", QJsonObject{{"type", "none"}}}}}};
        const QJsonObject root{
            {"format", "weft-project"},
            {"version", 1},
            {"activeEnvironment", "测试"},
            {"environments", QJsonArray{environment("测试", "test", "WEFT_TEST_TOKEN"),
                                        environment("生产", "prod", "WEFT_PROD_TOKEN")}},
            {"connections",
             QJsonArray{QJsonObject{
                            {"name", "api"},
                            {"type", "http_json"},
                            {"baseUrl", "${SRC_URL}"},
                            {"account", QJsonObject{{"auth", "bearer"},
                                                    {"token", QJsonObject{{"env", "API_TOKEN"}}}}}},
                        QJsonObject{{"name", "local"}, {"type", "local_store"}}}},
            {"schemes", QJsonArray{QJsonObject{
                            {"name", "s"},
                            {"retry", QJsonObject{{"attempts", 1}, {"initialDelayMs", 10}}},
                            {"source", source},
                            {"target", QJsonObject{{"connection", "local"},
                                                   {"metadata", QJsonObject{{"api", "x"}}}}}}}}};
        QFile f(m_project);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(root).toJson());
    }

    void anUnknownEnvironmentIsAUsageError_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("run") << QStringList{"run", m_project};
        QTest::newRow("preview") << QStringList{"preview", m_project, "--scheme", "s"};
        QTest::newRow("serve") << QStringList{"serve", m_project};
        QTest::newRow("retry") << QStringList{"retry", m_project, "--all"};
    }

    void anUnknownEnvironmentIsAUsageError()
    {
        QFETCH(QStringList, args);
        const Result r = runWeft(args + QStringList{"--env", "staging", "--log-file", "none"});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no environment named \"staging\"; the project has: 测试, 生产"),
                 qPrintable(r.err));
    }

    void theChosenEnvironmentsSecretsAreUsed()
    {
        // Default (测试): its token resolves from WEFT_TEST_TOKEN, the run gets as far as the
        // network (port 9) and stops there.
        const Result test = runWeft({"run", m_project, "--log-file", "none"});
        QCOMPARE(test.exitCode, 3);
        QVERIFY2(!test.err.contains("API_TOKEN"), qPrintable(test.err));
        // 生产 points API_TOKEN at WEFT_PROD_TOKEN, which the process lacks: the connection
        // cannot be resolved, and the message says which variable.
        const Result prod = runWeft({"run", m_project, "--env", "生产", "--log-file", "none"});
        QCOMPARE(prod.exitCode, 3);
        QVERIFY2(prod.err.contains("API_TOKEN"), qPrintable(prod.err));
        // And back: --env 测试 is the default's result again.
        const Result again = runWeft({"run", m_project, "--env", "测试", "--log-file", "none"});
        QVERIFY2(!again.err.contains("API_TOKEN"), qPrintable(again.err));
    }

    void validateChecksEveryEnvironment()
    {
        const Result all = runWeft({"validate", m_project});
        QCOMPARE(all.exitCode, 0); // missing variables are warnings
        QVERIFY2(all.err.contains("in environment \"生产\": environment variable WEFT_PROD_TOKEN "
                                  "is not set"),
                 qPrintable(all.err));
        QVERIFY2(!all.err.contains("in environment \"测试\""), qPrintable(all.err));
        const Result test = runWeft({"validate", m_project, "--env", "测试"});
        QCOMPARE(test.exitCode, 0);
        QVERIFY2(!test.err.contains("WEFT_PROD_TOKEN"), qPrintable(test.err));
        const Result unknown = runWeft({"validate", m_project, "--env", "staging"});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY2(unknown.err.contains("no environment named \"staging\""), qPrintable(unknown.err));
    }

private:
    QTemporaryDir m_dir;
    QString m_project;
};

QTEST_GUILESS_MAIN(TestCliEnv)
#include "tst_cli_env.moc"
