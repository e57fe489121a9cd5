#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace weft {

/// A `_function` library entry as the editor offers it.
struct FunctionEntry {
    QString name;      ///< "DATE_FORMAT"
    QString signature; ///< "DATE_FORMAT(date, format)"
};

/// The functions of the expression language (read from core/expr's own table, so completion
/// can never offer a function the evaluator does not know).
const QList<FunctionEntry> &functionCatalog();
const FunctionEntry *findFunctionEntry(const QString &name);

/// Words that start a value: `_function`, `_findCollection`, `_map`.
QStringList valuePrefixes();
/// SQL words inside `_function` (highlighted, completed).
QStringList sqlKeywords();
/// System variables usable in templates: LAST_SYNC_TIME, CURRENT_TIME, …
QStringList systemVariables();
/// Template filters: datetime, date, timestamp_ms.
QStringList templateFilters();

/// One value parser of a mapping field (`{"name": "ConvertObjectParser", "params": …}`).
struct ParserEntry {
    QString name;
    QStringList params; ///< parameter keys: {"params"} or {"params1", "params2"}; may be empty
    QString description;
};
/// The parsers a field can have, with their parameters (translated descriptions).
QList<ParserEntry> parserCatalog();

} // namespace weft
