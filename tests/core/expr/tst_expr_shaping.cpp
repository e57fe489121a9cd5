// Record shaping: beatFlat, DingTalk forms, and grouping flattened records back into documents
// with a child list (K3Cloud FEntity), as in seeds 002 and 004.

#include "core/expr/mapping.h"
#include "core/expr/shaping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace weft::expr;

namespace {

QJsonObject json(const char *text)
{
    QJsonParseError error;
    const QJsonObject o = QJsonDocument::fromJson(QByteArray(text), &error).object();
    if (error.error != QJsonParseError::NoError)
        qWarning("bad test JSON: %s", qPrintable(error.errorString()));
    return o;
}

// Seed 002: a Jushuitan purchase-in document with detail lines.
QJsonObject purchaseIn(int id, int lines)
{
    QJsonArray items;
    for (int i = 1; i <= lines; ++i)
        items.append(QJsonObject{{QStringLiteral("ioi_id"), id * 10 + i},
                                 {QStringLiteral("sku_id"), QStringLiteral("SKU%1").arg(i)},
                                 {QStringLiteral("qty"), i}});
    return QJsonObject{{QStringLiteral("io_id"), id},
                       {QStringLiteral("warehouse"), QStringLiteral("主仓")},
                       {QStringLiteral("items"), items}};
}

// Seed 004: a DingTalk rebate approval with a table component.
QJsonObject dingTalkInstance(const QString &businessId, const QString &org,
                             const QList<std::tuple<QString, QString, QString>> &rows)
{
    QJsonArray table;
    for (const auto &[customer, amount, note] : rows) {
        table.append(QJsonObject{
            {QStringLiteral("rowValue"),
             QJsonArray{
                 QJsonObject{{"label", "客户编码"}, {"key", "TextField-A"}, {"value", customer}},
                 QJsonObject{{"label", "不含税金额"}, {"key", "MoneyField-B"}, {"value", amount}},
                 QJsonObject{{"label", "明细备注"}, {"key", "TextField-C"}, {"value", note}}}},
            {QStringLiteral("rowNumber"), QStringLiteral("TableField_1")}});
    }
    const QString tableText =
        QString::fromUtf8(QJsonDocument(table).toJson(QJsonDocument::Compact));
    QJsonArray form{QJsonObject{{"name", "组织"}, {"value", org}, {"component_type", "TextField"}},
                    QJsonObject{{"name", "申请日期"},
                                {"value", "2023-11-15"},
                                {"component_type", "DDDateField"}},
                    QJsonObject{{"name", "表格"},
                                {"value", tableText},
                                {"component_type", "TableField"},
                                {"id", "TableField-1"}},
                    QJsonObject{{"name", "组织"}, {"value", "a duplicate name loses"}}};
    return QJsonObject{{"business_id", businessId},
                       {"title", "返利发放申请"},
                       {"status", "COMPLETED"},
                       {"form_component_values", form}};
}

// Seed 004's target: K3Cloud "other receivable" with the detail list FEntity.
QList<FieldSpec> otherReceivableFields()
{
    const QJsonValue number = json(R"({"name": "ConvertObjectParser", "params": "FNumber"})");
    FieldSpec entity;
    entity.name = QStringLiteral("FEntity");
    entity.children = {
        {QStringLiteral("FCOMMENT"), QStringLiteral("{{list.表格_明细备注}}"), {}, {}, {}},
        {QStringLiteral("FNOTAXAMOUNTFOR"),
         QStringLiteral("_function -1*'{{list.表格_不含税金额}}'"),
         {},
         {},
         {}},
    };
    return {
        {QStringLiteral("FBillTypeID"), QStringLiteral("QTYSD01_SYS"), {}, {}, {}},
        {QStringLiteral("FSETTLEORGID"), QStringLiteral("{{组织}}"), number, {}, {}},
        {QStringLiteral("FDATE"), QStringLiteral("{{申请日期}}"), {}, {}, {}},
        {QStringLiteral("FCONTACTUNITTYPE"), QStringLiteral("BD_Customer"), {}, {}, {}},
        {QStringLiteral("FCONTACTUNIT"), QStringLiteral("{{表格_客户编码}}"), number, {}, {}},
        {QStringLiteral("FTOTAL"),
         QStringLiteral("_function SUM('{{list.表格_不含税金额}}')"),
         {},
         {},
         {}},
        {QStringLiteral("FLINES"), QStringLiteral("_function COUNT(*)"), {}, {}, {}},
        {QStringLiteral("FDocumented"), QJsonValue(QJsonValue::Undefined), {}, {}, {}},
        entity,
    };
}

QList<QJsonObject> records(const QList<FlatRecord> &flat)
{
    QList<QJsonObject> out;
    for (const FlatRecord &f : flat)
        out.append(f.record);
    return out;
}

} // namespace

class TestExprShaping : public QObject
{
    Q_OBJECT

private slots:
    void beatFlatPurchaseIn();
    void beatFlatEmptyAndAbsent();
    void beatFlatSeveralArrays();
    void beatFlatScalarAndTextArrays();
    void viewsAnswerLikeMergedRecords();
    void rememberedKeyPositionsGiveTheSameAnswers();
    void headerFieldsAreEvaluatedOncePerHeader();
    void dingTalkForm();
    void dingTalkTableFlattens();
    void documentsWithChildList();
    void groupingKeepsOrderAndSeparatesBadKeys();
    void errorsMapBackToRecords();
    void nestedObjectChildren();
    void compileErrors();
};

void TestExprShaping::beatFlatPurchaseIn()
{
    const QList<FlatRecord> flat =
        beatFlat(purchaseIn(1001, 2), {QStringLiteral("items")}, QStringLiteral("io_id"), 5);
    QCOMPARE(flat.size(), 2);
    QCOMPARE(flat[0].id, QStringLiteral("1001-0"));
    QCOMPARE(flat[1].id, QStringLiteral("1001-1"));
    QCOMPARE(flat[0].sourceIndex, 5);
    QCOMPARE(flat[1].element, 1);
    QCOMPARE(flat[1].array, QStringLiteral("items"));
    const QJsonObject &r = flat[1].record;
    QCOMPARE(r.value(QLatin1String("items_ioi_id")), QJsonValue(10012));
    QCOMPARE(r.value(QLatin1String("items_sku_id")), QJsonValue(QStringLiteral("SKU2")));
    QCOMPARE(r.value(QLatin1String("warehouse")), QJsonValue(QStringLiteral("主仓")));
    QVERIFY(!r.contains(QLatin1String("items")));
    // The id field keeps the document's id, so the seed's composite key works.
    QCOMPARE(r.value(QLatin1String("io_id")), QJsonValue(1001));
    EvalContext ctx(r);
    QCOMPARE(Expression::compile(QStringLiteral("{io_id}-{items_ioi_id}")).evaluate(ctx),
             QJsonValue(QStringLiteral("1001-10012")));
}

void TestExprShaping::beatFlatEmptyAndAbsent()
{
    QJsonObject empty = purchaseIn(7, 0);
    const QList<FlatRecord> a = beatFlat(empty, {QStringLiteral("items")}, QStringLiteral("io_id"));
    QCOMPARE(a.size(), 1);
    QCOMPARE(a[0].id, QStringLiteral("7"));
    QCOMPARE(a[0].element, -1);
    QVERIFY(a[0].array.isEmpty());
    QCOMPARE(a[0].record.value(QLatin1String("warehouse")), QJsonValue(QStringLiteral("主仓")));
    QVERIFY(!a[0].record.contains(QLatin1String("items")));
    empty.remove(QStringLiteral("items"));
    QCOMPARE(beatFlat(empty, {QStringLiteral("items")}, QStringLiteral("io_id")).size(), 1);
    // Several records at once keep their source indices.
    const QList<FlatRecord> many = beatFlat({purchaseIn(1, 2), empty, purchaseIn(3, 1)},
                                            {QStringLiteral("items")}, QStringLiteral("io_id"));
    QCOMPARE(many.size(), 4);
    QCOMPARE(many[2].sourceIndex, 1);
    QCOMPARE(many[3].sourceIndex, 2);
    QCOMPARE(many[3].id, QStringLiteral("3-0"));
}

void TestExprShaping::beatFlatSeveralArrays()
{
    const QJsonObject r = json(R"({"id": "A", "items": [{"sku": "x"}, {"sku": "y"}],
                                   "payments": [{"amount": 5}]})");
    const QList<FlatRecord> flat =
        beatFlat(r, {QStringLiteral("items"), QStringLiteral("payments")}, QStringLiteral("id"));
    QCOMPARE(flat.size(), 3);
    QCOMPARE(flat[2].id, QStringLiteral("A-2")); // the index runs on: ids stay unique
    QCOMPARE(flat[2].array, QStringLiteral("payments"));
    QCOMPARE(flat[2].record.value(QLatin1String("payments_amount")), QJsonValue(5));
    QVERIFY(!flat[2].record.contains(QLatin1String("items")));
    QVERIFY(!flat[0].record.contains(QLatin1String("payments_amount")));
}

void TestExprShaping::beatFlatScalarAndTextArrays()
{
    const QJsonObject r = json(R"({"id": 1, "tags": ["a", "b"],
                                   "lines": "[{\"n\": 1}, {\"n\": 2, \"sub\": {\"k\": true}}]"})");
    const QList<FlatRecord> tags = beatFlat(r, {QStringLiteral("tags")}, QStringLiteral("id"));
    QCOMPARE(tags.size(), 2);
    QCOMPARE(tags[1].record.value(QLatin1String("tags_value")), QJsonValue(QStringLiteral("b")));
    const QList<FlatRecord> lines = beatFlat(r, {QStringLiteral("lines")}, QStringLiteral("id"));
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines[1].record.value(QLatin1String("lines_n")), QJsonValue(2));
    QCOMPARE(lines[1].record.value(QLatin1String("lines_sub")), QJsonValue(json(R"({"k": true})")));
    // Text that is no JSON array is no array.
    const QJsonObject odd = json(R"({"id": 1, "lines": "not json"})");
    QCOMPARE(beatFlat(odd, {QStringLiteral("lines")}, QStringLiteral("id")).size(), 1);
}

void TestExprShaping::viewsAnswerLikeMergedRecords()
{
    // The header has a field named like an element field ("items_qty") and one the element
    // lacks ("items_note"); an element field overrides the header's, as in the merged record.
    const QJsonObject r = json(R"({"io_id": 7, "items_qty": "header", "items_note": "h",
                                   "remark": "r", "tags": ["a"],
                                   "items": [{"qty": 2, "sku": "S1"}, {"sku": "S2"}]})");
    const QStringList arrays{QStringLiteral("items"), QStringLiteral("tags")};
    const QList<FlatRecord> merged = beatFlat(r, arrays, QStringLiteral("io_id"), 3);
    const QList<FlatView> views = beatFlatViews(r, arrays, QStringLiteral("io_id"), 3);
    QCOMPARE(views.size(), merged.size());
    QCOMPARE(views.size(), 3);
    const QStringList probes{"io_id", "items_qty", "items_note", "items_sku", "remark",
                             "tags_value", "items", "tags", "qty", "sku", "missing", "items_"};
    for (qsizetype i = 0; i < views.size(); ++i) {
        QCOMPARE(views[i].id, merged[i].id);
        QCOMPARE(views[i].element, merged[i].element);
        QCOMPARE(views[i].array, merged[i].array);
        QCOMPARE(views[i].sourceIndex, merged[i].sourceIndex);
        QVERIFY(views[i].record.hasElement());
        QCOMPARE(views[i].record.merged(), merged[i].record);
        for (const QString &key : probes)
            QVERIFY2(views[i].record.value(key) == merged[i].record.value(key),
                     qPrintable(QStringLiteral("element %1, key %2").arg(i).arg(key)));
    }
    QCOMPARE(views[0].record.value(u"items_qty"), QJsonValue(2));
    QCOMPARE(views[1].record.value(u"items_qty"), QJsonValue(QStringLiteral("header")));
    QCOMPARE(views[2].record.value(u"tags_value"), QJsonValue(QStringLiteral("a")));

    // A mapping reads a view as it reads the merged record: templates, _function, paths.
    QList<FieldSpec> specs;
    specs.append({QStringLiteral("id"), QStringLiteral("{io_id}-{items_sku}"), {}, {}, {}});
    specs.append({QStringLiteral("qty"), QStringLiteral("_function IFNULL({items_qty}, 0) * 10"),
                  {}, {}, {}});
    specs.append({QStringLiteral("note"), QStringLiteral("{{items_note}}"), {}, {}, {}});
    specs.append({QStringLiteral("both"), QStringLiteral("{{remark}}/{{items_sku}}"), {}, {}, {}});
    const Mapping mapping = Mapping::compile(specs);
    QVERIFY(mapping.isValid());
    const EvalContext base;
    for (qsizetype i = 0; i < 2; ++i) {
        QList<QJsonValue> fromView, fromMerged;
        QList<FieldError> errors;
        QVERIFY(mapping.mapValues(views[i].record, base, &fromView, &errors));
        QVERIFY(mapping.mapValues(merged[i].record, base, &fromMerged, &errors));
        QCOMPARE(fromView, fromMerged);
    }
    QList<QJsonValue> values;
    QList<FieldError> errors;
    QVERIFY(mapping.mapValues(views[0].record, base, &values, &errors));
    QCOMPARE(values, (QList<QJsonValue>{QStringLiteral("7-S1"), 20, QStringLiteral("h"),
                                        QStringLiteral("r/S1")}));
}

void TestExprShaping::rememberedKeyPositionsGiveTheSameAnswers()
{
    // Records of changing shapes read with slots carried from one to the next: a key moves
    // (one inserted before it), goes missing, comes back; an element lacks a key the header
    // has. Every answer must be value(key)'s.
    const QList<QJsonObject> records{
        json(R"({"a": 1, "b": "x", "items_q": "h", "items": [{"q": 1, "s": "S"}]})"),
        json(R"({"a": 2, "b": "y", "items": [{"q": 2, "s": "T"}, {"s": "U"}]})"),
        json(R"({"a": 3, "aa": 0, "b": "z", "items": [{"p": 0, "q": 3, "s": "V"}]})"),
        json(R"({"b": "w", "items": [{}]})"),
        json(R"({"a": 5, "b": "v", "c": null, "items": [{"q": 5, "s": "W"}]})"),
    };
    const QStringList keys{"a", "b", "c", "items_q", "items_s", "items_p", "missing", "items"};
    QList<int> elementSlots(keys.size(), -1), objectSlots(keys.size(), -1);
    int checked = 0;
    for (const QJsonObject &r : records) {
        QList<RecordView> views{RecordView(r)};
        for (const FlatView &v : beatFlatViews(r, {QStringLiteral("items")}, QStringLiteral("a"), 0))
            views.append(v.record);
        for (const RecordView &view : views) {
            for (qsizetype k = 0; k < keys.size(); ++k) {
                const QJsonValue slotted = view.value(keys[k], &elementSlots[k], &objectSlots[k]);
                QVERIFY2(slotted == view.value(keys[k]),
                         qPrintable(QStringLiteral("%1 in %2").arg(keys[k], view.merged().keys().join(','))));
                QCOMPARE(slotted.isUndefined(), view.value(keys[k]).isUndefined());
                ++checked;
            }
        }
    }
    QCOMPARE(checked, 11 * int(keys.size()));
}

void TestExprShaping::headerFieldsAreEvaluatedOncePerHeader()
{
    // Elements of one record share their header's values (HeaderValues): what a mapping
    // gives with them must be what it gives without, element by element — also for a header
    // field named like an element field, a field that fails, and a change of header.
    const QJsonObject first = json(R"({"io_id": 7, "items_qty": "header", "remark": " r ",
                                       "rate": "x", "items": [{"qty": 2, "sku": "S1"},
                                       {"sku": "S2"}, {"qty": 5, "sku": "S3"}]})");
    const QJsonObject second = json(R"({"io_id": 8, "remark": "q", "rate": "0.13",
                                        "items": [{"qty": 1, "sku": "T1"}, {"sku": "T2"}]})");
    QList<FieldSpec> specs;
    specs.append({QStringLiteral("id"), QStringLiteral("{io_id}-{items_sku}"), {}, {}, {}});
    specs.append({QStringLiteral("io"), QStringLiteral("{io_id}"), {}, QStringLiteral("string"), {}});
    specs.append({QStringLiteral("qty"), QStringLiteral("{items_qty}"), {}, {}, {}});
    specs.append({QStringLiteral("remark"), QStringLiteral("_function TRIM({remark})"), {}, {}, {}});
    specs.append({QStringLiteral("rate"), QStringLiteral("{rate}"), {}, QStringLiteral("float"), {}});
    specs.append({QStringLiteral("page"), QStringLiteral("{{PAGINATION_START_PAGE}}"), {}, {}, {}});
    const Mapping mapping = Mapping::compile(specs);
    QVERIFY(mapping.isValid());
    EvalContext base;
    base.setPagination(3, 50);
    HeaderValues header;
    int compared = 0;
    for (const auto &[headerId, record] : {std::pair{0, first}, std::pair{1, second}}) {
        for (const FlatView &view : beatFlatViews(record, {QStringLiteral("items")},
                                                  QStringLiteral("io_id"))) {
            QList<QJsonValue> reused, fresh;
            QList<QString> reusedTexts, freshTexts;
            QList<FieldError> reusedErrors, freshErrors;
            header.setHeader(headerId);
            const bool ok = mapping.mapValues(view.record, base, &reused, &reusedErrors, 0,
                                              &header, &reusedTexts);
            QCOMPARE(mapping.mapValues(view.record, base, &fresh, &freshErrors, 0, nullptr,
                                       &freshTexts),
                     ok);
            QCOMPARE(reused, fresh);
            QCOMPARE(reusedTexts, freshTexts);
            QCOMPARE(reusedErrors.size(), freshErrors.size()); // "x" fails for every element
            // With texts, a string is its text there and a bare QJsonValue::String in the
            // values; without, the value whole — the same answers either way.
            QList<QJsonValue> whole;
            QList<FieldError> wholeErrors;
            mapping.mapValues(view.record, base, &whole, &wholeErrors, 0, nullptr, nullptr);
            QCOMPARE(whole.size(), reused.size());
            for (qsizetype i = 0; i < reused.size(); ++i) {
                if (whole.at(i).isString()) {
                    QVERIFY(reused.at(i).isString());
                    QCOMPARE(reused.at(i), QJsonValue(QJsonValue::String));
                    QCOMPARE(reusedTexts.at(i), whole.at(i).toString());
                } else {
                    QCOMPARE(reused.at(i), whole.at(i));
                    QVERIFY(reusedTexts.at(i).isNull());
                }
            }
            ++compared;
        }
    }
    QCOMPARE(compared, 5);
    // The first header's element 2 reads the header's own items_qty; the second header
    // starts afresh (its remark and io_id are its own).
    QList<QJsonValue> values;
    QList<FieldError> errors;
    const QList<FlatView> views = beatFlatViews(second, {QStringLiteral("items")},
                                                QStringLiteral("io_id"));
    header.setHeader(1);
    QVERIFY(mapping.mapValues(views.at(1).record, base, &values, &errors, 0, &header));
    QCOMPARE(values, (QList<QJsonValue>{QStringLiteral("8-T2"), QStringLiteral("8"),
                                        QJsonValue(QJsonValue::Null), QStringLiteral("q"), 0.13, 3}));
}

void TestExprShaping::dingTalkForm()
{
    const QJsonObject instance = dingTalkInstance(
        QStringLiteral("B1"), QStringLiteral("T001"),
        {{QStringLiteral("C001"), QStringLiteral("12.5"), QStringLiteral("第一行")}});
    const QJsonObject form =
        decodeDingTalkForm(instance.value(QLatin1String("form_component_values")).toArray());
    QCOMPARE(form.value(QStringLiteral("组织")), QJsonValue(QStringLiteral("T001")));
    QCOMPARE(form.value(QStringLiteral("申请日期")), QJsonValue(QStringLiteral("2023-11-15")));
    const QJsonArray table = form.value(QStringLiteral("表格")).toArray();
    QCOMPARE(table.size(), 1);
    QCOMPARE(table[0].toObject(),
             json(R"({"客户编码": "C001", "不含税金额": "12.5", "明细备注": "第一行"})"));

    const QJsonObject record = decodeDingTalkInstance(instance);
    QCOMPARE(record.value(QLatin1String("business_id")), QJsonValue(QStringLiteral("B1")));
    QCOMPARE(record.value(QStringLiteral("组织")), QJsonValue(QStringLiteral("T001")));
    QVERIFY(!record.contains(QLatin1String("form_component_values")));
    QCOMPARE(decodeDingTalkTable(QStringLiteral("not a table")), QJsonArray());
}

void TestExprShaping::dingTalkTableFlattens()
{
    const QJsonObject instance = dingTalkInstance(
        QStringLiteral("B1"), QStringLiteral("T001"),
        {{QStringLiteral("C001"), QStringLiteral("12.5"), QStringLiteral("第一行")},
         {QStringLiteral("C002"), QStringLiteral("7.25"), QStringLiteral("第二行")}});
    // Decoded first, or straight from the raw table text: the same flattened fields.
    QJsonObject raw{{QStringLiteral("business_id"), QStringLiteral("B1")}};
    for (const QJsonValue &c : instance.value(QLatin1String("form_component_values")).toArray()) {
        if (c.toObject().value(QLatin1String("name")) == QJsonValue(QStringLiteral("表格")))
            raw.insert(QStringLiteral("表格"), c.toObject().value(QLatin1String("value")));
    }
    for (const QJsonObject &record : {decodeDingTalkInstance(instance), raw}) {
        const QList<FlatRecord> flat =
            beatFlat(record, {QStringLiteral("表格")}, QStringLiteral("business_id"));
        QCOMPARE(flat.size(), 2);
        QCOMPARE(flat[1].id, QStringLiteral("B1-1"));
        QCOMPARE(flat[1].record.value(QStringLiteral("表格_客户编码")),
                 QJsonValue(QStringLiteral("C002")));
        QCOMPARE(flat[0].record.value(QStringLiteral("表格_不含税金额")),
                 QJsonValue(QStringLiteral("12.5")));
    }
}

void TestExprShaping::documentsWithChildList()
{
    const QJsonObject instance = dingTalkInstance(
        QStringLiteral("B1"), QStringLiteral("T001"),
        {{QStringLiteral("C001"), QStringLiteral("12.5"), QStringLiteral("第一行")},
         {QStringLiteral("C002"), QStringLiteral("7.25"), QStringLiteral("第二行")}});
    const QList<QJsonObject> flat = records(beatFlat(
        decodeDingTalkInstance(instance), {QStringLiteral("表格")}, QStringLiteral("business_id")));
    QList<FieldError> errors;
    const Mapping mapping = Mapping::compile(otherReceivableFields(), &errors);
    QVERIFY(errors.isEmpty());
    QVERIFY(mapping.isValid());
    QVERIFY(mapping.hasChildLists());

    EvalContext base;
    const QList<Document> docs = mapping.buildDocuments(
        flat, Mapping::defaultDocumentKey(QStringLiteral("business_id")), base);
    QCOMPARE(docs.size(), 1);
    const Document &doc = docs.first();
    QVERIFY(doc.ok());
    QCOMPARE(doc.records, QList<int>({0, 1}));
    const QJsonObject expected = json(R"({
        "FBillTypeID": "QTYSD01_SYS",
        "FSETTLEORGID": {"FNumber": "T001"},
        "FDATE": "2023-11-15",
        "FCONTACTUNITTYPE": "BD_Customer",
        "FCONTACTUNIT": {"FNumber": "C001"},
        "FTOTAL": 19.75,
        "FLINES": 2,
        "FEntity": [
            {"FCOMMENT": "第一行", "FNOTAXAMOUNTFOR": -12.5},
            {"FCOMMENT": "第二行", "FNOTAXAMOUNTFOR": -7.25}
        ]
    })");
    QCOMPARE(doc.payload, expected);

    // One record alone: a one-entry child list from the record itself.
    const Document single = mapping.map(flat[1], base, 1);
    QCOMPARE(single.records, QList<int>({1}));
    QCOMPARE(single.payload.value(QLatin1String("FEntity")).toArray().size(), 1);
    QCOMPARE(single.payload.value(QLatin1String("FCONTACTUNIT")),
             QJsonValue(json(R"({"FNumber": "C002"})")));
}

void TestExprShaping::groupingKeepsOrderAndSeparatesBadKeys()
{
    QList<QJsonObject> flat =
        records(beatFlat({purchaseIn(2, 2), purchaseIn(1, 1), purchaseIn(2, 0)},
                         {QStringLiteral("items")}, QStringLiteral("io_id")));
    flat.insert(1, json(R"({"warehouse": "no id"})"));
    flat.append(json(R"({"warehouse": "no id either"})"));
    // records: 2-0, (no id), 2-1, 1-0, 2 (header only), (no id)
    const QList<QList<int>> groups =
        groupRecords(flat, Mapping::defaultDocumentKey(QStringLiteral("io_id")), EvalContext());
    QCOMPARE(groups, QList<QList<int>>({{0, 2, 4}, {1}, {3}, {5}}));
}

void TestExprShaping::errorsMapBackToRecords()
{
    FieldSpec lines;
    lines.name = QStringLiteral("lines");
    lines.children = {{QStringLiteral("n"),
                       QStringLiteral("_function 9223372036854775807 + {{list.n}}"),
                       {},
                       {},
                       {}}};
    const QList<FieldSpec> fields = {{QStringLiteral("doc"), QStringLiteral("{doc}"), {}, {}, {}},
                                     lines};
    const Mapping mapping = Mapping::compile(fields);
    QVERIFY(mapping.isValid());
    const QList<QJsonObject> recs = {json(R"({"doc": "A", "n": 0})"),
                                     json(R"({"doc": "B", "n": 0})"),
                                     json(R"({"doc": "A", "n": 1})")};
    const QList<Document> docs =
        mapping.buildDocuments(recs, Expression::compile(QStringLiteral("{doc}")), EvalContext());
    QCOMPARE(docs.size(), 2);
    QCOMPARE(docs[0].records, QList<int>({0, 2}));
    QVERIFY(!docs[0].ok());
    QCOMPARE(docs[0].errors.size(), 1);
    const FieldError &e = docs[0].errors.first();
    QCOMPARE(e.field, QStringLiteral("lines/n"));
    QCOMPARE(e.record, 2);
    QVERIFY(e.error.message.startsWith(QLatin1String("BIGINT value is out of range")));
    QVERIFY2(e.toString(QStringLiteral("s"))
                 .startsWith(QLatin1String(
                     "scheme 's': target field lines/n: `_function 9223372036854775807 + "
                     "{{list.n}}`: BIGINT value is out of range")),
             qPrintable(e.toString(QStringLiteral("s"))));
    QVERIFY(e.toString(QStringLiteral("s")).endsWith(QLatin1String("(record 2)")));
    QVERIFY(docs[1].ok());
    QCOMPARE(docs[1].records, QList<int>({1}));
}

void TestExprShaping::nestedObjectChildren()
{
    // Seed 003: `main_params` is an object of column values, not a list.
    FieldSpec main;
    main.name = QStringLiteral("main_params");
    main.children = {{QStringLiteral("data_id"), QStringLiteral("{FMasterId}"), {}, {}, {}},
                     {QStringLiteral("specification_model"),
                      QStringLiteral("_function trim('{FSpecification}')"),
                      {},
                      {},
                      {}}};
    const Mapping mapping = Mapping::compile({main});
    QVERIFY(!mapping.hasChildLists());
    const QJsonObject r = json(R"({"FMasterId": 100, "FSpecification": " 10*20 "})");
    const Document doc = mapping.map(r, EvalContext());
    QCOMPARE(doc.payload, json(R"({"main_params": {"data_id": 100,
                                                   "specification_model": "10*20"}})"));
    // "type": "array" forces a list even without {{list.x}}.
    main.type = QStringLiteral("array");
    QVERIFY(Mapping::compile({main}).hasChildLists());
}

void TestExprShaping::compileErrors()
{
    CompileOptions options;
    options.knownFields = QStringList{
        QStringLiteral("组织"), QStringLiteral("申请日期"), QStringLiteral("表格_客户编码"),
        QStringLiteral("表格_不含税金额"), QStringLiteral("表格_明细备注")};
    QList<FieldSpec> fields = otherReceivableFields();
    fields[2].value = QStringLiteral("{{申请日其}}");
    fields[1].parser = json(R"({"name": "ConvertObjectParsr", "params": "FNumber"})");
    QList<FieldError> errors;
    const Mapping mapping = Mapping::compile(fields, &errors, options);
    QVERIFY(!mapping.isValid());
    QCOMPARE(errors.size(), 2);
    QCOMPARE(errors[0].field, QStringLiteral("FSETTLEORGID"));
    QCOMPARE(errors[0].error.suggestion, QStringLiteral("did you mean ConvertObjectParser?"));
    QCOMPARE(errors[1].field, QStringLiteral("FDATE"));
    QCOMPARE(errors[1].error.suggestion, QStringLiteral("did you mean 申请日期?"));
    // An invalid mapping builds documents that carry the errors instead of payloads.
    const Document doc = mapping.map(QJsonObject(), EvalContext());
    QVERIFY(!doc.ok());
    QVERIFY(doc.payload.isEmpty());
}

QTEST_APPLESS_MAIN(TestExprShaping)
#include "tst_expr_shaping.moc"
