// Reading a Jushuitan page of 50 purchase-ins (3 items each) on one core: QJsonDocument,
// which builds every value, against JsonTape, which indexes the text and converts only what
// is read (figures in bench/README.md).
//
//   build/bench/json/bench_json --benchmark_min_time=2

#include "core/util/jsontape.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <benchmark/benchmark.h>

using namespace weft;

namespace {

// The fields and kinds of values weft-mock serves for /open/purchasein/query.
QByteArray purchaseInPage()
{
    static const QStringList names{QStringLiteral("孙子涵"), QStringLiteral("张三"),
                                   QStringLiteral("李四")};
    QJsonArray datas;
    for (int r = 0; r < 50; ++r) {
        QJsonObject p;
        p.insert(QStringLiteral("io_id"), 500001 + r);
        p.insert(QStringLiteral("ts"), 1780735915585LL + r);
        p.insert(QStringLiteral("warehouse"), QStringLiteral("主仓"));
        p.insert(QStringLiteral("po_id"), 300001 + r);
        p.insert(QStringLiteral("supplier_id"), 1057);
        p.insert(QStringLiteral("supplier_name"), QStringLiteral("苏州百川日用品有限责任公司"));
        p.insert(QStringLiteral("modified"), QStringLiteral("2026-06-06 16:51:55"));
        p.insert(QStringLiteral("so_id"), QString());
        p.insert(QStringLiteral("out_io_id"), QString());
        p.insert(QStringLiteral("status"), QStringLiteral("WaitConfirm"));
        p.insert(QStringLiteral("io_date"), QStringLiteral("2026-06-05 18:51:55"));
        p.insert(QStringLiteral("wh_id"), 1);
        p.insert(QStringLiteral("wms_co_id"), 12000034);
        p.insert(QStringLiteral("remark"), QString());
        p.insert(QStringLiteral("tax_rate"), 0.13);
        p.insert(QStringLiteral("labels"), QString());
        p.insert(QStringLiteral("archived"), false);
        p.insert(QStringLiteral("merge_so_id"), QString());
        p.insert(QStringLiteral("type"), QStringLiteral("采购入库"));
        p.insert(QStringLiteral("creator_name"), names.at(r % 3));
        p.insert(QStringLiteral("f_status"), QStringLiteral("WaitConfirm"));
        p.insert(QStringLiteral("l_id"), QStringLiteral("SF873975763038"));
        QJsonArray items;
        for (int i = 0; i < 3; ++i) {
            QJsonObject item;
            item.insert(QStringLiteral("ioi_id"), 1000000 + r * 3 + i);
            item.insert(QStringLiteral("io_id"), 500001 + r);
            item.insert(QStringLiteral("sku_id"), QStringLiteral("SKU-%1").arg(1337 + i, 5, 10, QChar(u'0')));
            item.insert(QStringLiteral("i_id"), QStringLiteral("I0133"));
            item.insert(QStringLiteral("unit"), QStringLiteral("件"));
            item.insert(QStringLiteral("name"), QStringLiteral("有机绿茶 L码"));
            item.insert(QStringLiteral("qty"), 190 + i);
            item.insert(QStringLiteral("cost_price"), 2325.534);
            item.insert(QStringLiteral("cost_amount"), 441851.46);
            item.insert(QStringLiteral("remark"), QString());
            item.insert(QStringLiteral("batch_no"), QString());
            item.insert(QStringLiteral("tax_rate"), 0.13);
            items.append(item);
        }
        p.insert(QStringLiteral("items"), items);
        datas.append(p);
    }
    QJsonObject data;
    data.insert(QStringLiteral("page_index"), 1);
    data.insert(QStringLiteral("page_size"), 50);
    data.insert(QStringLiteral("has_next"), true);
    data.insert(QStringLiteral("datas"), datas);
    QJsonObject page;
    page.insert(QStringLiteral("code"), 0);
    page.insert(QStringLiteral("msg"), QStringLiteral("执行成功"));
    page.insert(QStringLiteral("data"), data);
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

// What seed 002's mapping reads: 22 header fields, 9 of each item.
const QList<QByteArray> kHeaderFields{"io_id", "ts", "warehouse", "po_id", "supplier_id",
    "supplier_name", "modified", "so_id", "out_io_id", "status", "io_date", "wh_id",
    "wms_co_id", "remark", "tax_rate", "labels", "archived", "merge_so_id", "type",
    "creator_name", "f_status", "l_id"};
const QList<QByteArray> kItemFields{"ioi_id", "sku_id", "i_id", "unit", "name", "qty",
    "cost_price", "cost_amount", "batch_no"};

void setBytes(benchmark::State &state, const QByteArray &page)
{
    state.SetBytesProcessed(int64_t(state.iterations()) * page.size());
    state.SetItemsProcessed(int64_t(state.iterations()) * 50);
}

void BM_QJsonDocumentParse(benchmark::State &state)
{
    const QByteArray page = purchaseInPage();
    for (auto _ : state) {
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        benchmark::DoNotOptimize(doc.object().size());
    }
    setBytes(state, page);
}
BENCHMARK(BM_QJsonDocumentParse);

// The runner's reading today: parse, then each field of each record as QJsonValue + text.
void BM_QJsonDocumentParseAndRead(benchmark::State &state)
{
    const QByteArray page = purchaseInPage();
    QList<QString> header, item;
    for (const QByteArray &f : kHeaderFields)
        header << QString::fromLatin1(f);
    for (const QByteArray &f : kItemFields)
        item << QString::fromLatin1(f);
    for (auto _ : state) {
        const QJsonDocument doc = QJsonDocument::fromJson(page);
        const QJsonArray datas = doc.object().value(QLatin1String("data")).toObject()
                                     .value(QLatin1String("datas")).toArray();
        qsizetype n = 0;
        const auto read = [&n](const QJsonObject &object, const QList<QString> &fields) {
            for (const QString &f : fields)
                n += object.value(f).toString().size();
        };
        for (const QJsonValue &r : datas) {
            const QJsonObject record = r.toObject();
            read(record, header);
            for (const QJsonValue &i : record.value(QLatin1String("items")).toArray())
                read(i.toObject(), item);
        }
        benchmark::DoNotOptimize(n);
    }
    setBytes(state, page);
}
BENCHMARK(BM_QJsonDocumentParseAndRead);

void BM_JsonTapeParse(benchmark::State &state)
{
    const QByteArray page = purchaseInPage();
    JsonTape tape;
    for (auto _ : state) {
        if (!tape.parse(page))
            state.SkipWithError("the tape refused the page");
        benchmark::DoNotOptimize(tape.nodeCount());
    }
    setBytes(state, page);
}
BENCHMARK(BM_JsonTapeParse);

// The same reading on the tape: every field found by key, its value made, strings as text.
void BM_JsonTapeParseAndRead(benchmark::State &state)
{
    const QByteArray page = purchaseInPage();
    JsonTape tape;
    for (auto _ : state) {
        tape.parse(page);
        const int datas = tape.find(tape.find(JsonTape::root(), "data"), "datas");
        qsizetype n = 0;
        const auto read = [&](int object, const QList<QByteArray> &fields) {
            for (const QByteArray &f : fields) {
                const int v = tape.find(object, f);
                n += tape.type(v) == JsonTape::Type::String ? tape.string(v).size()
                                                            : int(tape.value(v).type());
            }
        };
        for (const int record : tape.elements(datas)) {
            read(record, kHeaderFields);
            for (const int i : tape.elements(tape.find(record, "items")))
                read(i, kItemFields);
        }
        benchmark::DoNotOptimize(n);
    }
    setBytes(state, page);
}
BENCHMARK(BM_JsonTapeParseAndRead);

} // namespace

BENCHMARK_MAIN();
