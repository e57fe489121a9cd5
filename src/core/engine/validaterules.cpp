#include "core/engine/validaterules.h"

#include "core/expr/evalcontext.h"
#include "core/expr/lookup.h"
#include "core/util/scalartext.h"

#include <QMutexLocker>

namespace weft::detail {

namespace {

bool isEmpty(const QJsonValue &v, const QString &text)
{
    return v.isUndefined() || v.isNull() || text.trimmed().isEmpty();
}

QString number(double v)
{
    return QString::number(v, 'g', 15);
}

} // namespace

bool conditionHolds(const QJsonValue &v)
{
    return !(v.isNull() || v.isUndefined() || v == QJsonValue(false) || v == QJsonValue(0) ||
             v == QJsonValue(QString()) || v == QJsonValue(QStringLiteral("0")));
}

bool RuleMemory::firstTime(const QString &key, const QString &value)
{
    QMutexLocker lock(&m_mutex);
    QSet<QString> &seen = m_seen[key];
    if (seen.contains(value))
        return false;
    seen.insert(value);
    return true;
}

void RuleMemory::clear()
{
    QMutexLocker lock(&m_mutex);
    m_seen.clear();
}

ValidateRule ValidateRule::compile(const QJsonObject &json, const QStringList &schemes,
                                   const QString &key, QStringList *problems)
{
    ValidateRule r;
    r.m_key = key;
    r.m_field = json.value(QLatin1String("field")).toString();
    r.m_message = json.value(QLatin1String("message")).toString();
    const QString severity = json.value(QLatin1String("severity")).toString();
    if (severity == QLatin1String("skip"))
        r.m_severity = RuleSeverity::Skip;
    else if (severity == QLatin1String("warn"))
        r.m_severity = RuleSeverity::Warn;
    else if (!severity.isEmpty() && severity != QLatin1String("fail"))
        problems->append(
            QStringLiteral("severity \"%1\" is none of fail, skip, warn").arg(severity));
    r.m_required = json.value(QLatin1String("required")).toBool();
    r.m_minLength = json.value(QLatin1String("minLength")).toInt(-1);
    r.m_maxLength = json.value(QLatin1String("maxLength")).toInt(-1);
    if (json.contains(QLatin1String("pattern"))) {
        r.m_hasPattern = true;
        r.m_pattern = QRegularExpression(json.value(QLatin1String("pattern")).toString());
        if (!r.m_pattern.isValid())
            problems->append(QStringLiteral("pattern \"%1\" is not a valid regular expression: %2")
                                 .arg(r.m_pattern.pattern(), r.m_pattern.errorString()));
    }
    const auto bound = [&](const char *name, bool *has, double *value) {
        const QJsonValue v = json.value(QLatin1String(name));
        if (v.isUndefined() || v.isNull())
            return;
        bool ok = v.isDouble();
        *value = ok ? v.toDouble() : v.toString().toDouble(&ok);
        *has = ok;
        if (!ok)
            problems->append(QStringLiteral("%1 \"%2\" is not a number")
                                 .arg(QLatin1String(name), scalarText(v)));
    };
    bound("min", &r.m_hasMin, &r.m_min);
    bound("max", &r.m_hasMax, &r.m_max);
    if (json.contains(QLatin1String("values"))) {
        r.m_hasValues = true;
        for (const QJsonValue &v : json.value(QLatin1String("values")).toArray())
            r.m_values << scalarText(v);
    }
    r.m_unique = json.value(QLatin1String("unique")).toBool();
    if (json.contains(QLatin1String("exists"))) {
        const QJsonObject exists = json.value(QLatin1String("exists")).toObject();
        r.m_existsScheme = exists.value(QLatin1String("scheme")).toString();
        r.m_existsField = exists.value(QLatin1String("field")).toString();
        if (r.m_existsField.isEmpty())
            r.m_existsField = r.m_field;
        if (!schemes.contains(r.m_existsScheme))
            problems->append(
                QStringLiteral("exists: no scheme named \"%1\"").arg(r.m_existsScheme));
    }
    if (json.contains(QLatin1String("condition"))) {
        const QString text = json.value(QLatin1String("condition")).toString();
        QList<expr::ExprError> errors;
        r.m_condition = expr::Expression::compile(text, &errors);
        for (const expr::ExprError &e : errors)
            problems->append(QStringLiteral("condition \"%1\": %2").arg(text, e.message));
    }
    return r;
}

QString ValidateRule::check(const expr::RecordView &record, const expr::EvalContext &ctx,
                            RuleMemory *memory) const
{
    const QString broken = [&]() -> QString {
        const QJsonValue v = m_field.isEmpty() ? QJsonValue() : record.value(m_field);
        const QString text = scalarText(v);
        if (isEmpty(v, text)) {
            if (m_required)
                return QStringLiteral("%1 is required but empty").arg(m_field);
        } else {
            // The other checks judge values; an empty one is `required`'s business.
            if (m_minLength >= 0 && text.size() < m_minLength)
                return QStringLiteral("%1 is %2 characters long, fewer than the %3 required")
                    .arg(m_field)
                    .arg(text.size())
                    .arg(m_minLength);
            if (m_maxLength >= 0 && text.size() > m_maxLength)
                return QStringLiteral("%1 is %2 characters long, more than the %3 allowed")
                    .arg(m_field)
                    .arg(text.size())
                    .arg(m_maxLength);
            if (m_hasPattern && !m_pattern.match(text).hasMatch())
                return QStringLiteral("%1 \"%2\" does not match %3")
                    .arg(m_field, text.left(60), m_pattern.pattern());
            if (m_hasMin || m_hasMax) {
                bool ok = v.isDouble();
                const double n = ok ? v.toDouble() : text.trimmed().toDouble(&ok);
                if (!ok)
                    return QStringLiteral("%1 \"%2\" is not a number").arg(m_field, text.left(60));
                if (m_hasMin && n < m_min)
                    return QStringLiteral("%1 is %2, less than the minimum %3")
                        .arg(m_field, text, number(m_min));
                if (m_hasMax && n > m_max)
                    return QStringLiteral("%1 is %2, more than the maximum %3")
                        .arg(m_field, text, number(m_max));
            }
            if (m_hasValues && !m_values.contains(text))
                return QStringLiteral("%1 \"%2\" is none of %3")
                    .arg(m_field, text.left(60), m_values.join(QStringLiteral(", ")));
            if (!m_existsScheme.isEmpty()) {
                expr::ExprError error;
                const QJsonValue found =
                    ctx.lookupProvider() ? ctx.lookupProvider()->find(m_existsScheme, m_existsField,
                                                                      {{m_existsField, v}}, &error)
                                         : QJsonValue();
                if (!error.isEmpty())
                    return QStringLiteral("%1: %2").arg(m_field, error.message);
                if (found.isUndefined())
                    return QStringLiteral("%1 \"%2\" is not in %3 (%4)")
                        .arg(m_field, text.left(60), m_existsScheme, m_existsField);
            }
            if (m_unique && memory && !memory->firstTime(m_key, text))
                return QStringLiteral("%1 \"%2\" occurred before in this run")
                    .arg(m_field, text.left(60));
        }
        if (m_condition.isValid()) {
            expr::ExprError error;
            const QJsonValue holds = m_condition.evaluate(ctx, &error);
            if (!error.isEmpty())
                return QStringLiteral("condition %1: %2").arg(m_condition.text(), error.message);
            if (!conditionHolds(holds))
                return QStringLiteral("condition %1 is false").arg(m_condition.text());
        }
        return {};
    }();
    if (broken.isEmpty() || m_message.isEmpty())
        return broken;
    return m_message + QStringLiteral(" (") + broken + u')';
}

QString ValidateRule::name() const
{
    QStringList parts;
    if (m_required)
        parts << QStringLiteral("required");
    if (m_minLength >= 0 || m_maxLength >= 0)
        parts << QStringLiteral("length %1..%2")
                     .arg(m_minLength >= 0 ? QString::number(m_minLength) : QString(),
                          m_maxLength >= 0 ? QString::number(m_maxLength) : QString());
    if (m_hasPattern)
        parts << QStringLiteral("pattern %1").arg(m_pattern.pattern());
    if (m_hasMin || m_hasMax)
        parts << QStringLiteral("range %1..%2")
                     .arg(m_hasMin ? number(m_min) : QString(),
                          m_hasMax ? number(m_max) : QString());
    if (m_hasValues)
        parts << QStringLiteral("values %1").arg(m_values.join(QStringLiteral(", ")));
    if (m_unique)
        parts << QStringLiteral("unique");
    if (!m_existsScheme.isEmpty())
        parts << QStringLiteral("exists in %1.%2").arg(m_existsScheme, m_existsField);
    if (m_condition.isValid())
        parts << QStringLiteral("condition %1").arg(m_condition.text());
    return parts.isEmpty() ? QStringLiteral("rule") : parts.join(QStringLiteral(", "));
}

QJsonObject ValidateRule::result(const QString &broken) const
{
    return {{QStringLiteral("field"), m_field},
            {QStringLiteral("rule"), name()},
            {QStringLiteral("ok"), broken.isEmpty()},
            {QStringLiteral("severity"), severityName(m_severity)},
            {QStringLiteral("message"), broken}};
}

QString ValidateRule::severityName(RuleSeverity severity)
{
    switch (severity) {
    case RuleSeverity::Fail:
        break;
    case RuleSeverity::Skip:
        return QStringLiteral("skip");
    case RuleSeverity::Warn:
        return QStringLiteral("warn");
    }
    return QStringLiteral("fail");
}

} // namespace weft::detail
