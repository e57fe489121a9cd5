#include "core/engine/transform.h"

#include "core/expr/expression.h"
#include "core/expr/lookup.h"
#include "core/expr/valuemaps.h"
#include "core/state/statestore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <cmath>

namespace weft {

namespace {

using expr::EvalContext;
using expr::ExprError;
using expr::Expression;

/// Reads another scheme's local-store records into an in-memory index the first time a
/// lookup names it — once per run (DESIGN.md principle 8), then every lookup is a hash probe.
class StateStoreLookup final : public expr::LookupProvider
{
public:
    StateStoreLookup(StateStore *state, QStringList schemes)
        : m_state(state)
        , m_schemes(std::move(schemes))
    {
    }

    QJsonValue find(const QString &scheme, const QString &field,
                    const QList<QPair<QString, QJsonValue>> &conditions,
                    ExprError *error) override
    {
        if (!m_loaded.contains(scheme) && m_schemes.contains(scheme)) {
            m_loaded.insert(scheme);
            m_index.addScheme(scheme);
            if (m_state) {
                m_state->forEachLocal(scheme, [this, &scheme](const QString &, const QJsonObject &o) {
                    m_index.addRecord(scheme, o);
                });
            }
        }
        return m_index.find(scheme, field, conditions, error);
    }

private:
    StateStore *m_state;
    QStringList m_schemes;
    QSet<QString> m_loaded;
    expr::InMemoryLookup m_index;
};

/// A mapping value with the parser applied after it.
struct CompiledValue {
    QString field;      ///< the request/target field name
    QString label;      ///< "target field X" / "source parameter X" for messages
    Expression value;
    QJsonObject parser; ///< {"name": …, "params": …} or empty
    QString type;       ///< the metadata's declared type: the value is converted to it
    QList<CompiledValue> children;
    bool listChildren = false; ///< children read {{list.x}}: one entry per detail row
};

QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        return d == double(qint64(d)) ? QString::number(qint64(d)) : QString::number(d, 'g', 17);
    }
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

// PROVISIONAL until core/expr's parsers land: the field parsers of the seeds.
QJsonValue applyParser(const QJsonObject &parser, const QJsonValue &value, QString *error)
{
    const QString name = parser.value(QLatin1String("name")).toString();
    if (name == QLatin1String("ConvertObjectParser"))
        return QJsonObject{{parser.value(QLatin1String("params")).toString(QStringLiteral("FNumber")), value}};
    *error = QStringLiteral("unknown parser %1").arg(name);
    return {};
}

/// Converts an evaluated value to the type the metadata declares for the field ("type":
/// "string" makes 12000034 "12000034"), so a target gets what its API expects. Null stays
/// null; a value that cannot be converted is an error naming both.
bool convertToType(const QString &type, QJsonValue *value, QString *error)
{
    if (value->isNull() || value->isUndefined() || type.isEmpty())
        return true;
    if (type == QLatin1String("string") || type == QLatin1String("text")) {
        if (value->isDouble() || value->isBool())
            *value = valueText(*value);
        return true;
    }
    const bool integer = type == QLatin1String("int") || type == QLatin1String("integer") ||
                         type == QLatin1String("long") || type == QLatin1String("bigint");
    const bool number = integer || type == QLatin1String("float") ||
                        type == QLatin1String("double") || type == QLatin1String("decimal") ||
                        type == QLatin1String("number") || type == QLatin1String("numeric");
    if (number) {
        if (value->isString()) {
            const QString t = value->toString().trimmed();
            if (t.isEmpty()) {
                *value = QJsonValue(QJsonValue::Null);
                return true;
            }
            bool ok = false;
            const double d = t.toDouble(&ok);
            if (!ok) {
                *error = QStringLiteral("\"%1\" is not a number (the field's type is %2)")
                             .arg(t.left(60), type);
                return false;
            }
            *value = d;
        } else if (value->isBool()) {
            *value = value->toBool() ? 1 : 0;
        }
        if (integer && value->isDouble() && value->toDouble() != std::floor(value->toDouble())) {
            *error = QStringLiteral("%1 is not a whole number (the field's type is %2)")
                         .arg(value->toDouble())
                         .arg(type);
            return false;
        }
        return true;
    }
    if (type == QLatin1String("bool") || type == QLatin1String("boolean")) {
        if (value->isString()) {
            const QString t = value->toString().trimmed().toLower();
            *value = !(t.isEmpty() || t == QLatin1String("false") || t == QLatin1String("0"));
        } else if (value->isDouble()) {
            *value = value->toDouble() != 0;
        }
    }
    return true;
}

} // namespace

namespace detail {

/// The Transform of one scheme (see transform.h).
class SchemeTransform final : public Transform
{
public:
    bool compile(const Project &project, const Scheme &scheme, StateStore *state,
                 QStringList *errors);

    QJsonObject requestParams(const TransformVars &vars, QString *error) const override;
    bool usesSyncTime() const override { return m_usesSyncTime; }
    TransformOutput apply(const QList<QJsonObject> &page, const TransformVars &vars) const override;
    TransformOutput applyFlattened(const QList<TransformInput> &inputs,
                                   const TransformVars &vars) const override;

private:
    struct CompiledStep {
        StepType type;
        QString id;
        QStringList arrays;                 // flatten
        Expression condition;               // filter
        QList<CompiledValue> fields;        // lookup
        QList<QJsonObject> rules;           // validate
        QList<QRegularExpression> patterns; // validate, per rule (invalid when none)
    };

    bool compileValues(const QList<RequestField> &fields, const QString &role, bool target,
                       QList<CompiledValue> *out, QStringList *errors);
    EvalContext context(const TransformVars &vars) const;
    /// Evaluates a value and applies its parser; false with a message on error.
    bool evaluate(const CompiledValue &v, const EvalContext &ctx, QJsonValue *out,
                  QString *message) const;
    bool evaluateObject(const QList<CompiledValue> &values, const EvalContext &ctx,
                        QJsonObject *out, QString *message) const;
    QList<TransformInput> flatten(const QJsonObject &record, const QStringList &arrays,
                                  const TransformInput &parent) const;
    TransformInput identify(const QJsonObject &record) const;
    QString targetIdentity(const QString &setting, const Expression &expr,
                           const QJsonObject &payload, const TransformInput &input,
                           const EvalContext &ctx, const QString &fallback) const;
    FailedRecord failure(const TransformInput &input, const QString &message,
                         const QJsonObject &payload = {}) const;

    QString m_scheme;
    QTimeZone m_zone;
    QList<CompiledValue> m_request;
    bool m_usesSyncTime = false;
    QString m_idField, m_numberField, m_nameField;
    QStringList m_beatFlat;
    QList<CompiledStep> m_steps;
    QList<CompiledValue> m_target;
    bool m_grouped = false;
    Expression m_documentKey;
    QString m_targetId, m_targetNumber, m_targetName;
    Expression m_targetIdExpr, m_targetNumberExpr, m_targetNameExpr;
    expr::ValueMaps m_valueMaps;
    std::unique_ptr<StateStoreLookup> m_lookup;
};

bool SchemeTransform::compileValues(const QList<RequestField> &fields, const QString &role,
                                    bool target, QList<CompiledValue> *out, QStringList *errors)
{
    bool ok = true;
    for (const RequestField &f : fields) {
        CompiledValue v;
        v.field = f.field;
        v.label = role + QLatin1Char(' ') + f.field;
        v.parser = f.parser.toObject();
        v.type = f.type.trimmed().toLower();
        if (f.hasChildren()) {
            if (!compileValues(f.children, role, target, &v.children, errors))
                ok = false;
            for (const CompiledValue &c : v.children)
                v.listChildren = v.listChildren || c.value.usesListRows();
            // A target field typed as an array with children is a detail list even when its
            // values happen not to read {{list.x}}.
            v.listChildren = v.listChildren ||
                             (target && f.type.compare(QLatin1String("array"), Qt::CaseInsensitive) == 0);
        } else if (f.value.isString()) {
            QList<ExprError> compileErrors;
            v.value = Expression::compile(f.value.toString(), &compileErrors);
            for (const ExprError &e : compileErrors) {
                errors->append(expr::formatError(m_scheme, v.label, f.value.toString(), e));
                ok = false;
            }
            if (f.value.toString().contains(QLatin1String("LAST_SYNC_TIME")) && !target)
                m_usesSyncTime = true;
        } else if (!f.value.isUndefined()) {
            v.value = Expression::constant(f.value);
        }
        out->append(v);
    }
    return ok;
}

bool SchemeTransform::compile(const Project &project, const Scheme &scheme, StateStore *state,
                              QStringList *errors)
{
    m_scheme = scheme.name;
    m_zone = QTimeZone(project.timeZone.toUtf8());
    if (!m_zone.isValid())
        m_zone = QTimeZone("Asia/Shanghai");
    bool ok = true;
    const AdapterMetadata &source = scheme.source.metadata;
    ok &= compileValues(source.request(), QStringLiteral("source parameter"), false, &m_request,
                        errors);
    // Settings such as K3's FilterString may sit in otherRequest; they are request
    // parameters too (the connector picks what it needs).
    QList<RequestField> other = source.otherRequest();
    other.erase(std::remove_if(other.begin(), other.end(),
                               [](const RequestField &f) {
                                   return f.field == QLatin1String("beatFlat") || f.field.isEmpty();
                               }),
                other.end());
    ok &= compileValues(other, QStringLiteral("source setting"), false, &m_request, errors);

    m_idField = source.idField();
    m_numberField = source.numberField();
    m_nameField = source.nameField();
    m_beatFlat = source.beatFlat();

    for (const Step &step : scheme.steps) {
        if (!step.enabled || !step.unknownType.isEmpty())
            continue;
        CompiledStep c;
        c.type = step.type;
        c.id = step.id;
        switch (step.type) {
        case StepType::Flatten:
            for (const QJsonValue &a : step.settings.value(QLatin1String("arrays")).toArray())
                c.arrays << a.toString();
            break;
        case StepType::Filter: {
            const QString text = step.settings.value(QLatin1String("condition")).toString();
            QList<ExprError> e;
            c.condition = Expression::compile(text, &e);
            for (const ExprError &x : e) {
                errors->append(expr::formatError(m_scheme, QStringLiteral("filter step ") + step.id,
                                                 text, x));
                ok = false;
            }
            break;
        }
        case StepType::Lookup:
            ok &= compileValues(parseRequestFields(step.settings.value(QLatin1String("fields")).toArray(),
                                                   QString()),
                                QStringLiteral("lookup step field"), false, &c.fields, errors);
            break;
        case StepType::Validate:
            for (const QJsonValue &r : step.settings.value(QLatin1String("rules")).toArray()) {
                const QJsonObject rule = r.toObject();
                c.rules.append(rule);
                QRegularExpression re(rule.value(QLatin1String("pattern")).toString());
                if (rule.contains(QLatin1String("pattern")) && !re.isValid()) {
                    errors->append(QStringLiteral("scheme '%1': validate step %2: pattern \"%3\" "
                                                  "is not a valid regular expression: %4")
                                       .arg(m_scheme, step.id, re.pattern(), re.errorString()));
                    ok = false;
                }
                c.patterns.append(re);
            }
            break;
        }
        m_steps.append(c);
    }

    const AdapterMetadata &target = scheme.target.metadata;
    ok &= compileValues(target.request(), QStringLiteral("target field"), true, &m_target, errors);
    for (const CompiledValue &v : m_target)
        m_grouped = m_grouped || v.listChildren;
    const QString documentKey = target.setting(QStringLiteral("documentKey")).toString();
    if (!documentKey.isEmpty()) {
        m_grouped = true;
        QList<ExprError> e;
        m_documentKey = Expression::compile(documentKey, &e);
        for (const ExprError &x : e) {
            errors->append(expr::formatError(m_scheme, QStringLiteral("documentKey"), documentKey, x));
            ok = false;
        }
    }
    auto identity = [&](const QString &key, QString *setting, Expression *e) {
        *setting = valueText(target.json().value(key)).trimmed();
        if (setting->contains(u'{')) {
            QList<ExprError> errs;
            *e = Expression::compile(*setting, &errs);
            for (const ExprError &x : errs) {
                errors->append(expr::formatError(m_scheme, QStringLiteral("target ") + key, *setting, x));
                ok = false;
            }
        }
    };
    identity(QStringLiteral("id"), &m_targetId, &m_targetIdExpr);
    identity(QStringLiteral("number"), &m_targetNumber, &m_targetNumberExpr);
    identity(QStringLiteral("name"), &m_targetName, &m_targetNameExpr);

    m_valueMaps = expr::ValueMaps(project.valueMaps);
    m_lookup = std::make_unique<StateStoreLookup>(state, project.schemeNames());
    return ok;
}

EvalContext SchemeTransform::context(const TransformVars &vars) const
{
    EvalContext ctx;
    ctx.setTimeZone(m_zone);
    ctx.setLastSyncTime(vars.lastSyncTime);
    ctx.setNow(QDateTime::fromSecsSinceEpoch(vars.currentTime, Qt::UTC));
    ctx.setRunId(vars.runId);
    ctx.setPagination(vars.page, vars.pageSize);
    ctx.setLookupProvider(m_lookup.get());
    ctx.setValueMaps(&m_valueMaps);
    return ctx;
}

bool SchemeTransform::evaluate(const CompiledValue &v, const EvalContext &ctx, QJsonValue *out,
                               QString *message) const
{
    ExprError error;
    QJsonValue value = v.value.evaluate(ctx, &error);
    if (!error.isEmpty()) {
        *message = expr::formatError(m_scheme, v.label, v.value.text(), error);
        return false;
    }
    QString typeError;
    if (!convertToType(v.type, &value, &typeError)) {
        *message = QStringLiteral("scheme '%1': %2: `%3`: %4")
                       .arg(m_scheme, v.label, v.value.text().left(80), typeError);
        return false;
    }
    if (!v.parser.isEmpty()) {
        QString parserError;
        value = applyParser(v.parser, value, &parserError);
        if (!parserError.isEmpty()) {
            *message = QStringLiteral("scheme '%1': %2: parser %3: %4")
                           .arg(m_scheme, v.label,
                                v.parser.value(QLatin1String("name")).toString(), parserError);
            return false;
        }
    }
    *out = value;
    return true;
}

bool SchemeTransform::evaluateObject(const QList<CompiledValue> &values, const EvalContext &ctx,
                                     QJsonObject *out, QString *message) const
{
    for (const CompiledValue &v : values) {
        if (v.children.isEmpty()) {
            QJsonValue value;
            if (!evaluate(v, ctx, &value, message))
                return false;
            out->insert(v.field, value);
            continue;
        }
        if (v.listChildren) {
            // One entry per detail row: the rows of the current document (or, ungrouped,
            // the record itself as its only row).
            QJsonArray rows;
            const QList<QJsonObject> single{ctx.record()};
            const QList<QJsonObject> &detail = ctx.listRows() ? *ctx.listRows() : single;
            for (const QJsonObject &row : detail) {
                EvalContext rowCtx = ctx;
                rowCtx.setListRow(&row);
                QJsonObject entry;
                if (!evaluateObject(v.children, rowCtx, &entry, message))
                    return false;
                rows.append(entry);
            }
            out->insert(v.field, rows);
        } else {
            QJsonObject nested;
            if (!evaluateObject(v.children, ctx, &nested, message))
                return false;
            out->insert(v.field, nested);
        }
    }
    return true;
}

QJsonObject SchemeTransform::requestParams(const TransformVars &vars, QString *error) const
{
    const QJsonObject empty;
    EvalContext ctx = context(vars);
    ctx.setRecord(empty);
    QJsonObject out;
    QString message;
    if (!evaluateObject(m_request, ctx, &out, &message))
        *error = message;
    return out;
}

QList<TransformInput> SchemeTransform::flatten(const QJsonObject &record, const QStringList &arrays,
                                              const TransformInput &parent) const
{
    // PROVISIONAL until core/expr's record shaping lands.
    QList<TransformInput> out;
    const QString array = arrays.value(0);
    const QJsonArray items = record.value(array).toArray();
    if (items.isEmpty()) {
        out.append(parent);
        return out;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        QJsonObject row = record;
        row.remove(array);
        const QJsonObject item = items.at(i).toObject();
        for (auto it = item.begin(); it != item.end(); ++it)
            row.insert(array + u'_' + it.key(), it.value());
        TransformInput in = parent;
        in.record = row;
        in.id = parent.id + QStringLiteral("-%1").arg(i);
        out.append(in);
    }
    return out;
}

TransformInput SchemeTransform::identify(const QJsonObject &record) const
{
    TransformInput in;
    in.record = record;
    in.id = valueText(record.value(m_idField.isEmpty() ? QStringLiteral("id") : m_idField));
    in.number = m_numberField.isEmpty() ? QString() : valueText(record.value(m_numberField));
    in.name = m_nameField.isEmpty() ? QString() : valueText(record.value(m_nameField));
    return in;
}

FailedRecord SchemeTransform::failure(const TransformInput &input, const QString &message,
                                      const QJsonObject &payload) const
{
    FailedRecord f;
    f.scheme = m_scheme;
    f.stage = FailureStage::Transform;
    f.recordId = input.id;
    f.recordNumber = input.number;
    f.recordName = input.name;
    f.errorCode = QStringLiteral("mapping");
    f.message = message;
    f.sourcePayload = input.record;
    f.targetPayload = payload;
    return f;
}

TransformOutput SchemeTransform::apply(const QList<QJsonObject> &page,
                                       const TransformVars &vars) const
{
    QList<TransformInput> inputs;
    inputs.reserve(page.size());
    for (const QJsonObject &record : page) {
        const TransformInput parent = identify(record);
        if (m_beatFlat.isEmpty())
            inputs.append(parent);
        else
            inputs += flatten(record, m_beatFlat, parent);
    }
    return applyFlattened(inputs, vars);
}

QString SchemeTransform::targetIdentity(const QString &setting, const Expression &e,
                                        const QJsonObject &payload, const TransformInput &input,
                                        const EvalContext &ctx, const QString &fallback) const
{
    // "1" (seed 000) or nothing: the source record's own; a template: evaluated on the
    // source record; otherwise the name of a target field.
    if (setting.isEmpty() || setting == QLatin1String("1"))
        return fallback;
    if (e.isValid()) {
        EvalContext c = ctx;
        c.setRecord(input.record);
        return valueText(e.evaluate(c));
    }
    const QJsonValue v = payload.value(setting);
    return v.isUndefined() ? fallback : valueText(v);
}

TransformOutput SchemeTransform::applyFlattened(const QList<TransformInput> &given,
                                                const TransformVars &vars) const
{
    TransformOutput out;
    EvalContext base = context(vars);

    // Steps, record by record; records leave by filter (skipped) or validation (failed).
    QList<TransformInput> records = given;
    for (const CompiledStep &step : m_steps) {
        QList<TransformInput> next;
        next.reserve(records.size());
        for (TransformInput &in : records) {
            EvalContext ctx = base;
            ctx.setRecord(in.record);
            switch (step.type) {
            case StepType::Flatten: next += flatten(in.record, step.arrays, in); break;
            case StepType::Filter: {
                ExprError error;
                const QJsonValue keep = step.condition.evaluate(ctx, &error);
                if (!error.isEmpty()) {
                    out.inputs.append(in);
                    out.failures.append(failure(in, expr::formatError(m_scheme,
                                                                      QStringLiteral("filter step ") + step.id,
                                                                      step.condition.text(), error)));
                } else if (keep.isNull() || keep.isUndefined() || keep == QJsonValue(false) ||
                           keep == QJsonValue(0) || keep == QJsonValue(QString()) ||
                           keep == QJsonValue(QStringLiteral("0"))) {
                    out.inputs.append(in);
                    ++out.skipped;
                } else {
                    next.append(in);
                }
                break;
            }
            case StepType::Lookup: {
                QJsonObject added;
                QString message;
                if (!evaluateObject(step.fields, ctx, &added, &message)) {
                    out.inputs.append(in);
                    out.failures.append(failure(in, message));
                    break;
                }
                for (auto it = added.begin(); it != added.end(); ++it)
                    in.record.insert(it.key(), it.value());
                next.append(in);
                break;
            }
            case StepType::Validate: {
                QString broken;
                for (qsizetype r = 0; r < step.rules.size() && broken.isEmpty(); ++r) {
                    const QJsonObject &rule = step.rules.at(r);
                    const QString field = rule.value(QLatin1String("field")).toString();
                    const QJsonValue v = in.record.value(field);
                    const QString text = valueText(v);
                    if (rule.value(QLatin1String("required")).toBool() &&
                        (v.isUndefined() || v.isNull() || text.trimmed().isEmpty()))
                        broken = QStringLiteral("%1 is required but empty").arg(field);
                    else if (rule.contains(QLatin1String("maxLength")) &&
                             text.size() > rule.value(QLatin1String("maxLength")).toInt())
                        broken = QStringLiteral("%1 is %2 characters long, more than the %3 "
                                                "allowed")
                                     .arg(field)
                                     .arg(text.size())
                                     .arg(rule.value(QLatin1String("maxLength")).toInt());
                    else if (rule.contains(QLatin1String("pattern")) && !text.isEmpty() &&
                             !step.patterns.at(r).match(text).hasMatch())
                        broken = QStringLiteral("%1 \"%2\" does not match %3")
                                     .arg(field, text.left(60), step.patterns.at(r).pattern());
                }
                if (broken.isEmpty()) {
                    next.append(in);
                } else {
                    out.inputs.append(in);
                    out.failures.append(failure(in, QStringLiteral("scheme '%1': validate step "
                                                                   "%2: %3")
                                                        .arg(m_scheme, step.id, broken)));
                }
                break;
            }
            }
        }
        records = next;
    }

    // Mapping: one document per record, or per group of records sharing a document key.
    QList<QList<int>> groups;
    QStringList groupKeys;
    const int firstMapped = int(out.inputs.size());
    out.inputs += records;
    if (m_grouped) {
        QHash<QString, int> groupOf;
        for (int i = 0; i < records.size(); ++i) {
            QString key;
            if (m_documentKey.isValid()) {
                EvalContext ctx = base;
                ctx.setRecord(records.at(i).record);
                key = valueText(m_documentKey.evaluate(ctx));
            } else {
                // The source record's id before flattening: header fields are copied to
                // every row, so the id field still holds it.
                key = valueText(records.at(i).record.value(m_idField.isEmpty() ? QStringLiteral("id")
                                                                              : m_idField));
            }
            const auto it = groupOf.constFind(key);
            if (it == groupOf.constEnd()) {
                groupOf.insert(key, int(groups.size()));
                groups.append(QList<int>{i});
                groupKeys.append(key);
            } else {
                groups[it.value()].append(i);
            }
        }
    } else {
        for (int i = 0; i < records.size(); ++i)
            groups.append(QList<int>{i});
    }

    for (qsizetype g = 0; g < groups.size(); ++g) {
        const QList<int> &group = groups.at(g);
        const TransformInput &first = records.at(group.first());
        QList<QJsonObject> rows;
        for (const int i : group)
            rows.append(records.at(i).record);
        EvalContext ctx = base;
        ctx.setRecord(first.record);
        if (m_grouped)
            ctx.setListRows(&rows);
        QJsonObject payload;
        QString message;
        if (m_target.isEmpty()) {
            // A target without field mapping (the local store's "写入空操作") takes the
            // record as it came.
            payload = first.record;
        } else if (!evaluateObject(m_target, ctx, &payload, &message)) {
            for (const int i : group)
                out.failures.append(failure(records.at(i), message));
            continue;
        }
        TargetRecord record;
        record.payload = payload;
        // A document's own id is its key; a single record keeps its (flattened) id.
        const QString fallbackId = m_grouped && !groupKeys.at(g).isEmpty() ? groupKeys.at(g)
                                                                           : first.id;
        record.recordId = targetIdentity(m_targetId, m_targetIdExpr, payload, first, ctx,
                                         fallbackId);
        record.number = targetIdentity(m_targetNumber, m_targetNumberExpr, payload, first, ctx,
                                       first.number);
        record.name = targetIdentity(m_targetName, m_targetNameExpr, payload, first, ctx,
                                     first.name);
        QList<int> indices;
        for (const int i : group)
            indices.append(firstMapped + i);
        out.records.append(record);
        out.recordInputs.append(indices);
    }
    return out;
}

} // namespace detail

std::unique_ptr<Transform> Transform::compile(const Project &project, const Scheme &scheme,
                                              StateStore *lookupStore, QStringList *errors)
{
    auto t = std::make_unique<detail::SchemeTransform>();
    if (!t->compile(project, scheme, lookupStore, errors))
        return nullptr;
    return t;
}

} // namespace weft
