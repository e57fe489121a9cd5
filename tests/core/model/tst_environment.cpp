#include "core/model/environment.h"
#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"

#include <QtTest>

using namespace weft;

/// Environments: the format (read, written back unchanged), how a variable is looked up
/// (environment over project over process) and what validate says about each environment.
class TestEnvironment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip();
    void oldProjectsHaveNone();
    void environmentOverridesProjectOverridesProcess();
    void secretReferencesGoThroughTheSecretLookup();
    void readerReportsBadEnvironments();
    void validateChecksEveryEnvironment();
    void validateOneEnvironment();
};

namespace {

const QByteArray kProject = R"({"format": "weft-project", "version": 1,
  "variables": {"JST_URL": "http:\/\/shared.example/jst", "JST_APP_KEY": "shared-app"},
  "environments": [
    {"name": "测试", "variables": {"JST_URL": "http:\/\/test.example/jst",
                                  "JST_SECRET": {"env": "TEST_JST_SECRET"}}},
    {"name": "生产", "variables": {"JST_APP_KEY": "prod-app",
                                  "JST_SECRET": {"keychain": "weft/jst-prod"}}}
  ],
  "activeEnvironment": "测试",
  "connections": [
    {"name": "jst", "type": "jushuitan", "baseUrl": "${JST_URL}",
     "account": {"appKey": "${JST_APP_KEY}", "appSecret": {"env": "JST_SECRET"},
                 "accessToken": {"env": "JST_TOKEN"}}}
  ],
  "schemes": []})";

Project load(const QByteArray &json, Diagnostics *diagnostics = nullptr)
{
    const ProjectLoadResult r = loadProject(json);
    if (diagnostics)
        *diagnostics = r.diagnostics;
    return r.project.value_or(Project{});
}

EnvLookup fakeProcess(const QHash<QString, QString> &values)
{
    return [values](const QString &name) { return values.value(name); };
}

QStringList messagesAt(const Diagnostics &ds, const QString &pointer)
{
    QStringList out;
    for (const Diagnostic &d : ds) {
        if (d.pointer == pointer)
            out << d.message;
    }
    return out;
}

} // namespace

void TestEnvironment::roundTrip()
{
    Diagnostics diagnostics;
    const Project p = load(kProject, &diagnostics);
    QVERIFY2(diagnostics.isEmpty(), qPrintable(diagnostics.value(0).toString()));
    QCOMPARE(p.environmentNames(), (QStringList{"测试", "生产"}));
    QCOMPARE(p.activeEnvironment, QStringLiteral("测试"));
    QCOMPARE(p.variables.value("JST_APP_KEY").toString(), QStringLiteral("shared-app"));
    QCOMPARE(p.environment("生产")->variables.value("JST_SECRET").toObject().value("keychain"),
             QJsonValue("weft/jst-prod"));
    // Written and read again: the same project, environments in their order.
    const Project again = load(saveProject(p));
    QCOMPARE(again, p);
}

void TestEnvironment::oldProjectsHaveNone()
{
    const Project p = load(R"({"format": "weft-project", "version": 1, "connections": [],
                               "schemes": []})");
    QVERIFY(p.environments.isEmpty());
    QVERIFY(p.activeEnvironment.isEmpty());
    const QByteArray saved = saveProject(p);
    QVERIFY(!saved.contains("environments"));
    QVERIFY(!saved.contains("activeEnvironment"));
    QVERIFY(!saved.contains("variables"));
    // Without environments a name is read from the process, as before.
    const EnvLookup env =
        layerEnvironment(p, {}, fakeProcess({{"JST_URL", "http://p"}}), [](auto) { return ""; });
    QCOMPARE(env("JST_URL"), QStringLiteral("http://p"));
    QVERIFY(env("OTHER").isNull());
}

void TestEnvironment::environmentOverridesProjectOverridesProcess()
{
    const Project p = load(kProject);
    const EnvLookup process =
        fakeProcess({{"JST_URL", "http://process"}, {"JST_TOKEN", "t"}, {"JST_APP_KEY", "x"}});
    const auto noSecrets = [](const SecretRef &) { return QString(); };
    const EnvLookup test = layerEnvironment(p, "测试", process, noSecrets);
    QCOMPARE(test("JST_URL"), QStringLiteral("http://test.example/jst")); // the environment's
    QCOMPARE(test("JST_APP_KEY"), QStringLiteral("shared-app"));          // the project's
    QCOMPARE(test("JST_TOKEN"), QStringLiteral("t"));                     // the process's
    const EnvLookup prod = layerEnvironment(p, "生产", process, noSecrets);
    QCOMPARE(prod("JST_URL"), QStringLiteral("http://shared.example/jst"));
    QCOMPARE(prod("JST_APP_KEY"), QStringLiteral("prod-app"));
    // ${…} in a connection expands through the same lookup.
    QCOMPARE(expandEnv(p.connection("jst")->baseUrl, prod).text,
             QStringLiteral("http://shared.example/jst"));
    // The lookup keeps its own copy: later edits of the project do not leak into it.
    Project edited = p;
    const EnvLookup before = layerEnvironment(edited, "测试", process, noSecrets);
    edited.environment("测试")->variables.insert("JST_URL", "http://changed");
    QCOMPARE(before("JST_URL"), QStringLiteral("http://test.example/jst"));
}

void TestEnvironment::secretReferencesGoThroughTheSecretLookup()
{
    const Project p = load(kProject);
    QList<SecretRef> asked;
    const auto secrets = [&asked](const SecretRef &ref) -> QString {
        asked << ref;
        return QStringLiteral("secret-of-") + ref.key;
    };
    const EnvLookup test = layerEnvironment(p, "测试", fakeProcess({}), secrets);
    QCOMPARE(test("JST_SECRET"), QStringLiteral("secret-of-TEST_JST_SECRET"));
    const EnvLookup prod = layerEnvironment(p, "生产", fakeProcess({}), secrets);
    QCOMPARE(prod("JST_SECRET"), QStringLiteral("secret-of-weft/jst-prod"));
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked.at(1).kind, SecretRef::Kind::Keychain);
    // Only what is asked for is looked up: nothing was read while building the lookups.
    QCOMPARE(test("JST_APP_KEY"), QStringLiteral("shared-app"));
    QCOMPARE(asked.size(), 2);
}

void TestEnvironment::readerReportsBadEnvironments()
{
    Diagnostics ds;
    load(R"({"format": "weft-project", "version": 1, "connections": [], "schemes": [],
      "variables": {"1BAD": "x", "OK": [1]},
      "environments": [{"name": "a", "variables": {"S": {"plain": "p"}, "T": {"vault": "x"}}},
                       {"name": "a"}, {"variables": {}}],
      "activeEnvironment": "b"})",
         &ds);
    QVERIFY(messagesAt(ds, "/variables/1BAD").value(0).contains("cannot be a variable name"));
    QVERIFY(messagesAt(ds, "/variables/OK").value(0).contains("string or a secret reference"));
    QVERIFY(messagesAt(ds, "/environments/0/variables/S").value(0).contains("plain text"));
    QVERIFY(messagesAt(ds, "/environments/0/variables/T").value(0).contains("secret reference"));
    QVERIFY(messagesAt(ds, "/environments/1/name").value(0).contains("used twice"));
    QVERIFY(!messagesAt(ds, "/environments/2/name").isEmpty()); // a name is required
    QVERIFY(messagesAt(ds, "/activeEnvironment").value(0).contains("no environment named \"b\""));
}

void TestEnvironment::validateChecksEveryEnvironment()
{
    const Project p = load(kProject);
    ValidateOptions options;
    options.checkEnvironment = true;
    // The process has the test secret and the token, not the production key: only 测试 works.
    options.environment = fakeProcess({{"TEST_JST_SECRET", "s"}, {"JST_TOKEN", "t"}});
    Diagnostics ds = validateProject(p, options);
    QVERIFY2(ds.isEmpty(), qPrintable(ds.value(0).message));

    // Without the token, both environments miss it: one problem, no environment named.
    options.environment = fakeProcess({{"TEST_JST_SECRET", "s"}});
    ds = validateProject(p, options);
    QCOMPARE(messagesAt(ds, "/connections/0/account/accessToken").size(), 1);
    QVERIFY(!messagesAt(ds, "/connections/0/account/accessToken").first().contains("测试"));

    // Without the test secret only 测试 misses it, and the problem says so (twice: where the
    // connection uses it and where the environment points at the process).
    options.environment = fakeProcess({{"JST_TOKEN", "t"}});
    ds = validateProject(p, options);
    const QStringList secret = messagesAt(ds, "/connections/0/account/appSecret");
    QCOMPARE(secret.size(), 1);
    QVERIFY2(secret.first().startsWith("in environment \"测试\""), qPrintable(secret.first()));
    const QStringList where = messagesAt(ds, "/environments/0/variables/JST_SECRET");
    QCOMPARE(where.size(), 1);
    QVERIFY(where.first().contains("TEST_JST_SECRET"));

    // A base URL only one environment breaks.
    Project broken = p;
    broken.environment("生产")->variables.insert("JST_URL", "ftp://nope");
    options.environment = fakeProcess({{"TEST_JST_SECRET", "s"}, {"JST_TOKEN", "t"}});
    ds = validateProject(broken, options);
    const QStringList url = messagesAt(ds, "/connections/0/baseUrl");
    QCOMPARE(url.size(), 1);
    QVERIFY2(url.first().startsWith("in environment \"生产\""), qPrintable(url.first()));
}

void TestEnvironment::validateOneEnvironment()
{
    const Project p = load(kProject);
    ValidateOptions options;
    options.checkEnvironment = true;
    options.environment = fakeProcess({{"JST_TOKEN", "t"}});
    options.onlyEnvironment = "生产"; // its secret is in the keychain: nothing to report
    Diagnostics ds = validateProject(p, options);
    QVERIFY2(ds.isEmpty(), qPrintable(ds.value(0).message));
    options.onlyEnvironment = "staging";
    ds = validateProject(p, options);
    QCOMPARE(ds.size(), 1);
    QVERIFY(ds.first().isError());
    QVERIFY(ds.first().message.contains("no environment named \"staging\""));
    QVERIFY(ds.first().message.contains("测试, 生产"));
}

QTEST_GUILESS_MAIN(TestEnvironment)
#include "tst_environment.moc"
