#pragma once

#include <QList>
#include <QString>

namespace weft {

class StateStore;

/// How many records one rule of a validate step gave one outcome in a run.
///
/// Outcomes are names, not an enum, so that rules with other severities slot in without a
/// schema change: "passed", "failed" (the record failed), and whatever a rule's severity
/// calls a broken rule ("warned", "skipped").
struct RuleTally {
    QString step;  ///< the validate step's id
    QString rule;  ///< the rule's name ("required", "maxLength 20", "pattern ^\d+$")
    QString field; ///< the field it checks
    QString outcome;
    qint64 count = 0;
    bool operator==(const RuleTally &) const = default;
};

/// One window's records read against the total the source reported for it.
struct WindowReconciliation {
    qint64 windowStart = 0;
    qint64 windowEnd = 0;
    qint64 reported = -1; ///< the source's total for the window; -1: the source gives none
    qint64 read = 0;      ///< records the source's pages held (before flattening)
    qint64 pages = 0;
    /// "ok", "short" (fewer read than reported: the window failed, the cursor stayed),
    /// "over" (more read: records arrived while paging), "unknown" (no total), "limited"
    /// (--limit stopped the reading)
    QString status;
    bool operator==(const WindowReconciliation &) const = default;
};

/// A run's quality summary: per validate rule and outcome how many records, and per window
/// the reconciliation of records read with the source's total.
struct QualitySummary {
    QString runId;
    QString scheme;
    QList<RuleTally> rules;
    QList<WindowReconciliation> windows;

    bool isEmpty() const { return rules.isEmpty() && windows.isEmpty(); }
    /// Adds `n` to the tally of (step, rule, field, outcome), making it if it is new.
    void count(const QString &step, const QString &rule, const QString &field,
               const QString &outcome, qint64 n = 1);
    /// Adds every tally of `more`.
    void add(const QList<RuleTally> &more);

    /// Per field: outcome → records, the fields in the order they first appear.
    struct FieldTotals {
        QString field;
        qint64 passed = 0;
        qint64 failed = 0;
        qint64 warned = 0;
        qint64 other = 0; ///< any other outcome (skipped, …)
    };
    QList<FieldTotals> perField() const;
    /// Per rule (step, rule, field) the same totals, in the order the rules first appear.
    struct RuleTotals {
        QString step;
        QString rule;
        FieldTotals totals;
    };
    QList<RuleTotals> perRule() const;
};

/// Keeps runs' quality summaries in the state store (tables quality_rules and
/// quality_windows), written once at the end of a run.
class QualityStore final
{
public:
    explicit QualityStore(StateStore *state);

    /// The schema migration's statements (statestore.cpp appends them as one version).
    static QStringList schema(bool mysql);

    /// Replaces what is kept for `summary.runId`. Not a transaction of its own: a run calls it
    /// inside the fenced write that records its end (StateStore::fenced), so both or neither
    /// are kept.
    bool save(const QualitySummary &summary);
    /// The summary of a run; empty (runId set) when none was kept.
    QualitySummary load(const QString &runId) const;

    QString lastError() const { return m_lastError; }

private:
    StateStore *m_state;
    mutable QString m_lastError;
};

} // namespace weft
