#include "jdymock.h"

#include "jsonsink.h"
#include "mockcrypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>
#include <algorithm>
#include <limits>

namespace weft::mock {

namespace {

const QString kTokenPath = QStringLiteral("/jdyconnector/app_management/kingdee_auth_token");
const QString kSystem = QStringLiteral("kingdee_jdy");

std::optional<qint64> intParam(const MockRequest &r, const QString &key)
{
    const QString v = r.queryValue(key);
    if (v.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 n = v.toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::optional<qint64>(-1);
}

} // namespace

JdyMock::JdyMock(MockContext &context)
    : m_ctx(context)
    , m_calls(0, 60000)
    , m_tokenCalls(0, 60000)
{}

void JdyMock::reset()
{
    m_tokens.clear();
    m_calls.reset();
    m_tokenCalls.reset();
}

MockReply JdyMock::reply(qint64 code, const QString &description, const QJsonValue &data)
{
    return MockReply::json(QJsonObject{{QStringLiteral("errcode"), code},
                                       {QStringLiteral("description"), description},
                                       {QStringLiteral("data"), data}},
                           code == Ok ? MockReply::Kind::Ok : MockReply::Kind::ApiError);
}

MockReply JdyMock::throttled() const
{
    MockReply r = reply(429, QStringLiteral("请求过于频繁，请稍后再试"));
    r.status = 429;
    r.kind = MockReply::Kind::RateLimited;
    return r;
}

QJsonValue JdyMock::written() const
{
    // By what was saved: the store and customer saves, each list's own records.
    QJsonObject out;
    for (const CatEndpoint &e : m_ctx.catalog.endpoints()) {
        if (e.system != kSystem || e.query)
            continue;
        const CatEndpoint *query = m_ctx.catalog.matchingQuery(e);
        const CatalogDataset *data = query ? m_ctx.datasets.catalog(query->ref()) : nullptr;
        if (data) {
            // "store.save" → "stores", "customer.save" → "customers".
            out.insert(e.id.section(u'.', 0, 0) + u's', data->written());
        }
    }
    return out;
}

std::optional<MockReply> JdyMock::checkGateway(const MockRequest &request) const
{
    const MockConfig &cfg = m_ctx.config;
    if (QString::fromUtf8(request.header("X-Api-ClientID")) != cfg.jdyClientId)
        return reply(BadClient, QStringLiteral("X-Api-ClientID 无效或缺失"));
    const QByteArray version = request.header("X-Api-Auth-Version");
    if (!version.isEmpty() && version != "2.0")
        return reply(BadClient, QStringLiteral("X-Api-Auth-Version 须为 2.0"));
    const QByteArray timestamp = request.header("X-Api-TimeStamp");
    const QByteArray nonce = request.header("X-Api-Nonce");
    bool ok = false;
    const qint64 ts = timestamp.toLongLong(&ok);
    if (!ok || nonce.isEmpty())
        return reply(BadSignature, QStringLiteral("X-Api-TimeStamp 或 X-Api-Nonce 缺失"));
    if (std::abs(MockClock::wallMs() - ts) > 5 * 60000)
        return reply(StaleTimestamp, QStringLiteral("X-Api-TimeStamp 已过期（有效期 5 分钟）"));
    const QByteArray text = crypto::jdyStringToSign(request.method, request.subPath,
                                                    request.queryItems(), nonce, timestamp);
    const QByteArray expected = crypto::hmacHexBase64(cfg.jdyClientSecret.toUtf8(), text);
    if (!crypto::sameSignature(expected, request.header("X-Api-Signature")))
        return reply(BadSignature, QStringLiteral("X-Api-Signature 签名验证失败"));
    return std::nullopt;
}

MockReply JdyMock::handle(const MockRequest &request)
{
    const QString &path = request.subPath;
    const CatEndpoint *endpoint =
        m_ctx.catalog.byApi(kSystem, path, QString::fromLatin1(request.method));
    const bool known = (path == kTokenPath && request.method == "GET") || endpoint;
    if (!known) {
        MockReply r = reply(
            404,
            QStringLiteral("接口不存在：%1 %2").arg(QString::fromLatin1(request.method), path));
        r.status = 404;
        return r;
    }
    if (std::optional<MockReply> refusal = checkGateway(request))
        return *refusal;
    const qint64 now = MockClock::monotonicMs();
    if (path == kTokenPath) {
        m_tokenCalls.setLimit(m_ctx.config.limit(m_ctx.config.jdyTokenRatePerMinute));
        if (!m_tokenCalls.tryAcquire(now))
            return throttled();
        return appToken(request);
    }
    const QString token = QString::fromUtf8(request.header("app-token"));
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.cend() || it.value() < MockClock::wallMs())
        return reply(TokenInvalid, QStringLiteral("app-token 无效或已过期，请重新获取"));
    m_calls.setLimit(m_ctx.config.limit(m_ctx.config.jdyRatePerMinute));
    if (!m_calls.tryAcquire(now))
        return throttled();
    return endpoint->query ? list(*endpoint, request) : save(*endpoint, request);
}

MockReply JdyMock::appToken(const MockRequest &request)
{
    const MockConfig &cfg = m_ctx.config;
    const QString appKey = request.queryValue(QStringLiteral("app_key"));
    const QByteArray signature = request.queryValue(QStringLiteral("app_signature")).toUtf8();
    if (appKey != cfg.jdyAppKey)
        return reply(BadAppSignature, QStringLiteral("app_key 无效：%1").arg(appKey));
    const QByteArray expected =
        crypto::hmacHexBase64(cfg.jdyAppSecret.toUtf8(), cfg.jdyAppKey.toUtf8());
    if (!crypto::sameSignature(expected, signature))
        return reply(BadAppSignature, QStringLiteral("app_signature 验证失败"));
    const QString token = QStringLiteral("jdy-%1-%2")
                              .arg(++m_serial)
                              .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
    const qint64 expires = MockClock::wallMs() + cfg.jdyTokenTtl * 1000;
    m_tokens.insert(token, expires);
    m_ctx.log(QStringLiteral("jdy: issued app-token %1").arg(token));
    return reply(Ok, QStringLiteral("success"),
                 QJsonObject{{QStringLiteral("app-token"), token},
                             {QStringLiteral("access_token"), token},
                             {QStringLiteral("expires"), expires},
                             {QStringLiteral("uid"), QStringLiteral("weft-mock-uid")},
                             {QStringLiteral("domain"), QString()}});
}

namespace {

// A list parameter's value: JSON array text ("[\"1\",\"2\"]") or one value.
QStringList valuesOf(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isArray())
        return {text};
    QStringList out;
    for (const QJsonValue &v : doc.array())
        out << scalarText(v);
    return out;
}

} // namespace

MockReply JdyMock::list(const CatEndpoint &endpoint, const MockRequest &request)
{
    const CatalogDataset &data = *m_ctx.datasets.catalog(endpoint.ref());
    const auto page = intParam(request, QStringLiteral("page")).value_or(1);
    const auto requestedSize = intParam(request, QStringLiteral("page_size")).value_or(10);
    if (page < 1 || requestedSize < 1)
        return reply(BadParameter, QStringLiteral("page 与 page_size 须为正整数"));
    std::optional<qint64> start;
    std::optional<qint64> end;
    if (endpoint.hasWindow()) {
        start = intParam(request, endpoint.windowStart);
        end = intParam(request, endpoint.windowEnd);
        if ((start && *start < 0) || (end && *end < 0)) {
            return reply(BadParameter, QStringLiteral("%1/%2 须为毫秒时间戳")
                                           .arg(endpoint.windowStart, endpoint.windowEnd));
        }
    }
    // Production cuts page_size to 100 silently (see --jdy-page-size-quirk for the rest).
    const qint64 pageSize = std::min<qint64>(requestedSize, 100);
    const CatalogDataset::Selection w =
        data.select(start.value_or(std::numeric_limits<qint64>::min()),
                    end.value_or(std::numeric_limits<qint64>::max()));
    // search: a substring of the number or the name, as JDY's lists document it; any other
    // parameter naming a field of the rows selects by that field (enable, bill_status…).
    const QString search = request.queryValue(QStringLiteral("search"));
    QList<QPair<QString, QStringList>> filters;
    for (const auto &[key, value] : request.queryItems()) {
        if (value.isEmpty() || key == QLatin1String("page") || key == QLatin1String("page_size") ||
            key == QLatin1String("search") || key == endpoint.windowStart ||
            key == endpoint.windowEnd)
            continue;
        filters.append({key, valuesOf(value)});
    }
    QJsonArray rows;
    qint64 count = 0;
    const qint64 from = (page - 1) * pageSize;
    if (search.isEmpty() && filters.isEmpty()) {
        count = w.size();
        for (qint64 k = from; k < std::min(count, from + pageSize); ++k)
            rows.append(data.record(w.at(k)));
    } else {
        for (qint64 k = 0; k < w.size(); ++k) {
            const QJsonObject r = data.record(w.at(k));
            if (!search.isEmpty() && !scalarText(r.value(endpoint.keyNumber)).contains(search) &&
                !scalarText(r.value(endpoint.keyName)).contains(search))
                continue;
            const bool keep = std::all_of(filters.cbegin(), filters.cend(), [&](const auto &f) {
                return !r.contains(f.first) || f.second.contains(scalarText(r.value(f.first)));
            });
            if (!keep)
                continue;
            if (count >= from && count < from + pageSize)
                rows.append(r);
            ++count;
        }
    }
    // Records a fault leaves out are still in `count` (docs/mock.md, dropRate).
    for (qsizetype k = rows.size() - 1; k >= 0; --k) {
        if (m_ctx.faults.dropsRecord(mount()))
            rows.removeAt(k);
    }
    const qint64 pagesBy = m_ctx.config.jdyPageSizeQuirk ? requestedSize : pageSize;
    return reply(Ok, QStringLiteral("success"),
                 QJsonObject{{QStringLiteral("count"), count},
                             {QStringLiteral("page"), page},
                             {QStringLiteral("page_size"), pageSize},
                             {QStringLiteral("total_page"), (count + pagesBy - 1) / pagesBy},
                             {QStringLiteral("rows"), rows}});
}

MockReply JdyMock::save(const CatEndpoint &endpoint, const MockRequest &request)
{
    const CatEndpoint *query = m_ctx.catalog.matchingQuery(endpoint);
    CatalogDataset *kept = query ? m_ctx.datasets.catalog(query->ref()) : nullptr;
    if (!kept) {
        // A catalogue save without a list of the same path: nowhere to keep what it saves.
        MockReply r = reply(
            404,
            QStringLiteral("weft-mock 没有与 %1 同路径的列表接口，不能保存").arg(endpoint.api));
        r.status = 404;
        return r;
    }
    CatalogDataset &data = *kept;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    QJsonArray input;
    if (doc.isObject())
        input.append(doc.object());
    else if (doc.isArray())
        input = doc.array();
    else
        return reply(BadParameter,
                     QStringLiteral("请求体须为 JSON 对象：%1").arg(parseError.errorString()));
    const QString numberKey =
        endpoint.keyNumber.isEmpty() ? QStringLiteral("number") : endpoint.keyNumber;
    const CatParam *numberParam = endpoint.param(numberKey);
    const QString numberLabel = numberParam ? numberParam->label : numberKey;
    // Validate everything first: a request either saves all its records or none.
    QSet<QString> numbersInRequest;
    for (const QJsonValue &v : input) {
        const QJsonObject r = v.toObject();
        const QString id = scalarText(r.value(QLatin1String("id")));
        const QString number = scalarText(r.value(numberKey)).trimmed();
        for (const CatParam &p : endpoint.request) {
            if (!p.required || !scalarText(r.value(p.field)).trimmed().isEmpty())
                continue;
            QString message = QStringLiteral("%1（%2）不能为空").arg(p.label, p.field);
            if (p.field != numberKey && !number.isEmpty())
                message += QStringLiteral("，编码：%1").arg(number);
            return reply(BadParameter, message);
        }
        std::optional<qint64> self;
        if (!id.isEmpty()) {
            self = data.findId(id);
            if (!self)
                return reply(NotFound, QStringLiteral("要更新的记录不存在，id：%1").arg(id));
        }
        const std::optional<qint64> owner = data.findNumber(number);
        if ((owner && owner != self) || numbersInRequest.contains(number))
            return reply(Duplicate, QStringLiteral("%1“%2”已存在").arg(numberLabel, number));
        numbersInRequest.insert(number);
    }
    QJsonArray ids;
    QJsonObject idNumberMap;
    const qint64 nowMs = m_ctx.clock.touchMs();
    const QString now = QString::number(nowMs); // JDY's times are milliseconds as text
    for (const QJsonValue &v : input) {
        QJsonObject r = v.toObject();
        QString id = scalarText(r.value(QLatin1String("id")));
        const QString number = scalarText(r.value(numberKey)).trimmed();
        r.insert(numberKey, number);
        r.insert(QStringLiteral("modify_time"), now);
        if (id.isEmpty()) {
            id = QString::number(1800000000000000000LL + (data.size() - data.generated()) + 1);
            r.insert(QStringLiteral("id"), id);
            r.insert(QStringLiteral("create_time"), now);
            data.create(r, nowMs);
        } else {
            r.insert(QStringLiteral("id"), id);
            data.update(*data.findId(id), r, nowMs);
        }
        ids.append(id);
        idNumberMap.insert(id, number);
    }
    return reply(
        Ok, QStringLiteral("success"),
        QJsonObject{{QStringLiteral("ids"), ids}, {QStringLiteral("id_number_map"), idNumberMap}});
}

} // namespace weft::mock
