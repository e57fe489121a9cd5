#include "core/model/stepjson.h"

#include <QJsonArray>
#include <QtTest>

using namespace weft;

/// The one step reader/writer: the project file's steps and the canvas layout's detached
/// steps must read and write the same way.
class TestStepJson : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesDefaultsOmitted();
    void layoutFormIsTheFileFormWithoutTheId();
    void roundTrips_data();
    void roundTrips();
    void reportsProblems();
};

namespace {

Step lookupStep()
{
    Step s;
    s.id = QStringLiteral("customer");
    s.type = StepType::Lookup;
    s.settings = QJsonObject{
        {QStringLiteral("fields"), QJsonArray{QJsonObject{{QStringLiteral("field"), "name"}}}}};
    return s;
}

} // namespace

void TestStepJson::writesDefaultsOmitted()
{
    const QJsonObject o = writeStep(lookupStep());
    QCOMPARE(o.value(QLatin1String("id")).toString(), QStringLiteral("customer"));
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("lookup"));
    QVERIFY(!o.contains(QLatin1String("title")));
    QVERIFY(!o.contains(QLatin1String("enabled")));
    QVERIFY(o.value(QLatin1String("fields")).isArray());

    Step off = lookupStep();
    off.enabled = false;
    off.title = QStringLiteral("客户");
    const QJsonObject o2 = writeStep(off);
    QCOMPARE(o2.value(QLatin1String("enabled")), QJsonValue(false));
    QCOMPARE(o2.value(QLatin1String("title")).toString(), QStringLiteral("客户"));
}

void TestStepJson::layoutFormIsTheFileFormWithoutTheId()
{
    QJsonObject file = writeStep(lookupStep());
    file.remove(QStringLiteral("id"));
    QCOMPARE(stepToJson(lookupStep()), file);
}

void TestStepJson::roundTrips_data()
{
    QTest::addColumn<Step>("step");
    QTest::newRow("lookup") << lookupStep();
    Step off = lookupStep();
    off.enabled = false;
    off.title = QStringLiteral("Customers");
    QTest::newRow("disabled, titled") << off;
    Step unknown;
    unknown.id = QStringLiteral("x");
    unknown.unknownType = QStringLiteral("flaten");
    unknown.settings = QJsonObject{{QStringLiteral("arrays"), QJsonArray{"items"}}};
    QTest::newRow("unknown type kept verbatim") << unknown;
}

void TestStepJson::roundTrips()
{
    QFETCH(Step, step);
    QCOMPARE(stepFromJson(step.id, stepToJson(step)), step);
    Diagnostics ds;
    QCOMPARE(readStep(writeStep(step), DiagnosticSink(&ds)), step);
    QCOMPARE(ds.size(), step.unknownType.isEmpty() ? 0 : 1);
}

void TestStepJson::reportsProblems()
{
    Diagnostics ds;
    const Step s =
        readStep(QJsonObject{{QStringLiteral("type"), "filtr"}, {QStringLiteral("enabled"), "no"}},
                 DiagnosticSink(&ds, QStringLiteral("/steps/0")));
    QCOMPARE(s.unknownType, QStringLiteral("filtr"));
    QVERIFY(s.enabled);
    QStringList where;
    for (const Diagnostic &d : ds)
        where << d.pointer;
    where.sort();
    QCOMPARE(where, (QStringList{"/steps/0/enabled", "/steps/0/id", "/steps/0/type"}));
    const auto type = std::find_if(ds.begin(), ds.end(), [](const Diagnostic &d) {
        return d.pointer.endsWith(QLatin1String("/type"));
    });
    QVERIFY(type->message.contains(QLatin1String("did you mean filter?")));
}

QTEST_APPLESS_MAIN(TestStepJson)
#include "tst_stepjson.moc"
