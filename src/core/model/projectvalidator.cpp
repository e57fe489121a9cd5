#include "core/model/projectvalidator.h"

#include "core/catalog/catalogcheck.h"
#include "core/expr/expression.h"
#include "core/expr/parser.h"
#include "core/model/alertrule.h"
#include "core/model/cronexpression.h"
#include "core/model/delivery.h"
#include "core/model/environment.h"
#include "core/model/mysqlstatement.h"
#include "core/model/projectio.h"
#include "core/model/secretref.h"
#include "core/util/jsonlocator.h"
#include "core/util/textdistance.h"
#include "core/util/translation.h"

#include <QFile>
#include <QSet>
#include <QUrl>

namespace weft {

namespace {

void checkConnection(const Connection &c, const DiagnosticSink &sink,
                     const ValidateOptions &options)
{
    if (!c.unknownType.isEmpty())
        return; // already reported by the loader; type-specific checks would only add noise
    if (connectorUsesHttp(c.type)) {
        if (c.baseUrl.trimmed().isEmpty()) {
            sink.at(QStringLiteral("baseUrl"))
                .error(ProjectText::tr("%1 connections need a \"baseUrl\"")
                           .arg(connectorTypeName(c.type)));
        } else {
            const EnvExpansion e = expandEnv(c.baseUrl, options.environment);
            if (!e.error.isEmpty()) {
                sink.at(QStringLiteral("baseUrl")).error(e.error);
            } else if (e.missing.isEmpty()) {
                const QUrl url(e.text, QUrl::StrictMode);
                if (!url.isValid() || (url.scheme() != QLatin1String("http") &&
                                       url.scheme() != QLatin1String("https")) ||
                    url.host().isEmpty()) {
                    sink.at(QStringLiteral("baseUrl"))
                        .error(ProjectText::tr("\"%1\" is not an http:// or https:// URL")
                                   .arg(e.text));
                }
            } else if (options.checkEnvironment) {
                sink.at(QStringLiteral("baseUrl"))
                    .warning(ProjectText::tr("environment variable %1 is not set and has no "
                                             "default")
                                 .arg(e.missing.join(QStringLiteral(", "))));
            }
        }
    }
    if (!c.verifyTls) {
        sink.at(QStringLiteral("verifyTls"))
            .warning(ProjectText::tr("TLS certificate verification is off for this connection: "
                                     "anyone on the network path can read and change its "
                                     "traffic"));
    }
    const QList<AccountFieldSpec> specs = accountFieldsFor(c.type);
    for (const AccountFieldSpec &spec : specs) {
        const QJsonValue v = c.account.value(spec.key);
        const DiagnosticSink at = sink.at(QStringLiteral("account")).at(spec.key);
        if (v.isUndefined()) {
            if (spec.required && spec.defaultValue.isEmpty())
                sink.at(QStringLiteral("account"))
                    .error(ProjectText::tr("%1 connections need the account field \"%2\" (%3)")
                               .arg(connectorTypeName(c.type), spec.key, spec.label));
            continue;
        }
        if (const auto ref = SecretRef::fromJson(v)) {
            if (ref->kind == SecretRef::Kind::Plain) {
                at.warning(ProjectText::tr("the secret is stored in plain text in the project "
                                           "file; use {\"env\": \"NAME\"} or {\"keychain\": "
                                           "\"service/key\"}"));
            } else if (ref->kind == SecretRef::Kind::Env && options.checkEnvironment &&
                       options.environment(ref->key).isNull()) {
                at.warning(ProjectText::tr("environment variable %1 is not set; runs will stop "
                                           "with an authentication error")
                               .arg(ref->key));
            }
        } else if (v.isString() && options.checkEnvironment) {
            const EnvExpansion e = expandEnv(v.toString(), options.environment);
            if (!e.error.isEmpty())
                at.error(e.error);
            else if (!e.missing.isEmpty())
                at.warning(ProjectText::tr("environment variable %1 is not set and has no "
                                           "default")
                               .arg(e.missing.join(QStringLiteral(", "))));
        }
    }
    if (c.type == ConnectorType::KingdeeK3Cloud) {
        const QString method = c.account.value(QLatin1String("loginMethod")).toString();
        const bool byPassword = method == QLatin1String("password");
        if (!method.isEmpty() && method != QLatin1String("appSecret") && !byPassword) {
            sink.at(QStringLiteral("account"))
                .at(QStringLiteral("loginMethod"))
                .error(ProjectText::tr("loginMethod is \"appSecret\" or \"password\""));
        }
        const QString need = byPassword ? QStringLiteral("password") : QStringLiteral("appSecret");
        if (!c.account.contains(need)) {
            sink.at(QStringLiteral("account"))
                .error(
                    ProjectText::tr("logging in by %1 needs the account field \"%2\"")
                        .arg(byPassword ? QStringLiteral("password") : QStringLiteral("app secret"),
                             need));
        }
        if (!byPassword && !c.account.contains(QLatin1String("appId")))
            sink.at(QStringLiteral("account"))
                .error(ProjectText::tr("logging in by app secret needs the account field "
                                       "\"appId\""));
    }
}

/// Every request field name, recursively, with its pointer, to check a MySQL column list.
void collectFields(const QList<RequestField> &fields, QHash<QString, QString> *out)
{
    for (const RequestField &f : fields) {
        if (f.hasChildren())
            collectFields(f.children, out);
        else
            out->insert(f.field, f.pointer);
    }
}

void checkMySqlTarget(const AdapterMetadata &meta, const DiagnosticSink &sink)
{
    const QString sql = meta.mainSql();
    if (sql.isEmpty()) {
        sink.error(ProjectText::tr("a MySQL target needs \"main_sql\", e.g. \"REPLACE INTO "
                                   "t(a, b) VALUES\", with one request field per column"));
        return;
    }
    // Report at the main_sql entry itself.
    const DiagnosticSink sqlSink =
        sink.atPointer(meta.settingPointer(QStringLiteral("main_sql")));
    const MySqlStatement st = MySqlStatement::parse(sql);
    if (!st.isValid()) {
        sqlSink.error(st.error);
        return;
    }
    QHash<QString, QString> fields;
    collectFields(meta.request(), &fields);
    QStringList needed;
    for (qsizetype i = 0; i < st.columns.size(); ++i)
        needed << st.fieldForColumn(i);
    for (const QString &field : needed) {
        if (!fields.contains(field)) {
            sqlSink.error(ProjectText::tr("column %1 has no request field \"%1\" giving its "
                                          "value%2")
                              .arg(field, didYouMean(field, fields.keys())));
        }
    }
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!needed.contains(it.key())) {
            sink.atPointer(it.value())
                .warning(ProjectText::tr("field \"%1\" is not a column of main_sql and is not "
                                         "written")
                             .arg(it.key()));
        }
    }
    const QJsonValue bulk = meta.setting(QStringLiteral("bulk"));
    if (!bulk.isUndefined() && !bulk.isBool())
        sink.atPointer(meta.settingPointer(QStringLiteral("bulk")))
            .error(QStringLiteral("\"bulk\" must be true or false (false: write with "
                                  "statements instead of LOAD DATA LOCAL INFILE)"));
    const QJsonValue limit = meta.setting(QStringLiteral("limit"));
    if (!limit.isUndefined() && meta.limit(-1) <= 0)
        sink.error(ProjectText::tr("\"limit\" must be a positive number of rows per statement"));
    else if (meta.limit(1000) > 5000)
        sink.warning(ProjectText::tr("\"limit\" above 5000 rows per statement risks exceeding "
                                     "the server's max_allowed_packet"));
}

void checkAdapter(const Project &project, const Adapter &adapter, bool isSource,
                  const DiagnosticSink &sink)
{
    const QString role = isSource ? QStringLiteral("source") : QStringLiteral("target");
    const Connection *c = project.connection(adapter.connection);
    if (!c) {
        if (!adapter.connection.isEmpty())
            sink.at(QStringLiteral("connection"))
                .error(ProjectText::tr("no connection named \"%1\"%2")
                           .arg(adapter.connection,
                                didYouMean(adapter.connection, project.connectionNames())));
        return;
    }
    if (!c->unknownType.isEmpty())
        return;
    if (isSource && !connectorCanRead(c->type))
        sink.at(QStringLiteral("connection"))
            .error(ProjectText::tr("%1 connections cannot be a source")
                       .arg(connectorTypeName(c->type)));
    if (!isSource && !connectorCanWrite(c->type))
        sink.at(QStringLiteral("connection"))
            .error(ProjectText::tr("%1 connections cannot be a target")
                       .arg(connectorTypeName(c->type)));

    const AdapterMetadata &meta = adapter.metadata;
    const DiagnosticSink m = sink.at(QStringLiteral("metadata"));
    const QString effect = meta.effect();
    if (!effect.isEmpty() && effect != (isSource ? QLatin1String("QUERY")
                                                 : QLatin1String("EXECUTE"))) {
        m.at(meta.json().contains(QLatin1String("effect")) ? QStringLiteral("effect")
                                                           : QStringLiteral("type"))
            .error(ProjectText::tr("a %1 has effect %2")
                       .arg(role, isSource ? QStringLiteral("QUERY") : QStringLiteral("EXECUTE")));
    }
    if (connectorUsesHttp(c->type) && meta.api().isEmpty())
        m.error(
            ProjectText::tr("the %1 metadata needs \"api\": the endpoint or operation").arg(role));
    if (!isSource && c->type == ConnectorType::MySql)
        checkMySqlTarget(meta, m);
    if (!isSource && connectorCanWrite(c->type)) {
        // Exactly once, or refused — never at-least-once without the user having said so.
        const QString problem = exactlyOnceProblem(c->type, meta);
        if (!problem.isEmpty())
            m.error(problem);
        else if (deliveryOf(meta) == Delivery::AtLeastOnce)
            m.atPointer(meta.settingPointer(QStringLiteral("delivery")))
                .warning(ProjectText::tr("delivery is at-least-once: after a crash or a lost "
                                         "answer a record may reach the target twice"));
    }
    if (isSource && c->type == ConnectorType::HttpJson &&
        meta.setting(QStringLiteral("responsePath")).toString().isEmpty() &&
        meta.setting(QStringLiteral("successPath")).toString().isEmpty() &&
        meta.setting(QStringLiteral("errorPath")).toString().isEmpty()) {
        m.warning(ProjectText::tr("the source says neither where its records are "
                                  "(\"responsePath\") nor how a successful answer looks "
                                  "(\"successPath\" + \"successValue\", or \"errorPath\"): an "
                                  "error answered with HTTP 200, such as {\"code\": 500, "
                                  "\"errors\": []}, would read as an empty page and the cursor "
                                  "would move past its window"));
    }
    if (isSource && c->type == ConnectorType::MySql &&
        meta.setting(QStringLiteral("sql")).toString().trimmed().isEmpty())
        m.error(ProjectText::tr("a MySQL source needs \"sql\": the SELECT to read"));
    if (c->type == ConnectorType::KingdeeK3Cloud &&
        meta.setting(QStringLiteral("FormId")).isUndefined() &&
        meta.requestField(QStringLiteral("FormId")).field.isEmpty())
        m.error(ProjectText::tr("K3Cloud calls need a FormId (e.g. BD_MATERIAL) in request or "
                                "otherRequest"));
    for (const QString &array : meta.beatFlat()) {
        if (array.contains(u'{'))
            m.at(QStringLiteral("beatFlat"))
                .error(ProjectText::tr("beatFlat lists array field names, not templates"));
    }
}

/// Compiles a mapping value; every error becomes a diagnostic at the value, with the column.
void checkExpression(const QString &text, const DiagnosticSink &at, const expr::CompileOptions &options)
{
    QList<expr::ExprError> errors;
    expr::Expression::compile(text, &errors, options);
    for (const expr::ExprError &e : errors)
        at.error(QStringLiteral("`%1`: %2").arg(text.size() > 80 ? text.left(77) + QStringLiteral("…") : text,
                                                 e.toString()));
}

void checkValues(const QList<RequestField> &fields, const DiagnosticSink &metadata,
                 const expr::CompileOptions &options)
{
    for (const RequestField &f : fields) {
        const DiagnosticSink at = metadata.atPointer(f.pointer);
        if (f.value.isString())
            checkExpression(f.value.toString(), at.at(QStringLiteral("value")), options);
        if (!f.parser.isUndefined() && !f.parser.isNull()) {
            expr::ExprError e;
            if (!expr::Parser::compile(f.parser, &e).isValid())
                at.at(QStringLiteral("parser")).error(e.toString());
        }
        checkValues(f.children, metadata, options);
    }
}

void checkSteps(const Scheme &s, const DiagnosticSink &sink, const expr::CompileOptions &options)
{
    for (qsizetype i = 0; i < s.steps.size(); ++i) {
        const Step &step = s.steps.at(i);
        const DiagnosticSink at = sink.at(QStringLiteral("steps")).at(i);
        if (!step.unknownType.isEmpty())
            continue;
        switch (step.type) {
        case StepType::Flatten:
            if (step.settings.value(QLatin1String("arrays")).toArray().isEmpty())
                at.error(ProjectText::tr("a flatten step needs \"arrays\": the array fields to "
                                         "explode into one record per element"));
            break;
        case StepType::Filter:
            if (step.settings.value(QLatin1String("condition")).toString().trimmed().isEmpty())
                at.error(ProjectText::tr("a filter step needs \"condition\", e.g. \"_function "
                                         "{status} <> 'cancelled'\"; records where it is true "
                                         "are kept"));
            else
                checkExpression(step.settings.value(QLatin1String("condition")).toString(),
                                at.at(QStringLiteral("condition")), options);
            break;
        case StepType::Lookup:
            if (step.settings.value(QLatin1String("fields")).toArray().isEmpty())
                at.error(ProjectText::tr("a lookup step needs \"fields\": [{\"field\": \"new\", "
                                         "\"value\": \"_findCollection …\"}]"));
            checkValues(parseRequestFields(step.settings.value(QLatin1String("fields")).toArray(),
                                           QStringLiteral("/fields")),
                        at, options);
            break;
        case StepType::Validate:
            if (step.settings.value(QLatin1String("rules")).toArray().isEmpty())
                at.error(ProjectText::tr("a validate step needs \"rules\": [{\"field\": \"x\", "
                                         "\"required\": true}]"));
            break;
        }
    }
}

/// The alert rules, as weft-run serve would read them: what it would ignore is an error here,
/// not a warning in a log nobody reads until the alert that never came.
void checkAlerts(const Project &project, const DiagnosticSink &sink)
{
    const QStringList schemeNames = project.schemeNames();
    QStringList names;
    for (qsizetype i = 0; i < project.alerts.size(); ++i) {
        const DiagnosticSink at = sink.at(i);
        if (!project.alerts.at(i).isObject()) {
            at.error(ProjectText::tr("an alert rule is an object"));
            continue;
        }
        AlertRule rule;
        QStringList problems;
        const bool usable = AlertRule::fromJson(project.alerts.at(i).toObject(), &rule, &problems);
        for (const QString &problem : std::as_const(problems)) {
            // "/pointer: text", the pointer relative to the rule.
            const qsizetype colon = problem.indexOf(QLatin1String(": "));
            const DiagnosticSink where =
                problem.startsWith(u'/') && colon > 0 ? at.atPointer(problem.left(colon)) : at;
            const QString text = colon > 0 ? problem.mid(colon + 2) : problem;
            if (usable)
                where.warning(text);
            else
                where.error(text);
        }
        if (!rule.name.isEmpty()) {
            if (names.contains(rule.name))
                at.at(QStringLiteral("name"))
                    .error(
                        ProjectText::tr("another alert rule is also named \"%1\"").arg(rule.name));
            names << rule.name;
        }
        for (qsizetype k = 0; k < rule.schemes.size(); ++k) {
            const QString &scheme = rule.schemes.at(k);
            if (!schemeNames.contains(scheme))
                at.at(QStringLiteral("schemes"))
                    .at(k)
                    .error(ProjectText::tr("no scheme named \"%1\"%2")
                               .arg(scheme, didYouMean(scheme, schemeNames)));
        }
    }
}

/// Validation reads no keychain (it would prompt, and validate runs unattended): a keychain
/// reference counts as set; an {"env"} one is set when the process has the variable.
SecretLookup presenceOnly(const EnvLookup &base)
{
    return [base](const SecretRef &ref) -> QString {
        switch (ref.kind) {
        case SecretRef::Kind::Env:
            return base(ref.key);
        case SecretRef::Kind::Keychain:
            return QStringLiteral("(keychain)");
        case SecretRef::Kind::Plain:
            return ref.key;
        }
        return {};
    };
}

Diagnostics checkConnections(const Project &project, const QString &environment,
                             const ValidateOptions &options)
{
    Diagnostics out;
    const DiagnosticSink root(&out);
    ValidateOptions layered = options;
    layered.environment = layerEnvironment(project, environment, options.environment,
                                           presenceOnly(options.environment));
    for (qsizetype i = 0; i < project.connections.size(); ++i)
        checkConnection(project.connections.at(i), root.at(QStringLiteral("connections")).at(i),
                        layered);
    return out;
}

/// The connections under every environment: a problem all of them share is reported once,
/// one only some have names the environment ("in environment 生产: …").
void checkConnectionsPerEnvironment(const Project &project, const ValidateOptions &options,
                                    Diagnostics *out)
{
    QStringList names = project.environmentNames();
    if (!options.onlyEnvironment.isEmpty()) {
        if (!project.environment(options.onlyEnvironment)) {
            DiagnosticSink(out).error(
                ProjectText::tr("no environment named \"%1\"%2; the project has: %3")
                    .arg(options.onlyEnvironment, didYouMean(options.onlyEnvironment, names),
                         names.isEmpty() ? ProjectText::tr("none") : names.join(u", ")));
            return;
        }
        names = QStringList{options.onlyEnvironment};
    }
    if (names.isEmpty()) {
        *out += checkConnections(project, QString(), options);
        return;
    }
    QList<Diagnostics> each;
    for (const QString &name : names)
        each.append(checkConnections(project, name, options));
    const auto same = [](const Diagnostic &a, const Diagnostic &b) {
        return a.severity == b.severity && a.pointer == b.pointer && a.message == b.message;
    };
    const auto inAll = [&](const Diagnostic &d) {
        return std::all_of(each.begin(), each.end(), [&](const Diagnostics &list) {
            return std::any_of(list.begin(), list.end(),
                               [&](const Diagnostic &e) { return same(d, e); });
        });
    };
    for (qsizetype i = 0; i < each.size(); ++i) {
        for (Diagnostic d : each.at(i)) {
            if (inAll(d)) {
                if (i == 0)
                    out->append(d);
                continue;
            }
            d.message = ProjectText::tr("in environment \"%1\": %2").arg(names.at(i), d.message);
            out->append(d);
        }
    }
    // What each environment's own secret references point at, where validate can tell.
    for (qsizetype i = 0; i < project.environments.size() && options.checkEnvironment; ++i) {
        if (!names.contains(project.environments.at(i).name))
            continue;
        const QJsonObject &variables = project.environments.at(i).variables;
        for (auto it = variables.begin(); it != variables.end(); ++it) {
            const auto ref = SecretRef::fromJson(it.value());
            if (ref && ref->kind == SecretRef::Kind::Env && options.environment(ref->key).isNull())
                DiagnosticSink(out)
                    .at(QStringLiteral("environments"))
                    .at(i)
                    .at(QStringLiteral("variables"))
                    .at(it.key())
                    .warning(ProjectText::tr("in environment \"%1\": environment variable %2 "
                                             "is not set")
                                 .arg(project.environments.at(i).name, ref->key));
        }
    }
}

} // namespace

Diagnostics validateProject(const Project &project, const ValidateOptions &options)
{
    Diagnostics out;
    const DiagnosticSink root(&out);
    checkConnectionsPerEnvironment(project, options, &out);

    const QStringList schemeNames = project.schemeNames();
    for (qsizetype i = 0; i < project.schemes.size(); ++i) {
        const Scheme &s = project.schemes.at(i);
        const DiagnosticSink at = root.at(QStringLiteral("schemes")).at(i);
        checkAdapter(project, s.source, true, at.at(QStringLiteral("source")));
        checkAdapter(project, s.target, false, at.at(QStringLiteral("target")));
        expr::CompileOptions options;
        options.knownSchemes = schemeNames;
        options.knownValueMaps = project.valueMaps.keys();
        checkSteps(s, at, options);
        checkValues(s.source.metadata.request(), at.at(QStringLiteral("source")).at(QStringLiteral("metadata")),
                    options);
        checkValues(s.source.metadata.otherRequest(),
                    at.at(QStringLiteral("source")).at(QStringLiteral("metadata")), options);
        checkValues(s.target.metadata.request(), at.at(QStringLiteral("target")).at(QStringLiteral("metadata")),
                    options);
        if (s.schedule.kind == Schedule::Kind::Cron && !s.schedule.cron.trimmed().isEmpty()) {
            const CronExpression cron = CronExpression::parse(s.schedule.cron);
            if (!cron.isValid())
                at.at(QStringLiteral("schedule")).at(QStringLiteral("cron")).error(cron.error());
        }
        for (qsizetype k = 0; k < s.schedule.after.size(); ++k) {
            const QString &dep = s.schedule.after.at(k);
            if (!schemeNames.contains(dep))
                at.at(QStringLiteral("schedule"))
                    .at(QStringLiteral("after"))
                    .at(k)
                    .error(ProjectText::tr("no scheme named \"%1\"%2")
                               .arg(dep, didYouMean(dep, schemeNames)));
            else if (dep == s.name)
                at.at(QStringLiteral("schedule"))
                    .at(QStringLiteral("after"))
                    .at(k)
                    .error(ProjectText::tr("a scheme cannot run after itself"));
        }
    }
    checkAlerts(project, root.at(QStringLiteral("alerts")));
    checkCatalogReferences(project, *Catalog::builtin(), root);
    return out;
}

Diagnostics validateProjectFile(const QString &path, const ValidateOptions &options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {{Diagnostic::Severity::Error,
                 QString(),
                 ProjectText::tr("cannot read the file: %1").arg(file.errorString()),
                 {}}};
    }
    return validateProjectJson(file.readAll(), options);
}

Diagnostics validateProjectJson(const QByteArray &bytes, const ValidateOptions &options)
{
    ProjectLoadResult loaded = loadProject(bytes);
    Diagnostics all = loaded.diagnostics;
    if (loaded.project) {
        Diagnostics semantic = validateProject(*loaded.project, options);
        const JsonLocator locator(bytes);
        for (Diagnostic &d : semantic)
            d.position = locator.find(d.pointer);
        all += semantic;
    }
    return all;
}

} // namespace weft
