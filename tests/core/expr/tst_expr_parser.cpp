// Field parsers of the seed metadata: ConvertObjectParser and friends.

#include "core/expr/parser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace weft::expr;

namespace {

QJsonValue json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray("[") + text + "]").array().first();
}

Parser compiled(const char *spec)
{
    ExprError error;
    const Parser p = Parser::compile(json(spec), &error);
    if (!p.isValid())
        qWarning("%s: %s", spec, qPrintable(error.toString()));
    return p;
}

} // namespace

class TestExprParser : public QObject
{
    Q_OBJECT

private slots:
    void none();
    void convertObject();
    void convertTwoStageObject();
    void stringToArray();
    void arrayToString();
    void convertJson();
    void unknownNames();
    void missingParams();
};

void TestExprParser::none()
{
    const Parser p = Parser::compile(QJsonValue(QJsonValue::Undefined));
    QVERIFY(p.isValid());
    QVERIFY(p.isNull());
    QCOMPARE(p.apply(QStringLiteral("x")), QJsonValue(QStringLiteral("x")));
    QVERIFY(Parser::compile(QJsonValue(QJsonValue::Null)).isNull());
}

void TestExprParser::convertObject()
{
    // Seed 004: {"name": "ConvertObjectParser", "params": "FNumber"}.
    const Parser p = compiled(R"({"name": "ConvertObjectParser", "params": "FNumber"})");
    QVERIFY(p.isValid());
    QCOMPARE(p.kind(), Parser::Kind::ConvertObject);
    QCOMPARE(p.name(), QStringLiteral("ConvertObjectParser"));
    QCOMPARE(p.apply(QStringLiteral("SUP001")), json(R"({"FNumber": "SUP001"})"));
    QCOMPARE(p.apply(12), json(R"({"FNumber": 12})"));
    // A reference to nothing is no reference.
    QCOMPARE(p.apply(QJsonValue(QJsonValue::Null)), QJsonValue(QJsonValue::Null));
    // The name alone, as a string.
    QCOMPARE(compiled(R"("StringToArray")").kind(), Parser::Kind::StringToArray);
}

void TestExprParser::convertTwoStageObject()
{
    const QJsonValue expected = json(R"({"FMaterialId": {"FNumber": "M01"}})");
    for (const char *spec :
         {R"({"name": "ConvertTwoStageObjectParser", "params1": "FMaterialId",
              "params2": "FNumber"})",
          R"({"name": "ConvertTwoStageObjectParser",
              "params": {"params1": "FMaterialId", "params2": "FNumber"}})",
          R"({"name": "ConvertTwoStageObjectParser", "params": "FMaterialId.FNumber"})",
          R"({"name": "ConvertTwoStageObjectParser", "params": "FMaterialId,FNumber"})"}) {
        const Parser p = compiled(spec);
        QVERIFY2(p.isValid(), spec);
        QCOMPARE(p.apply(QStringLiteral("M01")), expected);
    }
}

void TestExprParser::stringToArray()
{
    const Parser comma = compiled(R"({"name": "StringToArray"})");
    QCOMPARE(comma.apply(QStringLiteral("a,b,c")), json(R"(["a", "b", "c"])"));
    QCOMPARE(comma.apply(QString()), json("[]"));
    QCOMPARE(comma.apply(json("[1, 2]")), json("[1, 2]"));
    QCOMPARE(comma.apply(7), json(R"(["7"])"));
    const Parser semicolon = compiled(R"({"name": "StringToArray", "params": ";"})");
    QCOMPARE(semicolon.apply(QStringLiteral("红;绿")), json(R"(["红", "绿"])"));
}

void TestExprParser::arrayToString()
{
    const Parser p = compiled(R"({"name": "ArrayToString", "params": "|"})");
    QCOMPARE(p.apply(json(R"(["a", 1, 2.5, true])")), QJsonValue(QStringLiteral("a|1|2.5|true")));
    QCOMPARE(p.apply(QStringLiteral("already")), QJsonValue(QStringLiteral("already")));
    QCOMPARE(compiled(R"({"name": "ArrayToString"})").apply(json(R"(["x", "y"])")),
             QJsonValue(QStringLiteral("x,y")));
}

void TestExprParser::convertJson()
{
    const Parser p = compiled(R"({"name": "ConvertJson"})");
    QCOMPARE(p.apply(QStringLiteral(R"({"a": [1, 2]})")), json(R"({"a": [1, 2]})"));
    QCOMPARE(p.apply(QStringLiteral("12")), QJsonValue(12));
    QCOMPARE(p.apply(QStringLiteral("  ")), QJsonValue(QJsonValue::Null));
    QCOMPARE(p.apply(json(R"({"b": 1})")), json(R"({"b": 1})"));
    ExprError error;
    QVERIFY(p.apply(QStringLiteral(R"({"a": )"), &error).isUndefined());
    QVERIFY2(error.message.startsWith(QLatin1String("ConvertJson: invalid JSON")),
             qPrintable(error.message));
    QVERIFY(error.position >= 0);
    QVERIFY(!error.suggestion.isEmpty());

    const Parser back = compiled(R"({"name": "ConvertJson", "params": "stringify"})");
    QCOMPARE(back.apply(json(R"({"a": 1})")), QJsonValue(QStringLiteral(R"({"a":1})")));
}

void TestExprParser::unknownNames()
{
    ExprError error;
    const Parser p =
        Parser::compile(json(R"({"name": "ConvertObjetParser", "params": "F"})"), &error);
    QVERIFY(!p.isValid());
    QCOMPARE(error.message, QStringLiteral("unknown parser ConvertObjetParser"));
    QCOMPARE(error.suggestion, QStringLiteral("did you mean ConvertObjectParser?"));
    ExprError applied;
    QVERIFY(p.apply(QStringLiteral("x"), &applied).isUndefined());

    Parser::compile(json(R"({"name": "Frobnicate"})"), &error);
    QVERIFY(error.suggestion.startsWith(QLatin1String("parsers are ConvertObjectParser")));
    Parser::compile(json("42"), &error);
    QVERIFY(error.message.startsWith(QLatin1String("a parser is")));
    // Names are matched without regard to case.
    QVERIFY(compiled(R"({"name": "convertobjectparser", "params": "FNumber"})").isValid());
}

void TestExprParser::missingParams()
{
    ExprError error;
    QVERIFY(!Parser::compile(json(R"({"name": "ConvertObjectParser"})"), &error).isValid());
    QCOMPARE(error.message, QStringLiteral("ConvertObjectParser needs the key as params"));
    QVERIFY(
        !Parser::compile(json(R"({"name": "ConvertTwoStageObjectParser", "params1": "A"})"), &error)
             .isValid());
    QVERIFY(error.suggestion.contains(QLatin1String("params2")));
    QVERIFY(
        !Parser::compile(json(R"({"name": "ConvertJson", "params": "yaml"})"), &error).isValid());
}

QTEST_APPLESS_MAIN(TestExprParser)
#include "tst_expr_parser.moc"
