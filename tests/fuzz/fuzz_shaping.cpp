// libFuzzer target: record shaping and field parsers on arbitrary JSON records (beatFlat,
// DingTalk form decoding, parsers, grouping into documents).

#include "core/expr/mapping.h"
#include "core/expr/parser.h"
#include "core/expr/shaping.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstddef>
#include <cstdint>

using namespace weft::expr;

namespace {

const QList<Parser> &parsers()
{
    static const QList<Parser> all = [] {
        QList<Parser> p;
        for (const char *spec :
             {R"({"name": "ConvertObjectParser", "params": "FNumber"})",
              R"({"name": "ConvertTwoStageObjectParser", "params1": "A", "params2": "B"})",
              R"({"name": "StringToArray"})", R"({"name": "ArrayToString", "params": "|"})",
              R"({"name": "ConvertJson"})", R"({"name": "ConvertJson", "params": "stringify"})"})
            p.append(Parser::compile(QJsonDocument::fromJson(spec).object()));
        return p;
    }();
    return all;
}

const Mapping &mapping()
{
    static const Mapping m = [] {
        FieldSpec lines;
        lines.name = QStringLiteral("FEntity");
        lines.children = {
            {QStringLiteral("a"), QStringLiteral("{{list.x_a}}"), {}, {}, {}},
            {QStringLiteral("n"), QStringLiteral("_function -1*'{{list.x_n}}'"), {}, {}, {}}};
        return Mapping::compile(
            {{QStringLiteral("id"), QStringLiteral("{id}"), {}, {}, {}},
             {QStringLiteral("sum"), QStringLiteral("_function SUM({{list.x_n}})"), {}, {}, {}},
             lines});
    }();
    return m;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 8192)
        return 0;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    QJsonObject record = doc.object();
    if (doc.isArray())
        record = decodeDingTalkForm(doc.array());
    const QJsonObject instance = decodeDingTalkInstance(record);
    QStringList arrays;
    for (auto it = instance.begin(); it != instance.end(); ++it) {
        if (it.value().isArray() || it.value().isString())
            arrays << it.key();
        (void)decodeDingTalkTable(it.value());
        for (const Parser &p : parsers()) {
            ExprError error;
            (void)p.apply(it.value(), &error);
        }
    }
    arrays << QStringLiteral("x");
    const QList<FlatRecord> flat = beatFlat({instance, record}, arrays, QStringLiteral("id"));
    QList<QJsonObject> records;
    for (const FlatRecord &r : flat)
        records.append(r.record);
    const QList<Document> docs = mapping().buildDocuments(
        records, Mapping::defaultDocumentKey(QStringLiteral("id")), EvalContext());
    qsizetype covered = 0;
    for (const Document &d : docs)
        covered += d.records.size();
    if (covered != records.size())
        __builtin_trap(); // every record belongs to exactly one document
    return 0;
}
