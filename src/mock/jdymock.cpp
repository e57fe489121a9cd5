#include "jdymock.h"

#include "mockcrypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <limits>

namespace weft::mock {

namespace {

const QString kTokenPath = QStringLiteral("/jdyconnector/app_management/kingdee_auth_token");
const QString kCustomerPath = QStringLiteral("/jdy/v2/bd/customer");
const QString kStorePath = QStringLiteral("/jdy/v2/bd/store");

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
    m_stores.clear();
    m_storeByNumber.clear();
    m_storeById.clear();
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
    QJsonArray stores;
    for (const QJsonObject &s : m_stores)
        stores.append(s);
    return QJsonObject{{QStringLiteral("stores"), stores}};
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
    const bool known =
        (path == kTokenPath && request.method == "GET") ||
        (path == kCustomerPath && request.method == "GET") ||
        (path == kStorePath && (request.method == "POST" || request.method == "GET"));
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
    if (path == kCustomerPath)
        return customers(request);
    return request.method == "POST" ? saveStores(request) : listStores(request);
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

MockReply JdyMock::customers(const MockRequest &request)
{
    const auto page = intParam(request, QStringLiteral("page")).value_or(1);
    const auto requestedSize = intParam(request, QStringLiteral("page_size")).value_or(10);
    const auto start = intParam(request, QStringLiteral("modify_start_time"));
    const auto end = intParam(request, QStringLiteral("modify_end_time"));
    if (page < 1 || requestedSize < 1)
        return reply(BadParameter, QStringLiteral("page 与 page_size 须为正整数"));
    if ((start && *start < 0) || (end && *end < 0))
        return reply(BadParameter,
                     QStringLiteral("modify_start_time/modify_end_time 须为毫秒时间戳"));
    // Production cuts page_size to 100 silently (see --jdy-page-size-quirk for the rest).
    const qint64 pageSize = std::min<qint64>(requestedSize, 100);
    const JdyDataset &jdy = m_ctx.datasets.jdy();
    const Timeline::Window w =
        jdy.customers().window(start.value_or(std::numeric_limits<qint64>::min()),
                               end.value_or(std::numeric_limits<qint64>::max()));
    const QString search = request.queryValue(QStringLiteral("search"));
    const QString enable = request.queryValue(QStringLiteral("enable"));
    const QString group = request.queryValue(QStringLiteral("group_id"));
    QJsonArray rows;
    qint64 count = 0;
    const qint64 from = (page - 1) * pageSize;
    if (search.isEmpty() && enable.isEmpty() && group.isEmpty()) {
        count = w.size();
        for (qint64 k = from; k < std::min(count, from + pageSize); ++k)
            rows.append(jdy.customer(w.at(k)));
    } else {
        for (qint64 k = 0; k < w.size(); ++k) {
            const QJsonObject c = jdy.customer(w.at(k));
            if (!search.isEmpty() &&
                !c.value(QLatin1String("number")).toString().contains(search) &&
                !c.value(QLatin1String("name")).toString().contains(search))
                continue;
            if (!enable.isEmpty() && c.value(QLatin1String("enable")).toString() != enable)
                continue;
            if (!group.isEmpty() && c.value(QLatin1String("group_id")).toString() != group)
                continue;
            if (count >= from && count < from + pageSize)
                rows.append(c);
            ++count;
        }
    }
    const qint64 pagesBy = m_ctx.config.jdyPageSizeQuirk ? requestedSize : pageSize;
    return reply(Ok, QStringLiteral("success"),
                 QJsonObject{{QStringLiteral("count"), count},
                             {QStringLiteral("page"), page},
                             {QStringLiteral("page_size"), pageSize},
                             {QStringLiteral("total_page"), (count + pagesBy - 1) / pagesBy},
                             {QStringLiteral("rows"), rows}});
}

MockReply JdyMock::saveStores(const MockRequest &request)
{
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
    // Validate everything first: a request either saves all its stores or none.
    QHash<QString, QString> numbersInRequest;
    for (const QJsonValue &v : input) {
        const QJsonObject s = v.toObject();
        const QString id = s.value(QLatin1String("id")).toVariant().toString();
        const QString number = s.value(QLatin1String("number")).toString().trimmed();
        const QString name = s.value(QLatin1String("name")).toString().trimmed();
        if (number.isEmpty())
            return reply(BadParameter, QStringLiteral("仓库编码（number）不能为空"));
        if (name.isEmpty())
            return reply(BadParameter,
                         QStringLiteral("仓库名称（name）不能为空，编码：%1").arg(number));
        if (!id.isEmpty() && !m_storeById.contains(id))
            return reply(NotFound, QStringLiteral("要更新的仓库不存在，id：%1").arg(id));
        const auto owner = m_storeByNumber.constFind(number);
        const bool takenByOther =
            owner != m_storeByNumber.cend() &&
            (id.isEmpty() ||
             m_stores.at(owner.value()).value(QLatin1String("id")).toString() != id);
        if (takenByOther || numbersInRequest.contains(number))
            return reply(Duplicate, QStringLiteral("仓库编码“%1”已存在").arg(number));
        numbersInRequest.insert(number, id);
    }
    QJsonArray ids;
    QJsonObject idNumberMap;
    const QString now = m_ctx.clock.dateTime(MockClock::wallMs());
    for (const QJsonValue &v : input) {
        QJsonObject s = v.toObject();
        QString id = s.value(QLatin1String("id")).toVariant().toString();
        const QString number = s.value(QLatin1String("number")).toString().trimmed();
        s.insert(QStringLiteral("number"), number);
        s.insert(QStringLiteral("modify_time"), now);
        if (id.isEmpty()) {
            id = QString::number(1800000000000000000LL + qint64(m_stores.size()) + 1);
            s.insert(QStringLiteral("id"), id);
            s.insert(QStringLiteral("create_time"), now);
            m_storeById.insert(id, m_stores.size());
            m_storeByNumber.insert(number, m_stores.size());
            m_stores.append(s);
        } else {
            const qsizetype at = m_storeById.value(id);
            const QString oldNumber = m_stores.at(at).value(QLatin1String("number")).toString();
            m_storeByNumber.remove(oldNumber);
            m_storeByNumber.insert(number, at);
            s.insert(QStringLiteral("id"), id);
            s.insert(QStringLiteral("create_time"),
                     m_stores.at(at).value(QLatin1String("create_time")));
            m_stores[at] = s;
        }
        ids.append(id);
        idNumberMap.insert(id, number);
    }
    return reply(
        Ok, QStringLiteral("success"),
        QJsonObject{{QStringLiteral("ids"), ids}, {QStringLiteral("id_number_map"), idNumberMap}});
}

MockReply JdyMock::listStores(const MockRequest &request)
{
    const auto page = std::max<qint64>(intParam(request, QStringLiteral("page")).value_or(1), 1);
    const auto size =
        std::clamp<qint64>(intParam(request, QStringLiteral("page_size")).value_or(10), 1, 100);
    // search: a substring of the number or the name, as in JDY's other list APIs.
    const QString search = request.queryValue(QStringLiteral("search"));
    QJsonArray rows;
    qint64 count = 0;
    for (const QJsonObject &store : m_stores) {
        if (!search.isEmpty() &&
            !store.value(QLatin1String("number")).toString().contains(search) &&
            !store.value(QLatin1String("name")).toString().contains(search))
            continue;
        if (count >= (page - 1) * size && count < page * size)
            rows.append(store);
        ++count;
    }
    return reply(Ok, QStringLiteral("success"),
                 QJsonObject{{QStringLiteral("count"), count},
                             {QStringLiteral("page"), page},
                             {QStringLiteral("page_size"), size},
                             {QStringLiteral("total_page"), (count + size - 1) / size},
                             {QStringLiteral("rows"), rows}});
}

} // namespace weft::mock
