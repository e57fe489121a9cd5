// Throughput of the mapping language on one core: template substitutions, `_function`
// evaluations and whole 30-field mappings (figures in bench/README.md).
//
//   build/bench/expr/bench_expr --benchmark_min_time=2

#include "core/expr/expression.h"
#include "core/expr/lookup.h"
#include "core/expr/mapping.h"
#include "core/expr/shaping.h"

#include <QJsonArray>
#include <QJsonObject>
#include <benchmark/benchmark.h>

using namespace weft::expr;

namespace {

// A Jushuitan purchase-in line after beatFlat: 31 fields, as seed 002's main_sql.
QJsonObject purchaseInRecord()
{
    QJsonObject r;
    r.insert(QStringLiteral("io_id"), 1001234);
    r.insert(QStringLiteral("ts"), 1700000000);
    r.insert(QStringLiteral("warehouse"), QStringLiteral("主仓"));
    r.insert(QStringLiteral("po_id"), 88001);
    r.insert(QStringLiteral("supplier_id"), 3001);
    r.insert(QStringLiteral("supplier_name"), QStringLiteral("上海某某贸易有限公司"));
    r.insert(QStringLiteral("modified"), QStringLiteral("2023-11-15 06:13:20"));
    r.insert(QStringLiteral("so_id"), QStringLiteral("SO20231115001"));
    r.insert(QStringLiteral("out_io_id"), QStringLiteral("OUT-77"));
    r.insert(QStringLiteral("status"), QStringLiteral("Confirmed"));
    r.insert(QStringLiteral("io_date"), QStringLiteral("2023-11-15 00:00:00"));
    r.insert(QStringLiteral("wh_id"), 1);
    r.insert(QStringLiteral("wms_co_id"), 10001);
    r.insert(QStringLiteral("remark"), QStringLiteral("  加急 "));
    r.insert(QStringLiteral("tax_rate"), 0.13);
    r.insert(QStringLiteral("labels"), QStringLiteral("A,B"));
    r.insert(QStringLiteral("archived"), false);
    r.insert(QStringLiteral("merge_so_id"), QStringLiteral(""));
    r.insert(QStringLiteral("type"), QStringLiteral("采购进仓"));
    r.insert(QStringLiteral("creator_name"), QStringLiteral("张三"));
    r.insert(QStringLiteral("f_status"), QStringLiteral("Archive"));
    r.insert(QStringLiteral("l_id"), QStringLiteral("YT123456789"));
    r.insert(QStringLiteral("items_ioi_id"), 5550001);
    r.insert(QStringLiteral("items_sku_id"), QStringLiteral("SKU-RED-XL"));
    r.insert(QStringLiteral("items_i_id"), QStringLiteral("RED"));
    r.insert(QStringLiteral("items_unit"), QStringLiteral("件"));
    r.insert(QStringLiteral("items_name"), QStringLiteral("红色T恤 XL"));
    r.insert(QStringLiteral("items_qty"), 12);
    r.insert(QStringLiteral("items_cost_price"), QStringLiteral("12.50"));
    r.insert(QStringLiteral("items_cost_amount"), 150.0);
    r.insert(QStringLiteral("表格_不含税金额"), QStringLiteral("12.5"));
    return r;
}

EvalContext context(const QJsonObject &record)
{
    EvalContext ctx(record);
    ctx.setNow(QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC));
    ctx.setLastSyncTime(1699990000);
    ctx.setPagination(1, 50);
    return ctx;
}

void evaluateLoop(benchmark::State &state, const char *text)
{
    const QJsonObject record = purchaseInRecord();
    EvalContext ctx = context(record);
    ctx.setListRow(&record);
    const Expression e = Expression::compile(QString::fromUtf8(text));
    if (!e.isValid()) {
        state.SkipWithError("does not compile");
        return;
    }
    for (auto _ : state) {
        QJsonValue v = e.evaluate(ctx);
        benchmark::DoNotOptimize(v);
    }
    state.SetItemsProcessed(state.iterations());
}

// ---- template substitutions ----------------------------------------------------------

void BM_Template_Field(benchmark::State &state)
{
    evaluateLoop(state, "{{supplier_name}}");
}
BENCHMARK(BM_Template_Field);

void BM_Template_SingleBrace(benchmark::State &state)
{
    evaluateLoop(state, "{wms_co_id}");
}
BENCHMARK(BM_Template_SingleBrace);

void BM_Template_Composite(benchmark::State &state)
{
    evaluateLoop(state, "{io_id}-{items_ioi_id}");
}
BENCHMARK(BM_Template_Composite);

void BM_Template_DatetimeFilter(benchmark::State &state)
{
    evaluateLoop(state, "{{LAST_SYNC_TIME|datetime}}");
}
BENCHMARK(BM_Template_DatetimeFilter);

void BM_Template_Literal(benchmark::State &state)
{
    evaluateLoop(state, "QTYSD01_SYS");
}
BENCHMARK(BM_Template_Literal);

// ---- _function -----------------------------------------------------------------------

void BM_Function_SeedNegate(benchmark::State &state)
{
    evaluateLoop(state, "_function -1*'{{list.表格_不含税金额}}'");
}
BENCHMARK(BM_Function_SeedNegate);

void BM_Function_SeedTrim(benchmark::State &state)
{
    evaluateLoop(state, "_function trim('{remark}')");
}
BENCHMARK(BM_Function_SeedTrim);

void BM_Function_SeedMillis(benchmark::State &state)
{
    evaluateLoop(state, "_function {CURRENT_TIME}*1000");
}
BENCHMARK(BM_Function_SeedMillis);

void BM_Function_DecimalArithmetic(benchmark::State &state)
{
    evaluateLoop(state, "_function ROUND({items_qty} * {items_cost_price} * (1 + {tax_rate}), 2)");
}
BENCHMARK(BM_Function_DecimalArithmetic);

void BM_Function_Concat(benchmark::State &state)
{
    evaluateLoop(state, "_function CONCAT({io_id}, '-', LPAD({items_ioi_id}, 10, '0'))");
}
BENCHMARK(BM_Function_Concat);

void BM_Function_Case(benchmark::State &state)
{
    evaluateLoop(state, "_function CASE '{status}' WHEN 'Confirmed' THEN 1 WHEN 'Draft' THEN 0 "
                        "ELSE -1 END");
}
BENCHMARK(BM_Function_Case);

void BM_Function_DateFormat(benchmark::State &state)
{
    evaluateLoop(state, "_function DATE_FORMAT('{modified}', '%Y%m%d')");
}
BENCHMARK(BM_Function_DateFormat);

void BM_Function_FromUnixTime(benchmark::State &state)
{
    evaluateLoop(state, "_function FROM_UNIXTIME({ts})");
}
BENCHMARK(BM_Function_FromUnixTime);

// ---- whole mappings ------------------------------------------------------------------

// Seed 002's 31-column MySQL target: mostly plain fields, a composite key and a few
// functions, the typical mix of a mapping.
QList<FieldSpec> purchaseInTarget()
{
    QList<FieldSpec> fields;
    fields.append({QStringLiteral("id"), QStringLiteral("{io_id}-{items_ioi_id}"), {}, {}, {}});
    const QJsonObject r = purchaseInRecord();
    for (auto it = r.begin(); it != r.end(); ++it) {
        if (fields.size() >= 27)
            break;
        fields.append({it.key(), QStringLiteral("{{%1}}").arg(it.key()), {}, {}, {}});
    }
    fields.append(
        {QStringLiteral("remark_clean"), QStringLiteral("_function trim('{remark}')"), {}, {}, {}});
    fields.append({QStringLiteral("amount"),
                   QStringLiteral("_function ROUND({items_qty} * {items_cost_price}, 2)"),
                   {},
                   {},
                   {}});
    fields.append(
        {QStringLiteral("synced_at"), QStringLiteral("{{CURRENT_TIME|datetime}}"), {}, {}, {}});
    fields.append({QStringLiteral("org"),
                   QStringLiteral("T00"),
                   QJsonObject{{QStringLiteral("name"), QStringLiteral("ConvertObjectParser")},
                               {QStringLiteral("params"), QStringLiteral("FNumber")}},
                   {},
                   {}});
    return fields;
}

void BM_Mapping_31Fields(benchmark::State &state)
{
    const QJsonObject record = purchaseInRecord();
    const EvalContext ctx = context(record);
    const Mapping mapping = Mapping::compile(purchaseInTarget());
    if (!mapping.isValid()) {
        state.SkipWithError("mapping does not compile");
        return;
    }
    for (auto _ : state) {
        Document doc = mapping.map(record, ctx);
        benchmark::DoNotOptimize(doc);
    }
    state.SetItemsProcessed(state.iterations());
    state.counters["fields/s"] =
        benchmark::Counter(double(state.iterations()) * 31, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Mapping_31Fields);

void BM_BeatFlat_10Lines(benchmark::State &state)
{
    QJsonObject doc = purchaseInRecord();
    QJsonArray items;
    for (int i = 0; i < 10; ++i)
        items.append(QJsonObject{{QStringLiteral("ioi_id"), i},
                                 {QStringLiteral("qty"), i},
                                 {QStringLiteral("sku_id"), QStringLiteral("SKU")}});
    doc.insert(QStringLiteral("items"), items);
    for (auto _ : state) {
        QList<FlatRecord> flat = beatFlat(doc, {QStringLiteral("items")}, QStringLiteral("io_id"));
        benchmark::DoNotOptimize(flat);
    }
    state.SetItemsProcessed(state.iterations() * 10);
}
BENCHMARK(BM_BeatFlat_10Lines);

void BM_Lookup_Find(benchmark::State &state)
{
    InMemoryLookup lookup;
    QList<QJsonObject> materials;
    for (int i = 0; i < 100000; ++i)
        materials.append(QJsonObject{{QStringLiteral("FNumber"), QStringLiteral("M%1").arg(i)},
                                     {QStringLiteral("FName"), QStringLiteral("物料%1").arg(i)}});
    lookup.addRecords(QStringLiteral("material"), materials);
    const QJsonObject record{{QStringLiteral("code"), QStringLiteral("M4242")}};
    EvalContext ctx(record);
    ctx.setLookupProvider(&lookup);
    const Expression e = Expression::compile(
        QStringLiteral("_findCollection find FName from material where FNumber={{code}}"));
    e.evaluate(ctx); // builds the index
    for (auto _ : state) {
        QJsonValue v = e.evaluate(ctx);
        benchmark::DoNotOptimize(v);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Lookup_Find);

void BM_Compile_Function(benchmark::State &state)
{
    const QString text = QStringLiteral(
        "_function IF({items_qty} > 0, ROUND({items_qty} * {items_cost_price}, 2), NULL)");
    for (auto _ : state) {
        Expression e = Expression::compile(text);
        benchmark::DoNotOptimize(e);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Compile_Function);

} // namespace

BENCHMARK_MAIN();
