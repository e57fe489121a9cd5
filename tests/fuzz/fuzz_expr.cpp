// libFuzzer target: the mapping language's parser and evaluator. Any input, as a mapping
// value and as a `_function` body, must compile to a result or to errors with positions, and
// evaluate to a value or an error: never crash, hang or leak.

#include "core/expr/expression.h"
#include "core/expr/lookup.h"
#include "core/expr/valuemaps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace weft::expr;

namespace {

struct Fixture {
    QJsonObject record;
    QList<QJsonObject> rows;
    QList<QJsonObject> materials;
    ValueMaps maps;
    CompileOptions checked;

    Fixture()
    {
        record = QJsonDocument::fromJson(R"({
            "name": "上海仓", "io_id": 1001, "items_ioi_id": 7, "price": 12.5, "qty": "3",
            "flag": true, "nul": null, "empty": "", "quote": "it's \"x\"",
            "date": "2023-11-15 06:13:20", "ms": 1700000000000, "big": 9223372036854775807,
            "obj": {"a": {"b": [1, 2, {"c": "d"}]}},
            "items": [{"sku": "S1", "qty": 1, "price": "2.5"}, {"sku": "S2", "qty": 2}],
            "表格_客户编码": "C001", "表格_不含税金额": "12.5", "$value$": "50"
        })")
                     .object();
        rows = {record,
                QJsonDocument::fromJson(R"({"表格_不含税金额": "7.25", "qty": 4})").object()};
        materials = {QJsonDocument::fromJson(R"({"FNumber": "M1", "FName": "螺丝"})").object(),
                     QJsonDocument::fromJson(R"({"FNumber": 1001, "FName": 2})").object()};
        maps =
            ValueMaps(QJsonDocument::fromJson(R"({"m": {"1": "one", "上海仓": "SH"}})").object());
        checked.knownFields = QStringList{QStringLiteral("name"), QStringLiteral("io_id"),
                                          QStringLiteral("items"), QStringLiteral("qty")};
        checked.knownSchemes = QStringList{QStringLiteral("material")};
        checked.knownValueMaps = QStringList{QStringLiteral("m")};
    }

    // A fresh lookup per input: its indexes grow with every new set of condition fields.
    EvalContext context(bool group, InMemoryLookup &lookup) const
    {
        EvalContext ctx(record);
        ctx.setNow(QDateTime::fromMSecsSinceEpoch(Q_INT64_C(1700000000250), Qt::UTC));
        ctx.setLastSyncTime(1699990000);
        ctx.setPagination(1, 50);
        ctx.setRunId(QStringLiteral("run-1"));
        lookup.addRecords(QStringLiteral("material"), materials);
        ctx.setLookupProvider(&lookup);
        ctx.setValueMaps(&maps);
        if (group) {
            ctx.setListRows(&rows);
            ctx.setListRow(&rows.first());
        }
        return ctx;
    }
};

void exercise(const Fixture &f, const QString &text, const CompileOptions &options, bool group)
{
    QList<ExprError> errors;
    const Expression e = Expression::compile(text, &errors, options);
    for (const ExprError &err : errors) {
        if (err.position < -1 || err.position > text.size() || err.message.isEmpty())
            __builtin_trap(); // an error must point into the text and say something
        (void)formatError(QStringLiteral("s"), QStringLiteral("F"), text, err);
    }
    (void)e.referencedFields();
    (void)e.usesListRows();
    QList<ExprError> warnings;
    InMemoryLookup lookup;
    EvalContext ctx = f.context(group, lookup);
    ctx.setWarnings(&warnings);
    ExprError error;
    const QJsonValue v = e.evaluate(ctx, &error);
    if (v.isUndefined() && error.message.isEmpty())
        __builtin_trap(); // a failed evaluation always says why
    QString sqlText;
    bool isNull = false;
    (void)e.evaluateSqlText(ctx, &sqlText, &isNull, &error);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const Fixture fixture;
    if (size > 4096)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    exercise(fixture, text, {}, false);
    exercise(fixture, QStringLiteral("_function ") + text, fixture.checked, true);
    return 0;
}
