#include "core/util/jsonlocator.h"
#include "core/util/jsonwriter.h"
#include "core/util/scalartext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace weft;

class TestJsonWriter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void indentsByTwoAndKeepsUtf8();
    void ordersKeysByRankThenAlphabetically();
    void writesSmallLeafContainersOnOneLine();
    void numbersPrintAsPeopleWroteThem();
    void escapesControlCharactersAndQuotes();
    void locatorFindsValuesByPointer();
    void offsetsBecomeLineAndColumn();
    void scalarsBecomeTheTextOfIds();
};

void TestJsonWriter::indentsByTwoAndKeepsUtf8()
{
    const QJsonObject o{{"名称", "仓库"}, {"list", QJsonArray{QJsonObject{{"a", 1}, {"b", 2}, {"c", 3}}}}};
    const QByteArray out = writeJson(o);
    QCOMPARE(out, QByteArray("{\n"
                             "  \"list\": [\n"
                             "    {\n"
                             "      \"a\": 1,\n"
                             "      \"b\": 2,\n"
                             "      \"c\": 3\n"
                             "    }\n"
                             "  ],\n"
                             "  \"名称\": \"仓库\"\n"
                             "}\n"));
}

void TestJsonWriter::ordersKeysByRankThenAlphabetically()
{
    const QJsonObject o{{"zeta", 1}, {"alpha", 2}, {"name", 3}, {"beta", 4}};
    const auto rank = [](const QString &, const QString &key) {
        return key == QLatin1String("name") ? 0 : 1000;
    };
    QCOMPARE(writeJson(o, rank),
             QByteArray("{\n  \"name\": 3,\n  \"alpha\": 2,\n  \"beta\": 4,\n  \"zeta\": 1\n}\n"));
}

void TestJsonWriter::writesSmallLeafContainersOnOneLine()
{
    const QJsonObject o{{"secret", QJsonObject{{"env", "X"}}}, {"arrays", QJsonArray{"items"}}};
    QCOMPARE(writeJson(o),
             QByteArray("{\n  \"arrays\": [\"items\"],\n  \"secret\": {\"env\": \"X\"}\n}\n"));
}

void TestJsonWriter::numbersPrintAsPeopleWroteThem()
{
    const QJsonArray a{1000, 0.5, -3, 1e20, 12.25};
    const QByteArray out = writeJson(QJsonObject{{"n", a}});
    QVERIFY2(out.contains("[1000, 0.5, -3, 1e+20, 12.25]"), out.constData());
}

void TestJsonWriter::escapesControlCharactersAndQuotes()
{
    const QByteArray out = writeJson(QJsonObject{{"s", QStringLiteral("a\"b\\c\nd\x01")}});
    QVERIFY2(out.contains(R"("a\"b\\c\nd\u0001")"), out.constData());
    // And it parses back to the same value.
    const auto back = QJsonDocument::fromJson(out).object().value("s").toString();
    QCOMPARE(back, QStringLiteral("a\"b\\c\nd\x01"));
}

void TestJsonWriter::locatorFindsValuesByPointer()
{
    const QByteArray json = "{\n  \"a\": [\n    {\"名\": 1, \"b/c\": \"x\"}\n  ]\n}\n";
    const JsonLocator loc(json);
    QCOMPARE(loc.find("/a").line, 2);
    QCOMPARE(loc.find("/a").column, 8);
    QCOMPARE(loc.find("/a/0/名").line, 3);
    QCOMPARE(loc.find("/a/0/名").column, 11); // columns count characters, not bytes
    QCOMPARE(loc.find("/a/0/b~1c").column, 21);
    // A missing key points at its nearest existing parent.
    QCOMPARE(loc.find("/a/0/missing").column, 5);
}

void TestJsonWriter::offsetsBecomeLineAndColumn()
{
    const QByteArray text = "ab\ncd\n中e";
    QCOMPARE(JsonLocator::positionOfOffset(text, 4).line, 2);
    QCOMPARE(JsonLocator::positionOfOffset(text, 4).column, 2);
    QCOMPARE(JsonLocator::positionOfOffset(text, text.size() - 1).column, 2);
}

void TestJsonWriter::scalarsBecomeTheTextOfIds()
{
    // The one spelling of record ids, numbers and parameters (stored and compared between
    // runs): integral numbers without a fraction or exponent, others read back exactly.
    QCOMPARE(scalarText(QJsonValue(QStringLiteral("PO-1"))), QStringLiteral("PO-1"));
    QCOMPARE(scalarText(QJsonValue(42)), QStringLiteral("42"));
    QCOMPARE(scalarText(QJsonValue(-7.0)), QStringLiteral("-7"));
    QCOMPARE(scalarText(QJsonValue(1e17)), QStringLiteral("100000000000000000"));
    QCOMPARE(scalarText(QJsonValue(qint64(9007199254740993))), QStringLiteral("9007199254740993"));
    QCOMPARE(scalarText(QJsonDocument::fromJson("[1234567890123456789]").array().first()),
             QStringLiteral("1234567890123456789"));
    QCOMPARE(scalarText(QJsonValue(1e19)), QStringLiteral("1e+19"));
    QCOMPARE(scalarText(QJsonValue(2.5)), QStringLiteral("2.5"));
    QCOMPARE(scalarText(QJsonValue(0.1)).toDouble(), 0.1);
    QCOMPARE(scalarText(QJsonValue(true)), QStringLiteral("true"));
    QCOMPARE(scalarText(QJsonValue(false)), QStringLiteral("false"));
    QVERIFY(scalarText(QJsonValue(QJsonValue::Null)).isEmpty());
    QVERIFY(scalarText(QJsonValue(QJsonValue::Undefined)).isEmpty());
    QVERIFY(scalarText(QJsonArray{1, 2}).isEmpty());
    QVERIFY(scalarText(QJsonObject{{"a", 1}}).isEmpty());
}

QTEST_APPLESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
