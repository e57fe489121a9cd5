// Lookups: `_findCollection` against InMemoryLookup (and any LookupProvider).

#include "core/expr/expression.h"
#include "core/expr/lookup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>
#include <atomic>
#include <thread>

using namespace weft::expr;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

void fillMaterials(InMemoryLookup &lookup)
{
    lookup.addRecords(QStringLiteral("material"),
                      {json(R"({"FNumber": "M001", "FName": "螺丝", "org": "T00", "price": 1.5,
                                "unit": {"FNumber": "PCS"}})"),
                       json(R"({"FNumber": 1002, "FName": "螺母", "org": "T00"})"),
                       json(R"({"FNumber": "M001", "FName": "second M001", "org": "T01"})"),
                       json(R"({"FNumber": "M003", "FName": "螺 丝 刀", "org": "T00"})"),
                       json(R"({"FName": "no number"})")});
    lookup.addScheme(QStringLiteral("customer"));
}

QJsonValue eval(const QString &text, const EvalContext &ctx, ExprError *error = nullptr)
{
    QList<ExprError> errors;
    const Expression e = Expression::compile(text, &errors);
    if (!errors.isEmpty()) {
        if (error)
            *error = errors.first();
        return QJsonValue(QJsonValue::Undefined);
    }
    return e.evaluate(ctx, error);
}

class FailingProvider final : public LookupProvider
{
public:
    QJsonValue find(const QString &, const QString &, const QList<QPair<QString, QJsonValue>> &,
                    ExprError *error) override
    {
        *error = {QStringLiteral("local store unavailable"), -1, 0,
                  QStringLiteral("check the state store")};
        return QJsonValue(QJsonValue::Undefined);
    }
};

} // namespace

class TestExprLookup : public QObject
{
    Q_OBJECT

private slots:
    void inMemoryFind();
    void findCollectionExpressions();
    void insideFunction();
    void errors();
    void compileChecks();
    void concurrentFirstQueries();
};

void TestExprLookup::inMemoryFind()
{
    InMemoryLookup lookup;
    fillMaterials(lookup);
    QCOMPARE(lookup.recordCount(QStringLiteral("material")), 5);
    QCOMPARE(lookup.schemes(),
             QStringList({QStringLiteral("customer"), QStringLiteral("material")}));
    ExprError error;
    auto find = [&](const QString &field, const QList<QPair<QString, QJsonValue>> &conditions) {
        return lookup.find(QStringLiteral("material"), field, conditions, &error);
    };
    // The first record with the key wins.
    QCOMPARE(find(QStringLiteral("FName"), {{QStringLiteral("FNumber"), QStringLiteral("M001")}}),
             QJsonValue(QStringLiteral("螺丝")));
    // Conditions are ANDed, in any order.
    QCOMPARE(find(QStringLiteral("FName"), {{QStringLiteral("org"), QStringLiteral("T01")},
                                            {QStringLiteral("FNumber"), QStringLiteral("M001")}}),
             QJsonValue(QStringLiteral("second M001")));
    QCOMPARE(find(QStringLiteral("FName"), {{QStringLiteral("FNumber"), QStringLiteral("M001")},
                                            {QStringLiteral("org"), QStringLiteral("T01")}}),
             QJsonValue(QStringLiteral("second M001")));
    // Matching is by text: "1002" finds 1002 and the other way round.
    QCOMPARE(find(QStringLiteral("FName"), {{QStringLiteral("FNumber"), QStringLiteral("1002")}}),
             QJsonValue(QStringLiteral("螺母")));
    QCOMPARE(find(QStringLiteral("FName"), {{QStringLiteral("FNumber"), 1002}}),
             QJsonValue(QStringLiteral("螺母")));
    // Types and paths of the found field are kept.
    QCOMPARE(find(QStringLiteral("price"), {{QStringLiteral("FNumber"), QStringLiteral("M001")}}),
             QJsonValue(1.5));
    QCOMPARE(
        find(QStringLiteral("unit.FNumber"), {{QStringLiteral("FNumber"), QStringLiteral("M001")}}),
        QJsonValue(QStringLiteral("PCS")));
    // A match without the field is null; no match is undefined; null never matches.
    QCOMPARE(find(QStringLiteral("price"), {{QStringLiteral("FNumber"), 1002}}),
             QJsonValue(QJsonValue::Null));
    QVERIFY(find(QStringLiteral("FName"), {{QStringLiteral("FNumber"), QStringLiteral("M999")}})
                .isUndefined());
    QVERIFY(
        find(QStringLiteral("FName"), {{QStringLiteral("FNumber"), QJsonValue()}}).isUndefined());
    QVERIFY(error.isEmpty());
    // Records added after an index exists are found through it.
    lookup.addRecord(QStringLiteral("material"),
                     json(R"({"FNumber": "M999", "FName": "late", "org": "T00"})"));
    QCOMPARE(find(QStringLiteral("FName"), {{QStringLiteral("FNumber"), QStringLiteral("M999")}}),
             QJsonValue(QStringLiteral("late")));
    QCOMPARE(find(QStringLiteral("FName"), {{QStringLiteral("org"), QStringLiteral("T00")},
                                            {QStringLiteral("FNumber"), QStringLiteral("M999")}}),
             QJsonValue(QStringLiteral("late")));
    lookup.clear();
    QVERIFY(lookup.schemes().isEmpty());
}

void TestExprLookup::findCollectionExpressions()
{
    InMemoryLookup lookup;
    fillMaterials(lookup);
    const QJsonObject r = json(R"({"code": "M001", "org": "T01", "num": 1002, "other": "XX"})");
    EvalContext ctx(r);
    ctx.setLookupProvider(&lookup);
    QCOMPARE(eval(QStringLiteral("_findCollection find FName from material where FNumber={{code}}"),
                  ctx),
             QJsonValue(QStringLiteral("螺丝")));
    QCOMPARE(eval(QStringLiteral("_findCollection find FName from material where "
                                 "FNumber={{code}} org={{org}}"),
                  ctx),
             QJsonValue(QStringLiteral("second M001")));
    QCOMPARE(
        eval(QStringLiteral("_findCollection find FName from material where FNumber={num}"), ctx),
        QJsonValue(QStringLiteral("螺母")));
    QCOMPARE(eval(QStringLiteral("_findCollection find price from material where FNumber={{code}}"),
                  ctx),
             QJsonValue(1.5));
    // Literal and quoted values; `and` and commas between conditions are accepted.
    QCOMPARE(eval(QStringLiteral("_findCollection find FName from material where "
                                 "FNumber=M001 and org=T01"),
                  ctx),
             QJsonValue(QStringLiteral("second M001")));
    QCOMPARE(eval(QStringLiteral("_findCollection find FNumber from material where "
                                 "FName='螺 丝 刀'"),
                  ctx),
             QJsonValue(QStringLiteral("M003")));
    QCOMPARE(
        eval(QStringLiteral("_findCollection find FName from material where FNumber = {{code}}, "
                            "org = {{org}}"),
             ctx),
        QJsonValue(QStringLiteral("second M001")));
    // No match: null.
    QCOMPARE(
        eval(QStringLiteral("_findCollection find FName from material where FNumber={{other}}"),
             ctx),
        QJsonValue(QJsonValue::Null));
    // A trailing _endFind is fine at top level too.
    QCOMPARE(eval(QStringLiteral("_findCollection find FName from material where FNumber={{code}} "
                                 "_endFind"),
                  ctx),
             QJsonValue(QStringLiteral("螺丝")));
    const Expression e = Expression::compile(
        QStringLiteral("_findCollection find FName from material where FNumber={{code}}"));
    QCOMPARE(e.kind(), Expression::Kind::Lookup);
    QCOMPARE(e.referencedFields(), QStringList({QStringLiteral("code")}));
}

void TestExprLookup::insideFunction()
{
    InMemoryLookup lookup;
    fillMaterials(lookup);
    const QJsonObject r = json(R"({"code": "M001", "other": "XX"})");
    EvalContext ctx(r);
    ctx.setLookupProvider(&lookup);
    QCOMPARE(eval(QStringLiteral("_function IFNULL(_findCollection find FName from material "
                                 "where FNumber={{other}} _endFind, '未知')"),
                  ctx),
             QJsonValue(QStringLiteral("未知")));
    QCOMPARE(eval(QStringLiteral("_function CONCAT(_findCollection find FName from material "
                                 "where FNumber={{code}}_endFind, '-', '{code}')"),
                  ctx),
             QJsonValue(QStringLiteral("螺丝-M001")));
    QCOMPARE(eval(QStringLiteral("_function _findCollection find price from material where "
                                 "FNumber={{code}} _endFind * 2"),
                  ctx),
             QJsonValue(3.0));
}

void TestExprLookup::errors()
{
    InMemoryLookup lookup;
    fillMaterials(lookup);
    const QJsonObject r = json(R"({"code": "M001"})");
    EvalContext ctx(r);
    ExprError error;
    // No provider: says what to do.
    QVERIFY(eval(QStringLiteral("x _function"), ctx).isString());
    QVERIFY(eval(QStringLiteral("_findCollection find FName from material where FNumber={{code}}"),
                 ctx, &error)
                .isUndefined());
    QCOMPARE(error.message, QStringLiteral("no lookup data for _findCollection from material"));
    QVERIFY(error.suggestion.contains(QLatin1String("run it first")));
    // Unknown scheme: suggests the nearest one.
    ctx.setLookupProvider(&lookup);
    QVERIFY(eval(QStringLiteral("_function IFNULL(_findCollection find FName from materal where "
                                "FNumber={{code}} _endFind, 'x')"),
                 ctx, &error)
                .isUndefined());
    QCOMPARE(error.message,
             QStringLiteral("no records of scheme 'materal' are loaded for lookups"));
    QCOMPARE(error.suggestion, QStringLiteral("did you mean 'material'?"));
    QCOMPARE(error.position, 17);
    // A provider's own error is passed on with the lookup's position.
    FailingProvider failing;
    ctx.setLookupProvider(&failing);
    QVERIFY(
        eval(QStringLiteral("_findCollection find a from b where c=1"), ctx, &error).isUndefined());
    QCOMPARE(error.message, QStringLiteral("local store unavailable"));
    QCOMPARE(error.position, 0);
}

void TestExprLookup::compileChecks()
{
    CompileOptions options;
    options.knownSchemes = QStringList{QStringLiteral("material"), QStringLiteral("customer")};
    options.knownFields = QStringList{QStringLiteral("code")};
    QList<ExprError> errors;
    Expression::compile(QStringLiteral("_findCollection find FName from materal where "
                                       "FNumber={{cod}}"),
                        &errors, options);
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].message, QStringLiteral("unknown field cod"));
    QCOMPARE(errors[1].message, QStringLiteral("unknown scheme materal"));
    QCOMPARE(errors[1].position, 32);
    QCOMPARE(errors[1].suggestion, QStringLiteral("did you mean material?"));
}

void TestExprLookup::concurrentFirstQueries()
{
    // Several threads hit a fresh index at once: it is built once and answers right.
    InMemoryLookup lookup;
    QList<QJsonObject> recs;
    for (int i = 0; i < 2000; ++i)
        recs.append(QJsonObject{{QStringLiteral("k"), i}, {QStringLiteral("v"), i * 2}});
    lookup.addRecords(QStringLiteral("s"), recs);
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = t; i < 2000; i += 3) {
                ExprError e;
                const QJsonValue v = lookup.find(QStringLiteral("s"), QStringLiteral("v"),
                                                 {{QStringLiteral("k"), i}}, &e);
                if (v != QJsonValue(i * 2))
                    ++wrong;
            }
        });
    }
    for (std::thread &th : threads)
        th.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_APPLESS_MAIN(TestExprLookup)
#include "tst_expr_lookup.moc"
