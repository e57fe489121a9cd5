// A validate step's rules one by one (validaterules.h): each check, what an empty value
// passes, `unique` across pages, `exists` against another scheme's records, a condition,
// and what is wrong with a rule when it compiles.
#include "core/engine/validaterules.h"
#include "core/expr/evalcontext.h"
#include "core/expr/lookup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace weft;
using namespace weft::detail;

class TestValidateRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void checks_data();
    void checks();
    void uniqueRemembersTheRun();
    void existsLooksInACollection();
    void compileProblems();
    void severityAndResult();
};

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

ValidateRule rule(const QJsonObject &o, const QStringList &schemes = {})
{
    QStringList problems;
    ValidateRule r = ValidateRule::compile(o, schemes, QStringLiteral("s/0"), &problems);
    if (!problems.isEmpty())
        qWarning() << problems;
    return r;
}

QString check(const ValidateRule &r, const QJsonObject &record, RuleMemory *memory = nullptr,
              expr::LookupProvider *lookup = nullptr)
{
    expr::EvalContext ctx;
    ctx.setRecord(record);
    ctx.setLookupProvider(lookup);
    return r.check(expr::RecordView(record), ctx, memory);
}

} // namespace

void TestValidateRules::checks_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("record");
    QTest::addColumn<QString>("broken"); // empty: passes

    QTest::newRow("required empty") << R"({"field":"a","required":true})"
                                    << R"({"a":" "})"
                                    << "a is required but empty";
    QTest::newRow("required missing") << R"({"field":"a","required":true})"
                                      << "{}"
                                      << "a is required but empty";
    QTest::newRow("required zero") << R"({"field":"a","required":true})"
                                   << R"({"a":0})"
                                   << "";
    QTest::newRow("minLength") << R"({"field":"a","minLength":3})"
                               << R"({"a":"ab"})"
                               << "a is 2 characters long, fewer than the 3 required";
    QTest::newRow("maxLength chinese") << R"({"field":"a","maxLength":2})"
                                       << R"({"a":"上海仓"})"
                                       << "a is 3 characters long, more than the 2 allowed";
    QTest::newRow("length ok") << R"({"field":"a","minLength":1,"maxLength":3})"
                               << R"({"a":"abc"})"
                               << "";
    QTest::newRow("length empty passes") << R"({"field":"a","minLength":1})"
                                         << R"({"a":""})"
                                         << "";
    QTest::newRow("pattern") << R"({"field":"m","pattern":"^1\\d{2}$"})"
                             << R"({"m":"1234"})"
                             << "m \"1234\" does not match ^1\\d{2}$";
    QTest::newRow("min") << R"({"field":"q","min":0})"
                         << R"({"q":-1})"
                         << "q is -1, less than the minimum 0";
    QTest::newRow("max text number") << R"({"field":"q","max":10.5})"
                                     << R"({"q":"11"})"
                                     << "q is 11, more than the maximum 10.5";
    QTest::newRow("range ok") << R"({"field":"q","min":0,"max":10})"
                              << R"({"q":"10"})"
                              << "";
    QTest::newRow("range no number") << R"({"field":"q","min":0})"
                                     << R"({"q":"many"})"
                                     << "q \"many\" is not a number";
    QTest::newRow("values") << R"({"field":"s","values":["A","B"]})"
                            << R"({"s":"C"})"
                            << "s \"C\" is none of A, B";
    QTest::newRow("values number") << R"({"field":"s","values":[1,2]})"
                                   << R"({"s":"2"})"
                                   << "";
    QTest::newRow("condition false") << R"({"condition":"_function {q} > 5"})"
                                     << R"({"q":3})"
                                     << "condition _function {q} > 5 is false";
    QTest::newRow("condition true") << R"({"condition":"_function {q} > 5"})"
                                    << R"({"q":6})"
                                    << "";
    QTest::newRow("own message") << R"({"field":"a","required":true,"message":"no code"})"
                                 << "{}"
                                 << "no code (a is required but empty)";
}

void TestValidateRules::checks()
{
    QFETCH(QString, rule);
    QFETCH(QString, record);
    QFETCH(QString, broken);
    QCOMPARE(check(::rule(json(rule.toUtf8().constData())), json(record.toUtf8().constData())),
             broken);
}

void TestValidateRules::uniqueRemembersTheRun()
{
    // One memory for the run: a value seen on an earlier page is a duplicate; empty values
    // are not counted; another rule keeps its own values.
    const ValidateRule r = rule(json(R"({"field":"no","unique":true})"));
    RuleMemory memory;
    QCOMPARE(check(r, json(R"({"no":"A1"})"), &memory), QString());
    QCOMPARE(check(r, json(R"({"no":"A2"})"), &memory), QString());
    QCOMPARE(check(r, json(R"({"no":""})"), &memory), QString());
    QCOMPARE(check(r, json(R"({"no":""})"), &memory), QString());
    QCOMPARE(check(r, json(R"({"no":"A1"})"), &memory),
             QStringLiteral("no \"A1\" occurred before in this run"));
    QStringList problems;
    const ValidateRule other = ValidateRule::compile(json(R"({"field":"no","unique":true})"), {},
                                                     QStringLiteral("s/1"), &problems);
    QCOMPARE(check(other, json(R"({"no":"A1"})"), &memory), QString());
    memory.clear();
    QCOMPARE(check(r, json(R"({"no":"A1"})"), &memory), QString());
}

void TestValidateRules::existsLooksInACollection()
{
    expr::InMemoryLookup lookup;
    lookup.addRecords(QStringLiteral("customers"),
                      {json(R"({"number":"C01","name":"甲"})"), json(R"({"number":1002})")});
    const ValidateRule r =
        rule(json(R"({"field":"customer","exists":{"scheme":"customers","field":"number"}})"),
             {QStringLiteral("customers")});
    QVERIFY(r.usesLookups());
    QCOMPARE(check(r, json(R"({"customer":"C01"})"), nullptr, &lookup), QString());
    QCOMPARE(check(r, json(R"({"customer":"1002"})"), nullptr, &lookup), QString());
    QCOMPARE(check(r, json(R"({"customer":"C99"})"), nullptr, &lookup),
             QStringLiteral("customer \"C99\" is not in customers (number)"));
    QCOMPARE(check(r, json(R"({"customer":""})"), nullptr, &lookup), QString());
    QVERIFY(!rule(json(R"({"field":"a","required":true})")).usesLookups());
}

void TestValidateRules::compileProblems()
{
    QStringList problems;
    ValidateRule::compile(json(R"({"field":"a","pattern":"(","severity":"loud","min":"x",
                                   "exists":{"scheme":"nowhere"},"condition":"_function (1"})"),
                          {QStringLiteral("customers")}, QStringLiteral("s/0"), &problems);
    QCOMPARE(problems.size(), 5);
    QVERIFY(problems.at(0).startsWith(QStringLiteral("severity \"loud\"")));
    QVERIFY(problems.at(1).startsWith(QStringLiteral("pattern \"(\" is not a valid")));
    QCOMPARE(problems.at(2), QStringLiteral("min \"x\" is not a number"));
    QCOMPARE(problems.at(3), QStringLiteral("exists: no scheme named \"nowhere\""));
    QVERIFY(problems.at(4).startsWith(QStringLiteral("condition \"_function (1\"")));
}

void TestValidateRules::severityAndResult()
{
    const ValidateRule r = rule(json(R"({"field":"q","min":1,"max":9,"severity":"warn"})"));
    QCOMPARE(r.severity(), RuleSeverity::Warn);
    QCOMPARE(r.name(), QStringLiteral("range 1..9"));
    const QJsonObject result = r.result(QStringLiteral("q is 0, less than the minimum 1"));
    QCOMPARE(result.value("field").toString(), QStringLiteral("q"));
    QCOMPARE(result.value("ok").toBool(), false);
    QCOMPARE(result.value("severity").toString(), QStringLiteral("warn"));
    QCOMPARE(rule(json(R"({"field":"q","required":true})")).severity(), RuleSeverity::Fail);
    QCOMPARE(rule(json(R"({"field":"q","maxLength":3,"severity":"skip"})")).name(),
             QStringLiteral("length ..3"));
}

QTEST_GUILESS_MAIN(TestValidateRules)
#include "tst_validaterules.moc"
