#include "dingtalkmock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <optional>

namespace weft::mock {

namespace {

const QString kGetToken = QStringLiteral("/gettoken");
const QString kListIds = QStringLiteral("/topapi/processinstance/listids");
const QString kGet = QStringLiteral("/topapi/processinstance/get");
constexpr int kBadParameter = 40035;

QString requestId()
{
    return QString::number(QRandomGenerator::global()->generate64(), 36);
}

std::optional<qint64> msOf(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    bool ok = false;
    const qint64 n = v.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

} // namespace

DingTalkMock::DingTalkMock(MockContext &context)
    : m_ctx(context)
    , m_getToken(0, 60000)
    , m_global(0, 1000)
{}

void DingTalkMock::reset()
{
    m_token.clear();
    m_tokenExpiry = 0;
    m_expired.clear();
    m_getToken.reset();
    m_global.reset();
    m_perInterface.clear();
}

void DingTalkMock::expireTokens()
{
    if (!m_token.isEmpty())
        m_expired.insert(m_token);
    m_token.clear();
    m_tokenExpiry = 0;
}

MockReply DingTalkMock::error(int code, const QString &message, MockReply::Kind kind)
{
    return MockReply::json(QJsonObject{{QStringLiteral("errcode"), code},
                                       {QStringLiteral("errmsg"), message},
                                       {QStringLiteral("request_id"), requestId()}},
                           kind);
}

MockReply DingTalkMock::ok(QJsonObject object)
{
    object.insert(QStringLiteral("errcode"), 0);
    object.insert(QStringLiteral("errmsg"), QStringLiteral("ok"));
    object.insert(QStringLiteral("request_id"), requestId());
    return MockReply::json(object);
}

MockReply DingTalkMock::throttled() const
{
    return error(90002, QStringLiteral("服务器繁忙，触发全局流量控制，请稍后重试"),
                 MockReply::Kind::RateLimited);
}

MockReply DingTalkMock::handle(const MockRequest &request)
{
    const QString &path = request.subPath;
    if (path == kGetToken && request.method == "GET")
        return getToken(request);
    const CatEndpoint *endpoint =
        m_ctx.catalog.byApi(QStringLiteral("dingtalk"), path, QStringLiteral("POST"));
    if ((path != kListIds && path != kGet && !endpoint) || request.method != "POST") {
        MockReply r = error(
            404, QStringLiteral("not found: %1 %2").arg(QString::fromLatin1(request.method), path));
        r.status = 404;
        return r;
    }
    const QString token = request.queryValue(QStringLiteral("access_token"));
    if (m_expired.contains(token) ||
        (token == m_token && m_tokenExpiry < MockClock::wallMs() && !m_token.isEmpty()))
        return error(42001, QStringLiteral("access_token 已过期，请重新获取"));
    if (token.isEmpty() || token != m_token)
        return error(40014, QStringLiteral("不合法的access_token"));

    const MockConfig &cfg = m_ctx.config;
    const qint64 now = MockClock::monotonicMs();
    RateLimiter &interface = m_perInterface[path];
    interface.setLimit(cfg.limit(cfg.ddRatePerSecond));
    m_global.setLimit(cfg.limit(cfg.ddAppRatePerSecond));
    if (!m_global.allows(now))
        return throttled();
    if (!interface.allows(now)) {
        return error(90019,
                     QStringLiteral("当前接口每秒调用次数超过限制（%1次/秒），请稍后重试")
                         .arg(cfg.ddRatePerSecond),
                     MockReply::Kind::RateLimited);
    }
    m_global.record(now);
    interface.record(now);

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &parseError);
    if (!doc.isObject())
        return error(kBadParameter, QStringLiteral("请求体须为 JSON 对象"));
    if (path == kListIds)
        return listIds(doc.object());
    if (path == kGet)
        return get(doc.object());
    if (endpoint->pagingKind == QLatin1String("none"))
        return departments(*endpoint, doc.object());
    if (endpoint->hasWindow())
        return attendance(*endpoint, doc.object());
    return users(*endpoint, doc.object());
}

MockReply DingTalkMock::getToken(const MockRequest &request)
{
    const MockConfig &cfg = m_ctx.config;
    m_getToken.setLimit(cfg.limit(cfg.ddGettokenPerMinute));
    if (!m_getToken.tryAcquire(MockClock::monotonicMs())) {
        return error(90018,
                     QStringLiteral("获取 access_token 过于频繁（每分钟最多%1次），请缓存 "
                                    "access_token，有效期内重复使用")
                         .arg(cfg.ddGettokenPerMinute),
                     MockReply::Kind::RateLimited);
    }
    if (request.queryValue(QStringLiteral("appkey")) != cfg.ddAppKey ||
        request.queryValue(QStringLiteral("appsecret")) != cfg.ddAppSecret)
        return error(40089, QStringLiteral("不合法的appkey或appsecret"));
    const qint64 now = MockClock::wallMs();
    // Within its lifetime DingTalk hands out the same token again and extends it.
    if (m_token.isEmpty() || m_tokenExpiry < now) {
        if (!m_token.isEmpty())
            m_expired.insert(m_token);
        m_token = QStringLiteral("dd%1%2")
                      .arg(++m_serial)
                      .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
        m_ctx.log(QStringLiteral("dingtalk: issued access_token %1").arg(m_token));
    }
    m_tokenExpiry = now + cfg.ddTokenTtl * 1000;
    return ok(QJsonObject{{QStringLiteral("access_token"), m_token},
                          {QStringLiteral("expires_in"), cfg.ddTokenTtl}});
}

MockReply DingTalkMock::listIds(const QJsonObject &body)
{
    const QString code = body.value(QLatin1String("process_code")).toString();
    if (code.isEmpty())
        return error(kBadParameter, QStringLiteral("缺少参数 process_code"));
    const auto start = msOf(body.value(QLatin1String("start_time")));
    if (!start)
        return error(kBadParameter, QStringLiteral("缺少参数 start_time（毫秒时间戳）"));
    const qint64 now = MockClock::wallMs();
    const QJsonValue endValue = body.value(QLatin1String("end_time"));
    const auto end = endValue.isUndefined() ? std::optional<qint64>(now) : msOf(endValue);
    if (!end)
        return error(kBadParameter, QStringLiteral("end_time 须为毫秒时间戳"));
    const qint64 size = msOf(body.value(QLatin1String("size"))).value_or(10);
    const qint64 cursor = msOf(body.value(QLatin1String("cursor"))).value_or(0);
    if (size < 1 || size > 20)
        return error(kBadParameter, QStringLiteral("size 须在 1 到 20 之间"));
    if (cursor < 0)
        return error(kBadParameter, QStringLiteral("cursor 不能为负数"));
    if (*end < *start)
        return error(kBadParameter, QStringLiteral("end_time 不能早于 start_time"));
    if (*end - *start > 120 * 86400000LL)
        return error(kBadParameter, QStringLiteral("查询时间跨度不能超过120天"));
    if (*start < now - 365 * 86400000LL)
        return error(kBadParameter, QStringLiteral("start_time 不能早于当前时间365天"));

    QJsonArray list;
    QJsonObject result;
    if (code == m_ctx.config.ddProcessCode) {
        const DdDataset &dd = m_ctx.datasets.dd();
        const Timeline::Window w = dd.instances().window(*start, *end);
        for (qint64 k = cursor; k < std::min(w.size(), cursor + size); ++k)
            list.append(dd.instanceId(w.at(k)));
        if (cursor + size < w.size())
            result.insert(QStringLiteral("next_cursor"), cursor + size);
    }
    result.insert(QStringLiteral("list"), list);
    return ok(QJsonObject{{QStringLiteral("result"), result}, {QStringLiteral("success"), true}});
}

MockReply DingTalkMock::get(const QJsonObject &body)
{
    const QString id = body.value(QLatin1String("process_instance_id")).toString();
    if (id.isEmpty())
        return error(kBadParameter, QStringLiteral("缺少参数 process_instance_id"));
    const DdDataset &dd = m_ctx.datasets.dd();
    const auto index = dd.indexOf(id);
    if (!index)
        return error(kBadParameter, QStringLiteral("审批实例不存在：%1").arg(id));
    return ok(QJsonObject{{QStringLiteral("process_instance"), dd.instance(*index)},
                          {QStringLiteral("success"), true}});
}

std::optional<qint64> DingTalkMock::department(qint64 deptId) const
{
    if (deptId == 1)
        return -1;
    const CatalogDataset *departments =
        m_ctx.datasets.catalog(QStringLiteral("dingtalk/department.listsub"));
    const auto k = departments->generator().indexOfId(QString::number(deptId));
    if (!k || *k >= departments->generated())
        return std::nullopt;
    return k;
}

MockReply DingTalkMock::departments(const CatEndpoint &endpoint, const QJsonObject &body)
{
    const qint64 deptId = msOf(body.value(QLatin1String("dept_id"))).value_or(1);
    if (!department(deptId))
        return error(60003, QStringLiteral("部门不存在：%1").arg(deptId));
    // One call answers every direct sub-department (no paging).
    const CatalogDataset &data = *m_ctx.datasets.catalog(endpoint.ref());
    QJsonArray result;
    for (qint64 k = 0; k < data.size(); ++k) {
        const QJsonObject d = data.record(k);
        if (d.value(QLatin1String("parent_id")).toInteger() == deptId)
            result.append(d);
    }
    return ok(QJsonObject{{QStringLiteral("result"), result}});
}

MockReply DingTalkMock::users(const CatEndpoint &endpoint, const QJsonObject &body)
{
    const auto deptId = msOf(body.value(QLatin1String("dept_id")));
    const auto cursor = msOf(body.value(QLatin1String("cursor")));
    const auto size = msOf(body.value(QLatin1String("size")));
    if (!deptId || !cursor || !size)
        return error(kBadParameter, QStringLiteral("缺少参数 dept_id、cursor 或 size"));
    const qint64 maxSize = endpoint.maxPageSize > 0 ? endpoint.maxPageSize : 100;
    if (*size < 1 || *size > maxSize)
        return error(kBadParameter, QStringLiteral("size 须在 1 到 %1 之间").arg(maxSize));
    if (*cursor < 0)
        return error(kBadParameter, QStringLiteral("cursor 不能为负数"));
    if (!department(*deptId))
        return error(60003, QStringLiteral("部门不存在：%1").arg(*deptId));
    const CatalogDataset &data = *m_ctx.datasets.catalog(endpoint.ref());
    QJsonArray list;
    qint64 matched = 0;
    for (qint64 j = 0; j < data.size(); ++j) {
        const QJsonObject u = data.record(j);
        if (!u.value(QLatin1String("dept_id_list")).toArray().contains(QJsonValue(*deptId)))
            continue;
        if (matched >= *cursor && matched < *cursor + *size)
            list.append(u);
        ++matched;
    }
    const bool more = *cursor + *size < matched;
    QJsonObject result{{QStringLiteral("has_more"), more}, {QStringLiteral("list"), list}};
    if (more)
        result.insert(QStringLiteral("next_cursor"), *cursor + *size);
    return ok(QJsonObject{{QStringLiteral("result"), result}});
}

MockReply DingTalkMock::attendance(const CatEndpoint &endpoint, const QJsonObject &body)
{
    const auto from = m_ctx.clock.parse(body.value(endpoint.windowStart).toString());
    const auto to = m_ctx.clock.parse(body.value(endpoint.windowEnd).toString());
    if (!from || !to) {
        return error(kBadParameter, QStringLiteral("%1/%2 须为 yyyy-MM-dd HH:mm:ss")
                                        .arg(endpoint.windowStart, endpoint.windowEnd));
    }
    if (*to < *from)
        return error(
            kBadParameter,
            QStringLiteral("%1 不能早于 %2").arg(endpoint.windowEnd, endpoint.windowStart));
    if (endpoint.maxSpanDays > 0 && *to - *from > endpoint.maxSpanDays * 86400000LL)
        return error(kBadParameter,
                     QStringLiteral("查询时间跨度不能超过%1天").arg(endpoint.maxSpanDays));
    QSet<QString> wanted;
    for (const QJsonValue &v : body.value(QLatin1String("userIdList")).toArray())
        wanted.insert(v.toString());
    if (wanted.isEmpty() || wanted.size() > 50)
        return error(kBadParameter, QStringLiteral("userIdList 须有 1 到 50 个员工"));
    const qint64 offset = msOf(body.value(QLatin1String("offset"))).value_or(-1);
    const qint64 limit = msOf(body.value(QLatin1String("limit"))).value_or(-1);
    const qint64 maxSize = endpoint.maxPageSize > 0 ? endpoint.maxPageSize : 50;
    if (offset < 0 || limit < 1 || limit > maxSize)
        return error(kBadParameter,
                     QStringLiteral("offset 须不小于 0，limit 须在 1 到 %1 之间").arg(maxSize));
    const CatalogDataset &data = *m_ctx.datasets.catalog(endpoint.ref());
    const CatalogDataset::Selection window = data.select(*from, *to + 999);
    QJsonArray records;
    qint64 matched = 0;
    for (qint64 n = 0; n < window.size(); ++n) {
        const QJsonObject r = data.record(window.at(n));
        if (!wanted.contains(r.value(QLatin1String("userId")).toString()))
            continue;
        if (matched >= offset && matched < offset + limit)
            records.append(r);
        ++matched;
    }
    return ok(QJsonObject{{QStringLiteral("hasMore"), offset + limit < matched},
                          {QStringLiteral("recordresult"), records}});
}

} // namespace weft::mock
