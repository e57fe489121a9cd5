#pragma once

#include "core/expr/exprerror.h"

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace weft::expr {

/// A field parser of the seed metadata (`"parser": {"name": "ConvertObjectParser",
/// "params": "FNumber"}`), compiled once and applied to a mapped value.
///
/// - ConvertObjectParser, params "FNumber": "SUP001" → {"FNumber": "SUP001"}
/// - ConvertTwoStageObjectParser, params1 "FMaterialId", params2 "FNumber":
///   "M01" → {"FMaterialId": {"FNumber": "M01"}}
/// - StringToArray, params = separator (default ","): "a,b" → ["a", "b"]
/// - ArrayToString, params = separator (default ","): ["a", 1] → "a,1"
/// - ConvertJson: a JSON text → its value ("stringify" as params: the reverse)
/// A null value stays null under every parser (a reference to nothing is no reference).
class Parser
{
public:
    enum class Kind {
        None,
        ConvertObject,
        ConvertTwoStageObject,
        StringToArray,
        ArrayToString,
        ConvertJson
    };

    /// No parser: apply() returns the value unchanged.
    Parser() = default;

    /// From the metadata's `parser` value: an object with `name` and `params` (or `params1`
    /// and `params2`, top level or inside `params`), or just the name as a string. Undefined
    /// or null give no parser. Errors (unknown name with a suggestion, missing params) are
    /// set in *error and make the parser invalid.
    static Parser compile(const QJsonValue &spec, ExprError *error = nullptr);

    bool isValid() const { return m_valid; }
    bool isNull() const { return m_kind == Kind::None; }
    Kind kind() const { return m_kind; }
    QString name() const;

    /// Applies the parser; on error (ConvertJson of invalid JSON) returns Undefined and fills
    /// *error (position is the offset in the JSON text).
    QJsonValue apply(const QJsonValue &value, ExprError *error = nullptr) const;

    static QStringList names();

private:
    Kind m_kind = Kind::None;
    bool m_valid = true;
    QString m_param1;
    QString m_param2;
};

} // namespace weft::expr
