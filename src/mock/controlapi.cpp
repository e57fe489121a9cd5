#include "controlapi.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace weft::mock {

ControlApi::ControlApi(MockContext &context, QList<SystemMock *> systems)
    : m_ctx(context)
    , m_systems(std::move(systems))
    , m_startedMs(MockClock::wallMs())
{}

MockReply ControlApi::problem(int status, const QString &message)
{
    return MockReply::json(QJsonObject{{QStringLiteral("error"), message}},
                           MockReply::Kind::ApiError, status);
}

SystemMock *ControlApi::system(const QString &name) const
{
    for (SystemMock *s : m_systems) {
        if (s->mount().mid(1) == name)
            return s;
    }
    return nullptr;
}

MockReply ControlApi::handle(const MockRequest &request)
{
    const QString path = request.path.mid(QStringLiteral("/_mock").size());
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (get && path == QLatin1String("/stats")) {
        QJsonObject stats = m_ctx.stats.toJson();
        stats.insert(QStringLiteral("uptimeMs"), MockClock::wallMs() - m_startedMs);
        stats.insert(QStringLiteral("faultDecisions"), m_ctx.faults.decisions());
        return MockReply::json(stats);
    }
    if (get && path == QLatin1String("/written")) {
        QJsonObject out;
        for (SystemMock *s : m_systems) {
            const QJsonValue w = s->written();
            if (!w.isNull())
                out.insert(s->mount().mid(1), w);
        }
        return MockReply::json(out);
    }
    if (get && path.startsWith(QLatin1String("/records/")))
        return records(request, path.mid(QStringLiteral("/records/").size()));
    if (get && path == QLatin1String("/catalog"))
        return catalog();
    if (get && path == QLatin1String("/invalid"))
        return MockReply::json(m_ctx.datasets.invalid());
    if (post && path == QLatin1String("/touch"))
        return touch(request);
    if (post && path == QLatin1String("/reset"))
        return reset();
    if ((get || post) && path == QLatin1String("/faults"))
        return faults(request);
    if (get && (path == QLatin1String("/info") || path.isEmpty() || path == u"/"))
        return info();
    if (get && path == QLatin1String("/health"))
        return MockReply::json(QJsonObject{{QStringLiteral("ok"), true}});
    return problem(404, QStringLiteral("unknown control call %1 %2; see docs/mock.md: GET "
                                       "stats, written, records/<dataset>, invalid, faults, "
                                       "catalog, info; POST touch, reset, faults")
                            .arg(QString::fromLatin1(request.method), request.path));
}

MockReply ControlApi::records(const MockRequest &request, const QString &dataset)
{
    bool ok = true;
    const QString offsetText = request.queryValue(QStringLiteral("offset"));
    const QString limitText = request.queryValue(QStringLiteral("limit"));
    const qint64 offset = offsetText.isEmpty() ? 0 : offsetText.toLongLong(&ok);
    bool ok2 = true;
    const qint64 limit = limitText.isEmpty() ? 100 : limitText.toLongLong(&ok2);
    if (!ok || !ok2 || offset < 0 || limit < 0 || limit > 10000)
        return problem(400, QStringLiteral("offset must be >= 0 and limit 0..10000"));
    const auto out = m_ctx.datasets.records(dataset, offset, limit);
    if (!out) {
        return problem(404, QStringLiteral("unknown dataset '%1'; datasets: %2")
                                .arg(dataset, m_ctx.datasets.names().join(QStringLiteral(", "))));
    }
    return MockReply::json(QJsonObject{{QStringLiteral("dataset"), dataset},
                                       {QStringLiteral("total"), m_ctx.datasets.size(dataset)},
                                       {QStringLiteral("offset"), offset},
                                       {QStringLiteral("limit"), limit},
                                       {QStringLiteral("records"), *out}});
}

MockReply ControlApi::touch(const MockRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString dataset = body.value(QLatin1String("dataset")).toString();
    const qint64 count = qint64(body.value(QLatin1String("count")).toDouble(1));
    if (count < 0)
        return problem(400, QStringLiteral("count must be >= 0"));
    const qint64 at = m_ctx.clock.touchMs();
    const auto ids = m_ctx.datasets.touch(dataset, count, at);
    if (!ids) {
        return problem(404, QStringLiteral("cannot touch dataset '%1'; datasets: %2 (not "
                                           "k3-orgs)")
                                .arg(dataset, m_ctx.datasets.names().join(QStringLiteral(", "))));
    }
    m_ctx.log(QStringLiteral("touched %1 records of %2").arg(ids->size()).arg(dataset));
    return MockReply::json(QJsonObject{{QStringLiteral("dataset"), dataset},
                                       {QStringLiteral("count"), ids->size()},
                                       {QStringLiteral("ids"), *ids},
                                       {QStringLiteral("modifiedMs"), at},
                                       {QStringLiteral("modified"), m_ctx.clock.dateTime(at)}});
}

MockReply ControlApi::faults(const MockRequest &request)
{
    if (request.method == "POST") {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
        if (!doc.isObject())
            return problem(
                400,
                QStringLiteral("body must be a JSON object: %1").arg(parseError.errorString()));
        const QJsonObject body = doc.object();
        QString error;
        if (!m_ctx.faults.update(body, &error))
            return problem(400, error);
        const QJsonValue expire = body.value(QLatin1String("expireTokens"));
        QStringList expired;
        for (SystemMock *s : m_systems) {
            const QString name = s->mount().mid(1);
            const bool all = expire.isBool() && expire.toBool();
            if (all || expire.toArray().contains(QJsonValue(name)) || expire.toString() == name) {
                s->expireTokens();
                expired << name;
            }
        }
        if (!expired.isEmpty())
            m_ctx.log(QStringLiteral("expired tokens and sessions of %1")
                          .arg(expired.join(QStringLiteral(", "))));
        m_ctx.log(QStringLiteral("faults: %1")
                      .arg(QString::fromUtf8(QJsonDocument(m_ctx.faults.settings().toJson())
                                                 .toJson(QJsonDocument::Compact))));
        QJsonObject out = m_ctx.faults.settings().toJson();
        out.insert(QStringLiteral("expired"), QJsonArray::fromStringList(expired));
        return MockReply::json(out);
    }
    QJsonObject out = m_ctx.faults.settings().toJson();
    out.insert(QStringLiteral("expireTokens"), false);
    return MockReply::json(out);
}

MockReply ControlApi::catalog() const
{
    // Every catalogue endpoint the mock serves, and the dataset that answers it.
    QJsonArray endpoints;
    for (const CatEndpoint &e : m_ctx.catalog.endpoints()) {
        QJsonObject o{{QStringLiteral("endpoint"), e.ref()},
                      {QStringLiteral("api"), e.api},
                      {QStringLiteral("method"), e.method},
                      {QStringLiteral("effect"),
                       e.query ? QStringLiteral("QUERY") : QStringLiteral("EXECUTE")}};
        if (!e.formId.isEmpty())
            o.insert(QStringLiteral("formId"), e.formId);
        const CatEndpoint *query = e.query ? &e : m_ctx.catalog.matchingQuery(e);
        if (!e.query && query)
            o.insert(QStringLiteral("savesInto"), query->ref());
        const QString dataset = m_ctx.datasets.datasetOf(e);
        if (!dataset.isEmpty()) {
            o.insert(QStringLiteral("dataset"), dataset);
            o.insert(QStringLiteral("records"), m_ctx.datasets.size(dataset));
        }
        endpoints.append(o);
    }
    return MockReply::json(QJsonObject{{QStringLiteral("endpoints"), endpoints},
                                       {QStringLiteral("count"), endpoints.size()}});
}

MockReply ControlApi::reset()
{
    for (SystemMock *s : m_systems)
        s->reset();
    m_ctx.datasets.clearTouches();
    m_ctx.stats.reset();
    m_ctx.faults.reset();
    m_ctx.log(QStringLiteral("reset: written data, tokens, touches, stats and faults"));
    return MockReply::json(QJsonObject{{QStringLiteral("reset"), true}});
}

MockReply ControlApi::info() const
{
    QJsonObject out = m_ctx.config.toJson();
    QJsonArray mounts;
    for (SystemMock *s : m_systems)
        mounts.append(s->mount());
    out.insert(QStringLiteral("mounts"), mounts);
    out.insert(QStringLiteral("anchor"), m_ctx.clock.dateTime(m_ctx.clock.anchorMs()));
    out.insert(QStringLiteral("anchorMs"), m_ctx.clock.anchorMs());
    out.insert(QStringLiteral("version"), QStringLiteral(WEFT_VERSION));
    return MockReply::json(out);
}

} // namespace weft::mock
