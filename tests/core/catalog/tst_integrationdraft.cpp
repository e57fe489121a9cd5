#include "core/catalog/catalog.h"
#include "core/catalog/fieldmatch.h"
#include "core/catalog/integrationdraft.h"
#include "core/catalog/tableproposal.h"
#include "core/model/mysqlstatement.h"
#include "core/model/project.h"
#include "core/model/projectvalidator.h"

#include <QJsonArray>
#include <QtTest>

using namespace weft;

/// The core of the new-integration flow: cross-language auto-map, the MySQL table Weft
/// proposes for an endpoint, and the scheme a draft makes.
class TestIntegrationDraft : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void matchesByNameLabelAndAcrossLanguages();
    void ambiguousMatchesStayUnmapped();
    void flattenedFieldsAreNamedAsFlattenNamesThem();
    void proposesATableForPurchaseOuts();
    void proposesTheIdAsKeyWithoutFlattening();
    void refusesABadTableName();
    void draftsANewTableScheme();
    void draftsACatalogueTargetWithAutoMap();
    void draftsAnExistingTableFromItsColumns();
    void namesAreUnique();
};

namespace {

const CatalogEndpoint &endpoint(const QString &ref)
{
    const CatalogEndpoint *e = Catalog::builtin()->endpoint(ref);
    if (!e)
        qFatal("no catalogue endpoint %s", qPrintable(ref));
    return *e;
}

QJsonObject requestEntry(const Scheme &s, const QString &field)
{
    for (const QJsonValue &v : s.target.metadata.json().value(QLatin1String("request")).toArray()) {
        if (v.toObject().value(QLatin1String("field")).toString() == field)
            return v.toObject();
    }
    return {};
}

} // namespace

void TestIntegrationDraft::matchesByNameLabelAndAcrossLanguages()
{
    const QList<LabelledField> sources = {
        {QStringLiteral("name"), QStringLiteral("仓库名称"), QStringLiteral("Warehouse name")},
        {QStringLiteral("wms_co_id"), QStringLiteral("分仓编号"), QStringLiteral("Partner ID")},
        {QStringLiteral("remark"), QStringLiteral("备注"), QStringLiteral("Remark")},
        {QStringLiteral("number"), QStringLiteral("编码"), QStringLiteral("Number")},
        {QStringLiteral("phone"), QString(), QStringLiteral("Telephone")},
    };
    const QList<LabelledField> targets = {
        {QStringLiteral("仓库名称")},                            // name ↔ its zh label
        {QStringLiteral("partner"), QStringLiteral("分仓编号")}, // same zh label
        {QStringLiteral("REMARK")},                              // same name, other case
        {QStringLiteral("FNumber"), QStringLiteral("客户编码")}, // K3Cloud's F prefix
        {QStringLiteral("FTEL"), QStringLiteral("联系电话"), QStringLiteral("Telephone")},
        {QStringLiteral("unrelated"), QStringLiteral("无关")},
    };
    const QHash<QString, QString> m = matchFields(targets, sources);
    QCOMPARE(m.value(QStringLiteral("仓库名称")), QStringLiteral("name"));
    QCOMPARE(m.value(QStringLiteral("partner")), QStringLiteral("wms_co_id"));
    QCOMPARE(m.value(QStringLiteral("REMARK")), QStringLiteral("remark"));
    QCOMPARE(m.value(QStringLiteral("FNumber")), QStringLiteral("number"));
    QCOMPARE(m.value(QStringLiteral("FTEL")), QStringLiteral("phone"));
    QVERIFY(!m.contains(QStringLiteral("unrelated")));
    QCOMPARE(m.size(), 5);
}

void TestIntegrationDraft::ambiguousMatchesStayUnmapped()
{
    // Two source fields share the label: guessing would map the wrong one half the time.
    const QList<LabelledField> sources = {{QStringLiteral("a"), QStringLiteral("名称")},
                                          {QStringLiteral("b"), QStringLiteral("名称")}};
    const QHash<QString, QString> m =
        matchFields({{QStringLiteral("x"), QStringLiteral("名称")}}, sources);
    QVERIFY(m.isEmpty());
}

void TestIntegrationDraft::flattenedFieldsAreNamedAsFlattenNamesThem()
{
    const QList<LabelledField> f = flattenedRecordFields(endpoint("jushuitan/purchaseout.query"));
    QStringList names;
    for (const LabelledField &x : f)
        names << x.name;
    QVERIFY(names.contains(QStringLiteral("io_id")));
    QVERIFY(names.contains(QStringLiteral("items_sku_id")));
    QVERIFY(names.contains(QStringLiteral("items_ioi_id")));
    QVERIFY(!names.contains(QStringLiteral("items")));  // the array itself is exploded
    QVERIFY(!names.contains(QStringLiteral("batchs"))); // not flattened: no column
    QVERIFY(!names.contains(QStringLiteral("batchs_sku_id")));
}

void TestIntegrationDraft::proposesATableForPurchaseOuts()
{
    const MySqlTableProposal p =
        proposeMySqlTable(endpoint("jushuitan/purchaseout.query"), QStringLiteral("jst_out"));
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.keyColumn, QStringLiteral("id"));
    QCOMPARE(p.columns.first().name, QStringLiteral("id"));
    QCOMPARE(p.columns.first().value, QStringLiteral("{{io_id}}-{{items_ioi_id}}"));
    QHash<QString, QString> types;
    for (const ProposedColumn &c : p.columns)
        types.insert(c.name, c.sqlType);
    QCOMPARE(types.value(QStringLiteral("io_id")), QStringLiteral("BIGINT"));
    QCOMPARE(types.value(QStringLiteral("items_cost_price")), QStringLiteral("DECIMAL(18,4)"));
    QCOMPARE(types.value(QStringLiteral("warehouse")), QStringLiteral("VARCHAR(255)"));
    QCOMPARE(types.value(QStringLiteral("remark")), QStringLiteral("VARCHAR(1000)"));
    const QString ddl = p.ddl();
    QVERIFY(ddl.startsWith(QStringLiteral("CREATE TABLE IF NOT EXISTS `jst_out` (")));
    QVERIFY(ddl.contains(QStringLiteral("PRIMARY KEY (`id`)")));
    QVERIFY(ddl.contains(QStringLiteral("`warehouse` VARCHAR(255) NULL COMMENT '仓库名'")));
    QVERIFY(ddl.endsWith(QStringLiteral("DEFAULT CHARSET=utf8mb4")));
}

void TestIntegrationDraft::proposesTheIdAsKeyWithoutFlattening()
{
    const MySqlTableProposal p =
        proposeMySqlTable(endpoint("kingdee_jdy/customer.list"), QStringLiteral("customers"));
    QCOMPARE(p.keyColumn, QStringLiteral("id"));
    QCOMPARE(p.columns.first().name, QStringLiteral("id"));
    QCOMPARE(p.columns.first().value, QStringLiteral("{{id}}"));
    QCOMPARE(p.columns.first().sqlType, QStringLiteral("VARCHAR(191)")); // fits an utf8mb4 key
}

void TestIntegrationDraft::refusesABadTableName()
{
    const MySqlTableProposal p =
        proposeMySqlTable(endpoint("kingdee_jdy/customer.list"), QStringLiteral("x; DROP TABLE y"));
    QVERIFY(!p.error.isEmpty());
    QVERIFY(p.columns.isEmpty());
}

void TestIntegrationDraft::draftsANewTableScheme()
{
    IntegrationDraft d;
    d.source = &endpoint("jushuitan/purchaseout.query");
    d.sourceConnection = QStringLiteral("jst");
    d.target = IntegrationDraft::Target::NewTable;
    d.table = QStringLiteral("jst_out");
    d.ddl = proposeMySqlTable(*d.source, d.table).ddl() + QStringLiteral(" -- edited");
    d.targetConnection = QStringLiteral("db");
    const DraftResult r = draftScheme(d, QStringLiteral("s"), QStringLiteral("t"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(r.scheme.source.metadata.api(), QStringLiteral("/open/purchaseout/query"));
    QCOMPARE(r.scheme.source.metadata.beatFlat(), QStringList{QStringLiteral("items")});
    QVERIFY(r.scheme.target.metadata.setting(QStringLiteral("ddl"))
                .toString()
                .endsWith(QStringLiteral("-- edited"))); // the user's DDL, not the proposal
    const MySqlStatement st = MySqlStatement::parse(r.scheme.target.metadata.mainSql());
    QVERIFY2(st.isValid(), qPrintable(st.error));
    QCOMPARE(st.verb, MySqlStatement::Verb::Replace);
    QCOMPARE(st.table, QStringLiteral("jst_out"));
    QVERIFY(st.columns.contains(QStringLiteral("items_sku_id")));
    QCOMPARE(requestEntry(r.scheme, QStringLiteral("items_sku_id"))
                 .value(QLatin1String("value"))
                 .toString(),
             QStringLiteral("{{items_sku_id}}"));
    QCOMPARE(r.scheme.target.metadata.idField(), QStringLiteral("id"));
    QCOMPARE(r.mapped, int(st.columns.size()));
    // The scheme passes the validator once its connections exist.
    Project project;
    Connection jst;
    jst.name = QStringLiteral("jst");
    jst.type = ConnectorType::Jushuitan;
    Connection db;
    db.name = QStringLiteral("db");
    db.type = ConnectorType::MySql;
    project.connections = {jst, db};
    project.schemes = {r.scheme};
    for (const Diagnostic &diag : validateProject(project)) {
        QVERIFY2(diag.severity != Diagnostic::Severity::Error ||
                     diag.pointer.startsWith(QLatin1String("/connections")),
                 qPrintable(diag.toString()));
    }
}

void TestIntegrationDraft::draftsACatalogueTargetWithAutoMap()
{
    IntegrationDraft d;
    d.source = &endpoint("kingdee_jdy/customer.list");
    d.target = IntegrationDraft::Target::Endpoint;
    d.targetEndpoint = &endpoint("kingdee_k3cloud/BD_Customer.save");
    const DraftResult r = draftScheme(d, QStringLiteral("s"), QStringLiteral("t"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(requestEntry(r.scheme, QStringLiteral("FNumber")).value(QLatin1String("value")),
             QJsonValue(QStringLiteral("{{number}}")));
    QCOMPARE(requestEntry(r.scheme, QStringLiteral("FName")).value(QLatin1String("value")),
             QJsonValue(QStringLiteral("{{name}}")));
    // 描述 / Description is not 备注 / Remark: left for the user.
    QVERIFY(
        !requestEntry(r.scheme, QStringLiteral("FDescription")).contains(QLatin1String("value")));
    QVERIFY(r.unmappedRequired.contains(QStringLiteral("FCreateOrgId")));
    QVERIFY(r.unmappedRequired.contains(QStringLiteral("FUseOrgId")));
    QVERIFY(!r.unmappedRequired.contains(QStringLiteral("FName")));
    // Marked in the metadata, so the mapping editor flags them while empty.
    QVERIFY(requestEntry(r.scheme, QStringLiteral("FUseOrgId"))
                .value(QLatin1String("required"))
                .toBool());
    QVERIFY(
        !requestEntry(r.scheme, QStringLiteral("FShortName")).contains(QLatin1String("required")));
    QCOMPARE(r.scheme.target.metadata.json().value(QLatin1String("catalog")).toString(),
             QStringLiteral("kingdee_k3cloud/BD_Customer.save"));
}

void TestIntegrationDraft::draftsAnExistingTableFromItsColumns()
{
    IntegrationDraft d;
    d.source = &endpoint("kingdee_jdy/customer.list");
    d.target = IntegrationDraft::Target::ExistingTable;
    d.table = QStringLiteral("crm_customer");
    d.columns = {
        {QStringLiteral("cust_id"), QStringLiteral("varchar(64)"), QStringLiteral("内码"), true},
        {QStringLiteral("cust_name"), QStringLiteral("varchar(200)"), QStringLiteral("名称"),
         false},
        {QStringLiteral("created"), QStringLiteral("datetime"), QStringLiteral("Created"), false},
        {QStringLiteral("region"), QStringLiteral("varchar(20)"), QString(), true}};
    const DraftResult r = draftScheme(d, QStringLiteral("s"), QStringLiteral("t"));
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
    QCOMPARE(requestEntry(r.scheme, QStringLiteral("cust_id")).value(QLatin1String("value")),
             QJsonValue(QStringLiteral("{{id}}")));
    QCOMPARE(requestEntry(r.scheme, QStringLiteral("cust_name")).value(QLatin1String("value")),
             QJsonValue(QStringLiteral("{{name}}")));
    QCOMPARE(requestEntry(r.scheme, QStringLiteral("created")).value(QLatin1String("value")),
             QJsonValue(QStringLiteral("{{create_time}}")));
    QCOMPARE(r.unmappedRequired, QStringList{QStringLiteral("region")});
    QCOMPARE(r.scheme.target.metadata.idField(), QStringLiteral("cust_id"));
    QVERIFY(r.scheme.target.metadata.setting(QStringLiteral("ddl")).isUndefined());
    const MySqlStatement st = MySqlStatement::parse(r.scheme.target.metadata.mainSql());
    QVERIFY2(st.isValid(), qPrintable(st.error));
    QCOMPARE(st.columns.size(), 4);
}

void TestIntegrationDraft::namesAreUnique()
{
    IntegrationDraft d;
    d.source = &endpoint("jushuitan/purchaseout.query");
    QCOMPARE(draftSchemeName(d, {}), QStringLiteral("jst_purchaseout_to_mysql"));
    QCOMPARE(draftSchemeName(d, {QStringLiteral("jst_purchaseout_to_mysql")}),
             QStringLiteral("jst_purchaseout_to_mysql_2"));
    d.target = IntegrationDraft::Target::Endpoint;
    d.targetEndpoint = &endpoint("kingdee_k3cloud/BD_Customer.save");
    QCOMPARE(draftSchemeName(d, {}), QStringLiteral("jst_purchaseout_to_k3_bd_customer"));
}

QTEST_GUILESS_MAIN(TestIntegrationDraft)
#include "tst_integrationdraft.moc"
