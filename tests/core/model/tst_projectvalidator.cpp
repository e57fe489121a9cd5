#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "support/testfiles.h"

#include <QDir>
#include <QtTest>

using namespace weft;

class TestProjectValidator : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void examplesAreValid_data();
    void examplesAreValid();
    void unknownConnectionSuggestsTheNearestName();
    void connectionRolesAreChecked();
    void mainSqlColumnsNeedFields();
    void unsafeSqlIsRejected();
    void secretsAndEnvironment();
    void baseUrlMustBeHttp();
    void scheduleDependenciesMustExist();
    void expressionsAreCompiled();
    void alertRulesAreChecked();
};

namespace {

Project load(const QByteArray &json)
{
    const ProjectLoadResult r = loadProject(json);
    if (!r.project)
        qWarning("%s", qPrintable(r.diagnostics.value(0).toString()));
    return r.project.value_or(Project{});
}

QStringList messages(const Diagnostics &ds, const QString &pointerPrefix)
{
    QStringList out;
    for (const Diagnostic &d : ds) {
        if (d.pointer.startsWith(pointerPrefix))
            out << d.message;
    }
    return out;
}

const QByteArray kBase = R"({"format": "weft-project", "version": 1,
  "connections": [
    {"name": "jst", "type": "jushuitan", "baseUrl": "${WEFT_MOCK_URL:-http://127.0.0.1:18080}/jst",
     "account": {"appKey": "k", "appSecret": {"env": "JST_SECRET"}, "accessToken": {"env": "T"}}},
    {"name": "db", "type": "mysql", "account": {"host": "h", "user": "u", "database": "d",
     "password": {"plain": "oops"}}},
    {"name": "local", "type": "local_store"}
  ],
  "schemes": [%SCHEMES%]})";

QByteArray withSchemes(const QByteArray &schemes)
{
    QByteArray json = kBase;
    json.replace("%SCHEMES%", schemes);
    return json;
}

} // namespace

void TestProjectValidator::examplesAreValid_data()
{
    QTest::addColumn<QString>("file");
    const QDir dir(test::sourcePath("resources/examples"));
    for (const QString &f : dir.entryList({"*.weft.json"}))
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestProjectValidator::examplesAreValid()
{
    QFETCH(QString, file);
    for (const Diagnostic &d : validateProjectFile(file))
        QVERIFY2(!d.isError(), qPrintable(d.toString(file)));
}

void TestProjectValidator::unknownConnectionSuggestsTheNearestName()
{
    const Project p = load(withSchemes(R"({"name": "s",
        "source": {"connection": "jsst", "metadata": {"api": "/open/x"}},
        "target": {"connection": "local", "metadata": {}}})"));
    const QStringList m = messages(validateProject(p), "/schemes/0/source/connection");
    QCOMPARE(m.size(), 1);
    QCOMPARE(m.first(), QStringLiteral("no connection named \"jsst\" (did you mean jst?)"));
}

void TestProjectValidator::connectionRolesAreChecked()
{
    // Jushuitan cannot be written to; a MySQL target without main_sql says what it needs.
    const Project p = load(withSchemes(R"({"name": "s",
        "source": {"connection": "db", "metadata": {"effect": "EXECUTE"}},
        "target": {"connection": "jst", "metadata": {"api": "/x"}}},
        {"name": "t", "source": {"connection": "jst", "metadata": {"api": "/x"}},
         "target": {"connection": "db", "metadata": {}}})"));
    const Diagnostics ds = validateProject(p);
    QVERIFY(messages(ds, "/schemes/0/target/connection")
                .contains("jushuitan connections cannot be a target"));
    QVERIFY(messages(ds, "/schemes/0/source/metadata/effect")
                .contains("a source has effect QUERY"));
    QVERIFY(messages(ds, "/schemes/0/source/metadata").join(' ').contains("needs \"sql\""));
    QVERIFY(messages(ds, "/schemes/1/target/metadata").join(' ').contains("main_sql"));
}

void TestProjectValidator::mainSqlColumnsNeedFields()
{
    const Project p = load(withSchemes(R"({"name": "s",
        "source": {"connection": "jst", "metadata": {"api": "/x"}},
        "target": {"connection": "db", "metadata": {
           "request": [{"field": "id", "value": "{id}"}, {"field": "nmae", "value": "{n}"},
                       {"field": "extra", "value": "1"}],
           "otherRequest": [{"field": "main_sql", "value": "REPLACE INTO t(id, name) VALUES"}]}}})"));
    const Diagnostics ds = validateProject(p);
    const QStringList sql = messages(ds, "/schemes/0/target/metadata/otherRequest/0/value");
    QCOMPARE(sql.size(), 1);
    QVERIFY2(sql.first().contains("column name has no request field \"name\"") &&
                 sql.first().contains("did you mean nmae?"),
             qPrintable(sql.first()));
    QVERIFY(!messages(ds, "/schemes/0/target/metadata/request/2").isEmpty()); // not written
}

void TestProjectValidator::unsafeSqlIsRejected()
{
    const Project p = load(withSchemes(R"({"name": "s",
        "source": {"connection": "jst", "metadata": {"api": "/x"}},
        "target": {"connection": "db", "metadata": {"request": [{"field": "a", "value": "1"}],
           "main_sql": "INSERT INTO t(a) VALUES; DROP TABLE t"}}})"));
    QVERIFY(messages(validateProject(p), "/schemes/0/target/metadata/main_sql")
                .join(' ')
                .contains("only ON DUPLICATE KEY UPDATE may follow"));
}

void TestProjectValidator::secretsAndEnvironment()
{
    const Project p = load(withSchemes(""));
    ValidateOptions options;
    options.checkEnvironment = true;
    options.environment = [](const QString &name) {
        return name == QLatin1String("T") ? QStringLiteral("token") : QString();
    };
    const Diagnostics ds = validateProject(p, options);
    QVERIFY(messages(ds, "/connections/1/account/password").join(' ').contains("plain text"));
    QVERIFY(messages(ds, "/connections/0/account/appSecret")
                .join(' ')
                .contains("JST_SECRET is not set"));
    QVERIFY(messages(ds, "/connections/0/account/accessToken").isEmpty());
    QVERIFY(!hasErrors(ds)); // warnings only: the project may be meant for another machine
}

void TestProjectValidator::baseUrlMustBeHttp()
{
    QByteArray json = withSchemes("");
    json.replace("${WEFT_MOCK_URL:-http://127.0.0.1:18080}/jst", "ftp://host/x");
    QVERIFY(messages(validateProject(load(json)), "/connections/0/baseUrl")
                .join(' ')
                .contains("not an http:// or https:// URL"));
}

void TestProjectValidator::scheduleDependenciesMustExist()
{
    const Project p = load(withSchemes(R"({"name": "a",
        "source": {"connection": "jst", "metadata": {"api": "/x"}},
        "target": {"connection": "local", "metadata": {}},
        "schedule": {"kind": "interval", "everyMinutes": 5, "after": ["b", "a"]}})"));
    const QStringList m = messages(validateProject(p), "/schemes/0/schedule/after");
    QCOMPARE(m.size(), 2);
    QVERIFY(m.at(1).contains("itself"));
}

void TestProjectValidator::expressionsAreCompiled()
{
    const Diagnostics ds =
        validateProjectFile(test::sourcePath("tests/data/projects/bad-expressions.weft.json"));
    QCOMPARE(errorCount(ds), 4);
    QVERIFY(messages(ds, "/schemes/0/steps/0/condition")
                .join(' ')
                .contains("unknown function DATE_FROMAT (did you mean DATE_FORMAT?) at column 11"));
    QVERIFY(messages(ds, "/schemes/0/source/metadata/request/0/value").join(' ').contains("unclosed"));
    QVERIFY(messages(ds, "/schemes/0/target/metadata/request/0/value")
                .join(' ')
                .contains("unknown scheme nosuch"));
    QVERIFY(messages(ds, "/schemes/0/target/metadata/request/1/parser")
                .join(' ')
                .contains("did you mean ConvertObjectParser?"));
    for (const Diagnostic &d : ds)
        QVERIFY(d.position.isValid());
}

QTEST_APPLESS_MAIN(TestProjectValidator)
void TestProjectValidator::alertRulesAreChecked()
{
    // What weft-run serve would ignore (with a line in its log) is an error of the file.
    QByteArray json = withSchemes(R"({"name": "purchasein",
        "source": {"connection": "jst", "metadata": {"api": "/x"}},
        "target": {"connection": "local", "metadata": {}}})");
    json.chop(1); // the closing brace of the project
    json += R"(, "alerts": [
        {"name": "late", "when": "no_success", "minutes": 0, "schemes": ["purchasin"],
         "channels": [{"type": "dingtalk", "webhook": {"env": "ROBOT_URL"}}]},
        {"name": "late", "when": "run_failed",
         "channels": [{"type": "sms", "to": "123"}]},
        {"name": "ok", "when": "failed_records", "threshold": 5, "schemes": ["purchasein"],
         "channels": [{"type": "webhook", "url": "https://ops.example/hook?access_token=abc"}]},
        "not a rule"
    ]})";
    const Project p = load(json);
    const Diagnostics ds = validateProject(p);
    QCOMPARE(messages(ds, "/alerts/0/minutes"),
             QStringList{"a no_success rule needs \"minutes\" > 0"});
    QCOMPARE(messages(ds, "/alerts/0/schemes/0"),
             QStringList{"no scheme named \"purchasin\" (did you mean purchasein?)"});
    QCOMPARE(messages(ds, "/alerts/1/name"),
             QStringList{"another alert rule is also named \"late\""});
    QVERIFY(messages(ds, "/alerts/1/channels/0/type").join(' ').contains("not dingtalk, wecom"));
    QVERIFY(messages(ds, "/alerts/3").join(' ').contains("an alert rule is an object"));
    // A usable rule with a token written into its URL: a warning, not an error.
    bool warned = false;
    for (const Diagnostic &d : ds) {
        if (d.pointer == QLatin1String("/alerts/2/channels/0/url")) {
            QCOMPARE(d.severity, Diagnostic::Severity::Warning);
            warned = d.message.contains("secret");
        }
        QVERIFY2(!d.pointer.startsWith(QLatin1String("/alerts/2")) || !d.isError(),
                 qPrintable(d.toString(QString())));
    }
    QVERIFY(warned);
}

#include "tst_projectvalidator.moc"
