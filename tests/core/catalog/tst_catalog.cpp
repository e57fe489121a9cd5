#include "core/catalog/catalog.h"
#include "core/catalog/catalogcheck.h"
#include "core/catalog/catalogmetadata.h"
#include "core/catalog/catalogreader.h"
#include "core/model/connection.h"
#include "core/model/projectio.h"
#include "core/model/projectvalidator.h"
#include "support/testfiles.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

/// The API catalogue: the shipped files, the strict reader, search, the metadata made from
/// an entry, and the validator's check of "catalog" references.
class TestCatalog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shippedFilesLoadAndCoverTheSystems();
    void builtinIsTheShippedFiles();
    void everyFactHasASourceOrSaysItIsUnconfirmed();
    void brokenFilesAreReported_data();
    void brokenFilesAreReported();
    void notJsonIsReportedWithItsPosition();
    void search_data();
    void search();
    void everyEndpointMakesAValidScheme_data();
    void everyEndpointMakesAValidScheme();
    void examplesAgreeWithTheCatalogue();
    void unknownReferenceIsAnError();
    void differencesFromTheEntryAreWarnings();
    void driftFromTheCurrentEntryIsWarned();
    void validateFileReportsTheReference();
};

namespace {

QString catalogDir()
{
    return test::sourcePath(QStringLiteral("resources/catalog"));
}

std::shared_ptr<const Catalog> shipped()
{
    static const CatalogLoadResult result = loadCatalogDirectory(catalogDir());
    return result.catalog;
}

QJsonObject readJson(const QString &path)
{
    return QJsonDocument::fromJson(test::readFile(path)).object();
}

/// One connection of each type, as the example projects write them (they validate).
QJsonObject exampleConnection(const QString &type)
{
    const QDir dir(test::sourcePath(QStringLiteral("resources/examples")));
    for (const QString &f : dir.entryList({QStringLiteral("*.weft.json")})) {
        for (const QJsonValue &c : readJson(dir.filePath(f)).value("connections").toArray()) {
            if (c.toObject().value("type").toString() == type)
                return c.toObject();
        }
    }
    return {};
}

/// A project with one scheme: the endpoint's metadata on its side, the local store on the
/// other.
QJsonObject projectFor(const CatalogSystem &system, const AdapterMetadata &meta, bool query)
{
    QJsonObject connection = exampleConnection(system.connectionType);
    connection.insert("name", "sys");
    const QJsonObject local{{"name", "local"}, {"type", "local_store"}};
    const QJsonObject mine{{"connection", "sys"}, {"metadata", meta.json()}};
    const QJsonObject localSource{{"connection", "local"},
                                  {"metadata", QJsonObject{{"effect", "QUERY"}}}};
    const QJsonObject localTarget{
        {"connection", "local"},
        {"metadata",
         QJsonObject{{"api", "写入空操作"}, {"effect", "EXECUTE"}, {"method", "POST"}}}};
    const QJsonObject scheme{{"name", "s"},
                             {"source", query ? mine : localSource},
                             {"target", query ? localTarget : mine}};
    return {{"format", "weft-project"},
            {"version", 1},
            {"connections", QJsonArray{connection, local}},
            {"schemes", QJsonArray{scheme}}};
}

Project load(const QJsonObject &json, Diagnostics *diagnostics = nullptr)
{
    const ProjectLoadResult r = loadProject(QJsonDocument(json).toJson());
    if (diagnostics)
        *diagnostics = r.diagnostics;
    return r.project.value_or(Project{});
}

QStringList messages(const Diagnostics &ds, bool errors)
{
    QStringList out;
    for (const Diagnostic &d : ds) {
        if (d.isError() == errors)
            out << d.pointer + QStringLiteral(": ") + d.message;
    }
    return out;
}

/// Sets (or, with an Undefined value, removes) the value at a JSON pointer.
QJsonValue patched(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return value;
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray a = node.toArray();
        const int i = key.toInt();
        if (path.isEmpty() && value.isUndefined())
            a.removeAt(i);
        else
            a.replace(i, patched(a.at(i), path, value));
        return a;
    }
    QJsonObject o = node.toObject();
    if (path.isEmpty() && value.isUndefined())
        o.remove(key);
    else
        o.insert(key, patched(o.value(key), path, value));
    return o;
}

QJsonObject patch(QJsonObject doc, const QString &pointer, const QJsonValue &value)
{
    return patched(doc, pointer.mid(1).split(u'/'), value).toObject();
}

const RequestField *findRequest(const QList<RequestField> &fields, const QString &name)
{
    for (const RequestField &f : fields) {
        if (f.field == name)
            return &f;
    }
    return nullptr;
}

} // namespace

void TestCatalog::shippedFilesLoadAndCoverTheSystems()
{
    const CatalogLoadResult r = loadCatalogDirectory(catalogDir());
    QVERIFY2(r.ok(), qPrintable(r.errors.join('\n')));
    QCOMPARE(r.catalog->systems().size(), 4);
    // The coverage: at least 12 Jushuitan endpoints, 10 JDY, 10 K3Cloud forms, 5
    // DingTalk.
    const QHash<QString, int> minimum{{"jushuitan", 12}, {"kingdee_jdy", 10}, {"dingtalk", 5}};
    for (const CatalogSystem &s : r.catalog->systems()) {
        if (s.id == "kingdee_k3cloud") {
            QSet<QString> forms;
            for (const CatalogEndpoint &e : s.endpoints)
                forms.insert(e.other("FormId"));
            for (const char *form : {"BD_MATERIAL", "BD_Customer", "BD_Supplier", "SAL_SaleOrder",
                                     "PUR_PurchaseOrder", "STK_InStock", "SAL_OUTSTOCK",
                                     "AR_OtherRecAble", "AR_RECEIVEBILL", "STK_Inventory"})
                QVERIFY2(forms.contains(form), form);
        } else {
            QVERIFY2(s.endpoints.size() >= minimum.value(s.id), qPrintable(s.id));
        }
        // Every system documents the error kinds Weft's exactly-once logic depends on.
        QSet<QString> kinds;
        for (const CatalogError &e : s.errors)
            kinds.insert(e.kind);
        for (const char *kind : {"throttled", "duplicateNumber", "permission"})
            QVERIFY2(kinds.contains(kind), qPrintable(s.id + ": " + kind));
        QVERIFY(kinds.contains("tokenExpired") || kinds.contains("sessionExpired"));
    }
    // The endpoints the issue names by content.
    for (const char *ref : {"jushuitan/orders.query",
                            "jushuitan/purchasein.query",
                            "jushuitan/purchaseout.query",
                            "jushuitan/otherinout.query",
                            "jushuitan/inventory.query",
                            "jushuitan/sku.query",
                            "jushuitan/supplier.query",
                            "jushuitan/wms.partner.query",
                            "jushuitan/refund.query",
                            "jushuitan/shops.query",
                            "jushuitan/order.sent.upload",
                            "kingdee_jdy/customer.list",
                            "kingdee_jdy/supplier.list",
                            "kingdee_jdy/material.list",
                            "kingdee_jdy/store.list",
                            "kingdee_jdy/sal_order.list",
                            "kingdee_jdy/pur_order.list",
                            "kingdee_jdy/sal_out_bound.list",
                            "kingdee_jdy/pur_inbound.list",
                            "kingdee_jdy/ar_credit.list",
                            "kingdee_jdy/inventory.list",
                            "kingdee_k3cloud/BD_Customer.save",
                            "dingtalk/processinstance.listids",
                            "dingtalk/processinstance.get",
                            "dingtalk/user.list",
                            "dingtalk/department.listsub",
                            "dingtalk/attendance.list"})
        QVERIFY2(r.catalog->endpoint(QString::fromLatin1(ref)), ref);
    QVERIFY(r.catalog->unconfirmedCount() > 0);
    qInfo("%lld endpoints, %d facts marked unconfirmed", qlonglong(r.catalog->refs().size()),
          r.catalog->unconfirmedCount());
}

void TestCatalog::builtinIsTheShippedFiles()
{
    const auto builtin = Catalog::builtin();
    QVERIFY(builtin);
    QCOMPARE(builtin->refs(), shipped()->refs());
    QVERIFY(builtin->systems().first().file.startsWith(":/catalog/"));
}

void TestCatalog::everyFactHasASourceOrSaysItIsUnconfirmed()
{
    for (const CatalogSystem &s : shipped()->systems()) {
        for (const CatalogEndpoint &e : s.endpoints) {
            QVERIFY2(e.source.startsWith("http"), qPrintable(e.ref()));
            if (e.support != "supported")
                QVERIFY2(!e.supportNote.isEmpty(), qPrintable(e.ref()));
        }
        for (const CatalogError &e : s.errors)
            QVERIFY2(!e.source.isEmpty() || !e.doubt.confirmed, qPrintable(s.id + e.code));
    }
}

void TestCatalog::brokenFilesAreReported_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("expected");
    const QJsonValue remove(QJsonValue::Undefined);
    QTest::newRow("unknown key") << "/endpoints/1/colour" << QJsonValue("red")
                                 << "jushuitan.json:/endpoints/1/colour: unknown key \"colour\"";
    QTest::newRow("typo in a key")
        << "/endpoints/1/request/0/lable" << QJsonValue("页码")
        << "jushuitan.json:/endpoints/1/request/0/lable: unknown key \"lable\" (did you mean "
           "label?)";
    QTest::newRow("missing title")
        << "/endpoints/2/title" << remove << "jushuitan.json:/endpoints/2: \"title\" is required";
    QTest::newRow("missing English label")
        << "/endpoints/1/response/fields/0/label/en" << remove
        << "jushuitan.json:/endpoints/1/response/fields/0/label: \"en\" is required";
    QTest::newRow("unknown type")
        << "/endpoints/1/request/0/type" << QJsonValue("strng")
        << "jushuitan.json:/endpoints/1/request/0/type: \"strng\" is not one of string, int, "
           "number, float, bool, datetime, date, array, object (did you mean string?)";
    QTest::newRow("wrong value type") << "/endpoints/1/paging/maxPageSize" << QJsonValue("50")
                                      << "jushuitan.json:/endpoints/1/paging/maxPageSize: must "
                                         "be a number";
    QTest::newRow("effect") << "/endpoints/0/effect" << QJsonValue("READ")
                            << "jushuitan.json:/endpoints/0/effect: \"READ\" is not one of "
                               "QUERY, EXECUTE";
    QTest::newRow("template that does not compile")
        << "/endpoints/1/request/2/value" << QJsonValue("{{LAST_SYNC_TIME|datetme}}")
        << "jushuitan.json:/endpoints/1/request/2/value: `{{LAST_SYNC_TIME|datetme}}`";
    QTest::newRow("unconfirmed without a note")
        << "/endpoints/1/response/fields/0/confirmed" << QJsonValue(false)
        << "jushuitan.json:/endpoints/1/response/fields/0: \"confirmed\": false needs a "
           "\"note\"";
    QTest::newRow("beatFlat of a scalar")
        << "/endpoints/1/beatFlat" << QJsonValue(QJsonArray{"io_id"})
        << "jushuitan.json:/endpoints/1/beatFlat/0: \"io_id\" is not an array of records";
    QTest::newRow("key that is no field")
        << "/endpoints/1/keys/id" << QJsonValue("io_idd")
        << "jushuitan.json:/endpoints/1/keys/id: \"io_idd\" is not a record field";
    QTest::newRow("duplicate endpoint id")
        << "/endpoints/2/id" << QJsonValue("purchasein.query")
        << "jushuitan.json:/endpoints/2/id: another endpoint is also \"purchasein.query\"";
    QTest::newRow("window names no parameter")
        << "/endpoints/1/window/startParam" << QJsonValue("modified_from")
        << "jushuitan.json:/endpoints/1/window: \"modified_from\" is not a request parameter";
    QTest::newRow("error code without a source")
        << "/errors/3/source" << remove
        << "jushuitan.json:/errors/3: a confirmed error code cites its \"source\"";
    QTest::newRow("source that is no URL") << "/endpoints/1/source" << QJsonValue("the docs")
                                           << "jushuitan.json:/endpoints/1/source: \"the docs\" "
                                              "is not an http(s) URL";
    QTest::newRow("unknown connection type")
        << "/connectionType" << QJsonValue("jushuitn")
        << "jushuitan.json:/connectionType: unknown connection type \"jushuitn\" (did you mean "
           "jushuitan?)";
    QTest::newRow("no endpoints") << "/endpoints" << remove
                                  << "jushuitan.json:: \"endpoints\" is required";
}

void TestCatalog::brokenFilesAreReported()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, value);
    QFETCH(QString, expected);
    const QJsonObject good = readJson(catalogDir() + "/jushuitan.json");
    // The entry the mutations address is the one they expect.
    QCOMPARE(good.value("endpoints").toArray().at(1).toObject().value("id").toString(),
             QString("purchasein.query"));
    QStringList errors;
    QVERIFY(readCatalogSystem(QJsonDocument(good).toJson(), "jushuitan.json", &errors));
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join('\n')));

    const QJsonObject broken = patch(good, pointer, value);
    QVERIFY(!readCatalogSystem(QJsonDocument(broken).toJson(), "jushuitan.json", &errors));
    const bool found = std::any_of(errors.begin(), errors.end(),
                                   [&](const QString &e) { return e.startsWith(expected); });
    QVERIFY2(found, qPrintable("expected " + expected + "\ngot:\n" + errors.join('\n')));
}

void TestCatalog::notJsonIsReportedWithItsPosition()
{
    QStringList errors;
    QVERIFY(!readCatalogSystem("{\n  \"format\": \"weft-catalog\",\n  \"version\": 1,,\n}",
                               "x.json", &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith("x.json:3:"), qPrintable(errors.first()));

    // A directory with a broken file reports it and keeps the good ones.
    QTemporaryDir dir;
    QVERIFY(QFile::copy(catalogDir() + "/dingtalk.json", dir.filePath("dingtalk.json")));
    QFile bad(dir.filePath("bad.json"));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("[]");
    bad.close();
    const CatalogLoadResult r = loadCatalogDirectory(dir.path());
    QCOMPARE(r.errors.size(), 1);
    QVERIFY(r.errors.first().contains("bad.json"));
    QCOMPARE(r.catalog->systems().size(), 1);
}

void TestCatalog::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("alsoFound");
    QTest::newRow("Chinese title") << "采购入库"
                                   << "jushuitan/purchasein.query"
                                   << "kingdee_k3cloud/STK_InStock.query";
    QTest::newRow("English title") << "purchase-ins"
                                   << "jushuitan/purchasein.query"
                                   << "";
    QTest::newRow("English, two words") << "sales orders"
                                        << "kingdee_jdy/sal_order.list"
                                        << "kingdee_k3cloud/SAL_SaleOrder.query";
    QTest::newRow("api path") << "/open/wms/partner/query"
                              << "jushuitan/wms.partner.query"
                              << "";
    QTest::newRow("K3Cloud form") << "AR_OtherRecAble"
                                  << "kingdee_k3cloud/AR_OtherRecAble.query"
                                  << "kingdee_k3cloud/AR_OtherRecAble.save";
    QTest::newRow("record field") << "supplier_code"
                                  << "jushuitan/supplier.query"
                                  << "";
    QTest::newRow("target field") << "FNOTAXAMOUNTFOR"
                                  << "kingdee_k3cloud/AR_OtherRecAble.query"
                                  << "kingdee_k3cloud/AR_OtherRecAble.save";
    QTest::newRow("field label") << "仓库名称"
                                 << ""
                                 << "kingdee_jdy/store.save";
    QTest::newRow("DingTalk field") << "originator_userid"
                                    << "dingtalk/processinstance.get"
                                    << "";
}

void TestCatalog::search()
{
    QFETCH(QString, text);
    QFETCH(QString, first);
    QFETCH(QString, alsoFound);
    const QList<CatalogHit> hits = shipped()->search(text);
    QVERIFY2(!hits.isEmpty(), qPrintable(text));
    QStringList refs;
    for (const CatalogHit &h : hits) {
        refs << h.endpoint->ref();
        QVERIFY(!h.matched.isEmpty());
    }
    if (!first.isEmpty())
        QCOMPARE(refs.first(), first);
    if (!alsoFound.isEmpty())
        QVERIFY2(refs.contains(alsoFound), qPrintable(refs.join(", ")));
    QVERIFY(shipped()->search("   ").isEmpty());
    QVERIFY(shipped()->search("no-such-thing-anywhere").isEmpty());
}

void TestCatalog::everyEndpointMakesAValidScheme_data()
{
    QTest::addColumn<QString>("ref");
    for (const QString &ref : shipped()->refs())
        QTest::newRow(qPrintable(ref)) << ref;
}

void TestCatalog::everyEndpointMakesAValidScheme()
{
    QFETCH(QString, ref);
    const CatalogEndpoint *e = shipped()->endpoint(ref);
    QVERIFY(e);
    const CatalogSystem *system = shipped()->system(e->system);
    AdapterMetadata meta = catalogMetadata(*e);
    QCOMPARE(meta.json().value("catalog").toString(), ref);
    QCOMPARE(meta.effect(), e->effect);
    const ConnectorType type = *connectorTypeFromName(system->connectionType);
    if (!e->isQuery()) {
        // A save of K3Cloud or JDY is exactly-once only once its number is mapped (validate
        // refuses it before): the entry must offer that field, and the user maps it.
        const QString identity = type == ConnectorType::KingdeeK3Cloud
                                     ? (meta.requestField("FBillNo").field.isEmpty()
                                            ? QStringLiteral("FNumber")
                                            : QStringLiteral("FBillNo"))
                                     : QStringLiteral("number");
        if (type == ConnectorType::KingdeeK3Cloud || type == ConnectorType::KingdeeJdy) {
            QVERIFY2(!meta.requestField(identity).field.isEmpty(),
                     qPrintable(ref + " has no " + identity + " field to map"));
            QJsonObject json = meta.json();
            QJsonArray request = json.value("request").toArray();
            for (qsizetype i = 0; i < request.size(); ++i) {
                QJsonObject f = request.at(i).toObject();
                if (f.value("field").toString() == identity) {
                    f.insert("value", "{{id}}");
                    request[i] = f;
                }
            }
            json.insert("request", request);
            meta = AdapterMetadata(json);
        }
    }

    Diagnostics loaded;
    const Project project = load(projectFor(*system, meta, e->isQuery()), &loaded);
    // The generated block is metadata Weft reads without a remark (no unknown keys).
    QVERIFY2(loaded.isEmpty(),
             qPrintable(messages(loaded, false).join('\n') + messages(loaded, true).join('\n')));
    const Diagnostics ds = validateProject(project);
    if (!e->isQuery() && !connectorCanWrite(type)) {
        // A documented API Weft's connector cannot write to yet (catalogued as unsupported):
        // the only error is the one saying so.
        QCOMPARE(e->support, QString("unsupported"));
        const QStringList errors = messages(ds, true);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().contains("cannot be a target"), qPrintable(errors.first()));
    } else {
        QVERIFY2(!hasErrors(ds), qPrintable(messages(ds, true).join('\n')));
    }
    // Made from the entry, the metadata does not differ from it.
    QVERIFY2(messages(ds, false).filter("catalogue").isEmpty(),
             qPrintable(messages(ds, false).join('\n')));
}

void TestCatalog::examplesAgreeWithTheCatalogue()
{
    // Values the examples chose for their own data, not the API's defaults.
    const QHash<QString, QString> ownValues{
        {"kingdee_k3cloud/BD_MATERIAL.query FilterString",
         "the example filters its organisation, status and enabled materials"},
        {"dingtalk/processinstance.get process_code", "the example's own approval template"}};
    const QDir dir(test::sourcePath(QStringLiteral("resources/examples")));
    int compared = 0;
    for (const QString &file : dir.entryList({QStringLiteral("*.weft.json")})) {
        const Project project = load(readJson(dir.filePath(file)));
        for (const Scheme &scheme : project.schemes) {
            for (const Adapter *adapter : {&scheme.source, &scheme.target}) {
                const Connection *c = project.connection(adapter->connection);
                const AdapterMetadata &mine = adapter->metadata;
                const CatalogEndpoint *entry = nullptr;
                for (const CatalogSystem &s : shipped()->systems()) {
                    if (s.connectionType != connectorTypeName(c->type))
                        continue;
                    for (const CatalogEndpoint &e : s.endpoints) {
                        if (e.api == mine.api() && e.effect == mine.effect() &&
                            e.other("FormId") == mine.setting("FormId").toString())
                            entry = &e;
                    }
                }
                if (c->type == ConnectorType::MySql || c->type == ConnectorType::LocalStore)
                    continue;
                const QString where = file + ": " + scheme.name + " " + mine.api();
                QVERIFY2(entry, qPrintable("no catalogue entry for " + where));
                ++compared;
                const AdapterMetadata made = catalogMetadata(*entry);
                QCOMPARE(made.method(), mine.method());
                if (entry->isQuery()) {
                    for (const char *key : {"id", "number", "name"}) {
                        if (mine.json().contains(key))
                            QCOMPARE(made.json().value(key), mine.json().value(key));
                    }
                    QCOMPARE(made.autoFillResponse(), mine.autoFillResponse());
                    if (entry->ref() != "dingtalk/processinstance.get") // 表格 is its own form
                        QCOMPARE(made.beatFlat(), mine.beatFlat());
                }
                // Every field the example wrote is in the made metadata, with its label and
                // type; a source's values too. Customer extensions (F_…) are the example's.
                std::function<void(const QList<RequestField> &, const QList<RequestField> &)>
                    compare =
                        [&](const QList<RequestField> &ours, const QList<RequestField> &theirs) {
                            for (const RequestField &f : ours) {
                                if (f.field.startsWith("F_"))
                                    continue;
                                const RequestField *m = findRequest(theirs, f.field);
                                QVERIFY2(m, qPrintable(where + ": no " + f.field));
                                QCOMPARE(m->label, f.label);
                                QCOMPARE(m->type, f.type);
                                const QString key = entry->ref() + ' ' + f.field;
                                if (entry->isQuery() && !ownValues.contains(key))
                                    QCOMPARE(m->value, f.value);
                                compare(f.children, m->children);
                            }
                        };
                compare(mine.request(), made.request());
                for (const RequestField &f : mine.otherRequest()) {
                    const RequestField *m = findRequest(made.otherRequest(), f.field);
                    QVERIFY2(m, qPrintable(where + ": no " + f.field));
                    QCOMPARE(m->label, f.label);
                    if (f.field != "FieldKeys") {
                        QCOMPARE(m->value, f.value);
                        continue;
                    }
                    for (const QString &key : f.value.toString().split(',')) {
                        if (key.startsWith("F_"))
                            continue;
                        const bool known =
                            std::any_of(entry->fields.begin(), entry->fields.end(),
                                        [&](const CatalogField &cf) {
                                            return cf.name.compare(key, Qt::CaseInsensitive) == 0;
                                        });
                        QVERIFY2(known, qPrintable(where + ": FieldKeys " + key));
                    }
                }
                QCOMPARE(made.setting("documentKey"), mine.setting("documentKey"));
            }
        }
    }
    // 5 sources, the JDY store target and the K3Cloud receivables target.
    QCOMPARE(compared, 7);
}

void TestCatalog::unknownReferenceIsAnError()
{
    const CatalogSystem *jst = shipped()->system("jushuitan");
    AdapterMetadata meta = catalogMetadata(*jst->endpoint("purchasein.query"));
    meta.json().insert("catalog", "jushuitan/purchasein.qeury");
    const Project project = load(projectFor(*jst, meta, true));
    Diagnostics ds;
    checkCatalogReferences(project, *shipped(), DiagnosticSink(&ds));
    QCOMPARE(messages(ds, true).size(), 1);
    QCOMPARE(ds.first().pointer, QString("/schemes/0/source/metadata/catalog"));
    QVERIFY2(ds.first().message.contains("unknown catalogue entry \"jushuitan/purchasein.qeury\" "
                                         "(did you mean jushuitan/purchasein.query?)"),
             qPrintable(ds.first().message));
    // The validator runs the check on the built-in catalogue.
    QCOMPARE(messages(validateProject(project), true).filter("unknown catalogue entry").size(), 1);
}

void TestCatalog::differencesFromTheEntryAreWarnings()
{
    const CatalogSystem *k3 = shipped()->system("kingdee_k3cloud");
    AdapterMetadata meta = catalogMetadata(*k3->endpoint("BD_MATERIAL.query"));
    Diagnostics ds;
    checkCatalogReferences(load(projectFor(*k3, meta, true)), *shipped(), DiagnosticSink(&ds));
    QVERIFY2(ds.isEmpty(), qPrintable(messages(ds, false).join('\n')));
    // K3Cloud field keys are case-insensitive: the seeds write FUseOrgId.fnumber.
    QJsonArray lower = meta.json().value("otherRequest").toArray();
    QJsonObject lowerKeys = lower.at(1).toObject();
    lowerKeys.insert("value", lowerKeys.value("value").toString().toLower());
    lower.replace(1, lowerKeys);
    meta.json().insert("otherRequest", lower);
    checkCatalogReferences(load(projectFor(*k3, meta, true)), *shipped(), DiagnosticSink(&ds));
    QVERIFY2(ds.isEmpty(), qPrintable(messages(ds, false).join('\n')));

    meta.json().insert("method", "GET");
    meta.setRequestValue("Colour", "red");
    QJsonArray other = meta.json().value("otherRequest").toArray();
    QJsonObject keys = other.at(1).toObject();
    keys.insert("value", QString(keys.value("value").toString() + ",FNoSuchField"));
    other.replace(1, keys);
    meta.json().insert("otherRequest", other);
    checkCatalogReferences(load(projectFor(*k3, meta, true)), *shipped(), DiagnosticSink(&ds));
    QVERIFY(!hasErrors(ds));
    const QStringList warnings = messages(ds, false);
    QCOMPARE(warnings.size(), 3);
    QVERIFY2(warnings.filter("/metadata/method: method is \"GET\"; the catalogue's "
                             "kingdee_k3cloud/BD_MATERIAL.query says \"POST\"")
                     .size() == 1,
             qPrintable(warnings.join('\n')));
    QVERIFY(warnings.filter("/metadata/request/4/field: \"Colour\" is not a parameter").size() ==
            1);
    QVERIFY(
        warnings.filter("/metadata/otherRequest/1/value: FieldKeys names FNoSuchField").size() ==
        1);

    // A required target field left out, and the entry used on the wrong side.
    const CatalogSystem *jdy = shipped()->system("kingdee_jdy");
    AdapterMetadata store = catalogMetadata(*jdy->endpoint("store.save"));
    QJsonArray fields;
    for (const QJsonValue &f : store.json().value("request").toArray()) {
        if (f.toObject().value("field") != "name")
            fields.append(f);
    }
    store.json().insert("request", fields);
    ds.clear();
    checkCatalogReferences(load(projectFor(*jdy, store, false)), *shipped(), DiagnosticSink(&ds));
    QCOMPARE(messages(ds, false),
             QStringList{"/schemes/0/target/metadata/request: kingdee_jdy/store.save requires "
                         "\"name\" (仓库名称), which the request does not give"});
}

void TestCatalog::driftFromTheCurrentEntryIsWarned()
{
    // The project's copy stays as it was made; the catalogue's entry has moved on (or the
    // copy was edited): types, the record path, exploded arrays, keys and page sizes.
    const CatalogSystem *jst = shipped()->system("jushuitan");
    const CatalogEndpoint *e = jst->endpoint("purchasein.query");
    QVERIFY(e && e->paging && e->paging->maxPageSize > 0 && !e->beatFlat.isEmpty());
    AdapterMetadata meta = catalogMetadata(*e);
    meta.setRequestKey("page_size", "type", "string");
    meta.setRequestValue("page_size", e->paging->maxPageSize + 1);
    meta.json().insert("responsePath", "data.rows");
    meta.json().insert("beatFlat", QJsonArray{e->beatFlat.first(), "lines"});
    meta.json().insert("name", "supplier_title");
    Diagnostics ds;
    checkCatalogReferences(load(projectFor(*jst, meta, true)), *shipped(), DiagnosticSink(&ds));
    QVERIFY(!hasErrors(ds));
    const QString max = QString::number(e->paging->maxPageSize);
    const QString page = QString::number(e->paging->maxPageSize + 1);
    const int pageSize =
        int(std::find_if(e->request.begin(), e->request.end(),
                         [](const CatalogParam &p) { return p.field == "page_size"; }) -
            e->request.begin());
    const QString at = QString("/schemes/0/source/metadata/request/%1/").arg(pageSize);
    QStringList expected{
        at + "type: \"page_size\" is of type string here; the catalogue's "
             "jushuitan/purchasein.query says int",
        "/schemes/0/source/metadata/responsePath: responsePath is \"data.rows\"; the catalogue's "
        "jushuitan/purchasein.query has the records at \"" +
            e->recordPath + "\"",
        "/schemes/0/source/metadata/beatFlat: beatFlat names lines, which is not an array of the "
        "records of jushuitan/purchasein.query in the catalogue",
        "/schemes/0/source/metadata/name: name field \"supplier_title\" is not a record field of "
        "jushuitan/purchasein.query in the catalogue",
        at + "value: a page of " + page +
            " records; the catalogue's jushuitan/purchasein.query "
            "allows at most " +
            max};
    QStringList warnings = messages(ds, false);
    warnings.sort();
    expected.sort();
    QCOMPARE(warnings, expected);

    // A target whose copy lacks fields the catalogue lists: they cannot be mapped.
    const CatalogEndpoint *upload = jst->endpoint("order.sent.upload");
    AdapterMetadata target = catalogMetadata(*upload);
    QJsonArray kept;
    for (const QJsonValue &f : target.json().value("request").toArray()) {
        const QString name = f.toObject().value("field").toString();
        if (name != "shop_id" && name != "is_un_lid")
            kept.append(f);
    }
    target.json().insert("request", kept);
    ds.clear();
    checkCatalogReferences(load(projectFor(*jst, target, false)), *shipped(), DiagnosticSink(&ds));
    QCOMPARE(messages(ds, false),
             QStringList{"/schemes/0/target/metadata/request: the catalogue's "
                         "jushuitan/order.sent.upload lists fields the request does not: "
                         "shop_id, is_un_lid"});
    // The project still validates: drift is a warning, never an error.
    QVERIFY(!hasErrors(validateProject(load(projectFor(*jst, meta, true)))));
}

void TestCatalog::validateFileReportsTheReference()
{
    // What `weft-run validate` prints: the error with its line in the file.
    const CatalogSystem *dd = shipped()->system("dingtalk");
    AdapterMetadata meta = catalogMetadata(*dd->endpoint("processinstance.get"));
    meta.json().insert("catalog", "dingtalk/approvals");
    QTemporaryDir dir;
    const QString path = dir.filePath("p.weft.json");
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QJsonDocument(projectFor(*dd, meta, true)).toJson());
    f.close();
    const Diagnostics ds = validateProjectFile(path);
    const QStringList errors = messages(ds, true);
    QCOMPARE(errors.size(), 1);
    QVERIFY(errors.first().contains("unknown catalogue entry \"dingtalk/approvals\""));
    const Diagnostic &d =
        *std::find_if(ds.begin(), ds.end(), [](const Diagnostic &x) { return x.isError(); });
    QVERIFY(d.position.line > 1);
}

QTEST_APPLESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
