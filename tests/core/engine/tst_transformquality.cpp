// A validate step counts each rule's outcome per record — the quality summary of a run
// (QualitySummary) adds these up page by page.
#include "core/engine/transform.h"

#include <QJsonArray>
#include <QtTest>

using namespace weft;

class TestTransformQuality : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRuleIsCountedPerOutcome();
    void pagesAddUp();
};

namespace {

std::unique_ptr<Transform> compileChecked()
{
    Step validate;
    validate.id = QStringLiteral("checked");
    validate.type = StepType::Validate;
    validate.settings = {
        {QStringLiteral("rules"),
         QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("name")},
                                {QStringLiteral("required"), true}},
                    QJsonObject{{QStringLiteral("field"), QStringLiteral("name")},
                                {QStringLiteral("maxLength"), 5}},
                    QJsonObject{{QStringLiteral("field"), QStringLiteral("code")},
                                {QStringLiteral("pattern"), QStringLiteral("^[0-9]+$")}}}}};
    Scheme s;
    s.name = QStringLiteral("customers");
    s.source.metadata = AdapterMetadata(QJsonObject{{QStringLiteral("id"), QStringLiteral("id")}});
    s.target.metadata = AdapterMetadata(QJsonObject{
        {QStringLiteral("request"),
         QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("n")},
                                {QStringLiteral("value"), QStringLiteral("{name}")}}}}});
    s.steps = {validate};
    Project p;
    p.schemes = {s};
    QStringList errors;
    auto t = Transform::compile(p, s, nullptr, &errors);
    if (!errors.isEmpty())
        qWarning() << errors;
    return t;
}

QJsonObject customer(int id, const QString &name, const QString &code)
{
    return {
        {QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("code"), code}};
}

qint64 tally(const QualitySummary &s, const QString &rule, const QString &outcome)
{
    qint64 n = 0;
    for (const RuleTally &t : s.rules) {
        if (t.step == QLatin1String("checked") && t.rule == rule && t.outcome == outcome)
            n += t.count;
    }
    return n;
}

} // namespace

void TestTransformQuality::everyRuleIsCountedPerOutcome()
{
    const auto t = compileChecked();
    QVERIFY(t);
    // 1 passes all; 2 has no name (required fails, maxLength passes an empty text); 3 has a
    // long name and a bad code: both rules break, the record fails once.
    const TransformOutput out = t->apply(
        {customer(1, "Ann", "10"), customer(2, "", "11"), customer(3, "Bartholomew", "x1")}, {});
    QCOMPARE(out.failures.size(), 2);
    QVERIFY(out.failures.at(1).message.contains(QStringLiteral("characters long")));
    const QualitySummary &q = out.rules;
    QCOMPARE(tally(q, "required", "passed"), 2);
    QCOMPARE(tally(q, "required", "failed"), 1);
    QCOMPARE(tally(q, "length ..5", "passed"), 2);
    QCOMPARE(tally(q, "length ..5", "failed"), 1);
    QCOMPARE(tally(q, "pattern ^[0-9]+$", "passed"), 2);
    QCOMPARE(tally(q, "pattern ^[0-9]+$", "failed"), 1);

    // Per field: name has two rules over three records, code one.
    const QList<QualitySummary::FieldTotals> fields = q.perField();
    QCOMPARE(fields.size(), 2);
    QCOMPARE(fields.at(0).field, QStringLiteral("name"));
    QCOMPARE(fields.at(0).passed, 4);
    QCOMPARE(fields.at(0).failed, 2);
    QCOMPARE(fields.at(1).field, QStringLiteral("code"));
    QCOMPARE(fields.at(1).passed + fields.at(1).failed, 3);
}

void TestTransformQuality::pagesAddUp()
{
    const auto t = compileChecked();
    QVERIFY(t);
    QualitySummary run;
    run.add(t->apply({customer(1, "Ann", "10")}, {}).rules.rules);
    run.add(t->apply({customer(2, "", "11"), customer(3, "Bo", "12")}, {}).rules.rules);
    QCOMPARE(tally(run, "required", "passed"), 2);
    QCOMPARE(tally(run, "required", "failed"), 1);
    QCOMPARE(tally(run, "pattern ^[0-9]+$", "passed"), 3);
    // One tally per rule and outcome, however many pages.
    QCOMPARE(run.rules.size(), 4); // required ×2, maxLength passed, pattern passed
}

QTEST_GUILESS_MAIN(TestTransformQuality)
#include "tst_transformquality.moc"
