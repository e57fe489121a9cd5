#include "core/engine/schemetransform.h"

#include "core/state/statestore.h"

#include <QJsonArray>

namespace weft {

namespace {

/// The model's request entries as the mapping language's field specs.
QList<expr::FieldSpec> fieldSpecs(const QList<RequestField> &fields)
{
    QList<expr::FieldSpec> specs;
    specs.reserve(fields.size());
    for (const RequestField &f : fields) {
        if (f.field.isEmpty())
            continue;
        specs.append({f.field, f.value, f.parser, f.type, fieldSpecs(f.children)});
    }
    return specs;
}

bool usesSyncTime(const QList<RequestField> &fields)
{
    for (const RequestField &f : fields) {
        if ((f.value.isString() && f.value.toString().contains(QLatin1String("LAST_SYNC_TIME"))) ||
            usesSyncTime(f.children))
            return true;
    }
    return false;
}

} // namespace

namespace detail {

using expr::EvalContext;
using expr::ExprError;
using expr::Expression;

QString describeMappingErrors(const QString &scheme, const QString &role,
                              const QList<expr::FieldError> &errors)
{
    if (errors.isEmpty())
        return {};
    expr::FieldError e = errors.first();
    if (!e.field.contains(u' '))
        e.field = role + u' ' + e.field;
    e.record = -1;
    QString text = e.toString(scheme);
    if (errors.size() > 1)
        text += QStringLiteral(" (and %1 more errors)").arg(errors.size() - 1);
    return text;
}

bool SchemeTransform::compileMapping(const QList<RequestField> &fields, const QString &role,
                                     expr::Mapping *out, QStringList *errors) const
{
    QList<expr::FieldError> compileErrors;
    *out = expr::Mapping::compile(fieldSpecs(fields), &compileErrors);
    for (expr::FieldError e : compileErrors) {
        if (!e.field.contains(u' '))
            e.field = role + u' ' + e.field;
        errors->append(e.toString(m_scheme));
    }
    return compileErrors.isEmpty();
}

bool SchemeTransform::compile(const Project &project, const Scheme &scheme, StateStore *state,
                              QStringList *errors, bool values)
{
    m_scheme = scheme.name;
    m_zone = QTimeZone(project.timeZone.toUtf8());
    if (!m_zone.isValid())
        m_zone = QTimeZone("Asia/Shanghai");
    bool ok = true;

    // Source parameters: `request`, plus settings such as K3's FilterString that the seeds
    // put in otherRequest (the connector picks what it needs).
    const AdapterMetadata &source = scheme.source.metadata;
    QList<RequestField> params = source.request();
    for (const RequestField &f : source.otherRequest()) {
        if (f.field != QLatin1String("beatFlat"))
            params.append(f);
    }
    ok &= compileMapping(params, QStringLiteral("source parameter"), &m_request, errors);
    m_usesSyncTime = weft::usesSyncTime(params);
    m_idField = source.idField().isEmpty() ? QStringLiteral("id") : source.idField();
    m_numberField = source.numberField();
    m_nameField = source.nameField();
    m_beatFlat = source.beatFlat();
    for (const QString &name : m_beatFlat)
        m_beatFlatUtf8 << name.toUtf8();

    for (const Step &step : scheme.steps) {
        if (!step.enabled || !step.unknownType.isEmpty())
            continue;
        CompiledStep c;
        c.type = step.type;
        c.id = step.id;
        const QString role = QStringLiteral("%1 step %2").arg(stepTypeName(step.type), step.id);
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
                errors->append(expr::formatError(m_scheme, role, text, x));
                ok = false;
            }
            break;
        }
        case StepType::Lookup:
            ok &= compileMapping(parseRequestFields(step.settings.value(QLatin1String("fields"))
                                                        .toArray(),
                                                    QString()),
                                 role + QStringLiteral(" field"), &c.fields, errors);
            break;
        case StepType::Validate:
            for (const QJsonValue &r : step.settings.value(QLatin1String("rules")).toArray()) {
                const QJsonObject rule = r.toObject();
                c.rules.append(rule);
                const QRegularExpression re(rule.value(QLatin1String("pattern")).toString());
                if (rule.contains(QLatin1String("pattern")) && !re.isValid()) {
                    errors->append(QStringLiteral("scheme '%1': %2: pattern \"%3\" is not a "
                                                  "valid regular expression: %4")
                                       .arg(m_scheme, role, re.pattern(), re.errorString()));
                    ok = false;
                }
                c.patterns.append(re);
                c.ruleNames.append(validateRuleName(rule));
            }
            break;
        }
        m_steps.append(c);
    }

    const AdapterMetadata &target = scheme.target.metadata;
    const QList<RequestField> targetFields = target.request();
    m_passThrough = targetFields.isEmpty();
    ok &= compileMapping(targetFields, QStringLiteral("target field"), &m_target, errors);
    m_grouped = m_target.hasChildLists();
    if (values && m_target.isFlat() && !m_passThrough)
        m_valueFields = std::make_shared<const QStringList>(m_target.fieldNames());
    const QString documentKey = target.setting(QStringLiteral("documentKey")).toString();
    if (!documentKey.isEmpty()) {
        m_grouped = true;
        m_valueFields.reset(); // documents are objects
        QList<ExprError> e;
        m_documentKey = Expression::compile(documentKey, &e);
        for (const ExprError &x : e) {
            errors->append(
                expr::formatError(m_scheme, QStringLiteral("documentKey"), documentKey, x));
            ok = false;
        }
    } else {
        // The source record's id before flattening: beatFlat leaves the id field unchanged.
        m_documentKey = expr::Mapping::defaultDocumentKey(m_idField);
    }
    auto identity = [&](const QString &key, QString *setting, Expression *e) {
        *setting = scalarText(target.json().value(key)).trimmed();
        if (setting->contains(u'{')) {
            QList<ExprError> errs;
            *e = Expression::compile(*setting, &errs);
            for (const ExprError &x : errs) {
                errors->append(
                    expr::formatError(m_scheme, QStringLiteral("target ") + key, *setting, x));
                ok = false;
            }
        }
    };
    identity(QStringLiteral("id"), &m_targetId, &m_targetIdExpr);
    identity(QStringLiteral("number"), &m_targetNumber, &m_targetNumberExpr);
    identity(QStringLiteral("name"), &m_targetName, &m_targetNameExpr);

    if (!m_beatFlat.isEmpty())
        m_counters.append({QStringLiteral("beatFlat"), QStringLiteral("beatFlat")});
    m_firstStepCounter = int(m_counters.size());
    for (const CompiledStep &c : m_steps)
        m_counters.append({c.id, stepTypeName(c.type)});
    m_counters.append({QStringLiteral("map"), QStringLiteral("map")});

    m_valueMaps = expr::ValueMaps(project.valueMaps);
    m_lookup = std::make_unique<StateStoreLookup>(state, project.schemeNames());
    m_unhashedFields = m_target.recordIndependentFields();
    if (m_valueFields) {
        for (const QString &name : m_unhashedFields)
            m_unhashedValues.append(int(m_valueFields->indexOf(name)));
    }
    m_usesLookups = m_target.usesLookups() || m_documentKey.usesLookups() ||
                    m_targetIdExpr.usesLookups() || m_targetNumberExpr.usesLookups() ||
                    m_targetNameExpr.usesLookups();
    for (const CompiledStep &c : m_steps)
        m_usesLookups = m_usesLookups || c.condition.usesLookups() || c.fields.usesLookups();
    return ok;
}

EvalContext SchemeTransform::context(const TransformVars &vars) const
{
    EvalContext ctx;
    ctx.setTimeZone(m_zone);
    ctx.setLastSyncTime(vars.lastSyncTime);
    // CURRENT_TIME and NOW() are the window's end: one consistent "now" per window.
    ctx.setNow(QDateTime::fromSecsSinceEpoch(vars.currentTime, Qt::UTC));
    ctx.setRunId(vars.runId);
    ctx.setPagination(vars.page, vars.pageSize);
    ctx.setLookupProvider(m_lookup.get());
    ctx.setValueMaps(&m_valueMaps);
    return ctx;
}

QJsonObject SchemeTransform::requestParams(const TransformVars &vars, QString *error) const
{
    static const QJsonObject empty;
    const expr::Document doc = m_request.map(empty, context(vars));
    if (!doc.ok())
        *error = describeMappingErrors(m_scheme, QStringLiteral("source parameter"), doc.errors);
    return doc.payload;
}

} // namespace detail

std::unique_ptr<Transform> Transform::compile(const Project &project, const Scheme &scheme,
                                              StateStore *lookupStore, QStringList *errors,
                                              bool values)
{
    auto t = std::make_unique<detail::SchemeTransform>();
    if (!t->compile(project, scheme, lookupStore, errors, values))
        return nullptr;
    return t;
}

} // namespace weft
