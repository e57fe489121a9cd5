#include "core/connectors/dingtalk.h"

#include "core/expr/shaping.h"
#include "core/log/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

namespace weft {

namespace {

constexpr qint64 kMaxWindowSeconds = 120LL * 86400;
constexpr int kMaxListSize = 20;

ConnectorError errorFor(qint64 code, const QString &message)
{
    using Kind = ConnectorError::Kind;
    const QString c = QString::number(code);
    switch (code) {
    case -1: // system busy
    case 88: return {Kind::Server, c, message};
    case 90002:
    case 90019: return {Kind::Throttled, c, message, 1000};
    case 90018: return {Kind::Throttled, c, message, 60000};
    case 90020:
        return {Kind::Rejected, c, message + QStringLiteral(" — the app's monthly API quota is "
                                                            "used up")};
    case 40001:
    case 40014:
    case 41001:
    case 42001:
    case 88001: return {Kind::Auth, c, message};
    case 40089:
    case 40090:
        return {Kind::Auth, c, message + QStringLiteral(" — check appKey and appSecret")};
    case 60011:
        return {Kind::Auth, c, message + QStringLiteral(" — the app lacks a permission this "
                                                        "call needs: grant it in the DingTalk "
                                                        "developer console")};
    default: return {Kind::Rejected, c, message};
    }
}

ParseResult parseReply(const HttpResponse &response)
{
    ParseResult p = HttpClient::parseJson(response);
    auto *doc = std::get_if<QJsonDocument>(&p);
    if (!doc)
        return p;
    const QJsonObject o = doc->object();
    if (!o.contains(QLatin1String("errcode")))
        return ConnectorError{ConnectorError::Kind::Malformed, QStringLiteral("envelope"),
                              QStringLiteral("the response has no \"errcode\"")};
    const qint64 code = o.value(QLatin1String("errcode")).toInteger();
    if (code == 88 && o.contains(QLatin1String("sub_code"))) {
        // DingTalk documents 88 as a wrapper: the sub_code says what went wrong (an invalid
        // token, a missing permission such as 60011) and is classified as that code would
        // be; a sub_code it does not know is a refusal, not something a retry mends.
        const QString subCode = o.value(QLatin1String("sub_code")).toVariant().toString();
        const QString message = o.value(QLatin1String("sub_msg")).toString(
            o.value(QLatin1String("errmsg")).toString());
        bool numeric = false;
        const qint64 sub = subCode.toLongLong(&numeric);
        ConnectorError e = numeric ? errorFor(sub, message)
                                   : ConnectorError{ConnectorError::Kind::Rejected, subCode,
                                                    message};
        if (e.kind == ConnectorError::Kind::Server)
            e.kind = ConnectorError::Kind::Rejected;
        e.code = QStringLiteral("88/") + subCode;
        return e;
    }
    if (code != 0)
        return errorFor(code, o.value(QLatin1String("errmsg")).toString());
    return p;
}

} // namespace

DingTalkSource::DingTalkSource(const ConnectorContext &context, QObject *parent)
    : SourceConnector(parent)
    , m_context(context)
    , m_http(new HttpClient(context.connection, context.network, context.limiter, context.stats,
                            this))
    , m_tokenRenewal([this](CredentialRenewal::Done done) { fetchToken(std::move(done)); })
{
    m_http->setRetryPolicy(context.retry);
    connect(m_http, &HttpClient::retrying, this, &SourceConnector::retrying);
    m_concurrency = std::clamp(context.connection.config.options.value(QLatin1String("concurrency"))
                                   .toInt(4),
                               1, 16);
}

SourceTraits DingTalkSource::traits() const
{
    SourceTraits t;
    t.pageSize = kMaxListSize;
    t.firstPage = 1;
    t.maxWindowSeconds = kMaxWindowSeconds;
    t.maxConcurrentPages = 1; // cursor paging: one after another
    return t;
}

void DingTalkSource::cancel()
{
    m_http->cancelAll();
}

void DingTalkSource::fetchToken(std::function<void(std::optional<ConnectorError>)> done)
{
    const QString appKey = m_context.connection.value(QStringLiteral("appKey"));
    const QString appSecret = m_context.connection.value(QStringLiteral("appSecret"));
    m_http->call(
        [this, appKey, appSecret]() {
            HttpRequest r;
            QUrl url(m_context.connection.baseUrl + QStringLiteral("/gettoken"));
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("appkey"), appKey);
            q.addQueryItem(QStringLiteral("appsecret"), appSecret);
            url.setQuery(q);
            r.url = url;
            r.endpoint = QStringLiteral("/gettoken");
            return r;
        },
        parseReply,
        [this, done](ParseResult result) {
            if (auto *e = std::get_if<ConnectorError>(&result)) {
                ConnectorError error = *e;
                if (error.kind == ConnectorError::Kind::Rejected)
                    error.kind = ConnectorError::Kind::Auth;
                error.message = QStringLiteral("getting the access token failed: ") + error.message;
                done(error);
                return;
            }
            const QJsonObject o = std::get<QJsonDocument>(result).object();
            m_token = o.value(QLatin1String("access_token")).toString();
            const int lifetime = o.value(QLatin1String("expires_in")).toInt(7200);
            // Renew a little early rather than have a page refused mid-run.
            m_tokenExpires = QDateTime::currentDateTimeUtc().addSecs(std::max(60, lifetime - 300));
            log::registerSecret(m_token);
            done(std::nullopt);
        });
}

void DingTalkSource::ensureToken(std::function<void(std::optional<ConnectorError>)> done)
{
    // A token about to expire counts as none: renewed before a call is refused with it.
    const bool fresh = QDateTime::currentDateTimeUtc() < m_tokenExpires;
    m_tokenRenewal.ensure(fresh ? m_token : QString(), QString(), std::move(done));
}

void DingTalkSource::post(const QString &path, const QJsonObject &body,
                          std::function<void(std::variant<QJsonObject, ConnectorError>)> done)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    ensureToken([this, path, bytes, done](std::optional<ConnectorError> e) {
        if (e) {
            done(*e);
            return;
        }
        auto sentWith = std::make_shared<QString>(); // the token the last attempt used
        m_http->call(
            [this, path, bytes, sentWith]() {
                *sentWith = m_token;
                HttpRequest r;
                r.verb = "POST";
                QUrl url(m_context.connection.baseUrl + path);
                QUrlQuery q;
                q.addQueryItem(QStringLiteral("access_token"), m_token);
                url.setQuery(q);
                r.url = url;
                r.headers = {{"Content-Type", "application/json;charset=utf-8"}};
                r.body = bytes;
                r.endpoint = path;
                return r;
            },
            parseReply,
            [done](ParseResult result) {
                if (auto *err = std::get_if<ConnectorError>(&result))
                    done(*err);
                else
                    done(std::get<QJsonDocument>(result).object());
            },
            [this, sentWith](auto finished) {
                m_tokenRenewal.ensure(m_token, *sentWith, std::move(finished));
            });
    });
}

QJsonObject DingTalkSource::recordFromInstance(const QString &id, const QJsonObject &instance)
{
    QJsonObject record = expr::decodeDingTalkInstance(instance);
    record.insert(QStringLiteral("id"), id);
    return record;
}

void DingTalkSource::fetchPage(const PageRequest &request, std::function<void(PageResult)> done)
{
    QJsonObject list = request.params;
    list.insert(QStringLiteral("size"),
                std::clamp(list.value(QLatin1String("size")).toVariant().toInt(), 1, kMaxListSize));
    list.insert(QStringLiteral("cursor"), request.cursor.isEmpty() ? 0 : request.cursor.toLongLong());
    // Times are milliseconds; the request templates usually say so (_function …*1000) — take
    // the window from the engine where they do not.
    if (!list.contains(QLatin1String("start_time")))
        list.insert(QStringLiteral("start_time"), request.window.start * 1000);
    if (!list.contains(QLatin1String("end_time")))
        list.insert(QStringLiteral("end_time"), request.window.end * 1000);
    for (const char *key : {"start_time", "end_time"}) {
        const QJsonValue v = list.value(QLatin1String(key));
        if (v.isString())
            list.insert(QLatin1String(key), v.toString().toLongLong());
    }
    post(QStringLiteral("/topapi/processinstance/listids"), list,
         [this, done](std::variant<QJsonObject, ConnectorError> result) {
             if (auto *e = std::get_if<ConnectorError>(&result)) {
                 done(*e);
                 return;
             }
             const QJsonObject r = std::get<QJsonObject>(result).value(QLatin1String("result")).toObject();
             QStringList ids;
             for (const QJsonValue &v : r.value(QLatin1String("list")).toArray())
                 ids << v.toString();
             const QJsonValue next = r.value(QLatin1String("next_cursor"));
             auto batch = std::make_shared<InstanceBatch>();
             batch->ids = ids;
             batch->records.resize(ids.size());
             batch->page.hasMore = !next.isUndefined() && !next.isNull();
             batch->page.nextCursor = batch->page.hasMore
                                          ? QString::number(next.toVariant().toLongLong())
                                          : QString();
             batch->done = done;
             if (ids.isEmpty()) {
                 done(batch->page);
                 return;
             }
             getInstances(batch);
         });
}

void DingTalkSource::getInstances(std::shared_ptr<InstanceBatch> batch)
{
    // Keeps at most m_concurrency `get` calls in flight; each answer starts the next.
    while (!batch->error && batch->pending < m_concurrency && batch->nextIndex < batch->ids.size()) {
        const int index = batch->nextIndex++;
        ++batch->pending;
        const QString id = batch->ids.at(index);
        post(QStringLiteral("/topapi/processinstance/get"),
             QJsonObject{{QStringLiteral("process_instance_id"), id}},
             [this, batch, index, id](std::variant<QJsonObject, ConnectorError> got) {
                 --batch->pending;
                 if (auto *e = std::get_if<ConnectorError>(&got)) {
                     if (!batch->error)
                         batch->error = *e;
                 } else {
                     if (m_context.stats)
                         m_context.stats->addRecords(QStringLiteral("/topapi/processinstance/get"), 1);
                     batch->records[index] = recordFromInstance(
                         id, std::get<QJsonObject>(got)
                                 .value(QLatin1String("process_instance"))
                                 .toObject());
                 }
                 if (batch->finished)
                     return;
                 if (batch->pending == 0 && (batch->error || batch->nextIndex >= batch->ids.size())) {
                     batch->finished = true;
                     if (batch->error) {
                         batch->done(*batch->error);
                     } else {
                         batch->page.records = batch->records;
                         batch->done(batch->page);
                     }
                     return;
                 }
                 // Deferred, so an answer that arrives synchronously (cancellation) never
                 // re-enters the loop above.
                 QMetaObject::invokeMethod(this, [this, batch]() { getInstances(batch); },
                                           Qt::QueuedConnection);
             });
    }
}

} // namespace weft
