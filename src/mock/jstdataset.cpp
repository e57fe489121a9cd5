#include "jstdataset.h"

#include "mockclock.h"
#include "textpool.h"

#include <QtMath>
#include <array>

namespace weft::mock {

namespace {

const std::array kPartnerSuffix = {u"一号仓", u"二号仓", u"电商仓", u"中转仓",
                                   u"保税仓", u"前置仓", u"退货仓", u"成品仓"};
// Jushuitan's wh_id: 1 main, 2 returns, 3 goods-in, 4 defective.
const std::array kWarehouses = {u"主仓", u"销退仓", u"进货仓", u"次品仓"};
const std::array kLabels = {u"", u"", u"", u"急单", u"质检", u"急单,质检", u"VIP供应商"};

double roundTo(double v, int decimals)
{
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

} // namespace

JstDataset::JstDataset(quint64 seed, const MockClock &clock, qint64 partners, qint64 purchaseIns,
                       qint64 spanMs)
    : m_seed(seed)
    , m_clock(clock)
    , m_partners(partners)
    , m_timeline(seed, Stream::JstPurchaseIn, purchaseIns, clock.anchorMs(), spanMs)
{}

qint64 JstDataset::partnerWmsCoId(qint64 i) const
{
    if (hasDuplicateWmsCoId(i))
        --i;
    return 12000001 + i;
}

QJsonObject JstDataset::partner(qint64 i) const
{
    DetRandom rng(m_seed, streamId(Stream::JstPartner), quint64(i));
    const QString name = textpool::city(rng) + QString::fromUtf16(rng.pick(kPartnerSuffix));
    const bool active = !rng.chance(0.08);
    QString remark1 = rng.chance(0.3) ? textpool::remark(rng) : QString();
    const auto v = m_partnerVersions.find(i);
    if (v != m_partnerVersions.end())
        remark1 += QStringLiteral("（第%1次修改）").arg(v->second);
    return QJsonObject{
        {QStringLiteral("name"), hasEmptyName(i) ? QString() : name},
        {QStringLiteral("co_id"), 10000001},
        {QStringLiteral("wms_co_id"), partnerWmsCoId(i)},
        {QStringLiteral("is_main"), i == 0},
        {QStringLiteral("status"), active ? QStringLiteral("生效") : QStringLiteral("停用")},
        {QStringLiteral("remark1"), remark1},
        {QStringLiteral("remark2"), i % 3 == 0 ? QStringLiteral("WMS-%1").arg(i + 1) : QString()},
    };
}

QJsonArray JstDataset::invalidPartners() const
{
    QJsonArray out;
    for (qint64 i = 0; i < m_partners; ++i) {
        if (hasEmptyName(i)) {
            out.append(QJsonObject{
                {QStringLiteral("index"), i},
                {QStringLiteral("id"), partnerWmsCoId(i)},
                {QStringLiteral("reason"), QStringLiteral("name is empty (JDY store save: name "
                                                          "required)")}});
        }
        if (hasDuplicateWmsCoId(i) && i > 0) {
            out.append(QJsonObject{
                {QStringLiteral("index"), i},
                {QStringLiteral("id"), partnerWmsCoId(i)},
                {QStringLiteral("reason"),
                 QStringLiteral("wms_co_id %1 is also partner %2's (JDY store save: duplicate "
                                "number on create)")
                     .arg(partnerWmsCoId(i))
                     .arg(i - 1)}});
        }
    }
    return out;
}

bool JstDataset::hasSoId(qint64 i) const
{
    return DetRandom::unitOf(
               DetRandom::hash(m_seed, streamId(Stream::JstPurchaseIn) + 100, quint64(i))) < 0.3;
}

QJsonObject JstDataset::purchaseIn(qint64 i) const
{
    DetRandom rng(m_seed, streamId(Stream::JstPurchaseIn), quint64(i));
    const qint64 modifiedMs = m_timeline.timeMs(i);
    const qint64 ioDateMs = m_timeline.baseMs(i) - rng.range(0, 72) * 3600000;
    const qint64 whId = rng.range(1, 4) == 4 ? rng.range(2, 4) : 1;
    const qint64 supplierId = 1001 + rng.range(0, 199);
    const double taxRate = rng.pick(std::array{0.13, 0.13, 0.09, 0.06, 0.0});
    const int status = int(rng.range(0, 99));
    const int version = m_timeline.version(i);
    QString remark = textpool::remark(rng);
    if (version > 0)
        remark += QStringLiteral("（第%1次修改）").arg(version);

    QJsonArray items;
    const int itemCount = int(rng.range(1, 5));
    for (int k = 0; k < itemCount; ++k) {
        const qint64 qty = rng.range(1, 20) * (rng.chance(0.5) ? 1 : 10);
        const int decimals = int(rng.range(2, 4));
        const double price = roundTo(
            double(rng.range(50, 500000)) / 100.0 + double(rng.range(0, 99)) / 10000.0, decimals);
        const qint64 skuNo = rng.range(1, 9999);
        QString name = textpool::productName(rng);
        if (k == 0 && hasLongItemName(i))
            name = textpool::longText(300, name + u' ');
        items.append(QJsonObject{
            {QStringLiteral("ioi_id"), 1000000 + i * 5 + k},
            {QStringLiteral("io_id"), ioId(i)},
            {QStringLiteral("sku_id"), QStringLiteral("SKU-%1").arg(skuNo, 5, 10, QChar(u'0'))},
            {QStringLiteral("i_id"), QStringLiteral("I%1").arg(skuNo / 10, 4, 10, QChar(u'0'))},
            {QStringLiteral("unit"), textpool::jstUnit(rng)},
            {QStringLiteral("name"), name},
            {QStringLiteral("qty"), qty},
            {QStringLiteral("cost_price"), price},
            {QStringLiteral("cost_amount"), roundTo(price * double(qty), 2)},
            {QStringLiteral("remark"), rng.chance(0.2) ? textpool::remark(rng) : QString()},
            {QStringLiteral("batch_no"),
             rng.chance(0.4) ? QStringLiteral("B%1").arg(m_clock.date(ioDateMs).remove(u'-'))
                             : QString()},
            {QStringLiteral("tax_rate"), taxRate},
        });
    }

    const qint64 partnerIndex = m_partners > 0 ? rng.range(0, m_partners - 1) : 0;
    return QJsonObject{
        {QStringLiteral("io_id"), ioId(i)},
        {QStringLiteral("ts"), modifiedMs},
        {QStringLiteral("warehouse"), QString::fromUtf16(kWarehouses[size_t(whId - 1)])},
        {QStringLiteral("po_id"), 300001 + i},
        {QStringLiteral("supplier_id"), supplierId},
        {QStringLiteral("supplier_name"), textpool::companyName(m_seed, quint64(supplierId))},
        {QStringLiteral("modified"), m_clock.dateTime(modifiedMs)},
        {QStringLiteral("so_id"),
         hasSoId(i) ? QStringLiteral("SO%1").arg(880000000 + i) : QString()},
        {QStringLiteral("out_io_id"),
         rng.chance(0.25) ? QStringLiteral("OUT-%1").arg(rng.range(100000, 999999)) : QString()},
        {QStringLiteral("status"), status < 80   ? QStringLiteral("Confirmed")
                                   : status < 95 ? QStringLiteral("WaitConfirm")
                                                 : QStringLiteral("Cancelled")},
        {QStringLiteral("io_date"), m_clock.dateTime(ioDateMs)},
        {QStringLiteral("wh_id"), whId},
        {QStringLiteral("wms_co_id"), partnerWmsCoId(partnerIndex)},
        {QStringLiteral("remark"), remark},
        {QStringLiteral("tax_rate"), taxRate},
        {QStringLiteral("labels"), QString::fromUtf16(rng.pick(kLabels))},
        {QStringLiteral("archived"), rng.chance(0.05)},
        {QStringLiteral("merge_so_id"), QString()},
        {QStringLiteral("type"), QStringLiteral("采购入库")},
        {QStringLiteral("creator_name"), textpool::personName(rng)},
        {QStringLiteral("f_status"),
         status < 60 ? QStringLiteral("Confirmed") : QStringLiteral("WaitConfirm")},
        {QStringLiteral("l_id"),
         rng.chance(0.5) ? QStringLiteral("SF%1").arg(rng.range(100000000000LL, 999999999999LL))
                         : QString()},
        {QStringLiteral("items"), items},
    };
}

std::optional<qint64> JstDataset::indexOfIoId(qint64 id) const
{
    const qint64 i = id - 500001;
    if (i < 0 || i >= m_timeline.count())
        return std::nullopt;
    return i;
}

std::optional<qint64> JstDataset::indexOfPoId(qint64 id) const
{
    const qint64 i = id - 300001;
    if (i < 0 || i >= m_timeline.count())
        return std::nullopt;
    return i;
}

std::optional<qint64> JstDataset::indexOfSoId(const QString &soId) const
{
    if (!soId.startsWith(QLatin1String("SO")))
        return std::nullopt;
    bool ok = false;
    const qint64 i = soId.mid(2).toLongLong(&ok) - 880000000;
    if (!ok || i < 0 || i >= m_timeline.count() || !hasSoId(i))
        return std::nullopt;
    return i;
}

QJsonArray JstDataset::invalidPurchaseIns() const
{
    QJsonArray out;
    for (qint64 i = 13; i < m_timeline.count(); i += 97) {
        out.append(QJsonObject{
            {QStringLiteral("index"), i},
            {QStringLiteral("id"), ioId(i)},
            {QStringLiteral("reason"), QStringLiteral("items[0].name is 300 characters long (a "
                                                      "VARCHAR(200) column rejects it)")}});
    }
    return out;
}

void JstDataset::clearTouches()
{
    m_timeline.clearTouches();
    m_partnerVersions.clear();
}

} // namespace weft::mock
