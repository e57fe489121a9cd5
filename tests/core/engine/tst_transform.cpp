// The transform's per-stage counters: what went into each of a scheme's stages (beatFlat,
// the steps in order, the mapping), what came out and what failed — the numbers the canvas
// and `weft-run run --progress jsonl` show per node.
#include "core/connectors/mysqlsql.h"
#include "core/engine/transform.h"
#include "core/state/statestore.h"
#include "core/util/jsontape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace weft;

class TestTransform : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void filterCountsWhatItKeeps();
    void beatFlatValidateAndMappingFailures();
    void flattenStepAndGroupedDocumentsCountRows();
    void retriesAndPagesAddUp();
    void lookupsKeepTheTransformOnItsThread();
    void rowsAsValuesAreTheSameDocuments();
    void tapePagesGiveWhatTheirObjectsGive_data();
    void tapePagesGiveWhatTheirObjectsGive();
    void contentHashLeavesOutWhatChangesEveryRun_data();
    void contentHashLeavesOutWhatChangesEveryRun();
    void integersStayExactFromPageToSql();
    void traceShowsEveryStage();
    void validateSeveritiesFailSkipOrWarn();
};

namespace {

QJsonObject field(const QString &name, const QString &value, const QString &type = {})
{
    QJsonObject f{{QStringLiteral("field"), name}, {QStringLiteral("value"), value}};
    if (!type.isEmpty())
        f.insert(QStringLiteral("type"), type);
    return f;
}

Step step(const QString &id, StepType type, const QJsonObject &settings, bool enabled = true)
{
    Step s;
    s.id = id;
    s.type = type;
    s.settings = settings;
    s.enabled = enabled;
    return s;
}

Step filter(const QString &id, const QString &condition)
{
    return step(id, StepType::Filter, {{QStringLiteral("condition"), condition}});
}

Scheme scheme(const QJsonObject &source, const QJsonObject &target, const QList<Step> &steps)
{
    Scheme s;
    s.name = QStringLiteral("orders");
    s.source.metadata = AdapterMetadata(source);
    s.target.metadata = AdapterMetadata(target);
    s.steps = steps;
    return s;
}

std::unique_ptr<Transform> compile(const Scheme &s, bool values = false)
{
    Project p;
    p.schemes = {s};
    QStringList errors;
    auto t = Transform::compile(p, s, nullptr, &errors, values);
    if (!errors.isEmpty())
        qWarning() << errors;
    return t;
}

StepCounters counters(const QString &id, const QString &type, qint64 in, qint64 out, qint64 failed)
{
    return {id, type, in, out, failed};
}

/// The counters as text, so a failed comparison shows both sides.
QString text(const QList<StepCounters> &steps)
{
    QStringList parts;
    for (const StepCounters &c : steps)
        parts << QStringLiteral("%1/%2 in %3 out %4 failed %5")
                     .arg(c.id, c.type)
                     .arg(c.in)
                     .arg(c.out)
                     .arg(c.failed);
    return parts.join(QStringLiteral("; "));
}

QJsonObject order(int id, const QString &status, const QJsonArray &items = {})
{
    QJsonObject o{{QStringLiteral("id"), id}, {QStringLiteral("status"), status}};
    if (!items.isEmpty())
        o.insert(QStringLiteral("items"), items);
    return o;
}

QJsonObject item(const QString &sku, const QString &qty = QStringLiteral("1"))
{
    QJsonObject o{{QStringLiteral("qty"), qty}};
    if (!sku.isEmpty())
        o.insert(QStringLiteral("sku"), sku);
    return o;
}

} // namespace

void TestTransform::filterCountsWhatItKeeps()
{
    const Scheme s = scheme(
        {{QStringLiteral("id"), QStringLiteral("id")}},
        {{QStringLiteral("request"),
          QJsonArray{field(QStringLiteral("no"), QStringLiteral("{id}"))}}},
        {filter(QStringLiteral("open"), QStringLiteral("_function '{status}' <> 'Cancelled'")),
         // A disabled step does not run, so it has no stage to count.
         step(QStringLiteral("off"), StepType::Filter, {{QStringLiteral("condition"), "0"}},
              false)});
    const auto t = compile(s);
    QVERIFY(t);
    QCOMPARE(text(t->stepCounters()),
             text({counters("open", "filter", 0, 0, 0), counters("map", "map", 0, 0, 0)}));

    const TransformOutput out = t->apply({order(1, "Open"), order(2, "Cancelled"), order(3, "Open"),
                                          order(4, "Cancelled"), order(5, "Open")},
                                         {});
    QCOMPARE(out.skipped, 2);
    QCOMPARE(out.records.size(), 3);
    QCOMPARE(text(out.steps),
             text({counters("open", "filter", 5, 3, 0), counters("map", "map", 3, 3, 0)}));
}

void TestTransform::beatFlatValidateAndMappingFailures()
{
    // Three purchase-ins with 3, 2 and 2 items: seven lines. One line has no SKU (the
    // validate step fails it), one a quantity that is no number (the mapping fails it).
    const Scheme s = scheme(
        {{QStringLiteral("id"), QStringLiteral("id")},
         {QStringLiteral("beatFlat"), QJsonArray{QStringLiteral("items")}}},
        {{QStringLiteral("request"),
          QJsonArray{
              field(QStringLiteral("sku"), QStringLiteral("{items_sku}")),
              field(QStringLiteral("qty"), QStringLiteral("{items_qty}"), QStringLiteral("int"))}}},
        {step(QStringLiteral("checked"), StepType::Validate,
              {{QStringLiteral("rules"),
                QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("items_sku")},
                                       {QStringLiteral("required"), true}}}}})});
    const auto t = compile(s);
    QVERIFY(t);
    const TransformOutput out =
        t->apply({order(1, "Open", {item("a"), item("b"), item("c")}),
                  order(2, "Open", {item("d"), item(QString())}),
                  order(3, "Open", {item("f", QStringLiteral("many")), item("g")})},
                 {});
    QCOMPARE(out.inputs.size(), 7);
    QCOMPARE(out.failures.size(), 2);
    QCOMPARE(out.records.size(), 5);
    QCOMPARE(text(out.steps),
             text({counters("beatFlat", "beatFlat", 3, 7, 0),
                   counters("checked", "validate", 7, 6, 1), counters("map", "map", 6, 5, 1)}));
    // A failed line is stored as the one flattened record (header and its item's fields),
    // whatever the runner kept in between.
    QCOMPARE(out.failures.at(0).sourcePayload,
             (QJsonObject{{"id", 2}, {"status", "Open"}, {"items_qty", "1"}}));
    QCOMPARE(out.failures.at(1).sourcePayload,
             (QJsonObject{{"id", 3}, {"status", "Open"}, {"items_qty", "many"}, {"items_sku", "f"}}));
}

void TestTransform::rowsAsValuesAreTheSameDocuments()
{
    // A MySQL target takes rows as values (strings as their texts, beside bare string types):
    // each record must be the document the object path builds — the same object, content
    // id and hash — for header and item fields, numbers made text, templates, empty and
    // missing values.
    const Scheme s = scheme(
        {{QStringLiteral("id"), QStringLiteral("id")},
         {QStringLiteral("beatFlat"), QJsonArray{QStringLiteral("items")}}},
        {{QStringLiteral("id"), QStringLiteral("line")},
         {QStringLiteral("request"),
          QJsonArray{field(QStringLiteral("line"), QStringLiteral("{id}-{items_sku}"), QStringLiteral("string")),
                     field(QStringLiteral("order"), QStringLiteral("{id}"), QStringLiteral("string")),
                     field(QStringLiteral("status"), QStringLiteral("{status}"), QStringLiteral("string")),
                     field(QStringLiteral("sku"), QStringLiteral("{items_sku}"), QStringLiteral("string")),
                     field(QStringLiteral("qty"), QStringLiteral("{items_qty}"), QStringLiteral("float")),
                     field(QStringLiteral("qty_text"), QStringLiteral("{items_qty}")),
                     field(QStringLiteral("note"), QStringLiteral("{note}"), QStringLiteral("string")),
                     field(QStringLiteral("kind"), QStringLiteral("采购"))}}},
        {});
    const auto asDocuments = compile(s, false);
    const auto asValues = compile(s, true);
    QVERIFY(asDocuments && asValues);
    QJsonObject withNote = order(2, QStringLiteral("仓库 😀"), {item(QStringLiteral("B"), QStringLiteral("2.5"))});
    withNote.insert(QStringLiteral("note"), QString());
    const QList<QJsonObject> page = {
        order(1, QStringLiteral("Open"), {item(QStringLiteral("A")), item(QStringLiteral("C"), QStringLiteral("7"))}),
        withNote, order(3, QString(), {item(QString())})};
    const TransformOutput documents = asDocuments->apply(page, {});
    const TransformOutput values = asValues->apply(page, {});
    QCOMPARE(values.records.size(), 4);
    QCOMPARE(values.records.size(), documents.records.size());
    for (qsizetype i = 0; i < values.records.size(); ++i) {
        const TargetRecord &v = values.records.at(i);
        const TargetRecord &d = documents.records.at(i);
        QVERIFY(v.fields);
        QCOMPARE(v.object(), d.payload);
        QCOMPARE(v.recordId, d.recordId);
        // The rows' hash (in field order, unlike a document's) is that of the whole values:
        // the texts only spare converting the strings again.
        QList<QJsonValue> whole;
        for (qsizetype f = 0; f < v.fields->size(); ++f) {
            QCOMPARE(v.value(f), d.payload.value(v.fields->at(f)));
            whole.append(v.value(f));
        }
        QCOMPARE(v.contentHash, contentHash(*v.fields, whole));
    }
    QCOMPARE(values.records.at(2).value(values.records.at(2).fields->indexOf("status")),
             QJsonValue(QStringLiteral("仓库 😀")));
}

void TestTransform::tapePagesGiveWhatTheirObjectsGive_data()
{
    QTest::addColumn<bool>("values");
    QTest::newRow("rows as values (MySQL)") << true;
    QTest::newRow("documents") << false;
}

void TestTransform::tapePagesGiveWhatTheirObjectsGive()
{
    // A page read as a tape (Jushuitan's) must become exactly what its objects become:
    // the same flattened records, ids, documents, hashes, failures with their payloads and
    // counters — for elements and headers, arrays the tape flattens itself and those it
    // leaves to the objects (JSON text, scalar elements), repeated keys, escapes, a header
    // field an element shadows, values of every kind, a filter, a failing conversion.
    QFETCH(bool, values);
    const Scheme s = scheme(
        {{QStringLiteral("id"), QStringLiteral("id")},
         {QStringLiteral("number"), QStringLiteral("no")},
         {QStringLiteral("beatFlat"), QJsonArray{QStringLiteral("items")}}},
        {{QStringLiteral("id"), QStringLiteral("line")},
         {QStringLiteral("request"),
          QJsonArray{field(QStringLiteral("line"), QStringLiteral("{id}-{items_sku}"), QStringLiteral("string")),
                     field(QStringLiteral("status"), QStringLiteral("{status}"), QStringLiteral("string")),
                     field(QStringLiteral("note"), QStringLiteral("{{note}}")),
                     field(QStringLiteral("sku"), QStringLiteral("{items_sku}"), QStringLiteral("string")),
                     field(QStringLiteral("qty"), QStringLiteral("{items_qty}"), QStringLiteral("float")),
                     field(QStringLiteral("qty_int"), QStringLiteral("{items_qty}"), QStringLiteral("int")),
                     field(QStringLiteral("flag"), QStringLiteral("{archived}"), QStringLiteral("bool")),
                     field(QStringLiteral("extra"), QStringLiteral("{extra}")),
                     field(QStringLiteral("items"), QStringLiteral("{items}")),
                     field(QStringLiteral("total"), QStringLiteral("_function {items_qty} * 2"), QStringLiteral("float")),
                     field(QStringLiteral("upper"), QStringLiteral("_function UPPER('{status}')"))}}},
        {filter(QStringLiteral("open"), QStringLiteral("_function '{status}' <> 'skip'"))});
    const auto transform = compile(s, values);
    QVERIFY(transform);
    const QByteArray json = R"([
        {"id":1,"no":"PO-1","status":"Open","note":"a\"b\\c\u00e9\ud83d\ude00","archived":false,
         "extra":{"k":[1,2]},"items":[{"sku":"A","qty":2},{"sku":"B","qty":"2.5"}]},
        {"id":2,"no":"PO-2","status":"仓库","items":[]},
        {"id":3,"status":"Open"},
        {"id":4,"status":"Open","items":"[{\"sku\":\"T\",\"qty\":1}]"},
        {"id":5,"status":"Open","items":[1,2]},
        {"id":6,"status":"A","status":"B","items":[{"qty":1,"qty":3}]},
        {"id":7,"status":"Open","items_sku":"from the header","items":[{"sku":"E","qty":1},{"qty":4}]},
        {"id":8,"status":"Open","items":[{"sku":"F","qty":"many"}]},
        {"id":9,"status":"skip","items":[{"sku":"G","qty":1}]},
        {"id":"X-10","status":null,"archived":"yes","items":[{"sku":"H","qty":1e2,"extra":true}]},
        {"status":"Open","items":[{"sku":"I","qty":1}]},
        7
    ])";
    auto tape = std::make_shared<JsonTape>();
    QVERIFY(tape->parse(json));
    Page tapePage;
    tapePage.tape = tape;
    tapePage.recordNodes = tape->elements(JsonTape::root());
    Page objectPage;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
        objectPage.records.append(v.toObject());
    QCOMPARE(tapePage.size(), objectPage.size());
    QCOMPARE(tapePage.objects(), objectPage.records);

    const TransformOutput a = transform->apply(tapePage, {});
    const TransformOutput b = transform->apply(objectPage, {});
    QCOMPARE(text(a.steps), text(b.steps));
    QCOMPARE(a.skipped, b.skipped);
    QCOMPARE(a.inputs.size(), b.inputs.size());
    for (qsizetype i = 0; i < a.inputs.size(); ++i) {
        QCOMPARE(a.inputs.at(i).id, b.inputs.at(i).id);
        QCOMPARE(a.inputs.at(i).number, b.inputs.at(i).number);
        QCOMPARE(a.inputs.at(i).name, b.inputs.at(i).name);
        QCOMPARE(a.inputs.at(i).header, b.inputs.at(i).header);
        QCOMPARE(a.inputs.at(i).record.merged(), b.inputs.at(i).record.merged());
    }
    const auto input = [&a](const QString &id) {
        for (const TransformInput &in : a.inputs) {
            if (in.id == id)
                return in;
        }
        return TransformInput();
    };
    QVERIFY(input(QStringLiteral("1-1")).record.isTape());  // flattened on the tape…
    QVERIFY(input(QStringLiteral("3")).record.isTape());
    QVERIFY(!input(QStringLiteral("4-0")).record.isTape()); // …and JSON text as objects
    QVERIFY(!input(QStringLiteral("5-1")).record.isTape());
    QCOMPARE(a.recordInputs, b.recordInputs);
    QCOMPARE(a.records.size(), b.records.size());
    QVERIFY(a.records.size() >= 8);
    for (qsizetype i = 0; i < a.records.size(); ++i) {
        QCOMPARE(a.records.at(i).object(), b.records.at(i).object());
        QCOMPARE(a.records.at(i).recordId, b.records.at(i).recordId);
        QCOMPARE(a.records.at(i).number, b.records.at(i).number);
        QCOMPARE(a.records.at(i).contentHash, b.records.at(i).contentHash);
        if (values)
            QCOMPARE(a.records.at(i).texts, b.records.at(i).texts);
    }
    QCOMPARE(a.failures.size(), b.failures.size());
    QVERIFY(!a.failures.isEmpty()); // "many" is no number
    for (qsizetype i = 0; i < a.failures.size(); ++i) {
        QCOMPARE(a.failures.at(i).recordId, b.failures.at(i).recordId);
        QCOMPARE(a.failures.at(i).message, b.failures.at(i).message);
        QCOMPARE(a.failures.at(i).sourcePayload, b.failures.at(i).sourcePayload);
        QCOMPARE(a.failures.at(i).targetPayload, b.failures.at(i).targetPayload);
    }
}

void TestTransform::contentHashLeavesOutWhatChangesEveryRun_data()
{
    QTest::addColumn<bool>("values");
    QTest::addColumn<bool>("nested");
    QTest::newRow("rows as values (MySQL)") << true << false;
    QTest::newRow("documents") << false << false;
    // Seed 001's shape: the fields are children of "main_params".
    QTest::newRow("fields of an object") << false << true;
}

void TestTransform::contentHashLeavesOutWhatChangesEveryRun()
{
    // Seed 001's materials mapping writes a sync time: idCheck must still see a re-read
    // record as unchanged, or every full run rewrites every row.
    QFETCH(bool, values);
    QFETCH(bool, nested);
    const QJsonArray fields{
        field(QStringLiteral("no"), QStringLiteral("{id}")),
        field(QStringLiteral("status"), QStringLiteral("{status}")),
        field(QStringLiteral("sync_time"), QStringLiteral("{{CURRENT_TIME|datetime}}")),
        field(QStringLiteral("run"), QStringLiteral("_function CONCAT('run ', NOW())")),
        field(QStringLiteral("kind"), QStringLiteral("material"))};
    const QJsonArray request =
        nested ? QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("main_params")},
                                        {QStringLiteral("type"), QStringLiteral("object")},
                                        {QStringLiteral("children"), fields}}}
               : fields;
    const Scheme s =
        scheme({{QStringLiteral("id"), QStringLiteral("id")}}, {{QStringLiteral("request"), request}}, {});
    const auto t = compile(s, values);
    QVERIFY(t);
    TransformVars monday;
    monday.currentTime = 1700000000;
    TransformVars tuesday;
    tuesday.currentTime = monday.currentTime + 86400;
    const TransformOutput a = t->apply({order(1, "Open")}, monday);
    const TransformOutput b = t->apply({order(1, "Open")}, tuesday);
    const TransformOutput changed = t->apply({order(1, "Closed")}, tuesday);
    QCOMPARE(a.records.size(), 1);
    QCOMPARE(b.records.size(), 1);
    // The time is written as it is …
    const auto valueOf = [values, nested](const TargetRecord &r, const QString &name) {
        if (values)
            return r.value(r.fields->indexOf(name));
        return nested ? r.payload.value("main_params").toObject().value(name) : r.payload.value(name);
    };
    QVERIFY(valueOf(a.records.first(), "sync_time") != valueOf(b.records.first(), "sync_time"));
    // … but the content that idCheck compares is the same, and a real change still shows.
    QVERIFY(!a.records.first().contentHash.isEmpty());
    QCOMPARE(a.records.first().contentHash, b.records.first().contentHash);
    QVERIFY(changed.records.first().contentHash != b.records.first().contentHash);
}

void TestTransform::lookupsKeepTheTransformOnItsThread()
{
    // A lookup reads the state store through the run's connection, so a scheme with one is
    // transformed on the run's thread; any other may go to a worker.
    const QJsonObject source{{QStringLiteral("id"), QStringLiteral("id")}};
    const auto target = [](const QString &value) {
        return QJsonObject{{QStringLiteral("request"),
                            QJsonArray{field(QStringLiteral("no"), QStringLiteral("{id}")),
                                       field(QStringLiteral("name"), value)}}};
    };
    const QString lookup =
        QStringLiteral("_findCollection find FName from orders where FNumber={{id}}");
    auto plain = compile(scheme(source, target(QStringLiteral("{status}")), {}));
    QVERIFY(plain);
    QVERIFY(plain->runsOffThread());
    auto mapped = compile(scheme(source, target(lookup), {}));
    QVERIFY(mapped);
    QVERIFY(!mapped->runsOffThread());
    auto inFunction = compile(scheme(
        source, target(QStringLiteral("_function CONCAT('x', _findCollection find FName from orders "
                                      "where FNumber={{id}} _endFind)")),
        {}));
    QVERIFY(inFunction);
    QVERIFY(!inFunction->runsOffThread());
    auto filtered = compile(scheme(
        source, target(QStringLiteral("{status}")),
        {filter(QStringLiteral("known"), QStringLiteral("_function IFNULL(") + lookup +
                                             QStringLiteral(" _endFind, '') <> ''"))}));
    QVERIFY(filtered);
    QVERIFY(!filtered->runsOffThread());
}

void TestTransform::flattenStepAndGroupedDocumentsCountRows()
{
    // A flatten step makes lines of headers; a mapping with a detail list groups them back
    // into one document per header, and still counts the rows it handed on.
    const QJsonObject lines{
        {QStringLiteral("field"), QStringLiteral("lines")},
        {QStringLiteral("type"), QStringLiteral("array")},
        {QStringLiteral("children"),
         QJsonArray{field(QStringLiteral("sku"), QStringLiteral("{{list.items_sku}}"))}}};
    const Scheme s =
        scheme({{QStringLiteral("id"), QStringLiteral("id")}},
               {{QStringLiteral("request"),
                 QJsonArray{field(QStringLiteral("no"), QStringLiteral("{{id}}")), lines}}},
               {step(QStringLiteral("lines"), StepType::Flatten,
                     {{QStringLiteral("arrays"), QJsonArray{"items"}}}),
                filter(QStringLiteral("real"), QStringLiteral("_function '{items_sku}' <> 'x'"))});
    const auto t = compile(s);
    QVERIFY(t);
    const TransformOutput out = t->apply({order(1, "Open", {item("a"), item("b"), item("x")}),
                                          order(2, "Open", {item("c"), item("d")})},
                                         {});
    QCOMPARE(out.records.size(), 2); // documents
    QCOMPARE(text(out.steps),
             text({counters("lines", "flatten", 2, 5, 0), counters("real", "filter", 5, 4, 0),
                   counters("map", "map", 4, 4, 0)}));
}

void TestTransform::retriesAndPagesAddUp()
{
    const Scheme s =
        scheme({{QStringLiteral("id"), QStringLiteral("id")},
                {QStringLiteral("beatFlat"), QJsonArray{QStringLiteral("items")}}},
               {{QStringLiteral("request"),
                 QJsonArray{field(QStringLiteral("sku"), QStringLiteral("{items_sku}"))}}},
               {filter(QStringLiteral("open"), QStringLiteral("_function '{status}' = 'Open'"))});
    const auto t = compile(s);
    QVERIFY(t);

    QList<StepCounters> total;
    addStepCounters(&total, t->apply({order(1, "Open", {item("a"), item("b")})}, {}).steps);
    addStepCounters(
        &total,
        t->apply({order(2, "Cancelled", {item("c")}), order(3, "Open", {item("d")})}, {}).steps);
    // A retry puts records that were flattened before through the steps again: beatFlat has
    // nothing to do.
    TransformInput stored;
    stored.record = QJsonObject{{QStringLiteral("id"), 4},
                                {QStringLiteral("status"), QStringLiteral("Open")},
                                {QStringLiteral("items_sku"), QStringLiteral("e")}};
    stored.id = QStringLiteral("4-0");
    addStepCounters(&total, t->applyFlattened({stored}, {}).steps);
    QCOMPARE(text(total),
             text({counters("beatFlat", "beatFlat", 3, 4, 0), counters("open", "filter", 5, 4, 0),
                   counters("map", "map", 4, 4, 0)}));
}

void TestTransform::integersStayExactFromPageToSql()
{
    // Every way an integer beyond 2^53 can travel from a page to a MySQL statement: a JSON
    // number read plainly ({{id}}), through an expression, a JSON string declared an integer
    // or a number, digits too many for 64 bits declared a number, and a number made text.
    // The page is read as a tape and as objects (QJsonDocument); the SQL text must hold the
    // digits of the page. Through a double, 1234567890123456789 would be …768.
    const QByteArray json = R"([{"id": 1234567890123456789, "big": 9007199254740993,
        "text": "9223372036854775807", "huge": "12345678901234567890123456789",
        "negative": -9007199254740993}])";
    const Scheme s = scheme(
        QJsonObject{{"id", "id"}},
        QJsonObject{{"request",
                     QJsonArray{field("plain", "{{id}}"), field("typed", "{{big}}", "bigint"),
                                field("expression", "_function {{id}} + 1"),
                                field("fromText", "{{text}}", "bigint"),
                                field("fromTextNumber", "{{text}}", "number"),
                                field("huge", "{{huge}}", "number"),
                                field("asText", "{{negative}}", "string")}}},
        {});
    for (const bool values : {false, true}) {
        auto transform = compile(s, values);
        QVERIFY(transform);
        auto tape = std::make_shared<JsonTape>();
        QVERIFY(tape->parse(json));
        Page tapePage;
        tapePage.tape = tape;
        tapePage.recordNodes = tape->elements(JsonTape::root());
        Page objectPage;
        for (const QJsonValue &v : QJsonDocument::fromJson(json).array())
            objectPage.records.append(v.toObject());
        for (const Page &page : {tapePage, objectPage}) {
            const TransformOutput out = transform->apply(page, {});
            QCOMPARE(out.records.size(), 1);
            const QJsonObject doc = out.records.first().object();
            const auto sql = [&](const QString &name) {
                QByteArray text;
                appendSqlLiteral(text, doc.value(name));
                return text;
            };
            QCOMPARE(sql("plain"), QByteArray("1234567890123456789"));
            QCOMPARE(sql("typed"), QByteArray("9007199254740993"));
            QCOMPARE(sql("expression"), QByteArray("1234567890123456790"));
            QCOMPARE(sql("fromText"), QByteArray("9223372036854775807"));
            QCOMPARE(sql("fromTextNumber"), QByteArray("9223372036854775807"));
            // Too many digits for 64 bits: kept as text, which a DECIMAL(38,0) takes exactly.
            QCOMPARE(sql("huge"), QByteArray("'12345678901234567890123456789'"));
            QCOMPARE(sql("asText"), QByteArray("'-9007199254740993'"));
        }
    }
}

void TestTransform::traceShowsEveryStage()
{
    // The preview's data at every node: the source's records, beatFlat's lines, a filter's
    // drops with the values that decided them, a lookup's added and missing fields, each
    // validate rule's result, and the grouped documents with the lines they hold.
    const QJsonObject lines{
        {QStringLiteral("field"), QStringLiteral("lines")},
        {QStringLiteral("type"), QStringLiteral("array")},
        {QStringLiteral("children"),
         QJsonArray{field(QStringLiteral("sku"), QStringLiteral("{{list.items_sku}}"))}}};
    const Scheme s = scheme(
        {{QStringLiteral("id"), QStringLiteral("id")},
         {QStringLiteral("beatFlat"), QJsonArray{QStringLiteral("items")}}},
        {{QStringLiteral("request"),
          QJsonArray{field(QStringLiteral("no"), QStringLiteral("{{id}}")), lines}}},
        {filter(QStringLiteral("open"), QStringLiteral("_function '{status}' <> 'Cancelled'")),
         step(QStringLiteral("names"), StepType::Lookup,
              {{QStringLiteral("fields"),
                QJsonArray{
                    field(QStringLiteral("skuName"),
                          QStringLiteral("_function IF('{items_sku}' = 'a', 'Apple', '')"))}}}),
         step(QStringLiteral("checked"), StepType::Validate,
              {{QStringLiteral("rules"),
                QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("items_sku")},
                                       {QStringLiteral("required"), true}},
                           QJsonObject{{QStringLiteral("field"), QStringLiteral("items_sku")},
                                       {QStringLiteral("maxLength"), 3}}}}})});
    const auto t = compile(s);
    QVERIFY(t);
    const QList<QJsonObject> page{order(1, "Open", {item("a"), item("b")}),
                                  order(2, "Cancelled", {item("c")}),
                                  order(3, "Open", {item("a"), item(QString())})};
    QList<StageTrace> stages;
    const TransformOutput traced = t->trace(page, {}, &stages);
    // Tracing changes nothing about the output.
    const TransformOutput plain = t->apply(page, {});
    QCOMPARE(traced.records.size(), plain.records.size());
    QCOMPARE(traced.failures.size(), plain.failures.size());
    QCOMPARE(text(traced.steps), text(plain.steps));

    QStringList ids;
    for (const StageTrace &st : stages)
        ids << st.id + u'/' + QString::number(st.in) + u'/' + QString::number(st.out);
    QCOMPARE(ids, (QStringList{"source/3/3", "beatFlat/3/5", "open/5/4", "names/4/4", "checked/4/3",
                               "map/3/3"}));
    QCOMPARE(stages.at(0).records.at(1).record, page.at(1));

    const StageTrace &open = stages.at(2);
    QCOMPARE(open.records.size(), 5);
    QCOMPARE(open.records.at(2).fate, StageRecord::Fate::Dropped);
    QCOMPARE(open.records.at(2).id, QStringLiteral("2-0"));
    QCOMPARE(open.records.at(2).reason, QStringLiteral("condition false: status = \"Cancelled\""));

    const StageTrace &names = stages.at(3);
    QCOMPARE(names.records.at(0).record.value("skuName").toString(), QStringLiteral("Apple"));
    QCOMPARE(names.records.at(0).added, QStringList{"skuName"});
    QVERIFY(names.records.at(0).missed.isEmpty());
    QCOMPARE(names.records.at(1).missed, QStringList{"skuName"}); // sku b: no name found

    const StageTrace &checked = stages.at(4);
    QCOMPARE(checked.failed, 1);
    const StageRecord &broken = checked.records.at(3);
    QCOMPARE(broken.fate, StageRecord::Fate::Failed);
    QCOMPARE(broken.rules.size(), 2);
    QCOMPARE(broken.rules.at(0).toObject().value("ok").toBool(), false);
    QCOMPARE(broken.rules.at(1).toObject().value("ok").toBool(), true);
    QVERIFY(broken.reason.contains(QStringLiteral("items_sku is required but empty")));
    QCOMPARE(checked.records.at(0).rules.size(), 2);
    QCOMPARE(checked.records.at(0).fate, StageRecord::Fate::Passed);

    // Grouped: order 1's two lines make one document, order 3's remaining line another.
    const StageTrace &map = stages.at(5);
    QCOMPARE(map.records.size(), 2);
    QCOMPARE(map.records.at(0).inputs, (QList<int>{0, 1}));
    QCOMPARE(map.records.at(0).record.value("lines").toArray().size(), 2);
    QCOMPARE(map.records.at(1).inputs, (QList<int>{2}));
}

void TestTransform::validateSeveritiesFailSkipOrWarn()
{
    // One rule per severity: a duplicate number fails its record, an unknown status skips
    // it, a quantity out of range only warns. `unique` holds across the run's pages; a trace
    // checks its sample alone and shows every rule's result.
    const auto rule = [](const char *text) {
        return QJsonDocument::fromJson(QByteArray(text)).object();
    };
    const Scheme s = scheme(
        {{QStringLiteral("id"), QStringLiteral("id")}},
        {{QStringLiteral("request"),
          QJsonArray{field(QStringLiteral("no"), QStringLiteral("{id}"))}}},
        {step(QStringLiteral("checked"), StepType::Validate,
              {{QStringLiteral("rules"),
                QJsonArray{rule(R"({"field":"id","unique":true})"),
                           rule(R"({"field":"status","values":["Open","Done"],"severity":"skip"})"),
                           rule(R"({"field":"qty","min":1,"max":9,"severity":"warn"})")}}})});
    const auto t = compile(s);
    QVERIFY(t);
    const auto record = [](int id, const char *status, int qty) {
        return QJsonObject{{QStringLiteral("id"), id},
                           {QStringLiteral("status"), QString::fromLatin1(status)},
                           {QStringLiteral("qty"), qty}};
    };
    const QList<QJsonObject> first{record(1, "Open", 5), record(2, "Lost", 5),
                                   record(3, "Done", 50)};
    const TransformOutput one = t->apply(first, {});
    QCOMPARE(one.records.size(), 2);
    QCOMPARE(one.skipped, 1);
    QCOMPARE(one.failures.size(), 0);
    QCOMPARE(one.warnings.size(), 1);
    QCOMPARE(one.warnings.at(0).recordId, QStringLiteral("3"));
    QVERIFY(
        one.warnings.at(0).message.contains(QStringLiteral("qty is 50, more than the maximum 9")));
    QCOMPARE(text(one.steps),
             text({counters("checked", "validate", 3, 2, 0), counters("map", "map", 2, 2, 0)}));

    // The next page of the same run: id 1 again fails.
    const TransformOutput two = t->apply({record(1, "Open", 5), record(4, "Open", 5)}, {});
    QCOMPARE(two.records.size(), 1);
    QCOMPARE(two.failures.size(), 1);
    QCOMPARE(two.failures.at(0).recordId, QStringLiteral("1"));
    QVERIFY(two.failures.at(0).message.contains(
        QStringLiteral("validate step checked: id \"1\" occurred before in this run")));

    // A trace after those pages still sees id 1 for the first time.
    QList<StageTrace> stages;
    t->trace(first + QList<QJsonObject>{record(1, "Done", 0)}, {}, &stages);
    const StageTrace &checked = stages.at(1);
    QCOMPARE(checked.in, 4);
    QCOMPARE(checked.out, 2);
    QCOMPARE(checked.failed, 1);
    QCOMPARE(checked.records.size(), 4);
    QCOMPARE(checked.records.at(0).fate, StageRecord::Fate::Passed);
    QCOMPARE(checked.records.at(0).rules.size(), 3);
    QCOMPARE(checked.records.at(1).fate, StageRecord::Fate::Dropped);
    QCOMPARE(checked.records.at(1).reason, QStringLiteral("status \"Lost\" is none of Open, Done"));
    const StageRecord &warned = checked.records.at(2);
    QCOMPARE(warned.fate, StageRecord::Fate::Passed);
    QCOMPARE(warned.rules.at(2).toObject().value("ok").toBool(), false);
    QCOMPARE(warned.rules.at(2).toObject().value("severity").toString(), QStringLiteral("warn"));
    // The duplicate also breaks the warning rule: both are listed, the failure decides.
    const StageRecord &duplicate = checked.records.at(3);
    QCOMPARE(duplicate.fate, StageRecord::Fate::Failed);
    QCOMPARE(duplicate.rules.at(0).toObject().value("ok").toBool(), false);
    QCOMPARE(duplicate.rules.at(1).toObject().value("ok").toBool(), true);
    QCOMPARE(duplicate.rules.at(2).toObject().value("ok").toBool(), false);
}

QTEST_GUILESS_MAIN(TestTransform)
#include "tst_transform.moc"
