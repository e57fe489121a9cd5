#include "core/connectors/projectenvironment.h"
#include "core/connectors/resolvedconnection.h"
#include "core/model/projectio.h"

#include <QtTest>

using namespace weft;

/// A run's connections resolved under the project's active environment.
class TestProjectEnvironment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void connectionsResolveUnderTheActiveEnvironment();
};

namespace {

const QByteArray kProject = R"({"format": "weft-project", "version": 1,
  "environments": [
    {"name": "测试", "variables": {"BASE": "http:\/\/test.example", "SECRET": {"env": "T_SECRET"}}},
    {"name": "生产", "variables": {"BASE": "https:\/\/prod.example/", "SECRET": {"plain": "p"}}}
  ],
  "activeEnvironment": "测试",
  "connections": [
    {"name": "dt", "type": "dingtalk", "baseUrl": "${BASE}",
     "account": {"appKey": "${KEY:-k}", "appSecret": {"env": "SECRET"}}}
  ],
  "schemes": []})";

} // namespace

void TestProjectEnvironment::connectionsResolveUnderTheActiveEnvironment()
{
    Project p = *loadProject(kProject).project;
    const EnvLookup process = [](const QString &name) {
        return name == QLatin1String("T_SECRET") ? QStringLiteral("from-process") : QString();
    };
    QString error;
    auto test = resolveConnection(*p.connection("dt"), &error, projectEnvironment(p, process));
    QVERIFY2(test, qPrintable(error));
    QCOMPARE(test->baseUrl, QStringLiteral("http://test.example"));
    // {"env": "SECRET"} → the environment's SECRET → {"env": "T_SECRET"} → the process.
    QCOMPARE(test->account.value("appSecret"), QStringLiteral("from-process"));

    p.activeEnvironment = QStringLiteral("生产");
    auto prod = resolveConnection(*p.connection("dt"), &error, projectEnvironment(p, process));
    QVERIFY2(prod, qPrintable(error));
    QCOMPARE(prod->baseUrl, QStringLiteral("https://prod.example"));
    QCOMPARE(prod->account.value("appSecret"), QStringLiteral("p"));

    // A secret the environment points at but the process lacks: the run stops, naming it.
    p.activeEnvironment = QStringLiteral("测试");
    const EnvLookup empty = [](const QString &) { return QString(); };
    QVERIFY(!resolveConnection(*p.connection("dt"), &error, projectEnvironment(p, empty)));
    QVERIFY2(error.contains("SECRET"), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestProjectEnvironment)
#include "tst_projectenvironment.moc"
