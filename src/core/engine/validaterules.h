#pragma once

// The rules of a validate step (docs/project-format.md, "Steps"): compiled once per run from
// the step's JSON, checked per record by the transform. Kept apart from transformapply.cpp:
// what a rule means is one concern, moving records through the stages another.

#include "core/expr/expression.h"
#include "core/expr/recordview.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMutex>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

namespace weft::detail {

/// What a broken rule does to its record.
enum class RuleSeverity {
    Fail, ///< the record becomes a failed record (the default)
    Skip, ///< the record leaves the pipeline, counted as skipped (like a filter)
    Warn, ///< the record goes on; the broken rule is reported
};

/// The values `unique` rules have seen: per transform for a run (every page of the run),
/// a fresh one per trace (a preview checks its sample alone). Safe to share between threads.
class RuleMemory
{
public:
    /// Whether `value` is new for the rule `key`; remembers it.
    bool firstTime(const QString &key, const QString &value);
    void clear();

private:
    QMutex m_mutex;
    QHash<QString, QSet<QString>> m_seen;
};

/// One rule of a validate step: a field and its checks (required, minLength, maxLength,
/// pattern, min, max, values, unique, exists, condition), with a severity.
class ValidateRule
{
public:
    /// Compiles a rule; appends what is wrong with it to `problems` (without the scheme).
    /// `schemes`: the project's schemes, the collections `exists` may name; `key` names the
    /// rule for RuleMemory.
    static ValidateRule compile(const QJsonObject &json, const QStringList &schemes,
                                const QString &key, QStringList *problems);

    /// Why the record breaks the rule (the first check it fails), or an empty string.
    /// `ctx` has the record set and the run's lookups (for `exists`).
    QString check(const expr::RecordView &record, const expr::EvalContext &ctx,
                  RuleMemory *memory) const;

    QString field() const { return m_field; }
    RuleSeverity severity() const { return m_severity; }
    /// The checks, as the node data tab shows them: "required", "length 1..20", …
    QString name() const;
    bool usesLookups() const { return !m_existsScheme.isEmpty() || m_condition.usesLookups(); }
    /// The result of a check, {"field", "rule", "ok", "severity", "message"}.
    QJsonObject result(const QString &broken) const;

    static QString severityName(RuleSeverity severity);

private:
    QString m_key;
    QString m_field;
    QString m_message; ///< the rule's own text for a broken record, when it has one
    RuleSeverity m_severity = RuleSeverity::Fail;
    bool m_required = false;
    int m_minLength = -1;
    int m_maxLength = -1;
    bool m_hasPattern = false;
    QRegularExpression m_pattern;
    bool m_hasMin = false, m_hasMax = false;
    double m_min = 0, m_max = 0;
    bool m_hasValues = false;
    QStringList m_values;
    bool m_unique = false;
    QString m_existsScheme, m_existsField;
    expr::Expression m_condition;
};

/// Whether a condition's value counts as true (a filter's and a rule's `condition`):
/// not null, false, 0, "" or "0".
bool conditionHolds(const QJsonValue &value);

} // namespace weft::detail
