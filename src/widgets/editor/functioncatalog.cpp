#include "widgets/editor/functioncatalog.h"

#include "core/expr/functions.h"

#include <QCoreApplication>

namespace weft {

const QList<FunctionEntry> &functionCatalog()
{
    static const QList<FunctionEntry> catalog = [] {
        QList<FunctionEntry> out;
        for (const QString &name : expr::detail::functionNames()) {
            const expr::detail::FunctionInfo *info = expr::detail::findFunction(name);
            out.append({name, info && info->signature ? QString::fromUtf8(info->signature)
                                                      : name + QStringLiteral("(…)")});
        }
        std::sort(out.begin(), out.end(),
                  [](const FunctionEntry &a, const FunctionEntry &b) { return a.name < b.name; });
        return out;
    }();
    return catalog;
}

const FunctionEntry *findFunctionEntry(const QString &name)
{
    const QString upper = name.toUpper();
    for (const FunctionEntry &e : functionCatalog()) {
        if (e.name == upper)
            return &e;
    }
    return nullptr;
}

QStringList valuePrefixes()
{
    return {QStringLiteral("_function"), QStringLiteral("_findCollection"), QStringLiteral("_map")};
}

QStringList sqlKeywords()
{
    return {QStringLiteral("AND"),      QStringLiteral("OR"),       QStringLiteral("NOT"),
            QStringLiteral("CASE"),     QStringLiteral("WHEN"),     QStringLiteral("THEN"),
            QStringLiteral("ELSE"),     QStringLiteral("END"),      QStringLiteral("IS"),
            QStringLiteral("NULL"),     QStringLiteral("IN"),       QStringLiteral("LIKE"),
            QStringLiteral("BETWEEN"),  QStringLiteral("INTERVAL"), QStringLiteral("DIV"),
            QStringLiteral("MOD"),      QStringLiteral("TRUE"),     QStringLiteral("FALSE"),
            QStringLiteral("find"),     QStringLiteral("from"),     QStringLiteral("where"),
            QStringLiteral("_endFind"), QStringLiteral("AS"),       QStringLiteral("DISTINCT")};
}

QStringList systemVariables()
{
    return {QStringLiteral("LAST_SYNC_TIME"),
            QStringLiteral("CURRENT_TIME"),
            QStringLiteral("DAYS_AGO_1"),
            QStringLiteral("DAYS_AGO_30"),
            QStringLiteral("PAGINATION_START_PAGE"),
            QStringLiteral("PAGINATION_PAGE_SIZE"),
            QStringLiteral("RUN_ID")};
}

QStringList templateFilters()
{
    return {QStringLiteral("datetime"), QStringLiteral("date"), QStringLiteral("timestamp_ms")};
}

QList<ParserEntry> parserCatalog()
{
    return {
        {QStringLiteral("ConvertObjectParser"),
         {QStringLiteral("params")},
         QCoreApplication::translate(
             "weft::Parsers",
             "Wraps the value in an object: \"X\" → {\"FNumber\": \"X\"} (K3Cloud base data).")},
        {QStringLiteral("ConvertTwoStageObjectParser"),
         {QStringLiteral("params1"), QStringLiteral("params2")},
         QCoreApplication::translate("weft::Parsers",
                                     "Wraps the value twice: {\"A\": {\"B\": value}}.")},
        {QStringLiteral("StringToArray"),
         {QStringLiteral("params")},
         QCoreApplication::translate("weft::Parsers",
                                     "Splits text into an array at a separator (default \",\").")},
        {QStringLiteral("ArrayToString"),
         {QStringLiteral("params")},
         QCoreApplication::translate("weft::Parsers",
                                     "Joins an array into text with a separator (default \",\").")},
        {QStringLiteral("ConvertJson"),
         {},
         QCoreApplication::translate("weft::Parsers", "Parses JSON text into an object or array.")},
    };
}

} // namespace weft
