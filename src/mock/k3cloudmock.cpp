#include "k3cloudmock.h"

#include "k3filter.h"
#include "mockcrypto.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>
#include <limits>

namespace weft::mock {

namespace {

const QString kPrefix = QStringLiteral("/K3Cloud/Kingdee.BOS.WebApi.ServicesStub.");
const QString kSuffix = QStringLiteral(".common.kdsvc");
const QString kSessionLost = QStringLiteral("会话信息已丢失，请重新登录");

// A K3Cloud query failure: the Result wrapped twice in arrays, where rows would be.
MockReply queryFailure(const QString &message, int msgCode = 9)
{
    return MockReply::json(
        QJsonArray{QJsonArray{
            QJsonObject{{QStringLiteral("Result"), K3BillStore::failure(message, msgCode)}}}},
        MockReply::Kind::ApiError);
}

MockReply saveFailure(const QString &message, int msgCode = 9)
{
    return MockReply::json(
        QJsonObject{{QStringLiteral("Result"), K3BillStore::failure(message, msgCode)}},
        MockReply::Kind::ApiError);
}

// Parameters come as {"data": {...}}, {"data": "<json>"}, {"parameters": [...]} or bare.
QJsonValue decoded(const QJsonValue &v)
{
    if (!v.isString())
        return v;
    const QJsonDocument doc = QJsonDocument::fromJson(v.toString().toUtf8());
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return v;
}

QJsonValue member(const QJsonObject &o, const char *name)
{
    for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
        if (it.key().compare(QLatin1String(name), Qt::CaseInsensitive) == 0)
            return decoded(it.value());
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonArray positional(const QJsonObject &body)
{
    return decoded(member(body, "parameters")).toArray();
}

QString text(const QJsonValue &v)
{
    return v.isDouble() ? QString::number(qint64(v.toDouble())) : v.toString();
}

struct OrderKey
{
    int field;
    bool descending;
};

// A sort column's value: plain members, because a QJsonValue per row costs a heap block each.
struct SortKey
{
    double number;
    QString text;
};

} // namespace

struct K3CloudMock::CachedQuery
{
    const K3Form *form;
    QString filter;
    QString order;
    bool perLine;
    quint64 generation;
    quint64 saves;
    std::vector<qint64> rows;
};

namespace {

qint64 lineSlots(const K3Form &form)
{
    return form.hasLines ? K3Form::kLineSlots : 1;
}

} // namespace

K3CloudMock::K3CloudMock(MockContext &context)
    : m_ctx(context)
    , m_bills(context.datasets.k3(), context.clock, context.datasets.catalogue())
{}

std::vector<QJsonValue> K3CloudMock::rowOf(const K3Form &form, qint64 row) const
{
    if (row >= 0)
        return m_ctx.datasets.k3().row(form, row / lineSlots(form), int(row % lineSlots(form)));
    const qint64 saved = -1 - row;
    return m_bills.row(form, saved / lineSlots(form), int(saved % lineSlots(form)));
}

qint64 K3CloudMock::timeOf(const K3Form &form, qint64 row) const
{
    if (row >= 0) {
        const Timeline *timeline = m_ctx.datasets.k3().timeline(form);
        return timeline ? timeline->timeMs(row / lineSlots(form)) : 0;
    }
    return m_bills.timeMs(form, (-1 - row) / lineSlots(form));
}

K3CloudMock::~K3CloudMock() = default;

void K3CloudMock::reset()
{
    m_sessions.clear();
    m_bills.reset();
    m_cache.clear();
}

MockReply K3CloudMock::throttled() const
{
    MockReply r = saveFailure(QStringLiteral("请求过于频繁，请稍后再试"), 0);
    r.status = 429;
    r.kind = MockReply::Kind::RateLimited;
    return r;
}

MockReply K3CloudMock::handle(const MockRequest &request)
{
    const QString &path = request.subPath;
    if (!path.startsWith(kPrefix, Qt::CaseInsensitive) ||
        !path.endsWith(kSuffix, Qt::CaseInsensitive)) {
        MockReply r =
            MockReply::text(404, "404 - File or directory not found.", "text/html;charset=UTF-8");
        return r;
    }
    const QString service = path.mid(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size());
    const qsizetype dot = service.indexOf(u'.');
    const QString group = service.left(dot);
    const QString operation = service.mid(dot + 1);
    if (request.method != "POST")
        return saveFailure(QStringLiteral("WebAPI 只接受 POST 请求"));
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    const QJsonObject body = doc.object();
    if (!doc.isObject())
        return saveFailure(QStringLiteral("请求体不是合法的 JSON 对象"));

    if (group.compare(QLatin1String("AuthService"), Qt::CaseInsensitive) == 0)
        return login(operation, body);
    if (group.compare(QLatin1String("DynamicFormService"), Qt::CaseInsensitive) != 0)
        return saveFailure(QStringLiteral("服务“%1”不存在").arg(group));

    const bool isQuery =
        operation.compare(QLatin1String("ExecuteBillQuery"), Qt::CaseInsensitive) == 0;
    if (!sessionValid(request))
        return isQuery ? queryFailure(kSessionLost, 1) : saveFailure(kSessionLost, 1);
    if (isQuery)
        return executeBillQuery(body);
    if (operation.compare(QLatin1String("BatchSave"), Qt::CaseInsensitive) == 0)
        return save(body, true);
    if (operation.compare(QLatin1String("Save"), Qt::CaseInsensitive) == 0)
        return save(body, false);
    return saveFailure(QStringLiteral("weft-mock 未实现操作“%1”（支持 ExecuteBillQuery、Save、"
                                      "BatchSave）")
                           .arg(operation));
}

bool K3CloudMock::sessionValid(const MockRequest &request)
{
    QString sid = QString::fromUtf8(request.cookie("kdservice-sessionid"));
    if (sid.isEmpty())
        sid = QString::fromUtf8(request.header("kdservice-sessionid"));
    if (sid.isEmpty())
        sid = QString::fromUtf8(request.cookie("ASP.NET_SessionId"));
    const auto it = m_sessions.find(sid);
    if (it == m_sessions.end())
        return false;
    const qint64 now = MockClock::wallMs();
    const qint64 idle = m_ctx.config.k3SessionIdle * 1000;
    if (idle > 0 && now - it.value() > idle) {
        m_sessions.erase(it);
        return false;
    }
    it.value() = now;
    return true;
}

MockReply K3CloudMock::login(const QString &operation, const QJsonObject &body)
{
    const MockConfig &cfg = m_ctx.config;
    const QJsonArray p = positional(body);
    auto arg = [&](int index, const char *name) {
        return p.isEmpty() ? text(member(body, name)) : text(p.at(index));
    };
    const QString acct = arg(0, "acctID");
    QString user = p.isEmpty() ? text(member(body, "username")) : text(p.at(1));
    if (user.isEmpty())
        user = text(member(body, "userName"));
    QString problem;
    int lcidIndex = 3;
    if (operation.compare(QLatin1String("ValidateUser"), Qt::CaseInsensitive) == 0) {
        if (arg(2, "password") != cfg.k3Password)
            problem = QStringLiteral("用户名或密码错误！");
    } else if (operation.compare(QLatin1String("LoginByAppSecret"), Qt::CaseInsensitive) == 0) {
        lcidIndex = 4;
        if (arg(2, "appId") != cfg.k3AppId || arg(3, "appSecret") != cfg.k3AppSecret)
            problem = QStringLiteral("应用ID或应用密钥错误，请检查第三方系统登录授权");
    } else if (operation.compare(QLatin1String("LoginBySign"), Qt::CaseInsensitive) == 0) {
        lcidIndex = 5;
        const QString timestamp = arg(3, "timestamp");
        const QByteArray expected = crypto::k3LoginSign(
            {cfg.k3AcctId, cfg.k3User, cfg.k3AppId, cfg.k3AppSecret, timestamp});
        if (arg(2, "appId") != cfg.k3AppId ||
            !crypto::sameSignature(expected, arg(4, "sign").toLower().toUtf8()))
            problem = QStringLiteral("签名验证失败");
    } else {
        return saveFailure(QStringLiteral("登录方式“%1”不存在").arg(operation));
    }
    if (acct != cfg.k3AcctId)
        problem = QStringLiteral("数据中心“%1”不存在").arg(acct);
    else if (problem.isEmpty() && user.compare(cfg.k3User, Qt::CaseInsensitive) != 0)
        problem = QStringLiteral("用户名或密码错误！");
    const QString lcidText = arg(lcidIndex, "lcid");
    const int lcid = lcidText.isEmpty() ? 2052 : lcidText.toInt();
    if (problem.isEmpty() && lcid != 2052 && lcid != 1033 && lcid != 3076)
        problem = QStringLiteral("不支持的语言 lcid %1").arg(lcidText);
    if (!problem.isEmpty()) {
        return MockReply::json(QJsonObject{{QStringLiteral("Message"), problem},
                                           {QStringLiteral("MessageCode"), QStringLiteral("")},
                                           {QStringLiteral("LoginResultType"), 0},
                                           {QStringLiteral("Context"), QJsonValue()},
                                           {QStringLiteral("KDSVCSessionId"), QJsonValue()},
                                           {QStringLiteral("IsSuccessByAPI"), false}},
                               MockReply::Kind::ApiError);
    }
    const QString sid = QStringLiteral("%1%2")
                            .arg(QRandomGenerator::global()->generate64(), 16, 16, QChar(u'0'))
                            .arg(++m_serial, 8, 16, QChar(u'0'));
    m_sessions.insert(sid, MockClock::wallMs());
    m_ctx.log(QStringLiteral("k3cloud: %1 opened session %2").arg(operation, sid));
    MockReply r = MockReply::json(QJsonObject{
        {QStringLiteral("Message"), QJsonValue()},
        {QStringLiteral("MessageCode"), QStringLiteral("CheckPasswordPolicy")},
        {QStringLiteral("LoginResultType"), 1},
        {QStringLiteral("Context"),
         QJsonObject{{QStringLiteral("UserLocale"), QStringLiteral("zh-CN")},
                     {QStringLiteral("LogLocale"), QStringLiteral("zh-CN")},
                     {QStringLiteral("DBid"), cfg.k3AcctId},
                     {QStringLiteral("DatabaseType"), 3},
                     {QStringLiteral("SessionId"), sid},
                     {QStringLiteral("UserId"), 16394},
                     {QStringLiteral("UserName"), cfg.k3User},
                     {QStringLiteral("CustomName"), QStringLiteral("weft-mock")},
                     {QStringLiteral("DataCenterName"), QStringLiteral("Weft 模拟账套")},
                     {QStringLiteral("UseLanguages"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("LocaleId"), lcid},
                          {QStringLiteral("LocaleName"), QStringLiteral("中文(简体/中国)")}}}}}},
        {QStringLiteral("KDSVCSessionId"), sid},
        {QStringLiteral("FormId"), QJsonValue()},
        {QStringLiteral("RedirectFormParam"), QJsonValue()},
        {QStringLiteral("FormInputObject"), QJsonValue()},
        {QStringLiteral("ErrorStackTrace"), QJsonValue()},
        {QStringLiteral("Lcid"), 0},
        {QStringLiteral("AccessToken"), QJsonValue()},
        {QStringLiteral("KdAccessResult"), QJsonValue()},
        {QStringLiteral("IsSuccessByAPI"), true}});
    r.headers.append({"Set-Cookie", "kdservice-sessionid=" + sid.toUtf8() + "; path=/"});
    r.headers.append({"Set-Cookie", "ASP.NET_SessionId=" + sid.toUtf8() + "; path=/; HttpOnly"});
    return r;
}

const std::vector<qint64> *K3CloudMock::matches(const K3Form &form, const QString &filter,
                                                const QString &order, bool perLine, QString *error)
{
    const quint64 generation = m_ctx.datasets.generation();
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
        CachedQuery &c = **it;
        if (c.form == &form && c.filter == filter && c.order == order && c.perLine == perLine &&
            c.generation == generation && c.saves == m_bills.version()) {
            std::rotate(m_cache.begin(), it, it + 1); // most recently used first
            return &m_cache.front()->rows;
        }
    }
    std::optional<K3Filter> parsed = K3Filter::parse(filter, form, m_ctx.clock, error);
    if (!parsed)
        return nullptr;
    std::vector<OrderKey> keys;
    for (const QString &part : order.split(u',', Qt::SkipEmptyParts)) {
        const QStringList words = part.simplified().split(u' ');
        const int fieldIndex = form.fieldIndex(words.value(0));
        const QString dir = words.value(1).toLower();
        if (fieldIndex < 0 || words.size() > 2 ||
            (!dir.isEmpty() && dir != QLatin1String("asc") && dir != QLatin1String("desc"))) {
            *error = QStringLiteral("OrderString “%1”无法解析：字段不存在或方向不是 ASC/DESC")
                         .arg(part.trimmed());
            return nullptr;
        }
        keys.push_back({fieldIndex, dir == QLatin1String("desc")});
    }

    const K3Dataset &k3 = m_ctx.datasets.k3();
    const Timeline *timeline = k3.timeline(form);
    // A query reading a line field answers one row per line, others one per document.
    const bool lines = form.hasLines && (perLine || [&] {
                           for (int k = 0; k < form.fields.size(); ++k) {
                               if (form.fields.at(k).line && parsed->uses(k))
                                   return true;
                           }
                           for (const OrderKey &key : keys) {
                               if (form.fields.at(key.field).line)
                                   return true;
                           }
                           return false;
                       }());
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
    parsed->timeBounds(&from, &to);
    std::vector<qint64> candidates; // documents: generated ≥ 0, saved < 0
    if (timeline) {
        const Timeline::Window w = timeline->window(from, to);
        candidates.reserve(size_t(w.size()));
        for (qint64 k = 0; k < w.size(); ++k)
            candidates.push_back(w.at(k));
        std::sort(candidates.begin(), candidates.end()); // K3Cloud returns by primary key
    } else {
        for (qint64 i = 0; i < k3.count(form); ++i)
            candidates.push_back(i);
    }
    // Saved documents follow (their ids are above the generated ones'), by save order.
    for (qint64 n = 0; n < m_bills.count(form); ++n) {
        const qint64 t = m_bills.timeMs(form, n);
        if (t >= from && t <= to)
            candidates.push_back(-1 - n);
    }
    auto cached = std::make_unique<CachedQuery>();
    cached->form = &form;
    cached->filter = filter;
    cached->order = order;
    cached->perLine = perLine;
    cached->generation = generation;
    cached->saves = m_bills.version();
    std::vector<SortKey> keyValues; // keys.size() values per matched row
    const qint64 slot = lineSlots(form);
    for (qint64 doc : candidates) {
        const int n = !lines ? 1 : doc >= 0 ? k3.lines(form, doc) : m_bills.lines(form, -1 - doc);
        for (int line = 0; line < n; ++line) {
            const qint64 id = doc >= 0 ? doc * slot + line : -1 - ((-1 - doc) * slot + line);
            std::vector<QJsonValue> row = rowOf(form, id);
            if (!parsed->matches(row, timeOf(form, id)))
                continue;
            cached->rows.push_back(id);
            if (!keys.empty()) {
                // Keep only the sort columns: whole rows of a million records would not fit.
                for (const OrderKey &key : keys) {
                    const QJsonValue &v = row[size_t(key.field)];
                    keyValues.push_back(v.isDouble() ? SortKey{v.toDouble(), {}}
                                                     : SortKey{0, v.toString()});
                }
            }
        }
    }
    if (!keys.empty()) {
        std::vector<size_t> perm(cached->rows.size());
        for (size_t k = 0; k < perm.size(); ++k)
            perm[k] = k;
        std::stable_sort(perm.begin(), perm.end(), [&](size_t x, size_t y) {
            for (size_t k = 0; k < keys.size(); ++k) {
                const OrderKey &key = keys[k];
                const SortKey &a = keyValues[x * keys.size() + k];
                const SortKey &b = keyValues[y * keys.size() + k];
                const int c = a.number < b.number   ? -1
                              : a.number > b.number ? 1
                                                    : a.text.compare(b.text, Qt::CaseInsensitive);
                if (c != 0)
                    return key.descending ? c > 0 : c < 0;
            }
            return false;
        });
        std::vector<qint64> sorted;
        sorted.reserve(perm.size());
        for (size_t k : perm)
            sorted.push_back(cached->rows[k]);
        cached->rows = std::move(sorted);
    }
    // A few recent queries are enough for paging; each holds at most one index per record.
    if (m_cache.size() >= 4)
        m_cache.pop_back();
    m_cache.insert(m_cache.begin(), std::move(cached));
    return &m_cache.front()->rows;
}

MockReply K3CloudMock::executeBillQuery(const QJsonObject &body)
{
    QJsonObject data = member(body, "data").toObject();
    if (data.isEmpty()) {
        const QJsonArray p = positional(body);
        data = p.isEmpty() ? body : decoded(p.at(p.size() > 1 ? 1 : 0)).toObject();
    }
    const QString formId = text(member(data, "FormId"));
    const K3Form *form = m_ctx.datasets.k3().form(formId);
    if (!form) {
        return queryFailure(QStringLiteral("业务对象“%1”不存在（weft-mock 提供 %2）")
                                .arg(formId, m_ctx.datasets.k3().formIds().join(u'、')));
    }
    std::vector<int> columns;
    for (const QString &key : text(member(data, "FieldKeys")).split(u',', Qt::SkipEmptyParts)) {
        const int index = form->fieldIndex(key.trimmed());
        if (index < 0) {
            return queryFailure(QStringLiteral("元数据中标识为%1的字段不存在（表单 %2）")
                                    .arg(key.trimmed(), form->formId));
        }
        columns.push_back(index);
    }
    if (columns.empty())
        return queryFailure(QStringLiteral("FieldKeys 不能为空"));
    const QJsonValue filterValue = member(data, "FilterString");
    if (filterValue.isArray()) {
        return queryFailure(QStringLiteral("weft-mock 只支持字符串形式的 FilterString"));
    }
    bool perLine = false;
    for (int c : columns)
        perLine = perLine || form->fields.at(c).line;
    QString error;
    const std::vector<qint64> *rows =
        matches(*form, filterValue.toString(), text(member(data, "OrderString")), perLine, &error);
    if (!rows)
        return queryFailure(QStringLiteral("过滤条件或排序无法解析：%1").arg(error));

    const qint64 top = text(member(data, "TopRowCount")).toLongLong();
    const qint64 start = std::max<qint64>(text(member(data, "StartRow")).toLongLong(), 0);
    const qint64 limit = text(member(data, "Limit")).toLongLong();
    qint64 total = qint64(rows->size());
    if (top > 0)
        total = std::min(total, top);
    const qint64 end = limit > 0 ? std::min(total, start + limit) : total;
    QJsonArray out;
    for (qint64 k = start; k < end; ++k) {
        const std::vector<QJsonValue> row = rowOf(*form, rows->at(size_t(k)));
        QJsonArray line;
        for (int c : columns)
            line.append(row.at(size_t(c)));
        out.append(line);
    }
    return MockReply::json(out);
}

MockReply K3CloudMock::save(const QJsonObject &body, bool batch)
{
    QString formId = text(member(body, "formid"));
    QJsonObject data = member(body, "data").toObject();
    const QJsonArray p = positional(body);
    if (formId.isEmpty() && !p.isEmpty()) {
        formId = text(p.at(0));
        data = decoded(p.at(1)).toObject();
    }
    if (formId.isEmpty())
        return saveFailure(QStringLiteral("缺少 formid"));
    if (!m_bills.canSave(formId)) {
        return saveFailure(
            QStringLiteral("weft-mock 不能保存业务对象“%1”（目录中没有它的保存接口）").arg(formId));
    }
    const QJsonValue model = member(data, "Model");
    QJsonArray models;
    if (model.isArray())
        models = model.toArray();
    else if (model.isObject())
        models.append(model);
    if (models.isEmpty())
        return saveFailure(QStringLiteral("Model 不能为空"));
    if (!batch && models.size() > 1)
        return saveFailure(QStringLiteral("Save 一次只能保存一张单据，请用 BatchSave"));
    const bool autoAudit = member(data, "IsAutoSubmitAndAudit").toVariant().toBool();
    const QJsonObject result = m_bills.save(formId, models, autoAudit);
    const bool ok = result.value(QLatin1String("ResponseStatus"))
                        .toObject()
                        .value(QLatin1String("IsSuccess"))
                        .toBool();
    return MockReply::json(QJsonObject{{QStringLiteral("Result"), result}},
                           ok ? MockReply::Kind::Ok : MockReply::Kind::ApiError);
}

} // namespace weft::mock
