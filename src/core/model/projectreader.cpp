#include "core/model/projectreader.h"

#include "core/model/environment.h"
#include "core/model/jsonobjectreader.h"
#include "core/model/secretref.h"
#include "core/model/stepjson.h"
#include "core/util/textdistance.h"
#include "core/util/translation.h"

#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace weft::detail {

namespace {

RateLimit readRateLimit(const QJsonObject &o, const DiagnosticSink &sink)
{
    ObjectReader r(o, sink, {"perSecond", "perMinute"});
    RateLimit rl;
    rl.perSecond = r.number(QStringLiteral("perSecond"), 0, 0, 100000);
    rl.perMinute = r.integer(QStringLiteral("perMinute"), 0, 0, 10000000);
    r.unknownKeys();
    return rl;
}

void checkAccount(const QJsonObject &account, ConnectorType type, const DiagnosticSink &sink)
{
    const QList<AccountFieldSpec> specs = accountFieldsFor(type);
    QStringList keys;
    for (const AccountFieldSpec &s : specs)
        keys << s.key;
    for (auto it = account.begin(); it != account.end(); ++it) {
        const DiagnosticSink at = sink.at(it.key());
        const QJsonValue v = it.value();
        if (!keys.contains(it.key())) {
            at.warning(ProjectText::tr("%1 connections have no account field \"%2\"%3")
                           .arg(connectorTypeName(type), it.key(), didYouMean(it.key(), keys)));
        }
        if (v.isObject()) {
            if (!SecretRef::fromJson(v)) {
                at.error(ProjectText::tr("a secret reference is {\"env\": \"NAME\"}, "
                                         "{\"keychain\": \"service/key\"} or "
                                         "{\"plain\": \"value\"}"));
            }
        } else if (!v.isString() && !v.isDouble()) {
            at.error(ProjectText::tr("must be a string or a secret reference, not %1")
                         .arg(jsonTypeName(v)));
        }
    }
    for (const AccountFieldSpec &s : specs) {
        const QJsonValue v = account.value(s.key);
        if (s.secret && v.isString() && !v.toString().isEmpty()) {
            sink.at(s.key).error(
                ProjectText::tr("\"%1\" is a secret: write {\"env\": \"VARIABLE\"} or "
                                "{\"keychain\": \"service/key\"} instead of the value, so it "
                                "never lands in the project file")
                    .arg(s.key));
        }
    }
}

Connection readConnection(const QJsonObject &o, const DiagnosticSink &sink)
{
    ObjectReader r(o, sink,
                   {"name", "type", "title", "baseUrl", "account", "rateLimit", "timeoutMs",
                    "deadlineMs", "verifyTls", "options"});
    Connection c;
    c.name = r.string(QStringLiteral("name"), true);
    const QString type = r.string(QStringLiteral("type"), true);
    if (const auto t = connectorTypeFromName(type)) {
        c.type = *t;
    } else if (!type.isEmpty()) {
        c.unknownType = type;
        sink.at(QStringLiteral("type"))
            .error(ProjectText::tr("unknown connection type \"%1\"%2; known types: %3")
                       .arg(type, didYouMean(type, connectorTypeNames()),
                            connectorTypeNames().join(QStringLiteral(", "))));
    }
    c.title = r.string(QStringLiteral("title"));
    c.baseUrl = r.string(QStringLiteral("baseUrl"));
    c.account = r.object(QStringLiteral("account"));
    if (c.unknownType.isEmpty())
        checkAccount(c.account, c.type, sink.at(QStringLiteral("account")));
    c.rateLimit =
        readRateLimit(r.object(QStringLiteral("rateLimit")), sink.at(QStringLiteral("rateLimit")));
    c.timeoutMs = r.integer(QStringLiteral("timeoutMs"), 30000, 100, 3600000);
    c.deadlineMs = r.integer(QStringLiteral("deadlineMs"), 300000, 1000, 86400000);
    c.verifyTls = r.boolean(QStringLiteral("verifyTls"), true);
    c.options = r.object(QStringLiteral("options"));
    c.extra = r.unknownKeys();
    return c;
}

void checkRequestFields(const QJsonArray &list, const DiagnosticSink &sink)
{
    static const QStringList known = {"field", "label",  "type",    "describe",
                                      "value", "parser", "children"};
    for (qsizetype i = 0; i < list.size(); ++i) {
        const DiagnosticSink at = sink.at(i);
        if (!list.at(i).isObject()) {
            at.error(ProjectText::tr("a request entry is an object like {\"field\": \"name\", "
                                     "\"value\": \"{name}\"}"));
            continue;
        }
        const QJsonObject o = list.at(i).toObject();
        if (o.value(QLatin1String("field")).toString().trimmed().isEmpty())
            at.error(ProjectText::tr("every request entry needs a \"field\" name"));
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (!known.contains(it.key())) {
                at.at(it.key()).warning(ProjectText::tr("unknown key \"%1\" is ignored%2")
                                            .arg(it.key(), didYouMean(it.key(), known)));
            }
        }
        const QJsonValue parser = o.value(QLatin1String("parser"));
        if (!parser.isUndefined() && !parser.isNull() &&
            (!parser.isObject() || !parser.toObject().value(QLatin1String("name")).isString()))
            at.at(QStringLiteral("parser"))
                .error(ProjectText::tr("a parser is {\"name\": \"ConvertObjectParser\", "
                                       "\"params\": \"FNumber\"}"));
        const QJsonValue children = o.value(QLatin1String("children"));
        if (children.isArray())
            checkRequestFields(children.toArray(), at.at(QStringLiteral("children")));
        else if (!children.isUndefined())
            at.at(QStringLiteral("children")).error(ProjectText::tr("must be an array"));
    }
}

Adapter readAdapter(const QJsonObject &o, const DiagnosticSink &sink)
{
    ObjectReader r(o, sink, {"connection", "metadata"});
    Adapter a;
    a.connection = r.string(QStringLiteral("connection"), true);
    const QJsonObject meta = r.object(QStringLiteral("metadata"));
    a.metadata = AdapterMetadata(meta);
    const DiagnosticSink m = sink.at(QStringLiteral("metadata"));
    static const QStringList known = {"api",          "effect",       "type",
                                      "method",       "number",       "id",
                                      "name",         "idCheck",      "autoFillResponse",
                                      "beatFlat",     "request",      "otherRequest",
                                      "main_sql",     "limit",        "documentKey",
                                      "responsePath", "ddl",          "sql",
                                      "paging",       "catalog",      "bulk",
                                      "successPath",  "successValue", "errorPath",
                                      "messagePath",  "delivery",     "keyField"};
    for (auto it = meta.begin(); it != meta.end(); ++it) {
        if (!known.contains(it.key())) {
            m.at(it.key()).warning(ProjectText::tr("unknown metadata key \"%1\" is kept but "
                                                   "ignored%2")
                                       .arg(it.key(), didYouMean(it.key(), known)));
        }
    }
    for (const char *listKey : {"request", "otherRequest"}) {
        const QString k = QString::fromLatin1(listKey);
        const QJsonValue v = meta.value(k);
        if (v.isArray())
            checkRequestFields(v.toArray(), m.at(k));
        else if (!v.isUndefined())
            m.at(k).error(ProjectText::tr("must be an array of {\"field\", \"value\"} entries"));
    }
    const QString effect = a.metadata.effect();
    if (!effect.isEmpty() && effect != QLatin1String("QUERY") &&
        effect != QLatin1String("EXECUTE")) {
        m.at(meta.contains(QLatin1String("effect")) ? QStringLiteral("effect")
                                                    : QStringLiteral("type"))
            .error(ProjectText::tr("effect is QUERY (a source) or EXECUTE (a target), not "
                                   "\"%1\"")
                       .arg(effect));
    }
    r.unknownKeys();
    return a;
}

RetryPolicy readRetry(const QJsonObject &o, const DiagnosticSink &sink)
{
    ObjectReader r(o, sink, {"attempts", "initialDelayMs", "multiplier", "maxDelayMs"});
    RetryPolicy p;
    p.attempts = r.integer(QStringLiteral("attempts"), p.attempts, 1, 100);
    p.initialDelayMs = r.integer(QStringLiteral("initialDelayMs"), p.initialDelayMs, 0, 86400000);
    p.multiplier = r.number(QStringLiteral("multiplier"), p.multiplier, 1, 100);
    p.maxDelayMs = r.integer(QStringLiteral("maxDelayMs"), p.maxDelayMs, 0, 86400000);
    r.unknownKeys();
    return p;
}

Schedule readSchedule(const QJsonObject &o, const DiagnosticSink &sink)
{
    ObjectReader r(o, sink, {"kind", "everyMinutes", "cron", "after"});
    Schedule s;
    const QString kind = r.string(QStringLiteral("kind"), false, QStringLiteral("manual"));
    if (kind == QLatin1String("manual")) {
        s.kind = Schedule::Kind::Manual;
    } else if (kind == QLatin1String("interval")) {
        s.kind = Schedule::Kind::Interval;
        if (!r.has(QStringLiteral("everyMinutes")))
            sink.at(QStringLiteral("everyMinutes"))
                .error(ProjectText::tr("an interval schedule needs \"everyMinutes\""));
    } else if (kind == QLatin1String("cron")) {
        s.kind = Schedule::Kind::Cron;
    } else {
        sink.at(QStringLiteral("kind"))
            .error(
                ProjectText::tr("schedule kind is manual, interval or cron, not \"%1\"").arg(kind));
    }
    s.intervalMinutes = r.integer(QStringLiteral("everyMinutes"), 0, 1, 525600);
    s.cron = r.string(QStringLiteral("cron"));
    if (s.kind == Schedule::Kind::Cron && s.cron.trimmed().isEmpty())
        sink.at(QStringLiteral("cron"))
            .error(ProjectText::tr("a cron schedule needs \"cron\", e.g. \"*/15 * * * *\""));
    s.after = r.stringList(QStringLiteral("after"));
    r.unknownKeys();
    return s;
}

Scheme readScheme(const QJsonObject &o, const DiagnosticSink &sink)
{
    ObjectReader r(o, sink,
                   {"name", "title", "description", "enabled", "source", "steps", "target",
                    "errorPolicy", "retry", "rateLimit", "sync", "schedule"});
    Scheme s;
    s.name = r.string(QStringLiteral("name"), true);
    s.title = r.string(QStringLiteral("title"));
    s.description = r.string(QStringLiteral("description"));
    s.enabled = r.boolean(QStringLiteral("enabled"), true);
    if (!r.has(QStringLiteral("source")))
        sink.at(QStringLiteral("source")).error(ProjectText::tr("a scheme needs a \"source\""));
    if (!r.has(QStringLiteral("target")))
        sink.at(QStringLiteral("target")).error(ProjectText::tr("a scheme needs a \"target\""));
    s.source = readAdapter(r.object(QStringLiteral("source")), sink.at(QStringLiteral("source")));
    s.target = readAdapter(r.object(QStringLiteral("target")), sink.at(QStringLiteral("target")));

    const QJsonArray steps = r.array(QStringLiteral("steps"));
    QSet<QString> stepIds;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const DiagnosticSink at = sink.at(QStringLiteral("steps")).at(i);
        if (!steps.at(i).isObject()) {
            at.error(ProjectText::tr("a step is an object with \"id\" and \"type\""));
            continue;
        }
        Step step = readStep(steps.at(i).toObject(), at);
        if (!step.id.isEmpty() && stepIds.contains(step.id))
            at.at(QStringLiteral("id"))
                .error(ProjectText::tr("step id \"%1\" is used twice in this scheme").arg(step.id));
        stepIds.insert(step.id);
        s.steps.append(step);
    }

    {
        const DiagnosticSink ep = sink.at(QStringLiteral("errorPolicy"));
        ObjectReader er(r.object(QStringLiteral("errorPolicy")), ep, {"maxFailedRecords"});
        s.errorPolicy.maxFailedRecords =
            er.integer(QStringLiteral("maxFailedRecords"), 0, 0, 1000000000);
        er.unknownKeys();
    }
    s.retry = readRetry(r.object(QStringLiteral("retry")), sink.at(QStringLiteral("retry")));
    if (r.has(QStringLiteral("rateLimit")))
        s.rateLimit = readRateLimit(r.object(QStringLiteral("rateLimit")),
                                    sink.at(QStringLiteral("rateLimit")));
    {
        const DiagnosticSink sy = sink.at(QStringLiteral("sync"));
        ObjectReader sr(r.object(QStringLiteral("sync")), sy, {"initialSince", "overlapSeconds"});
        s.sync.initialSince = sr.string(QStringLiteral("initialSince"));
        s.sync.overlapSeconds = sr.integer(QStringLiteral("overlapSeconds"), 0, 0, 86400 * 30);
        sr.unknownKeys();
    }
    s.schedule =
        readSchedule(r.object(QStringLiteral("schedule")), sink.at(QStringLiteral("schedule")));
    s.extra = r.unknownKeys();
    return s;
}

ProjectStateStore readStateStore(const QJsonValue &value, const DiagnosticSink &sink)
{
    ProjectStateStore state;
    if (!value.isObject()) {
        sink.error(QStringLiteral("\"state\" is an object: {\"url\": \"mysql://user@host/db\", "
                                  "\"password\": {\"env\": \"NAME\"}}"));
        return state;
    }
    ObjectReader r(value.toObject(), sink, {"url", "password"});
    state.url = r.string(QStringLiteral("url"), true);
    const QUrl url(state.url);
    if (!state.url.isEmpty() && (!state.url.startsWith(QLatin1String("mysql://")) ||
                                 !url.isValid() || url.host().isEmpty() || url.path().size() < 2)) {
        sink.at(QStringLiteral("url"))
            .error(QStringLiteral("a shared state store is a MySQL URL: "
                                  "mysql://user@host[:port]/database"));
    } else if (!url.password().isEmpty()) {
        sink.at(QStringLiteral("url"))
            .error(QStringLiteral("the password does not belong in the URL (the project file is "
                                  "shared): put it in \"password\" as {\"env\": \"NAME\"} or "
                                  "{\"keychain\": \"service/key\"}"));
        state.url.clear();
    }
    if (r.has(QStringLiteral("password"))) {
        state.password = SecretRef::fromJson(r.raw(QStringLiteral("password")));
        if (!state.password)
            sink.at(QStringLiteral("password"))
                .error(QStringLiteral("expected a secret reference: {\"env\": \"NAME\"}, "
                                      "{\"keychain\": \"service/key\"} or {\"plain\": \"…\"}"));
        else if (state.password->kind == SecretRef::Kind::Plain)
            sink.at(QStringLiteral("password"))
                .warning(QStringLiteral("the password is stored in plain text in the project "
                                        "file; use {\"env\": \"NAME\"} or {\"keychain\": "
                                        "\"service/key\"}"));
    }
    return state;
}

QJsonObject readVariables(const QJsonValue &value, const DiagnosticSink &sink)
{
    if (!value.isObject()) {
        sink.error(ProjectText::tr("variables are an object of NAME → value or secret "
                                   "reference"));
        return {};
    }
    const QJsonObject variables = value.toObject();
    for (auto it = variables.begin(); it != variables.end(); ++it) {
        const DiagnosticSink at = sink.at(it.key());
        if (!isVariableName(it.key()))
            at.error(ProjectText::tr("\"%1\" cannot be a variable name: a letter or _, then "
                                     "letters, digits or _")
                         .arg(it.key()));
        const QJsonValue v = it.value();
        if (v.isObject()) {
            const auto ref = SecretRef::fromJson(v);
            if (!ref)
                at.error(ProjectText::tr("a secret reference is {\"env\": \"NAME\"}, "
                                         "{\"keychain\": \"service/key\"} or "
                                         "{\"plain\": \"value\"}"));
            else if (ref->kind == SecretRef::Kind::Plain)
                at.warning(ProjectText::tr("the secret is stored in plain text in the project "
                                           "file; use {\"env\": \"NAME\"} or {\"keychain\": "
                                           "\"service/key\"}"));
        } else if (!v.isString() && !v.isDouble()) {
            at.error(ProjectText::tr("must be a string or a secret reference, not %1")
                         .arg(jsonTypeName(v)));
        }
    }
    return variables;
}

QList<Environment> readEnvironments(const QJsonArray &list, const DiagnosticSink &sink)
{
    QList<Environment> out;
    QSet<QString> names;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const DiagnosticSink at = sink.at(i);
        if (!list.at(i).isObject()) {
            at.error(ProjectText::tr("an environment is an object like {\"name\": \"生产\", "
                                     "\"variables\": {…}}"));
            continue;
        }
        ObjectReader r(list.at(i).toObject(), at, {"name", "variables"});
        Environment e;
        e.name = r.string(QStringLiteral("name"), true);
        if (!e.name.isEmpty() && names.contains(e.name))
            at.at(QStringLiteral("name"))
                .error(ProjectText::tr("environment name \"%1\" is used twice").arg(e.name));
        names.insert(e.name);
        if (r.has(QStringLiteral("variables")))
            e.variables = readVariables(r.raw(QStringLiteral("variables")),
                                        at.at(QStringLiteral("variables")));
        r.unknownKeys();
        out.append(e);
    }
    return out;
}

} // namespace

Project readProject(const QJsonObject &root, Diagnostics *diagnostics)
{
    const DiagnosticSink sink(diagnostics);
    ObjectReader r(root, sink,
                   {"format", "version", "name", "description", "timeZone", "state", "connections",
                    "valueMaps", "schemes", "alerts", "layout", "variables", "environments",
                    "activeEnvironment"});
    Project p;

    const QString format = r.string(QStringLiteral("format"), false);
    if (format != QLatin1String(kProjectFormat)) {
        sink.at(QStringLiteral("format"))
            .error(ProjectText::tr("not a Weft project: expected \"format\": \"%1\"")
                       .arg(QLatin1String(kProjectFormat)));
    }
    const QJsonValue version = r.raw(QStringLiteral("version"));
    if (!version.isDouble()) {
        sink.at(QStringLiteral("version"))
            .error(ProjectText::tr("expected \"version\": %1").arg(kProjectVersion));
    } else if (version.toInt() > kProjectVersion) {
        sink.at(QStringLiteral("version"))
            .error(ProjectText::tr("this file was written by a newer Weft (format version %1); "
                                   "this build reads version %2: update Weft")
                       .arg(version.toInt())
                       .arg(kProjectVersion));
    } else if (version.toInt() != kProjectVersion) {
        sink.at(QStringLiteral("version"))
            .error(ProjectText::tr("unsupported format version %1; expected %2")
                       .arg(version.toDouble())
                       .arg(kProjectVersion));
    }

    p.name = r.string(QStringLiteral("name"));
    p.description = r.string(QStringLiteral("description"));
    p.timeZone = r.string(QStringLiteral("timeZone"), false, p.timeZone);
    if (r.has(QStringLiteral("state")))
        p.state = readStateStore(r.raw(QStringLiteral("state")), sink.at(QStringLiteral("state")));

    const QJsonArray connections = r.array(QStringLiteral("connections"));
    QSet<QString> connectionNames;
    for (qsizetype i = 0; i < connections.size(); ++i) {
        const DiagnosticSink at = sink.at(QStringLiteral("connections")).at(i);
        if (!connections.at(i).isObject()) {
            at.error(ProjectText::tr("a connection is an object with \"name\" and \"type\""));
            continue;
        }
        Connection c = readConnection(connections.at(i).toObject(), at);
        if (!c.name.isEmpty() && connectionNames.contains(c.name))
            at.at(QStringLiteral("name"))
                .error(ProjectText::tr("connection name \"%1\" is used twice").arg(c.name));
        connectionNames.insert(c.name);
        p.connections.append(c);
    }

    p.valueMaps = r.object(QStringLiteral("valueMaps"));
    for (auto it = p.valueMaps.begin(); it != p.valueMaps.end(); ++it) {
        if (!it.value().isObject())
            sink.at(QStringLiteral("valueMaps"))
                .at(it.key())
                .error(ProjectText::tr("a value map is an object of code → value"));
    }

    const QJsonArray schemes = r.array(QStringLiteral("schemes"));
    QSet<QString> schemeNames;
    for (qsizetype i = 0; i < schemes.size(); ++i) {
        const DiagnosticSink at = sink.at(QStringLiteral("schemes")).at(i);
        if (!schemes.at(i).isObject()) {
            at.error(ProjectText::tr("a scheme is an object with \"name\", \"source\" and "
                                     "\"target\""));
            continue;
        }
        Scheme s = readScheme(schemes.at(i).toObject(), at);
        if (!s.name.isEmpty() && schemeNames.contains(s.name))
            at.at(QStringLiteral("name"))
                .error(ProjectText::tr("scheme name \"%1\" is used twice").arg(s.name));
        schemeNames.insert(s.name);
        p.schemes.append(s);
    }

    p.alerts = r.array(QStringLiteral("alerts"));
    if (r.has(QStringLiteral("variables")))
        p.variables =
            readVariables(r.raw(QStringLiteral("variables")), sink.at(QStringLiteral("variables")));
    p.environments = readEnvironments(r.array(QStringLiteral("environments")),
                                      sink.at(QStringLiteral("environments")));
    p.activeEnvironment = r.string(QStringLiteral("activeEnvironment"));
    if (!p.activeEnvironment.isEmpty() && !p.environment(p.activeEnvironment))
        sink.at(QStringLiteral("activeEnvironment"))
            .error(ProjectText::tr("no environment named \"%1\"%2")
                       .arg(p.activeEnvironment,
                            didYouMean(p.activeEnvironment, p.environmentNames())));
    p.layout = r.object(QStringLiteral("layout"));
    p.extra = r.unknownKeys();
    return p;
}

} // namespace weft::detail
