#include "core/model/projectwriter.h"

#include "core/model/stepjson.h"

#include <QJsonArray>

namespace weft::detail {

namespace {

QJsonObject writeRateLimit(const RateLimit &rl)
{
    QJsonObject o;
    if (rl.perSecond > 0)
        o.insert(QStringLiteral("perSecond"), rl.perSecond);
    if (rl.perMinute > 0)
        o.insert(QStringLiteral("perMinute"), rl.perMinute);
    return o;
}

QJsonObject writeConnection(const Connection &c)
{
    QJsonObject o = c.extra;
    o.insert(QStringLiteral("name"), c.name);
    o.insert(QStringLiteral("type"),
             c.unknownType.isEmpty() ? connectorTypeName(c.type) : c.unknownType);
    if (!c.title.isEmpty())
        o.insert(QStringLiteral("title"), c.title);
    if (!c.baseUrl.isEmpty())
        o.insert(QStringLiteral("baseUrl"), c.baseUrl);
    if (!c.account.isEmpty())
        o.insert(QStringLiteral("account"), c.account);
    if (c.rateLimit.isSet())
        o.insert(QStringLiteral("rateLimit"), writeRateLimit(c.rateLimit));
    if (c.timeoutMs != 30000)
        o.insert(QStringLiteral("timeoutMs"), c.timeoutMs);
    if (c.deadlineMs != 300000)
        o.insert(QStringLiteral("deadlineMs"), c.deadlineMs);
    if (!c.verifyTls)
        o.insert(QStringLiteral("verifyTls"), false);
    if (!c.options.isEmpty())
        o.insert(QStringLiteral("options"), c.options);
    return o;
}

QJsonObject writeAdapter(const Adapter &a)
{
    QJsonObject o;
    o.insert(QStringLiteral("connection"), a.connection);
    o.insert(QStringLiteral("metadata"), a.metadata.json());
    return o;
}

QJsonObject writeRetry(const RetryPolicy &p)
{
    const RetryPolicy d;
    QJsonObject o;
    if (p.attempts != d.attempts)
        o.insert(QStringLiteral("attempts"), p.attempts);
    if (p.initialDelayMs != d.initialDelayMs)
        o.insert(QStringLiteral("initialDelayMs"), p.initialDelayMs);
    if (p.multiplier != d.multiplier)
        o.insert(QStringLiteral("multiplier"), p.multiplier);
    if (p.maxDelayMs != d.maxDelayMs)
        o.insert(QStringLiteral("maxDelayMs"), p.maxDelayMs);
    return o;
}

QJsonObject writeSchedule(const Schedule &s)
{
    QJsonObject o;
    if (s.kind != Schedule::Kind::Manual)
        o.insert(QStringLiteral("kind"), scheduleKindName(s.kind));
    if (s.kind == Schedule::Kind::Interval)
        o.insert(QStringLiteral("everyMinutes"), s.intervalMinutes);
    if (s.kind == Schedule::Kind::Cron)
        o.insert(QStringLiteral("cron"), s.cron);
    if (!s.after.isEmpty())
        o.insert(QStringLiteral("after"), QJsonArray::fromStringList(s.after));
    return o;
}

QJsonObject writeScheme(const Scheme &s)
{
    QJsonObject o = s.extra;
    o.insert(QStringLiteral("name"), s.name);
    if (!s.title.isEmpty())
        o.insert(QStringLiteral("title"), s.title);
    if (!s.description.isEmpty())
        o.insert(QStringLiteral("description"), s.description);
    if (!s.enabled)
        o.insert(QStringLiteral("enabled"), false);
    o.insert(QStringLiteral("source"), writeAdapter(s.source));
    if (!s.steps.isEmpty()) {
        QJsonArray steps;
        for (const Step &step : s.steps)
            steps.append(writeStep(step));
        o.insert(QStringLiteral("steps"), steps);
    }
    o.insert(QStringLiteral("target"), writeAdapter(s.target));
    if (s.errorPolicy.maxFailedRecords > 0)
        o.insert(QStringLiteral("errorPolicy"),
                 QJsonObject{{QStringLiteral("maxFailedRecords"), s.errorPolicy.maxFailedRecords}});
    if (const QJsonObject retry = writeRetry(s.retry); !retry.isEmpty())
        o.insert(QStringLiteral("retry"), retry);
    if (s.rateLimit)
        o.insert(QStringLiteral("rateLimit"), writeRateLimit(*s.rateLimit));
    QJsonObject sync;
    if (!s.sync.initialSince.isEmpty())
        sync.insert(QStringLiteral("initialSince"), s.sync.initialSince);
    if (s.sync.overlapSeconds > 0)
        sync.insert(QStringLiteral("overlapSeconds"), s.sync.overlapSeconds);
    if (!sync.isEmpty())
        o.insert(QStringLiteral("sync"), sync);
    if (const QJsonObject schedule = writeSchedule(s.schedule); !schedule.isEmpty())
        o.insert(QStringLiteral("schedule"), schedule);
    return o;
}

} // namespace

QJsonObject writeProject(const Project &p)
{
    QJsonObject o = p.extra;
    o.insert(QStringLiteral("format"), QLatin1String(kProjectFormat));
    o.insert(QStringLiteral("version"), kProjectVersion);
    if (!p.name.isEmpty())
        o.insert(QStringLiteral("name"), p.name);
    if (!p.description.isEmpty())
        o.insert(QStringLiteral("description"), p.description);
    if (p.timeZone != QLatin1String("Asia/Shanghai"))
        o.insert(QStringLiteral("timeZone"), p.timeZone);
    if (p.state.isSet()) {
        QJsonObject state{{QStringLiteral("url"), p.state.url}};
        if (p.state.password)
            state.insert(QStringLiteral("password"), p.state.password->toJson());
        o.insert(QStringLiteral("state"), state);
    }
    QJsonArray connections;
    for (const Connection &c : p.connections)
        connections.append(writeConnection(c));
    o.insert(QStringLiteral("connections"), connections);
    if (!p.valueMaps.isEmpty())
        o.insert(QStringLiteral("valueMaps"), p.valueMaps);
    QJsonArray schemes;
    for (const Scheme &s : p.schemes)
        schemes.append(writeScheme(s));
    o.insert(QStringLiteral("schemes"), schemes);
    if (!p.alerts.isEmpty())
        o.insert(QStringLiteral("alerts"), p.alerts);
    if (!p.variables.isEmpty())
        o.insert(QStringLiteral("variables"), p.variables);
    if (!p.environments.isEmpty()) {
        QJsonArray environments;
        for (const Environment &e : p.environments) {
            QJsonObject env{{QStringLiteral("name"), e.name}};
            if (!e.variables.isEmpty())
                env.insert(QStringLiteral("variables"), e.variables);
            environments.append(env);
        }
        o.insert(QStringLiteral("environments"), environments);
    }
    if (!p.activeEnvironment.isEmpty())
        o.insert(QStringLiteral("activeEnvironment"), p.activeEnvironment);
    if (!p.layout.isEmpty())
        o.insert(QStringLiteral("layout"), p.layout);
    return o;
}

} // namespace weft::detail
