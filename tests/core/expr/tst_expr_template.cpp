// Templates: {field}, {{field}}, paths, list rows, system variables, filters, value maps.

#include "core/expr/expression.h"
#include "core/expr/valuemaps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace weft::expr;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

const QJsonObject &record()
{
    static const QJsonObject r = json(R"({
        "name": "上海仓", "wms_co_id": 10001, "io_id": 123, "items_ioi_id": 456,
        "price": 12.5, "flag": true, "nothing": null,
        "obj": {"a": {"b": {"c": "deep"}}}, "a.b": "dotted key",
        "items": [{"sku": "S1", "qty": 1}, {"sku": "S2", "qty": 2}],
        "表格_客户编码": "C001", "$value$": "50", "list": "a field named list"
    })");
    return r;
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

QJsonValue eval(const QString &text)
{
    EvalContext ctx(record());
    ExprError error;
    const QJsonValue v = eval(text, ctx, &error);
    if (v.isUndefined())
        qWarning("%s: %s", qPrintable(text), qPrintable(error.toString()));
    return v;
}

EvalContext fixedContext()
{
    EvalContext ctx(record());
    ctx.setNow(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC)); // 2023-11-15 06:13:20 +08
    ctx.setLastSyncTime(1699990000);                                // 2023-11-15 03:26:40 +08
    ctx.setPagination(1, 50);
    ctx.setRunId(QStringLiteral("run-42"));
    return ctx;
}

} // namespace

class TestExprTemplate : public QObject
{
    Q_OBJECT

private slots:
    void literalsStayText();
    void singleTemplateKeepsType_data();
    void singleTemplateKeepsType();
    void mixedTextGivesString();
    void missingFields();
    void plainFieldsAreReadDirectly();
    void paths();
    void listRows();
    void systemVariables();
    void unsetSystemVariables();
    void filters_data();
    void filters();
    void filterErrors();
    void jsonLiteralTextIsNotATemplate();
    void seedValues();
    void introspection();
    void constants();
    void valueMaps();
};

void TestExprTemplate::literalsStayText()
{
    QCOMPARE(eval(QStringLiteral("QTYSD01_SYS")), QJsonValue(QStringLiteral("QTYSD01_SYS")));
    QCOMPARE(eval(QStringLiteral("1")), QJsonValue(QStringLiteral("1")));
    QCOMPARE(eval(QString()), QJsonValue(QString()));
    const Expression e = Expression::compile(QStringLiteral("BatchSave"));
    QCOMPARE(e.kind(), Expression::Kind::Literal);
    QVERIFY(e.isConstant());
}

void TestExprTemplate::singleTemplateKeepsType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("string") << "{name}" << QJsonValue(QStringLiteral("上海仓"));
    QTest::newRow("double braces") << "{{name}}" << QJsonValue(QStringLiteral("上海仓"));
    QTest::newRow("integer") << "{wms_co_id}" << QJsonValue(10001);
    QTest::newRow("double") << "{{price}}" << QJsonValue(12.5);
    QTest::newRow("bool") << "{flag}" << QJsonValue(true);
    QTest::newRow("null") << "{nothing}" << QJsonValue(QJsonValue::Null);
    QTest::newRow("object") << "{{obj.a}}" << QJsonValue(json(R"({"b": {"c": "deep"}})"));
    QTest::newRow("array") << "{items}" << QJsonValue(record().value(QLatin1String("items")));
    QTest::newRow("chinese name") << "{{表格_客户编码}}" << QJsonValue(QStringLiteral("C001"));
    QTest::newRow("html artifact name") << "{$value$}" << QJsonValue(QStringLiteral("50"));
    QTest::newRow("spaces inside double braces")
        << "{{ name }}" << QJsonValue(QStringLiteral("上海仓"));
}

void TestExprTemplate::singleTemplateKeepsType()
{
    QFETCH(QString, text);
    QFETCH(QJsonValue, expected);
    QCOMPARE(eval(text), expected);
}

void TestExprTemplate::mixedTextGivesString()
{
    QCOMPARE(eval(QStringLiteral("{io_id}-{items_ioi_id}")), QJsonValue(QStringLiteral("123-456")));
    QCOMPARE(eval(QStringLiteral("仓库:{{name}}")), QJsonValue(QStringLiteral("仓库:上海仓")));
    QCOMPARE(eval(QStringLiteral("{price}元")), QJsonValue(QStringLiteral("12.5元")));
    QCOMPARE(eval(QStringLiteral("{flag}!")), QJsonValue(QStringLiteral("true!")));
    QCOMPARE(eval(QStringLiteral("{{obj.a}};")),
             QJsonValue(QStringLiteral(R"({"b":{"c":"deep"}};)")));
}

void TestExprTemplate::missingFields()
{
    // Alone: null (APIs omit null fields). In text: empty (design-time checks catch typos).
    QCOMPARE(eval(QStringLiteral("{{missing}}")), QJsonValue(QJsonValue::Null));
    QCOMPARE(eval(QStringLiteral("a{missing}b")), QJsonValue(QStringLiteral("ab")));
    QCOMPARE(eval(QStringLiteral("{nothing}-{io_id}")), QJsonValue(QStringLiteral("-123")));
    QCOMPARE(eval(QStringLiteral("{{items.9.sku}}")), QJsonValue(QJsonValue::Null));
    QCOMPARE(eval(QStringLiteral("{{name.x}}")), QJsonValue(QJsonValue::Null));
}

void TestExprTemplate::paths()
{
    QCOMPARE(eval(QStringLiteral("{{obj.a.b.c}}")), QJsonValue(QStringLiteral("deep")));
    QCOMPARE(eval(QStringLiteral("{{items.0.sku}}")), QJsonValue(QStringLiteral("S1")));
    QCOMPARE(eval(QStringLiteral("{{items.1.qty}}")), QJsonValue(2));
    // A name applied to an array maps over it.
    QCOMPARE(eval(QStringLiteral("{{items.sku}}")),
             QJsonValue(QJsonArray{QStringLiteral("S1"), QStringLiteral("S2")}));
    // A key that itself contains a dot.
    QCOMPARE(eval(QStringLiteral("{{a.b}}")), QJsonValue(QStringLiteral("dotted key")));
}

void TestExprTemplate::listRows()
{
    const QJsonObject row = json(R"({"表格_不含税金额": "12.5", "表格_明细备注": "备注1"})");
    EvalContext ctx(record());
    ctx.setListRow(&row);
    QCOMPARE(eval(QStringLiteral("{{list.表格_明细备注}}"), ctx),
             QJsonValue(QStringLiteral("备注1")));
    QCOMPARE(eval(QStringLiteral("_function -1*'{{list.表格_不含税金额}}'"), ctx),
             QJsonValue(-12.5));
    // The record's own fields are still there.
    QCOMPARE(eval(QStringLiteral("{{name}}"), ctx), QJsonValue(QStringLiteral("上海仓")));

    // Without a detail row, a record field called "list" is used when there is one…
    EvalContext plain(record());
    QCOMPARE(eval(QStringLiteral("{{list.x}}"), plain), QJsonValue(QJsonValue::Null));
    // …and otherwise it is an error that says what to do.
    const QJsonObject noList = json(R"({"a": 1})");
    EvalContext bare(noList);
    ExprError error;
    QVERIFY(eval(QStringLiteral("{{list.amount}}"), bare, &error).isUndefined());
    QVERIFY2(error.message.contains(QLatin1String("detail row")), qPrintable(error.message));
    QCOMPARE(error.position, 0);
    QVERIFY(error.suggestion.contains(QLatin1String("FEntity")));
}

void TestExprTemplate::systemVariables()
{
    const EvalContext ctx = fixedContext();
    QCOMPARE(eval(QStringLiteral("{CURRENT_TIME}"), ctx), QJsonValue(1700000000));
    QCOMPARE(eval(QStringLiteral("{{LAST_SYNC_TIME}}"), ctx), QJsonValue(1699990000));
    QCOMPARE(eval(QStringLiteral("{PAGINATION_START_PAGE}"), ctx), QJsonValue(1));
    QCOMPARE(eval(QStringLiteral("{PAGINATION_PAGE_SIZE}"), ctx), QJsonValue(50));
    QCOMPARE(eval(QStringLiteral("{{RUN_ID}}"), ctx), QJsonValue(QStringLiteral("run-42")));
    QCOMPARE(eval(QStringLiteral("{{DAYS_AGO_1}}"), ctx), QJsonValue(1700000000 - 86400));
    QCOMPARE(eval(QStringLiteral("{{DAYS_AGO_30|date}}"), ctx),
             QJsonValue(QStringLiteral("2023-10-16")));
    // The seed's millisecond trick: text, digits appended.
    QCOMPARE(eval(QStringLiteral("{{CURRENT_TIME}}000"), ctx),
             QJsonValue(QStringLiteral("1700000000000")));
    QCOMPARE(eval(QStringLiteral("_function {CURRENT_TIME}*1000"), ctx),
             QJsonValue(Q_INT64_C(1700000000000)));
    QCOMPARE(eval(QStringLiteral("_function {LAST_SYNC_TIME}*1000"), ctx),
             QJsonValue(Q_INT64_C(1699990000000)));
    // System variables are not record fields.
    QVERIFY(Expression::compile(QStringLiteral("{{CURRENT_TIME}}")).referencedFields().isEmpty());
}

void TestExprTemplate::unsetSystemVariables()
{
    EvalContext ctx(record());
    for (const char *name :
         {"LAST_SYNC_TIME", "PAGINATION_START_PAGE", "PAGINATION_PAGE_SIZE", "RUN_ID"}) {
        ExprError error;
        QVERIFY(eval(QStringLiteral("x{%1}").arg(QLatin1String(name)), ctx, &error).isUndefined());
        QCOMPARE(error.message, QStringLiteral("%1 is not set here").arg(QLatin1String(name)));
        QCOMPARE(error.position, 1);
        QVERIFY(!error.suggestion.isEmpty());
    }
}

void TestExprTemplate::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QJsonValue>("expected");
    QTest::newRow("datetime") << "{{LAST_SYNC_TIME|datetime}}"
                              << QJsonValue(QStringLiteral("2023-11-15 03:26:40"));
    QTest::newRow("date") << "{{CURRENT_TIME|date}}" << QJsonValue(QStringLiteral("2023-11-15"));
    QTest::newRow("timestamp_ms") << "{{CURRENT_TIME|timestamp_ms}}"
                                  << QJsonValue(Q_INT64_C(1700000000000));
    QTest::newRow("chained") << "{{LAST_SYNC_TIME|datetime|timestamp_ms}}"
                             << QJsonValue(Q_INT64_C(1699990000000));
    QTest::newRow("chained back") << "{{CURRENT_TIME|timestamp_ms|datetime}}"
                                  << QJsonValue(QStringLiteral("2023-11-15 06:13:20"));
    QTest::newRow("milliseconds in")
        << "{{ms|datetime}}" << QJsonValue(QStringLiteral("2023-11-15 06:13:20"));
    QTest::newRow("text in") << "{{when|timestamp}}" << QJsonValue(1700000000);
    QTest::newRow("text in, date out")
        << "{{when|date}}" << QJsonValue(QStringLiteral("2023-11-15"));
    QTest::newRow("numeric text in")
        << "{{secondsText|datetime}}" << QJsonValue(QStringLiteral("2023-11-15 06:13:20"));
    QTest::newRow("null passes") << "{{nothing|datetime}}" << QJsonValue(QJsonValue::Null);
    QTest::newRow("missing passes") << "{{missing|date}}" << QJsonValue(QJsonValue::Null);
    QTest::newRow("in text") << "from {{LAST_SYNC_TIME|date}} on"
                             << QJsonValue(QStringLiteral("from 2023-11-15 on"));
    QTest::newRow("case and spaces")
        << "{{ CURRENT_TIME | DateTime }}" << QJsonValue(QStringLiteral("2023-11-15 06:13:20"));
}

void TestExprTemplate::filters()
{
    QFETCH(QString, text);
    QFETCH(QJsonValue, expected);
    const QJsonObject r = json(R"({"ms": 1700000000000, "when": "2023-11-15 06:13:20",
                                   "secondsText": "1700000000", "nothing": null})");
    EvalContext ctx = fixedContext();
    ctx.setRecord(r);
    ExprError error;
    const QJsonValue v = eval(text, ctx, &error);
    QVERIFY2(!v.isUndefined(), qPrintable(error.toString()));
    QCOMPARE(v, expected);
}

void TestExprTemplate::filterErrors()
{
    const QJsonObject r = json(R"({"bad": "not a date", "obj": {}})");
    EvalContext ctx(r);
    ExprError error;
    QVERIFY(eval(QStringLiteral("x {{bad|datetime}}"), ctx, &error).isUndefined());
    QCOMPARE(error.message, QStringLiteral("|datetime cannot read 'not a date' as a time"));
    QCOMPARE(error.position, 2);
    QVERIFY(error.suggestion.contains(QLatin1String("YYYY-MM-DD")));
    QVERIFY(eval(QStringLiteral("{{obj|date}}"), ctx, &error).isUndefined());
}

void TestExprTemplate::jsonLiteralTextIsNotATemplate()
{
    QCOMPARE(eval(QStringLiteral(R"({"a": 1})")), QJsonValue(QStringLiteral(R"({"a": 1})")));
    QCOMPARE(eval(QStringLiteral(R"({"id": {io_id}})")),
             QJsonValue(QStringLiteral(R"({"id": 123})")));
    QCOMPARE(eval(QStringLiteral("{ not a template }")),
             QJsonValue(QStringLiteral("{ not a template }")));
}

void TestExprTemplate::seedValues()
{
    // Values exactly as the seed documents write them.
    const QJsonObject src = json(R"({"name": "仓库A", "wms_co_id": "WH001",
        "FSpecification": "  10*20  ", "组织": "T001", "申请日期": "2023-11-01",
        "表格_客户编码": "C001", "io_id": 9, "items_ioi_id": 17})");
    EvalContext ctx = fixedContext();
    ctx.setRecord(src);
    QCOMPARE(eval(QStringLiteral("{name}"), ctx), QJsonValue(QStringLiteral("仓库A")));
    QCOMPARE(eval(QStringLiteral("{wms_co_id}"), ctx), QJsonValue(QStringLiteral("WH001")));
    QCOMPARE(eval(QStringLiteral("{PAGINATION_START_PAGE}"), ctx), QJsonValue(1));
    QCOMPARE(eval(QStringLiteral("{{LAST_SYNC_TIME|datetime}}"), ctx),
             QJsonValue(QStringLiteral("2023-11-15 03:26:40")));
    QCOMPARE(eval(QStringLiteral("{{CURRENT_TIME|datetime}}"), ctx),
             QJsonValue(QStringLiteral("2023-11-15 06:13:20")));
    QCOMPARE(eval(QStringLiteral("_function trim('{FSpecification}')"), ctx),
             QJsonValue(QStringLiteral("10*20")));
    QCOMPARE(eval(QStringLiteral("{{组织}}"), ctx), QJsonValue(QStringLiteral("T001")));
    QCOMPARE(eval(QStringLiteral("{{申请日期}}"), ctx), QJsonValue(QStringLiteral("2023-11-01")));
    QCOMPARE(eval(QStringLiteral("{{表格_客户编码}}"), ctx), QJsonValue(QStringLiteral("C001")));
    QCOMPARE(eval(QStringLiteral("{io_id}-{items_ioi_id}"), ctx),
             QJsonValue(QStringLiteral("9-17")));
}

void TestExprTemplate::introspection()
{
    const Expression e = Expression::compile(
        QStringLiteral("{io_id}-{{items.0.sku}}-{{list.qty}}-{CURRENT_TIME}-{io_id}"));
    QVERIFY(e.isValid());
    QCOMPARE(e.kind(), Expression::Kind::Template);
    QCOMPARE(e.referencedFields(),
             QStringList({QStringLiteral("io_id"), QStringLiteral("items.0.sku"),
                          QStringLiteral("list.qty")}));
    QVERIFY(e.usesListRows());
    QVERIFY(!e.isConstant());
    QVERIFY(!Expression::compile(QStringLiteral("{{a}}")).usesListRows());

    const Expression f =
        Expression::compile(QStringLiteral("_function IF({{list.n}} > 0, CONCAT('{a}', {b}), 0)"));
    QVERIFY(f.isValid());
    QCOMPARE(f.kind(), Expression::Kind::Function);
    QCOMPARE(f.referencedFields(),
             QStringList({QStringLiteral("list.n"), QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(f.usesListRows());

    QCOMPARE(Expression().kind(), Expression::Kind::Empty);
    QVERIFY(!Expression().isValid());
    ExprError error;
    QVERIFY(Expression().evaluate(EvalContext(), &error).isUndefined());
    QCOMPARE(error.message, QStringLiteral("empty expression"));
}

void TestExprTemplate::constants()
{
    const QJsonObject object = json(R"({"FNumber": "T00"})");
    const Expression e = Expression::constant(object);
    QVERIFY(e.isValid());
    QVERIFY(e.isConstant());
    QCOMPARE(e.evaluate(EvalContext()), QJsonValue(object));
    QCOMPARE(Expression::constant(5000).evaluate(EvalContext()), QJsonValue(5000));
    QCOMPARE(Expression::constant(false).evaluate(EvalContext()), QJsonValue(false));
}

void TestExprTemplate::valueMaps()
{
    const ValueMaps maps(json(R"({"warehouse": {"WH01": "上海仓", "7": "七号仓", "n": 3},
                                  "bad": "not an object"})"));
    QCOMPARE(maps.names(), QStringList({QStringLiteral("warehouse")}));
    const QJsonObject r = json(R"({"wh": "WH01", "num": 7, "other": "XX", "nul": null})");
    EvalContext ctx(r);
    ctx.setValueMaps(&maps);
    QCOMPARE(eval(QStringLiteral("_map warehouse {{wh}}"), ctx),
             QJsonValue(QStringLiteral("上海仓")));
    QCOMPARE(eval(QStringLiteral("_map warehouse {num}"), ctx),
             QJsonValue(QStringLiteral("七号仓")));
    QCOMPARE(eval(QStringLiteral("_map warehouse {{other}}"), ctx), QJsonValue(QJsonValue::Null));
    QCOMPARE(eval(QStringLiteral("_map warehouse {{nul}}"), ctx), QJsonValue(QJsonValue::Null));
    QCOMPARE(eval(QStringLiteral("_map warehouse n"), ctx), QJsonValue(3));
    QCOMPARE(eval(QStringLiteral("_function MAP('warehouse', '{wh}')"), ctx),
             QJsonValue(QStringLiteral("上海仓")));
    QCOMPARE(eval(QStringLiteral("_function MAP('warehouse', {num})"), ctx),
             QJsonValue(QStringLiteral("七号仓")));
    QCOMPARE(eval(QStringLiteral("_function MAP('warehouse', '{other}', '未知')"), ctx),
             QJsonValue(QStringLiteral("未知")));
    QCOMPARE(eval(QStringLiteral("_function IFNULL(MAP('warehouse', '{other}'), '-')"), ctx),
             QJsonValue(QStringLiteral("-")));

    ExprError error;
    QVERIFY(eval(QStringLiteral("_map warehous {{wh}}"), ctx, &error).isUndefined());
    QCOMPARE(error.message, QStringLiteral("unknown value map 'warehous'"));
    QCOMPARE(error.suggestion, QStringLiteral("did you mean warehouse?"));
    QCOMPARE(error.position, 5);
    QVERIFY(eval(QStringLiteral("_function MAP('warehous', 'x')"), ctx, &error).isUndefined());
    QCOMPARE(error.suggestion, QStringLiteral("did you mean 'warehouse'?"));

    // Checked at compile time when the project's maps are known.
    CompileOptions options;
    options.knownValueMaps = QStringList{QStringLiteral("warehouse")};
    QList<ExprError> errors;
    Expression::compile(QStringLiteral("_function MAP('warehose', '{wh}')"), &errors, options);
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.first().suggestion, QStringLiteral("did you mean warehouse?"));
    errors.clear();
    Expression::compile(QStringLiteral("_map wharehouse {{wh}}"), &errors, options);
    QCOMPARE(errors.size(), 1);
}

QTEST_APPLESS_MAIN(TestExprTemplate)
void TestExprTemplate::plainFieldsAreReadDirectly()
{
    // A mapping reads a plain field without evaluating it: only values whose evaluation is
    // exactly "the record's field, null when missing" may say they are one.
    QCOMPARE(Expression::compile(QStringLiteral("{io_id}")).plainField(), QStringLiteral("io_id"));
    QCOMPARE(Expression::compile(QStringLiteral("{{supplier_name}}")).plainField(),
             QStringLiteral("supplier_name"));
    for (const char *notPlain : {"{a.b}", "{items.0}", "{{modified|datetime}}", "{{CURRENT_TIME}}",
                                 "{{list.qty}}", "x{a}", "{a}{b}", "{a} ", "_function {a}",
                                 "literal", "{unclosed"})
        QVERIFY2(Expression::compile(QString::fromUtf8(notPlain)).plainField().isEmpty(), notPlain);
    QVERIFY(Expression::constant(QJsonValue(5)).plainField().isEmpty());

    const QJsonObject record{{"a", 1.5}, {"s", "text"}, {"n", QJsonValue::Null}};
    const EvalContext ctx(record);
    for (const char *field : {"a", "s", "n", "missing"}) {
        const Expression e = Expression::compile(QStringLiteral("{%1}").arg(QLatin1String(field)));
        QJsonValue direct = record.value(e.plainField());
        if (direct.isUndefined())
            direct = QJsonValue(QJsonValue::Null);
        QCOMPARE(direct, e.evaluate(ctx));
    }
}

#include "tst_expr_template.moc"
