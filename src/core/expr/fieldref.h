#pragma once

#include "core/expr/recordview.h"

#include "core/expr/exprerror.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace weft::expr {
class EvalContext;
}

namespace weft::expr::detail {

/// One step of a dotted path: a key, and the array index it also stands for ("0" → 0).
struct PathSegment {
    QString key;
    int index = -1;
};

/// "a.b.c", "items.0.sku": how to walk from a record to a value.
struct FieldPath {
    QString text;
    QList<PathSegment> segments;
};

FieldPath parsePath(QStringView text);
/// The value at `path`, Undefined when missing. A numeric segment indexes an array; a name
/// applied to an array maps over its elements (items.qty → [1, 2, 3]). A key that itself
/// contains dots ("a.b") is found too, when no nested path matches.
QJsonValue resolvePath(const QJsonObject &root, const FieldPath &path);
/// The same on a record view (its element's fields included).
QJsonValue resolvePath(const RecordView &root, const FieldPath &path);

enum class SystemVar : quint8 {
    None,
    LastSyncTime,
    CurrentTime,
    DaysAgo,
    PaginationStartPage,
    PaginationPageSize,
    RunId
};
enum class Filter : quint8 { DateTime, Date, Timestamp, TimestampMs };

/// A parsed `{field}` / `{{field|filter}}`: a record field, a detail-row field (list.x) or a
/// system variable, with its filters.
struct FieldRef {
    QString source;   ///< the text between the braces, as written
    int position = 0; ///< of the opening brace in the value text
    int length = 0;   ///< up to and including the closing brace(s)
    bool list = false;
    SystemVar system = SystemVar::None;
    int daysAgo = 0;
    FieldPath path;
    QList<Filter> filters;

    /// The field name to check against known fields (first path segment); empty for system
    /// variables.
    QString fieldName() const;
};

/// Literal text or a field reference.
struct TemplatePart {
    bool isField = false;
    QString literal;
    FieldRef field;
};

QStringList systemVariableNames();
QStringList filterNames();

/// Reads the template starting with the `{` at text[at]. Returns false when that brace does
/// not start a template (it is literal text); otherwise fills *ref and *next (the index after
/// the closing braces) and appends any errors (an unclosed template ends at the text's end).
bool parseTemplateAt(QStringView text, qsizetype at, int offset, QList<ExprError> *errors,
                     FieldRef *ref, qsizetype *next);

/// Splits `text` (a template value, or the inside of a string literal in `_function`) into
/// parts. `offset` is the position of text[0] in the whole value, for error positions.
/// A `{` starts a template when followed by `{` or by a name character; anything else (a
/// JSON literal such as {"a": 1}) stays text. Errors are appended; parsing continues.
QList<TemplatePart> parseTemplate(QStringView text, int offset, QList<ExprError> *errors);

/// The value of a field reference with its filters applied; nullopt and *error on failure.
/// A missing field gives Undefined (the caller decides between null and empty text).
std::optional<QJsonValue> evaluateFieldRef(const FieldRef &ref, const EvalContext &ctx,
                                           ExprError *error);

/// A template's value: a lone field keeps its JSON type (a missing one is null); text around
/// or between fields gives a string in which missing fields are empty.
std::optional<QJsonValue> evaluateTemplate(const QList<TemplatePart> &parts, const EvalContext &ctx,
                                           ExprError *error);
/// Appends the template's text (fields as textual substitution writes them).
bool appendTemplateText(const QList<TemplatePart> &parts, const EvalContext &ctx, QString &out,
                        ExprError *error);

} // namespace weft::expr::detail
