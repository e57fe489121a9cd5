#include "jushuitanmock.h"

#include "jsonsink.h"
#include "mockcrypto.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>
#include <functional>
#include <set>

namespace weft::mock {

namespace {

constexpr int kBadParameter = 120;
const QString kPartnerPath = QStringLiteral("/open/wms/partner/query");
const QString kPurchaseInPath = QStringLiteral("/open/purchasein/query");
const QString kInitTokenPath = QStringLiteral("/openWeb/auth/getInitToken");
const QString kRefreshTokenPath = QStringLiteral("/openWeb/auth/refreshToken");

// biz values arrive as numbers or as strings ("page_index": "1"): accept both, as JST does.
std::optional<qint64> intOf(const QJsonValue &v)
{
    if (v.isDouble())
        return qint64(v.toDouble());
    if (v.isString()) {
        bool ok = false;
        const qint64 n = v.toString().trimmed().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

QStringList listOf(const QJsonValue &v)
{
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue &e : v.toArray())
            out << (e.isDouble() ? QString::number(qint64(e.toDouble())) : e.toString());
    } else if (v.isString()) {
        out = v.toString().split(u',', Qt::SkipEmptyParts);
    } else if (v.isDouble()) {
        out << QString::number(qint64(v.toDouble()));
    }
    for (QString &s : out)
        s = s.trimmed();
    return out;
}

} // namespace

JushuitanMock::JushuitanMock(MockContext &context)
    : m_ctx(context)
{
    reset();
}

void JushuitanMock::reset()
{
    m_tokens.clear();
    m_tokens.insert(m_ctx.config.jstAccessToken,
                    MockClock::wallMs() + m_ctx.config.jstTokenTtl * 1000);
    m_refreshToken = m_ctx.config.jstRefreshToken;
    m_limits.clear();
    m_shipments = QJsonArray();
    m_trackingNos.clear();
}

QJsonValue JushuitanMock::written() const
{
    return QJsonObject{{QStringLiteral("shipments"), m_shipments}};
}

MockReply JushuitanMock::error(int code, const QString &message, MockReply::Kind kind)
{
    return MockReply::json(QJsonObject{{QStringLiteral("code"), code},
                                       {QStringLiteral("msg"), message},
                                       {QStringLiteral("data"), QJsonValue()}},
                           kind);
}

MockReply JushuitanMock::throttled() const
{
    return error(
        199,
        QStringLiteral("接口调用频率超过限制：每秒不能超过%1次").arg(m_ctx.config.jstRatePerSecond),
        MockReply::Kind::RateLimited);
}

QString JushuitanMock::issueToken()
{
    const QString token = QStringLiteral("jst-%1-%2")
                              .arg(++m_serial)
                              .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
    m_tokens.insert(token, MockClock::wallMs() + m_ctx.config.jstTokenTtl * 1000);
    return token;
}

MockReply JushuitanMock::handle(const MockRequest &request)
{
    const QString &path = request.subPath;
    const bool isToken = path == kInitTokenPath || path == kRefreshTokenPath;
    const CatEndpoint *endpoint =
        m_ctx.catalog.byApi(QStringLiteral("jushuitan"), path, QStringLiteral("POST"));
    if (!isToken && path != kPartnerPath && path != kPurchaseInPath && !endpoint) {
        MockReply r = error(404, QStringLiteral("接口不存在：%1").arg(path));
        r.status = 404;
        return r;
    }
    if (request.method != "POST")
        return error(kBadParameter, QStringLiteral("只支持 POST 请求"));
    if (request.header("content-type").contains("json"))
        return error(kBadParameter,
                     QStringLiteral("请求须为 application/x-www-form-urlencoded 表单"));

    const QMap<QString, QString> form = request.formFields();
    const MockConfig &cfg = m_ctx.config;
    if (form.value(QStringLiteral("app_key")) != cfg.jstAppKey)
        return error(10, QStringLiteral("app_key 不存在：%1").arg(form.value("app_key")));
    QList<QPair<QString, QString>> fields;
    for (auto it = form.cbegin(); it != form.cend(); ++it)
        fields.append({it.key(), it.value()});
    const QByteArray expected = crypto::jushuitanSign(cfg.jstAppSecret.toUtf8(), fields);
    if (!crypto::sameSignature(expected, form.value(QStringLiteral("sign")).toLower().toUtf8()))
        return error(10, QStringLiteral("签名错误"));

    bool ok = false;
    const qint64 ts = form.value(QStringLiteral("timestamp")).toLongLong(&ok);
    if (!ok || std::abs(MockClock::wallMs() / 1000 - ts) > 15 * 60)
        return error(140, QStringLiteral("timestamp 与服务器时间相差超过15分钟"));

    if (isToken)
        return token(form, path == kRefreshTokenPath);

    const auto tok = m_tokens.constFind(form.value(QStringLiteral("access_token")));
    if (tok == m_tokens.cend() || tok.value() < MockClock::wallMs())
        return error(100, QStringLiteral("access_token 已过期或无效，请刷新 token"));

    Limits &limits = m_limits[path];
    limits.perSecond.setLimit(cfg.limit(cfg.jstRatePerSecond));
    limits.perMinute.setLimit(cfg.limit(cfg.jstRatePerMinute));
    const qint64 now = MockClock::monotonicMs();
    if (!limits.perSecond.allows(now))
        return throttled();
    if (!limits.perMinute.allows(now)) {
        return error(
            200,
            QStringLiteral("接口调用频率超过限制：每分钟不能超过%1次").arg(cfg.jstRatePerMinute),
            MockReply::Kind::RateLimited);
    }
    limits.perSecond.record(now);
    limits.perMinute.record(now);

    QJsonObject biz;
    QJsonArray bizArray;
    const bool takesArray = endpoint && endpoint->bodyIsArray;
    const QString bizText = form.value(QStringLiteral("biz"));
    if (!bizText.isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(bizText.toUtf8(), &parseError);
        if (!doc.isObject() && !(takesArray && doc.isArray()))
            return error(kBadParameter, takesArray ? QStringLiteral("biz 须为 JSON 数组")
                                                   : QStringLiteral("biz 不是合法的 JSON 对象"));
        biz = doc.object();
        bizArray = doc.array();
    }
    if (path == kPartnerPath)
        return partners(biz);
    if (path == kPurchaseInPath)
        return purchaseIns(biz);
    if (endpoint->query)
        return catalogQuery(*endpoint, biz);
    return upload(*endpoint, bizArray.isEmpty() && !biz.isEmpty() ? QJsonValue(QJsonArray{biz})
                                                                  : QJsonValue(bizArray));
}

MockReply JushuitanMock::token(const QMap<QString, QString> &form, bool refresh)
{
    const QString grant = form.value(QStringLiteral("grant_type"));
    if (refresh) {
        if (grant != QLatin1String("refresh_token"))
            return error(kBadParameter, QStringLiteral("grant_type 须为 refresh_token"));
        if (form.value(QStringLiteral("refresh_token")) != m_refreshToken)
            return error(100, QStringLiteral("refresh_token 无效"));
        if (m_ctx.config.jstRotateRefresh) {
            m_refreshToken =
                QStringLiteral("jst-refresh-%1-%2")
                    .arg(m_serial + 1)
                    .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'));
        }
    } else {
        if (grant != QLatin1String("authorization_code"))
            return error(kBadParameter, QStringLiteral("grant_type 须为 authorization_code"));
        if (form.value(QStringLiteral("code")) != m_ctx.config.jstAuthCode)
            return error(kBadParameter, QStringLiteral("授权码 code 无效"));
    }
    const QString access = issueToken();
    m_ctx.log(QStringLiteral("jushuitan: issued access token %1").arg(access));
    return MockReply::json(
        QJsonObject{{QStringLiteral("code"), 0},
                    {QStringLiteral("msg"), QStringLiteral("执行成功")},
                    {QStringLiteral("data"),
                     QJsonObject{{QStringLiteral("access_token"), access},
                                 {QStringLiteral("expires_in"), m_ctx.config.jstTokenTtl},
                                 {QStringLiteral("refresh_token"), m_refreshToken},
                                 {QStringLiteral("scope"), QStringLiteral("all")}}}});
}

MockReply JushuitanMock::page(const QJsonObject &biz, qint64 total,
                              const std::function<void(qint64, QByteArray &)> &record,
                              qint64 maxSize, qint64 defaultSize, const char *key)
{
    const auto pageIndex = intOf(biz.value(QLatin1String("page_index"))).value_or(1);
    const auto pageSize = intOf(biz.value(QLatin1String("page_size"))).value_or(defaultSize);
    if (pageIndex < 1)
        return error(kBadParameter, QStringLiteral("page_index 须从 1 开始"));
    if (pageSize < 1 || pageSize > maxSize)
        return error(kBadParameter, QStringLiteral("page_size 须在 1 到 %1 之间").arg(maxSize));
    const qint64 pageCount = (total + pageSize - 1) / pageSize;
    const qint64 from = (pageIndex - 1) * pageSize;
    // Written as text as the records are made: a page of purchase-ins is most of what the
    // mock does in a benchmark.
    MockReply reply;
    reply.body.reserve(64 * 1024);
    JsonTextSink out(reply.body);
    out.beginObject();
    out.field("code", 0);
    out.field("msg", QStringLiteral("执行成功"));
    out.beginObject("data");
    out.field("page_index", pageIndex);
    out.field("page_size", pageSize);
    out.field("data_count", total);
    out.field("page_count", pageCount);
    out.field("has_next", pageIndex < pageCount);
    out.beginArray(key);
    for (qint64 k = from; k < std::min(total, from + pageSize); ++k) {
        if (!m_ctx.faults.dropsRecord(mount())) // data_count above still counts it
            out.element([&](QByteArray &text) { record(k, text); });
    }
    out.endArray();
    out.endObject();
    out.endObject();
    return reply;
}

MockReply JushuitanMock::partners(const QJsonObject &biz)
{
    const JstDataset &jst = m_ctx.datasets.jst();
    return page(biz, jst.partnerCount(),
                [&jst](qint64 k, QByteArray &out) { out += toJson(jst.partner(k)); });
}

std::optional<MockReply> JushuitanMock::window(const QJsonObject &biz, const QString &beginKey,
                                               const QString &endKey, qint64 maxDays,
                                               std::optional<qint64> *beginMs,
                                               std::optional<qint64> *endMs) const
{
    const bool hasBegin = !biz.value(beginKey).toString().isEmpty();
    const bool hasEnd = !biz.value(endKey).toString().isEmpty();
    if (hasBegin != hasEnd)
        return error(kBadParameter, QStringLiteral("%1 与 %2 必须同时存在").arg(beginKey, endKey));
    if (!hasBegin)
        return std::nullopt;
    *beginMs = m_ctx.clock.parse(biz.value(beginKey).toString());
    *endMs = m_ctx.clock.parse(biz.value(endKey).toString());
    if (!*beginMs || !*endMs)
        return error(kBadParameter,
                     QStringLiteral("%1/%2 格式须为 yyyy-MM-dd HH:mm:ss").arg(beginKey, endKey));
    if (**endMs < **beginMs)
        return error(kBadParameter, QStringLiteral("%1 不能早于 %2").arg(endKey, beginKey));
    if (maxDays > 0 && **endMs - **beginMs > maxDays * 86400000LL) {
        const QString days = maxDays == 7 ? QStringLiteral("七") : QString::number(maxDays);
        return error(kBadParameter,
                     QStringLiteral("%1 与 %2 的间隔不能超过%3天").arg(beginKey, endKey, days));
    }
    **endMs += 999; // the end second is included
    return std::nullopt;
}

MockReply JushuitanMock::purchaseIns(const QJsonObject &biz)
{
    const JstDataset &jst = m_ctx.datasets.jst();
    const Timeline &timeline = jst.purchaseIns();
    std::optional<qint64> beginMs;
    std::optional<qint64> endMs;
    if (auto refusal = window(biz, QStringLiteral("modified_begin"), QStringLiteral("modified_end"),
                              7, &beginMs, &endMs))
        return *refusal;
    const bool hasBegin = beginMs.has_value();
    const QStringList poIds = listOf(biz.value(QLatin1String("po_ids")));
    const QStringList ioIds = listOf(biz.value(QLatin1String("io_ids")));
    const QStringList soIds = listOf(biz.value(QLatin1String("so_ids")));
    if (poIds.size() > 30 || ioIds.size() > 30)
        return error(kBadParameter, QStringLiteral("po_ids/io_ids 每次最多 30 个"));
    const bool byIds = !poIds.isEmpty() || !ioIds.isEmpty() || !soIds.isEmpty();
    if (!hasBegin && !byIds)
        return error(kBadParameter,
                     QStringLiteral("修改时间（modified_begin/modified_end）与单号（po_ids/"
                                    "io_ids/so_ids）不能同时为空"));
    if (!byIds) {
        const Timeline::Window w = timeline.window(*beginMs, *endMs);
        return page(biz, w.size(),
                    [&](qint64 k, QByteArray &out) { jst.appendPurchaseInJson(w.at(k), out); });
    }
    std::set<qint64> found;
    for (const QString &id : poIds) {
        if (auto i = jst.indexOfPoId(id.toLongLong()))
            found.insert(*i);
    }
    for (const QString &id : ioIds) {
        if (auto i = jst.indexOfIoId(id.toLongLong()))
            found.insert(*i);
    }
    for (const QString &id : soIds) {
        if (auto i = jst.indexOfSoId(id))
            found.insert(*i);
    }
    std::vector<qint64> list;
    for (qint64 i : found) {
        const qint64 t = timeline.timeMs(i);
        if (!beginMs || (t >= *beginMs && t <= *endMs))
            list.push_back(i);
    }
    return page(biz, qint64(list.size()),
                [&](qint64 k, QByteArray &out) {
                    jst.appendPurchaseInJson(list.at(size_t(k)), out);
                });
}

namespace {

// Parameters that select records by their own values: so_ids → so_id, supplier_codes →
// supplier_code, names → name (the documentation's "…列表，最大30").
bool selects(const CatParam &p)
{
    return p.role.isEmpty() &&
           (p.field.endsWith(QLatin1String("ids")) || p.field.endsWith(QLatin1String("codes")) ||
            p.field == QLatin1String("names"));
}

} // namespace

MockReply JushuitanMock::catalogQuery(const CatEndpoint &endpoint, const QJsonObject &biz)
{
    const CatalogDataset &data = *m_ctx.datasets.catalog(endpoint.ref());
    std::optional<qint64> beginMs;
    std::optional<qint64> endMs;
    if (endpoint.hasWindow()) {
        if (auto refusal = window(biz, endpoint.windowStart, endpoint.windowEnd,
                                  endpoint.maxSpanDays, &beginMs, &endMs))
            return *refusal;
    }
    // Filters: the selection lists, and any other parameter naming a field of the records
    // (status, shop_id, wms_co_id…), compared as text.
    QList<QPair<QString, QStringList>> filters;
    QStringList selectors;
    for (const CatParam &p : endpoint.request) {
        const QJsonValue v = biz.value(p.field);
        const bool empty = v.isArray() ? v.toArray().isEmpty() : scalarText(v).isEmpty();
        if (!p.role.isEmpty() || v.isUndefined() || v.isNull() || empty)
            continue;
        if (selects(p)) {
            selectors << p.field;
            QString field = p.field;
            field.chop(1);
            if (endpoint.field(field))
                filters.append({field, listOf(v)});
        } else if (endpoint.field(p.field) && p.field != QLatin1String("ts")) {
            filters.append({p.field, {scalarText(v)}});
        }
    }
    if (endpoint.hasWindow() && !beginMs && selectors.isEmpty()) {
        return error(kBadParameter, QStringLiteral("修改时间（%1/%2）与单号（%3）不能同时为空")
                                        .arg(endpoint.windowStart, endpoint.windowEnd, [&] {
                                            QStringList lists;
                                            for (const CatParam &p : endpoint.request) {
                                                if (selects(p))
                                                    lists << p.field;
                                            }
                                            return lists.join(u'/');
                                        }()));
    }
    const CatalogDataset::Selection selection =
        beginMs ? data.select(*beginMs, *endMs) : data.all();
    const qint64 maxSize = endpoint.maxPageSize > 0 ? endpoint.maxPageSize : 50;
    const qint64 defaultSize =
        std::min(endpoint.defaultPageSize > 0 ? endpoint.defaultPageSize : 30, maxSize);
    const QByteArray key = endpoint.recordKey().toUtf8();
    if (filters.isEmpty()) {
        return page(
            biz, selection.size(),
            [&](qint64 n, QByteArray &out) { out += toJson(data.record(selection.at(n))); },
            maxSize, defaultSize, key.constData());
    }
    std::vector<QJsonObject> found;
    for (qint64 n = 0; n < selection.size(); ++n) {
        QJsonObject r = data.record(selection.at(n));
        const bool keep = std::all_of(filters.cbegin(), filters.cend(), [&](const auto &f) {
            return f.second.contains(scalarText(r.value(f.first)));
        });
        if (keep)
            found.push_back(std::move(r));
    }
    return page(
        biz, qint64(found.size()),
        [&](qint64 n, QByteArray &out) { out += toJson(found.at(size_t(n))); }, maxSize,
        defaultSize, key.constData());
}

MockReply JushuitanMock::upload(const CatEndpoint &endpoint, const QJsonValue &biz)
{
    const QJsonArray shipments = biz.toArray();
    if (shipments.isEmpty())
        return error(kBadParameter, QStringLiteral("biz 不能为空：须为发货信息的数组"));
    const CatEndpoint *query = m_ctx.catalog.matchingQuery(endpoint);
    CatalogDataset *orders = query ? m_ctx.datasets.catalog(query->ref()) : nullptr;
    const QString orderKey = endpoint.keyId; // o_id: the order the shipment is for
    QJsonArray results;
    bool allOk = true;
    for (const QJsonValue &v : shipments) {
        const QJsonObject s = v.toObject();
        QStringList problems;
        for (const CatParam &p : endpoint.request) {
            if (p.required && scalarText(s.value(p.field)).trimmed().isEmpty())
                problems << QStringLiteral("%1（%2）不能为空").arg(p.label, p.field);
        }
        const QString orderId = scalarText(s.value(orderKey)).trimmed();
        qint64 k = -1;
        if (orders && !orderId.isEmpty())
            k = orders->findId(orderId).value_or(-1);
        if (!orderId.isEmpty() && k < 0)
            problems << QStringLiteral("订单不存在：%1=%2").arg(orderKey, orderId);
        // 是否允许传重复物流单号；默认false不重复 (the upload's documentation).
        const QString trackingNo = scalarText(s.value(QLatin1String("l_id"))).trimmed();
        const QString usedBy = m_trackingNos.value(trackingNo);
        if (!trackingNo.isEmpty() && !usedBy.isEmpty() && usedBy != orderId &&
            !s.value(QLatin1String("send_by_used_lid")).toBool())
            problems << QStringLiteral("物流单号 %1 已被订单 %2 使用").arg(trackingNo, usedBy);
        QJsonObject result{{orderKey, s.value(orderKey)}};
        if (!problems.isEmpty() || k < 0) {
            allOk = false;
            result.insert(QStringLiteral("issuccess"), false);
            result.insert(QStringLiteral("msg"), problems.join(QStringLiteral("；")));
            results.append(result);
            continue;
        }
        // The order now shows its shipment, and moves into the next incremental window.
        const qint64 now = m_ctx.clock.touchMs();
        QJsonObject change{{QStringLiteral("l_id"), trackingNo},
                           {QStringLiteral("lc_id"), s.value(QLatin1String("lc_id"))},
                           {QStringLiteral("send_date"), m_ctx.clock.dateTime(now)},
                           {QStringLiteral("status"), QStringLiteral("Sent")},
                           {QStringLiteral("modified"), m_ctx.clock.dateTime(now)}};
        if (!scalarText(s.value(QLatin1String("lc_name"))).isEmpty())
            change.insert(QStringLiteral("logistics_company"), s.value(QLatin1String("lc_name")));
        for (auto it = change.begin(); it != change.end();) {
            if (query->field(it.key()))
                ++it;
            else
                it = change.erase(it);
        }
        orders->update(k, change, now);
        m_trackingNos.insert(trackingNo, orderId);
        m_shipments.append(s);
        result.insert(QStringLiteral("so_id"), orders->record(k).value(QLatin1String("so_id")));
        result.insert(QStringLiteral("issuccess"), true);
        result.insert(QStringLiteral("msg"), QString());
        results.append(result);
    }
    // Each shipment succeeds or fails on its own; the answer's shape is the mock's choice (the
    // documentation leaves the per-order fields empty).
    return MockReply::json(
        QJsonObject{{QStringLiteral("code"), 0},
                    {QStringLiteral("msg"), QStringLiteral("执行成功")},
                    {QStringLiteral("issuccess"), allOk},
                    {QStringLiteral("data"), QJsonObject{{QStringLiteral("datas"), results}}}},
        allOk ? MockReply::Kind::Ok : MockReply::Kind::ApiError);
}

} // namespace weft::mock
