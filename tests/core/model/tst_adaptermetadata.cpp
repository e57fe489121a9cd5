#include "core/model/adaptermetadata.h"

#include <QJsonDocument>
#include <QtTest>

using namespace weft;

/// Edits of a metadata block: they must change the block where the seeds keep a value, and
/// leave everything else as it was written.
class TestAdapterMetadata : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void settingEditedWhereItIsKept();
    void emptySettingRemoved();
    void requestKeyAtAPath();
    void requestKeyRemoved();
};

namespace {

AdapterMetadata parse(const char *json)
{
    return AdapterMetadata(QJsonDocument::fromJson(json).object());
}

} // namespace

void TestAdapterMetadata::settingEditedWhereItIsKept()
{
    AdapterMetadata m = parse(R"({"api": "x", "otherRequest": [
        {"field": "beatFlat", "value": "items"}, {"field": "limit", "value": "100"}]})");
    m.setSetting("beatFlat", "items,lines");
    QCOMPARE(m.setting("beatFlat"), QJsonValue("items,lines"));
    QVERIFY(!m.json().contains("beatFlat")); // still in otherRequest, as the seed wrote it
    QCOMPARE(m.settingPointer("beatFlat"), QStringLiteral("/otherRequest/0/value"));
    m.setSetting("main_sql", "REPLACE INTO t(a) VALUES");
    QCOMPARE(m.json().value("main_sql"), QJsonValue("REPLACE INTO t(a) VALUES"));
    QCOMPARE(m.otherRequest().size(), 2);
}

void TestAdapterMetadata::emptySettingRemoved()
{
    AdapterMetadata m = parse(R"({"method": "GET", "otherRequest": [
        {"field": "beatFlat", "value": ["items"]}, {"field": "limit", "value": "100"}]})");
    m.setSetting("beatFlat", QJsonArray());
    QCOMPARE(m.otherRequest().size(), 1);
    QCOMPARE(m.otherRequest().first().field, QStringLiteral("limit"));
    m.setSetting("method", "");
    QVERIFY(!m.json().contains("method"));
    m.setSetting("limit", QJsonValue());
    QVERIFY(m.otherRequest().isEmpty());
}

void TestAdapterMetadata::requestKeyAtAPath()
{
    AdapterMetadata m = parse(R"({"request": [{"field": "FEntity", "children": [
        {"field": "FQty", "value": "{qty}"}]}]})");
    QVERIFY(m.setRequestKey("FEntity/FQty", "parser", QJsonObject{{"name", "P"}}));
    QCOMPARE(m.requestField("FEntity/FQty").parser.toObject().value("name"), QJsonValue("P"));
    QCOMPARE(m.requestField("FEntity/FQty").value, QJsonValue("{qty}"));
    QVERIFY(m.setRequestValue("FEntity/FNote", "{note}")); // a missing leaf is created
    QCOMPARE(m.requestField("FEntity/FNote").value, QJsonValue("{note}"));
    QVERIFY(!m.setRequestKey("FOther/FQty", "value", "x")); // a missing parent is not
    QCOMPARE(m.request().size(), 1);
}

void TestAdapterMetadata::requestKeyRemoved()
{
    AdapterMetadata m =
        parse(R"({"request": [{"field": "a", "value": "{a}", "parser": {"name": "P"}}]})");
    QVERIFY(m.setRequestKey("a", "parser", QJsonValue(QJsonValue::Undefined)));
    QVERIFY(m.requestField("a").parser.isUndefined());
    QCOMPARE(m.requestField("a").value, QJsonValue("{a}"));
    // Removing a key of an entry that does not exist creates nothing.
    QVERIFY(!m.setRequestKey("b", "parser", QJsonValue(QJsonValue::Undefined)));
    QCOMPARE(m.request().size(), 1);
}

QTEST_APPLESS_MAIN(TestAdapterMetadata)
#include "tst_adaptermetadata.moc"
