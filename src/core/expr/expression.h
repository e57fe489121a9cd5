#pragma once

#include "core/expr/evalcontext.h"
#include "core/expr/exprerror.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace weft::expr {

namespace detail {
struct Program;
}

/// What Expression::compile() checks beyond the syntax (design-time checks).
struct CompileOptions {
    /// The source's field names. When set, a template naming another field is an error that
    /// suggests the nearest known name. `{{list.x}}` is checked against the same names (the
    /// detail rows of a document are the flattened source records).
    std::optional<QStringList> knownFields;
    /// Schemes `_findCollection … from <scheme>` may read; when set, others are errors.
    std::optional<QStringList> knownSchemes;
    /// Value maps `MAP('name', …)` and `_map name …` may use; when set, others are errors.
    std::optional<QStringList> knownValueMaps;
};

/// One compiled mapping value: a literal, a template, a `_function` expression, a
/// `_findCollection` lookup or a `_map` value map. Compile once when the project loads,
/// evaluate per record; an Expression is immutable, cheap to copy, and may be evaluated from
/// several threads at once (each with its own EvalContext).
class Expression
{
public:
    enum class Kind { Empty, Literal, Template, Function, Lookup, Map };

    /// An empty expression; isValid() is false.
    Expression();

    /// Compiles a mapping value. Errors (each with a position and a suggestion) are appended
    /// to *errors and kept in errors(); an expression with errors is not valid and every
    /// evaluation reports its first error.
    static Expression compile(const QString &text, QList<ExprError> *errors = nullptr,
                              const CompileOptions &options = {});
    /// A non-string JSON value from the metadata (a number, bool, object…), returned as is.
    static Expression constant(const QJsonValue &value);

    bool isValid() const;
    Kind kind() const;
    /// The value text as written (a constant's JSON text).
    QString text() const;
    QList<ExprError> errors() const;

    /// Evaluates against one record. On error returns Undefined and fills *error; never
    /// throws. A value that is one template keeps the field's JSON type (a missing field is
    /// null); mixed text gives a string; `_function` gives the JSON form of its MySQL value.
    QJsonValue evaluate(const EvalContext &ctx, ExprError *error = nullptr) const;

    /// The result as MySQL's client prints it ("3.0" for `_function 1.5*2`, "0.3333" for
    /// 1/3, "2023-11-15 06:13:20"): for previews and for comparing with a real server.
    /// *isNull tells SQL NULL apart from ''. Non-`_function` values give their JSON text.
    /// Returns false (and fills *error) on error.
    bool evaluateSqlText(const EvalContext &ctx, QString *text, bool *isNull,
                         ExprError *error = nullptr) const;

    /// Record fields the value reads, in order of appearance; detail-row fields as
    /// "list.x", nested paths as written ("items.0.sku"). System variables are not listed.
    QStringList referencedFields() const;
    /// Whether the value reads `{{list.x}}` (so it belongs to a child list such as FEntity).
    bool usesListRows() const;
    /// Whether the value never depends on the record (a literal or a constant).
    bool isConstant() const;
    /// For a value that is one plain record field — `{x}` or `{{x}}`, no path, no filter, no
    /// system variable — its name: evaluate() gives record.value(name), null when missing, so
    /// a caller may read it directly. Empty for every other value.
    QString plainField() const;
    /// Whether the value holds a `_findCollection` lookup: evaluating it asks the context's
    /// LookupProvider, which may be bound to one thread.
    bool usesLookups() const;

private:
    std::shared_ptr<const detail::Program> m_program;
};

/// One function of the `_function` library, for completion and help in the editor.
struct FunctionHelp {
    QString name;      ///< "DATE_FORMAT"
    QString signature; ///< "DATE_FORMAT(date, format)"
};

/// Every `_function` function, in the order of the reference (docs/expressions.md).
QList<FunctionHelp> functionLibrary();
/// Template filters: "datetime", "date", "timestamp", "timestamp_ms".
QStringList templateFilters();
/// System variables usable in templates ("DAYS_AGO_1" stands for DAYS_AGO_n).
QStringList systemVariables();

} // namespace weft::expr
