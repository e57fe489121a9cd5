#include "recordgenerator.h"

#include "detrandom.h"
#include "mockclock.h"
#include "textpool.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <array>
#include <cmath>

namespace weft::mock {

namespace {

// FNV-1a over the UTF-16 code units: a stable hash (qHash is seeded per process).
quint64 fnv(QStringView text, quint64 h = 0xcbf29ce484222325ULL)
{
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001b3ULL;
    }
    return h;
}

QString lower(const QString &s)
{
    return s.toLower();
}

bool hasAny(const QString &name, std::initializer_list<const char *> words)
{
    for (const char *w : words) {
        if (name.contains(QLatin1String(w)))
            return true;
    }
    return false;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

struct Prefix {
    const char *ref;
    const char *prefix;
    int width;
};

// Number prefixes that read like the systems' own (and match numbers other datasets use:
// purchase-in items name SKU-00042, JDY customers are KH00001, K3Cloud documents XSDD…).
const std::array kPrefixes = {
    Prefix{"jushuitan/sku.query", "SKU-", 5},
    Prefix{"jushuitan/inventory.query", "SKU-", 5},
    Prefix{"jushuitan/supplier.query", "GYS", 5},
    Prefix{"jushuitan/logisticscompany.query", "LC", 4},
    Prefix{"kingdee_jdy/customer.list", "KH", 5},
    Prefix{"kingdee_jdy/supplier.list", "GYS", 5},
    Prefix{"kingdee_jdy/material.list", "SP", 6},
    Prefix{"kingdee_jdy/inventory.list", "SP", 6},
    Prefix{"kingdee_jdy/store.list", "CK", 4},
    Prefix{"kingdee_jdy/sal_order.list", "XSDD", 8},
    Prefix{"kingdee_jdy/pur_order.list", "CGDD", 8},
    Prefix{"kingdee_jdy/sal_out_bound.list", "XSCK", 8},
    Prefix{"kingdee_jdy/pur_inbound.list", "CGRK", 8},
    Prefix{"kingdee_jdy/ar_credit.list", "SKD", 8},
    Prefix{"kingdee_jdy/inv_other_in.list", "QTRK", 8},
    Prefix{"kingdee_jdy/inv_other_out.list", "QTCK", 8},
    Prefix{"kingdee_k3cloud/BD_Supplier.query", "VEN", 6},
    Prefix{"kingdee_k3cloud/SAL_SaleOrder.query", "XSDD", 8},
    Prefix{"kingdee_k3cloud/PUR_PurchaseOrder.query", "CGDD", 8},
    Prefix{"kingdee_k3cloud/STK_InStock.query", "CGRK", 8},
    Prefix{"kingdee_k3cloud/SAL_OUTSTOCK.query", "XSCKD", 8},
    Prefix{"kingdee_k3cloud/AR_OtherRecAble.query", "QTYSD", 8},
    Prefix{"kingdee_k3cloud/AR_RECEIVEBILL.query", "SKD", 8},
    Prefix{"dingtalk/user.list", "E", 5},
};

const std::array kOrgNumbers = {u"100", u"101", u"T00"};
const std::array kOrgNames = {u"华东销售公司", u"华南销售公司", u"集团总部"};
const std::array kStates = {u"浙江省", u"广东省", u"江苏省", u"上海", u"四川省", u"湖北省"};
const std::array kDistricts = {u"西湖区", u"天河区", u"姑苏区", u"浦东新区", u"武侯区", u"江汉区"};
const std::array kDepts = {u"销售部", u"采购部", u"财务部", u"仓储部",
                           u"研发部", u"客服部", u"市场部", u"行政部"};
const std::array kJobTitles = {u"销售经理", u"会计",   u"仓管员",
                               u"采购专员", u"工程师", u"客服专员"};
const std::array kStatuses = {u"Confirmed", u"Confirmed", u"Confirmed", u"WaitConfirm",
                              u"Cancelled"};

// Enumerations as the documentation writes them: "Confirmed=生效，WaitConfirm待审核",
// "分为NEW（刚创建）|RUNNING（运行中）", "(Confirmed:生效，…)".
QStringList enumeration(const QString &describe)
{
    static const QRegularExpression token(
        QStringLiteral("(?:^|[^A-Za-z_])([A-Za-z][A-Za-z_]{1,30})\\s*(?:[:=：(（]|$)"));
    QStringList out;
    for (auto it = token.globalMatch(describe); it.hasNext();) {
        const QString t = it.next().captured(1);
        if (!out.contains(t))
            out << t;
    }
    return out;
}

} // namespace

bool isTimeName(const QString &name)
{
    const QString n = lower(name);
    if (n.endsWith(QLatin1String("id")))
        return false; // created_po_id is a purchase order, not a time
    if (hasAny(n, {"result", "type", "zone", "times", "period", "field", "_flag", "days"}))
        return false;
    return n == QLatin1String("ts") || n.endsWith(QLatin1String("_ts")) ||
           hasAny(n, {"date", "time", "modif", "created", "updated"});
}

RecordGenerator::RecordGenerator(const CatEndpoint &endpoint, quint64 seed, const MockClock &clock,
                                 References references)
    : m_endpoint(&endpoint)
    , m_seed(seed)
    , m_stream(fnv(endpoint.ref()))
    , m_clock(clock)
    , m_refs(std::move(references))
{
    if (!endpoint.windowField.isEmpty()) {
        m_timeField = endpoint.windowField;
    } else {
        for (const char *candidate :
             {"modified", "modify_time", "FModifyDate", "workDate", "create_time", "created"}) {
            if (endpoint.field(QLatin1String(candidate))) {
                m_timeField = QLatin1String(candidate);
                break;
            }
        }
    }
    for (const Prefix &p : kPrefixes) {
        if (endpoint.ref() == QLatin1String(p.ref)) {
            m_numberPrefix = QLatin1String(p.prefix);
            m_numberWidth = p.width;
        }
    }
    if (m_numberPrefix.isEmpty()) {
        // The endpoint's own words: "orders.out.query" → ORD, width 6.
        QString prefix;
        for (const QString &word : endpoint.id.section(u'.', 0, 0).split(u'_'))
            prefix += word.left(2).toUpper();
        m_numberPrefix = prefix.left(4);
    }
    // Ids of different endpoints in different ranges, so a mix-up shows.
    m_idBase = 10000000LL * qint64(1 + m_stream % 89);
}

bool RecordGenerator::isKey(const CatField &field, const QString &key) const
{
    return !key.isEmpty() && field.name == key;
}

QJsonValue RecordGenerator::id(qint64 i) const
{
    const CatField *f = m_endpoint->field(m_endpoint->keyId);
    if (!f || f->type == QLatin1String("int") || f->type == QLatin1String("number"))
        return m_idBase + i + 1;
    if (f->name == QLatin1String("userid"))
        return QStringLiteral("manager%1").arg(1000 + i);
    // Long numeric ids as text, like JDY's (1700000000000000000…).
    return QString::number(1500000000000000000LL + qint64(m_stream % 97) * 1000000000000000LL + i +
                           1);
}

std::optional<qint64> RecordGenerator::indexOfId(const QString &text) const
{
    const QJsonValue first = id(0);
    qint64 i = -1;
    if (first.isDouble()) {
        bool ok = false;
        i = text.toLongLong(&ok) - m_idBase - 1;
        if (!ok)
            return std::nullopt;
    } else if (first.toString().startsWith(QLatin1String("manager"))) {
        bool ok = false;
        i = text.mid(7).toLongLong(&ok) - 1000;
        if (!ok || !text.startsWith(QLatin1String("manager")))
            return std::nullopt;
    } else {
        bool ok = false;
        i = text.toLongLong(&ok) - first.toString().toLongLong();
        if (!ok)
            return std::nullopt;
    }
    if (i < 0 || id(i).toVariant().toString() != text)
        return std::nullopt;
    return i;
}

QString RecordGenerator::number(qint64 i) const
{
    return m_numberPrefix + QStringLiteral("%1").arg(i + 1, m_numberWidth, 10, QChar(u'0'));
}

std::optional<qint64> RecordGenerator::indexOfNumber(const QString &text) const
{
    if (!text.startsWith(m_numberPrefix, Qt::CaseInsensitive))
        return std::nullopt;
    bool ok = false;
    const qint64 i = text.mid(m_numberPrefix.size()).toLongLong(&ok) - 1;
    if (!ok || i < 0 || number(i).compare(text, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return i;
}

int RecordGenerator::lines(qint64 i) const
{
    return 1 + int(DetRandom::hash(m_seed, m_stream ^ 0x11e5, quint64(i)) % 3);
}

qint64 RecordGenerator::lineId(qint64 i, int line) const
{
    return (m_idBase + i + 1) * 10 + line + 1;
}

QJsonObject RecordGenerator::record(qint64 i, qint64 timeMs) const
{
    QJsonObject o;
    for (const CatField &f : m_endpoint->fields)
        o.insert(f.name, value(f, i, timeMs));
    return o;
}

void RecordGenerator::complete(QJsonObject &record, qint64 i, qint64 timeMs) const
{
    for (const CatField &f : m_endpoint->fields) {
        const auto it = record.find(f.name);
        if (it == record.end()) {
            record.insert(f.name, value(f, i, timeMs));
            continue;
        }
        if (f.type != QLatin1String("array") || f.fields.isEmpty() || !it->isArray())
            continue;
        // The elements a hand-written record has, with the element fields it left out.
        QJsonArray elements = it->toArray();
        for (qsizetype k = 0; k < elements.size(); ++k) {
            QJsonObject e = elements.at(k).toObject();
            const QJsonObject made = element(f.fields, fnv(f.name) ^ quint64(k + 1), i, timeMs);
            for (auto m = made.begin(); m != made.end(); ++m) {
                if (!e.contains(m.key()))
                    e.insert(m.key(), m.value());
            }
            elements.replace(k, e);
        }
        *it = elements;
    }
}

QJsonValue RecordGenerator::value(const CatField &field, qint64 i, qint64 timeMs, int line) const
{
    const quint64 key = fnv(field.name) ^ (line >= 0 ? quint64(line + 1) << 56 : 0);
    if (field.type == QLatin1String("array"))
        return array(field, key, i, timeMs);
    if (field.type == QLatin1String("object")) {
        if (field.fields.isEmpty())
            return QJsonObject();
        return element(field.fields, key, i, timeMs);
    }
    return scalar(field, field.type, key, i, timeMs, line);
}

QJsonValue RecordGenerator::array(const CatField &field, quint64 key, qint64 i, qint64 timeMs) const
{
    DetRandom rng(m_seed, m_stream ^ key, quint64(i));
    const int n = int(rng.range(1, 3));
    QJsonArray out;
    for (int k = 0; k < n; ++k) {
        if (!field.fields.isEmpty()) {
            QJsonObject e = element(field.fields, key ^ quint64(k + 1), i, timeMs);
            // Lines repeat their document's key (items[].io_id = io_id).
            for (const QString &parentKey : {m_endpoint->keyId, m_endpoint->keyNumber}) {
                const CatField *parent = m_endpoint->field(parentKey);
                if (parent && e.contains(parentKey))
                    e.insert(parentKey, value(*parent, i, timeMs));
            }
            out.append(e);
        } else {
            CatField item = field;
            item.type = field.items.isEmpty() ? QStringLiteral("string") : field.items;
            out.append(scalar(item, item.type, key ^ quint64(k + 1) << 40, i, timeMs, -1));
        }
    }
    return out;
}

QJsonObject RecordGenerator::element(const QList<CatField> &fields, quint64 key, qint64 i,
                                     qint64 timeMs) const
{
    QJsonObject o;
    for (const CatField &f : fields) {
        const quint64 k = key ^ fnv(f.name, 0x84222325ULL);
        if (f.type == QLatin1String("array"))
            o.insert(f.name, array(f, k, i, timeMs));
        else if (f.type == QLatin1String("object"))
            o.insert(f.name, f.fields.isEmpty() ? QJsonObject() : element(f.fields, k, i, timeMs));
        else
            o.insert(f.name, scalar(f, f.type, k, i, timeMs, -1));
    }
    return o;
}

QJsonValue RecordGenerator::timeValue(const CatField &field, const QString &type, quint64 key,
                                      qint64 timeMs) const
{
    const QString n = lower(field.name);
    DetRandom rng(m_seed, m_stream ^ key, quint64(timeMs));
    qint64 ms = timeMs;
    if (n != lower(m_timeField)) {
        if (hasAny(n, {"expir", "valid", "deliver", "plan"}))
            ms = timeMs + rng.range(1, 720) * 3600000LL;
        else if (hasAny(n, {"finish", "end", "confirm", "sign", "send", "check", "pay"}))
            ms = timeMs - rng.range(0, 12) * 3600000LL;
        else if (hasAny(n, {"hired"}))
            ms = timeMs - rng.range(30, 3000) * 86400000LL;
        else
            ms = timeMs - rng.range(1, 72) * 3600000LL;
    }
    if (type == QLatin1String("int") || type == QLatin1String("number") ||
        type == QLatin1String("float"))
        return ms;
    const QString &system = m_endpoint->system;
    if (field.labelEn.contains(QLatin1String("(ms)")) ||
        (system == QLatin1String("kingdee_jdy") &&
         (n == QLatin1String("create_time") || n == QLatin1String("modify_time"))))
        return QString::number(ms);
    if (type == QLatin1String("date") ||
        (system == QLatin1String("kingdee_jdy") && n.endsWith(QLatin1String("date"))))
        return m_clock.date(ms);
    if (system == QLatin1String("kingdee_k3cloud"))
        return m_clock.isoDateTime(ms);
    return m_clock.dateTime(ms);
}

QJsonValue RecordGenerator::scalar(const CatField &field, const QString &type, quint64 key,
                                   qint64 i, qint64 timeMs, int line) const
{
    const bool isInt = type == QLatin1String("int");
    const bool isNumber = type == QLatin1String("number") || type == QLatin1String("float");
    const QString n = lower(field.name);
    if (line < 0 && isKey(field, m_endpoint->keyId))
        return isInt || isNumber ? QJsonValue(id(i).toVariant().toLongLong())
                                 : QJsonValue(id(i).toVariant().toString());
    if (line >= 0 && n.endsWith(QLatin1String("_fentryid")))
        return lineId(i, line);
    if (line < 0 && isKey(field, m_endpoint->keyNumber) && !field.name.contains(u'.') &&
        type == QLatin1String("string"))
        return number(i);
    if (isTimeName(field.name) || type == QLatin1String("datetime") ||
        type == QLatin1String("date"))
        return timeValue(field, type, key, timeMs);
    DetRandom rng(m_seed, m_stream ^ key, quint64(i) * 8 + quint64(line + 1));
    if (type == QLatin1String("bool")) {
        const bool mostlyOn = hasAny(n, {"enable", "active", "valid"});
        return rng.chance(mostlyOn ? 0.93 : 0.25);
    }
    if (isInt) {
        if (hasAny(n, {"qty", "count", "num", "quantity"}))
            return rng.range(0, 200);
        if (n.startsWith(QLatin1String("is_")) || n.startsWith(QLatin1String("has_")) ||
            hasAny(n, {"enabled", "disabled", "flag"}))
            return rng.range(0, 1);
        if (n.endsWith(QLatin1String("id")))
            return rng.range(100000, 99999999);
        return rng.range(1, 9999);
    }
    if (isNumber) {
        if (hasAny(n, {"rate"}))
            return m_endpoint->system == QLatin1String("kingdee_k3cloud")
                       ? double(rng.pick(std::array{13, 13, 9, 6, 0}))
                       : rng.pick(std::array{0.13, 0.13, 0.09, 0.06, 0.0});
        if (hasAny(n, {"qty", "quantity", "count"}))
            return double(rng.range(1, 500));
        if (n.endsWith(QLatin1String("id")))
            return double(rng.range(100000, 99999999));
        if (n.contains(QLatin1String("weight")) || n.size() == 1) // weights; l, w, h in cm
            return round2(double(rng.range(10, 30000)) / 1000.0);
        return round2(double(rng.range(100, 500000)) / 100.0);
    }
    return text(field, key, i, line);
}

QString RecordGenerator::text(const CatField &field, quint64 key, qint64 i, int line) const
{
    const QString &system = m_endpoint->system;
    const QString n = lower(field.name);
    const bool k3 = system == QLatin1String("kingdee_k3cloud");
    if (k3 && field.name.contains(u'.')) {
        // Base data: the same entity for X.FNumber and X.FName (keyed by X, not the field).
        const QString base = lower(field.name.section(u'.', 0, 0));
        const bool wantsName =
            field.name.section(u'.', 1).compare(QLatin1String("FName"), Qt::CaseInsensitive) == 0;
        DetRandom rng(m_seed, m_stream ^ fnv(base), quint64(i) * 8 + quint64(line + 1));
        if (base.contains(QLatin1String("org"))) {
            const size_t k = size_t(rng.range(0, 2));
            return QString::fromUtf16(wantsName ? kOrgNames[k] : kOrgNumbers[k]);
        }
        if (hasAny(base, {"cust", "contactunit", "payunit"}) && m_refs.customers > 0) {
            const qint64 j = rng.range(0, m_refs.customers - 1);
            return wantsName ? textpool::companyName(m_seed ^ 0x4b33, quint64(j))
                             : m_refs.customerNumber(j);
        }
        if (base.contains(QLatin1String("material")) && m_refs.materials > 0) {
            const qint64 j = rng.range(0, m_refs.materials - 1);
            return wantsName ? m_refs.materialName(j) : m_refs.materialNumber(j);
        }
        if (base.contains(QLatin1String("supplier")))
            return wantsName ? textpool::companyName(m_seed ^ 0x56454e, quint64(rng.range(0, 199)))
                             : QStringLiteral("VEN%1").arg(rng.range(1, 200), 6, 10, QChar(u'0'));
        if (base.contains(QLatin1String("stock")))
            return wantsName ? textpool::city(rng) + QStringLiteral("成品仓")
                             : QStringLiteral("CK%1").arg(rng.range(1, 30), 3, 10, QChar(u'0'));
        if (base.contains(QLatin1String("unit")))
            return wantsName ? QStringLiteral("个") : textpool::k3Unit(rng);
        if (base.contains(QLatin1String("curr")))
            return wantsName ? QStringLiteral("人民币") : QStringLiteral("PRE001");
        if (base.contains(QLatin1String("billtype")))
            return wantsName ? QStringLiteral("标准单据")
                             : m_numberPrefix + QStringLiteral("01_SYS");
        if (hasAny(base, {"saler", "purchaser", "seller"}))
            return wantsName ? textpool::personName(rng)
                             : QStringLiteral("YW%1").arg(rng.range(1, 40), 3, 10, QChar(u'0'));
        if (base.contains(QLatin1String("lot")))
            return QStringLiteral("L%1").arg(rng.range(1, 999999), 6, 10, QChar(u'0'));
        return wantsName ? textpool::productName(rng)
                         : textpool::letters(rng, 2) + QString::number(rng.range(100, 999));
    }
    DetRandom rng(m_seed, m_stream ^ key, quint64(i) * 8 + quint64(line + 1));
    if (k3 && n == QLatin1String("fdocumentstatus"))
        return rng.chance(0.9) ? QStringLiteral("C") : QStringLiteral("B");
    if (k3 && n == QLatin1String("fforbidstatus"))
        return rng.chance(0.93) ? QStringLiteral("A") : QStringLiteral("B");
    if (k3 && n.endsWith(QLatin1String("unittype")))
        return QStringLiteral("BD_Customer");
    const QStringList choices = enumeration(field.describe);
    if (choices.size() >= 2)
        return rng.pick(choices);
    if (n.contains(QLatin1String("status")) || n == QLatin1String("state"))
        return QString::fromUtf16(rng.pick(kStatuses));
    if (n == QLatin1String("enable"))
        return rng.chance(0.95) ? QStringLiteral("1") : QStringLiteral("0");
    if (hasAny(n, {"amount", "price", "rate", "qty", "fee", "freight", "weight", "money",
                   "balance"}) ||
        n.endsWith(QLatin1String("_tax")))
        return QString::number(double(rng.range(100, 500000)) / 100.0, 'f', 2);
    if (hasAny(n, {"mobile", "phone", "tel"}))
        return QStringLiteral("1%1").arg(rng.range(3000000000LL, 9999999999LL));
    if (n.contains(QLatin1String("email")))
        return textpool::letters(rng, 6).toLower() + QStringLiteral("@example.com");
    if (hasAny(n, {"url", "pic", "avatar", "img"}))
        return QStringLiteral("https://img.example.com/%1.jpg").arg(rng.next() % 1000000000ULL);
    if (hasAny(n, {"address", "addr"}))
        return textpool::city(rng) + QStringLiteral("市工业园区%1号").arg(rng.range(1, 300));
    if (n == QLatin1String("state_code"))
        return QStringLiteral("+86");
    if (n == QLatin1String("title") && m_endpoint->id.startsWith(QLatin1String("user")))
        return QString::fromUtf16(rng.pick(kJobTitles));
    if (hasAny(n, {"state", "province"}))
        return QString::fromUtf16(rng.pick(kStates));
    if (n.contains(QLatin1String("city")))
        return textpool::city(rng) + QStringLiteral("市");
    if (hasAny(n, {"district", "town"}))
        return QString::fromUtf16(rng.pick(kDistricts));
    if (n.contains(QLatin1String("country")))
        return QStringLiteral("中国");
    if (n.contains(QLatin1String("currency")))
        return n.contains(QLatin1String("name")) ? QStringLiteral("人民币") : QStringLiteral("CNY");
    if (hasAny(n, {"remark", "note", "comment", "memo", "message", "desc", "ext"}))
        return textpool::remark(rng);
    if (hasAny(n, {"dept", "department"}) &&
        (n.contains(QLatin1String("name")) || m_endpoint->keyName == field.name))
        return QString::fromUtf16(rng.pick(kDepts));
    if (n.contains(QLatin1String("name")) || n == QLatin1String("title") ||
        n == QLatin1String("nick") || n == QLatin1String("seller") ||
        n == QLatin1String("receiver") || n == QLatin1String("lc_name")) {
        const QString ep = m_endpoint->id;
        if (hasAny(n, {"creator", "receiver", "emp", "user", "buyer", "purchaser", "staff",
                       "deliver", "inout", "bankacount"}) ||
            ep.startsWith(QLatin1String("user")))
            return textpool::personName(rng);
        if (hasAny(n, {"supplier", "customer", "seller", "shop", "drop_co", "lc_", "logistics",
                       "bank", "company"}) ||
            hasAny(ep, {"supplier", "customer", "shop", "logistics"}))
            return textpool::companyName(m_seed ^ key, quint64(i));
        if (hasAny(n, {"stock", "store", "warehouse", "wh_"}) ||
            ep.startsWith(QLatin1String("store")))
            return textpool::city(rng) + QStringLiteral("仓");
        if (hasAny(n, {"group", "category", "type", "level", "brand", "vc_"}))
            return textpool::letters(rng, 1) + QStringLiteral("类");
        return textpool::productName(rng);
    }
    if (n.contains(QLatin1String("warehouse")))
        return textpool::city(rng) + QStringLiteral("仓");
    if (n.endsWith(QLatin1String("_id")) || n.endsWith(QLatin1String("id")))
        return QString::number(rng.range(100000, 999999999));
    if (n.endsWith(QLatin1String("_number")) || n.endsWith(QLatin1String("code")) ||
        n.endsWith(QLatin1String("_no")))
        return textpool::letters(rng, 2) +
               QStringLiteral("%1").arg(rng.range(1, 99999), 5, 10, QChar(u'0'));
    return textpool::letters(rng, 3) + QString::number(rng.range(10, 999));
}

} // namespace weft::mock
