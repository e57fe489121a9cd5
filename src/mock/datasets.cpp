#include "datasets.h"

#include "mockclock.h"
#include "mockconfig.h"

#include <algorithm>

namespace weft::mock {

namespace {

qint64 spanMs(const MockConfig &config)
{
    return config.spanDays * 86400000LL;
}

QJsonObject k3Object(const K3Form &form, const std::vector<QJsonValue> &row)
{
    QJsonObject o;
    for (int k = 0; k < form.fields.size(); ++k)
        o.insert(form.fields.at(k).name, row.at(size_t(k)));
    return o;
}

} // namespace

Datasets::Datasets(const MockConfig &config, const MockClock &clock)
    : m_seed(config.seed)
    , m_jst(config.seed, clock, config.jstPartners, config.jstPurchaseIns, spanMs(config))
    , m_jdy(config.seed, clock, config.jdyCustomers, spanMs(config))
    , m_k3(config.seed, clock, config.k3Materials, config.k3Customers, spanMs(config))
    , m_dd(config.seed, clock, m_k3, config.ddInstances, spanMs(config))
{}

QStringList Datasets::names()
{
    return {QStringLiteral("jst-partners"),  QStringLiteral("jst-purchaseins"),
            QStringLiteral("jdy-customers"), QStringLiteral("k3-materials"),
            QStringLiteral("k3-customers"),  QStringLiteral("k3-orgs"),
            QStringLiteral("dd-instances")};
}

qint64 Datasets::size(const QString &name) const
{
    if (name == QLatin1String("jst-partners"))
        return m_jst.partnerCount();
    if (name == QLatin1String("jst-purchaseins"))
        return m_jst.purchaseIns().count();
    if (name == QLatin1String("jdy-customers"))
        return m_jdy.customers().count();
    if (name == QLatin1String("k3-materials"))
        return m_k3.materials().count();
    if (name == QLatin1String("k3-customers"))
        return m_k3.customerCount();
    if (name == QLatin1String("k3-orgs"))
        return K3Dataset::orgNumbers().size();
    if (name == QLatin1String("dd-instances"))
        return m_dd.instances().count();
    return -1;
}

QJsonValue Datasets::idOf(const QString &name, qint64 i) const
{
    if (name == QLatin1String("jst-partners"))
        return m_jst.partnerWmsCoId(i);
    if (name == QLatin1String("jst-purchaseins"))
        return m_jst.ioId(i);
    if (name == QLatin1String("jdy-customers"))
        return m_jdy.customerId(i);
    if (name == QLatin1String("k3-materials"))
        return 100001 + i;
    if (name == QLatin1String("k3-customers"))
        return m_k3.customerNumber(i);
    if (name == QLatin1String("dd-instances"))
        return m_dd.instanceId(i);
    return i;
}

std::optional<QJsonArray> Datasets::records(const QString &name, qint64 offset, qint64 limit) const
{
    const qint64 n = size(name);
    if (n < 0)
        return std::nullopt;
    QJsonArray out;
    const qint64 end = std::min(n, offset + limit);
    for (qint64 i = std::max<qint64>(offset, 0); i < end; ++i) {
        if (name == QLatin1String("jst-partners")) {
            out.append(m_jst.partner(i));
        } else if (name == QLatin1String("jst-purchaseins")) {
            out.append(m_jst.purchaseIn(i));
        } else if (name == QLatin1String("jdy-customers")) {
            out.append(m_jdy.customer(i));
        } else if (name == QLatin1String("dd-instances")) {
            out.append(QJsonObject{{QStringLiteral("process_instance_id"), m_dd.instanceId(i)},
                                   {QStringLiteral("create_time_ms"), m_dd.instances().timeMs(i)},
                                   {QStringLiteral("process_instance"), m_dd.instance(i)}});
        } else {
            const QString formId = name == QLatin1String("k3-materials")   ? "BD_MATERIAL"
                                   : name == QLatin1String("k3-customers") ? "BD_Customer"
                                                                           : "ORG_Organizations";
            const K3Form *form = m_k3.form(formId);
            out.append(k3Object(*form, m_k3.row(*form, i)));
        }
    }
    return out;
}

QJsonObject Datasets::invalid() const
{
    return QJsonObject{
        {QStringLiteral("jst-partners"), m_jst.invalidPartners()},
        {QStringLiteral("jst-purchaseins"), m_jst.invalidPurchaseIns()},
        {QStringLiteral("jdy-customers"), QJsonArray()},
        {QStringLiteral("k3-materials"), m_k3.invalidMaterials()},
        {QStringLiteral("k3-customers"), QJsonArray()},
        {QStringLiteral("dd-instances"), m_dd.invalidInstances()},
        {QStringLiteral("rules"),
         QJsonObject{{QStringLiteral("jst-partners"),
                      QStringLiteral("index ≡ 5 (mod 97): empty name; index ≡ 11 (mod 97): same "
                                     "wms_co_id as index-1")},
                     {QStringLiteral("jst-purchaseins"),
                      QStringLiteral("index ≡ 13 (mod 97): items[0].name has 300 characters")},
                     {QStringLiteral("k3-materials"),
                      QStringLiteral("index ≡ 17 (mod 97): F_ProductLine has 300 characters")},
                     {QStringLiteral("dd-instances"),
                      QStringLiteral("index ≡ 19 (mod 97): 表格 customer code does not exist in "
                                     "K3Cloud")}}},
    };
}

std::optional<QJsonArray> Datasets::touch(const QString &name, qint64 count, qint64 atMs)
{
    const qint64 n = size(name);
    if (n < 0 || name == QLatin1String("k3-orgs"))
        return std::nullopt;
    const std::vector<qint64> picked = pickDistinct(m_seed, ++m_touchSerial, n, count);
    ++m_generation;
    QJsonArray ids;
    for (qint64 i : picked) {
        if (name == QLatin1String("jst-partners"))
            m_jst.touchPartner(i);
        else if (name == QLatin1String("jst-purchaseins"))
            m_jst.purchaseIns().touch(i, atMs);
        else if (name == QLatin1String("jdy-customers"))
            m_jdy.customers().touch(i, atMs);
        else if (name == QLatin1String("k3-materials"))
            m_k3.materials().touch(i, atMs);
        else if (name == QLatin1String("k3-customers"))
            m_k3.customers().touch(i, atMs);
        else if (name == QLatin1String("dd-instances"))
            m_dd.instances().touch(i, atMs);
        ids.append(idOf(name, i));
    }
    return ids;
}

void Datasets::clearTouches()
{
    m_touchSerial = 0;
    ++m_generation;
    m_jst.clearTouches();
    m_jdy.customers().clearTouches();
    m_k3.materials().clearTouches();
    m_k3.customers().clearTouches();
    m_dd.instances().clearTouches();
}

} // namespace weft::mock
