// The preview's view of a transform (Transform::trace): every stage's records as they leave
// it, with why a filter dropped one, what a lookup added, each validate rule's result.
// Kept apart from transformapply.cpp: the run never traces, and the per-record path there
// only calls traceStep() when a trace was asked for.
#include "core/engine/schemetransform.h"

#include <QJsonDocument>

namespace weft::detail {

using expr::Expression;

namespace {

QString shown(const QJsonValue &v)
{
    if (v.isUndefined())
        return QStringLiteral("(missing)");
    if (v.isString())
        return u'"' + v.toString().left(60) + u'"';
    if (v.isObject() || v.isArray()) {
        const QByteArray text = v.isObject()
                                    ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(text).left(60);
    }
    return scalarText(v);
}

/// The values a filter's condition read, so that a dropped record says why:
/// `condition false: status = "RUNNING", result = ""`.
QString dropReason(const Expression &condition, const expr::RecordView &record)
{
    QStringList values;
    QStringList seen;
    for (const QString &field : condition.referencedFields()) {
        if (seen.contains(field))
            continue;
        seen << field;
        values << QStringLiteral("%1 = %2").arg(field, shown(record.value(field)));
    }
    QString reason = QStringLiteral("condition false");
    if (!values.isEmpty())
        reason += QStringLiteral(": ") + values.join(QStringLiteral(", "));
    return reason;
}

} // namespace

QString validateRuleName(const QJsonObject &rule)
{
    if (rule.value(QLatin1String("required")).toBool())
        return QStringLiteral("required");
    if (rule.contains(QLatin1String("maxLength")))
        return QStringLiteral("maxLength %1").arg(rule.value(QLatin1String("maxLength")).toInt());
    if (rule.contains(QLatin1String("pattern")))
        return QStringLiteral("pattern %1").arg(rule.value(QLatin1String("pattern")).toString());
    return QStringLiteral("rule");
}

namespace {

bool emptyValue(const QJsonValue &v)
{
    return v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty());
}

} // namespace

void SchemeTransform::traceStep(const CompiledStep &step, const TransformInput &before,
                                const QList<TransformInput> &kept, qsizetype keptBefore,
                                const TransformOutput &out, qsizetype failuresBefore,
                                qint64 skippedBefore, StageTrace *stage) const
{
    if (out.failures.size() > failuresBefore) {
        StageRecord s;
        s.record = before.record.merged();
        s.id = before.id;
        s.fate = StageRecord::Fate::Failed;
        s.reason = out.failures.last().message;
        if (step.type == StepType::Validate) {
            for (qsizetype r = 0; r < step.rules.size(); ++r) {
                const QString broken = brokenRule(step, r, before.record);
                const QJsonObject &rule = step.rules.at(r);
                s.rules.append(
                    QJsonObject{{QStringLiteral("field"), rule.value(QLatin1String("field"))},
                                {QStringLiteral("rule"), validateRuleName(rule)},
                                {QStringLiteral("ok"), broken.isEmpty()},
                                {QStringLiteral("message"), broken}});
            }
        }
        stage->records.append(std::move(s));
        return;
    }
    if (out.skipped > skippedBefore) {
        StageRecord s;
        s.record = before.record.merged();
        s.id = before.id;
        s.fate = StageRecord::Fate::Dropped;
        s.reason = dropReason(step.condition, before.record);
        stage->records.append(std::move(s));
        return;
    }
    for (qsizetype k = keptBefore; k < kept.size(); ++k) {
        const TransformInput &in = kept.at(k);
        StageRecord s;
        s.record = in.record.merged();
        s.id = in.id;
        if (step.type == StepType::Lookup) {
            s.added = step.fields.fieldNames();
            for (const QString &field : std::as_const(s.added)) {
                if (emptyValue(s.record.value(field)))
                    s.missed << field;
            }
        } else if (step.type == StepType::Validate) {
            for (qsizetype r = 0; r < step.rules.size(); ++r) {
                const QJsonObject &rule = step.rules.at(r);
                s.rules.append(
                    QJsonObject{{QStringLiteral("field"), rule.value(QLatin1String("field"))},
                                {QStringLiteral("rule"), validateRuleName(rule)},
                                {QStringLiteral("ok"), true},
                                {QStringLiteral("message"), QString()}});
            }
        }
        stage->records.append(std::move(s));
    }
}

TransformOutput SchemeTransform::trace(const QList<QJsonObject> &page, const TransformVars &vars,
                                       QList<StageTrace> *stages) const
{
    StageTrace source{
        QStringLiteral("source"), QStringLiteral("source"), page.size(), page.size(), 0, {}};
    for (const QJsonObject &record : page) {
        StageRecord s;
        s.record = record;
        s.id = scalarText(record.value(m_idField));
        source.records.append(std::move(s));
    }
    stages->append(std::move(source));
    const QList<TransformInput> inputs = flattenPage(page);
    if (!m_beatFlat.isEmpty()) {
        StageTrace beat{QStringLiteral("beatFlat"),
                        QStringLiteral("beatFlat"),
                        page.size(),
                        inputs.size(),
                        0,
                        {}};
        for (const TransformInput &in : inputs) {
            StageRecord s;
            s.record = in.record.merged();
            s.id = in.id;
            beat.records.append(std::move(s));
        }
        stages->append(std::move(beat));
    }
    TransformOutput out = applyStages(inputs, vars, stages);
    if (!m_beatFlat.isEmpty()) {
        out.steps.first().in = page.size();
        out.steps.first().out = inputs.size();
    }
    return out;
}

} // namespace weft::detail
