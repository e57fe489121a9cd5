#include "core/state/qualitystore.h"

#include "core/state/statestore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <algorithm>

namespace weft {

void QualitySummary::count(const QString &step, const QString &rule, const QString &field,
                           const QString &outcome, qint64 n)
{
    // A run has a handful of rules: a scan is cheaper than hashing four strings.
    for (RuleTally &t : rules) {
        if (t.outcome == outcome && t.field == field && t.rule == rule && t.step == step) {
            t.count += n;
            return;
        }
    }
    rules.append({step, rule, field, outcome, n});
}

void QualitySummary::add(const QList<RuleTally> &more)
{
    for (const RuleTally &t : more)
        count(t.step, t.rule, t.field, t.outcome, t.count);
}

namespace {

void addOutcome(QualitySummary::FieldTotals *totals, const RuleTally &t)
{
    if (t.outcome == QLatin1String("passed"))
        totals->passed += t.count;
    else if (t.outcome == QLatin1String("failed"))
        totals->failed += t.count;
    else if (t.outcome == QLatin1String("warned"))
        totals->warned += t.count;
    else
        totals->other += t.count;
}

} // namespace

QList<QualitySummary::FieldTotals> QualitySummary::perField() const
{
    QList<FieldTotals> out;
    for (const RuleTally &t : rules) {
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const FieldTotals &f) { return f.field == t.field; });
        if (it == out.end()) {
            FieldTotals totals;
            totals.field = t.field;
            out.append(totals);
            it = out.end() - 1;
        }
        addOutcome(&*it, t);
    }
    return out;
}

QList<QualitySummary::RuleTotals> QualitySummary::perRule() const
{
    QList<RuleTotals> out;
    for (const RuleTally &t : rules) {
        auto it = std::find_if(out.begin(), out.end(), [&](const RuleTotals &r) {
            return r.step == t.step && r.rule == t.rule && r.totals.field == t.field;
        });
        if (it == out.end()) {
            RuleTotals rule;
            rule.step = t.step;
            rule.rule = t.rule;
            rule.totals.field = t.field;
            out.append(rule);
            it = out.end() - 1;
        }
        addOutcome(&it->totals, t);
    }
    return out;
}

QualityStore::QualityStore(StateStore *state)
    : m_state(state)
{}

QStringList QualityStore::schema(bool mysql)
{
    if (!mysql) {
        return {
            QStringLiteral("CREATE TABLE quality_rules (run_id TEXT NOT NULL, scheme TEXT NOT "
                           "NULL, step TEXT NOT NULL, rule TEXT NOT NULL, field TEXT NOT NULL, "
                           "outcome TEXT NOT NULL, count INTEGER NOT NULL, seq INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX quality_rules_run ON quality_rules(run_id)"),
            QStringLiteral("CREATE TABLE quality_windows (run_id TEXT NOT NULL, scheme TEXT NOT "
                           "NULL, window_start INTEGER NOT NULL, window_end INTEGER NOT NULL, "
                           "reported INTEGER NOT NULL, read_count INTEGER NOT NULL, pages "
                           "INTEGER NOT NULL, status TEXT NOT NULL, seq INTEGER NOT NULL)"),
            QStringLiteral("CREATE INDEX quality_windows_run ON quality_windows(run_id)"),
        };
    }
    return {
        QStringLiteral("CREATE TABLE quality_rules (run_id VARCHAR(64) NOT NULL, scheme "
                       "VARCHAR(191) NOT NULL, step VARCHAR(191) NOT NULL, rule TEXT NOT NULL, "
                       "field VARCHAR(191) NOT NULL, outcome VARCHAR(32) NOT NULL, count BIGINT "
                       "NOT NULL, seq INT NOT NULL, KEY quality_rules_run (run_id)) "
                       "CHARSET=utf8mb4"),
        QStringLiteral("CREATE TABLE quality_windows (run_id VARCHAR(64) NOT NULL, scheme "
                       "VARCHAR(191) NOT NULL, window_start BIGINT NOT NULL, window_end BIGINT "
                       "NOT NULL, reported BIGINT NOT NULL, read_count BIGINT NOT NULL, pages "
                       "BIGINT NOT NULL, status VARCHAR(16) NOT NULL, seq INT NOT NULL, KEY "
                       "quality_windows_run (run_id)) CHARSET=utf8mb4"),
    };
}

bool QualityStore::save(const QualitySummary &summary)
{
    QSqlQuery q(m_state->database());
    const auto fail = [&] {
        m_lastError = q.lastError().text();
        return false;
    };
    for (const char *table : {"quality_rules", "quality_windows"}) {
        q.prepare(QStringLiteral("DELETE FROM %1 WHERE run_id = ?").arg(QLatin1String(table)));
        q.addBindValue(summary.runId);
        if (!q.exec())
            return fail();
    }
    int seq = 0;
    q.prepare(QStringLiteral("INSERT INTO quality_rules(run_id, scheme, step, rule, field, "
                             "outcome, count, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const RuleTally &t : summary.rules) {
        for (const QVariant &v :
             {QVariant(summary.runId), QVariant(summary.scheme), QVariant(t.step), QVariant(t.rule),
              QVariant(t.field), QVariant(t.outcome), QVariant(t.count), QVariant(seq++)})
            q.addBindValue(v);
        if (!q.exec())
            return fail();
    }
    q.prepare(QStringLiteral("INSERT INTO quality_windows(run_id, scheme, window_start, "
                             "window_end, reported, read_count, pages, status, seq) VALUES (?, "
                             "?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const WindowReconciliation &w : summary.windows) {
        for (const QVariant &v :
             {QVariant(summary.runId), QVariant(summary.scheme), QVariant(w.windowStart),
              QVariant(w.windowEnd), QVariant(w.reported), QVariant(w.read), QVariant(w.pages),
              QVariant(w.status), QVariant(seq++)})
            q.addBindValue(v);
        if (!q.exec())
            return fail();
    }
    return true;
}

QualitySummary QualityStore::load(const QString &runId) const
{
    QualitySummary summary;
    summary.runId = runId;
    m_lastError.clear();
    QSqlQuery q(m_state->database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT scheme, step, rule, field, outcome, count FROM "
                             "quality_rules WHERE run_id = ? ORDER BY seq"));
    q.addBindValue(runId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return summary;
    }
    while (q.next()) {
        summary.scheme = q.value(0).toString();
        summary.rules.append({q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
                              q.value(4).toString(), q.value(5).toLongLong()});
    }
    q.prepare(QStringLiteral("SELECT scheme, window_start, window_end, reported, read_count, "
                             "pages, status FROM quality_windows WHERE run_id = ? ORDER BY seq"));
    q.addBindValue(runId);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return summary;
    }
    while (q.next()) {
        summary.scheme = q.value(0).toString();
        summary.windows.append({q.value(1).toLongLong(), q.value(2).toLongLong(),
                                q.value(3).toLongLong(), q.value(4).toLongLong(),
                                q.value(5).toLongLong(), q.value(6).toString()});
    }
    return summary;
}

} // namespace weft
