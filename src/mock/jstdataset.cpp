#include "jstdataset.h"

#include "jsonsink.h"
#include "mockclock.h"
#include "recordgenerator.h"
#include "textpool.h"

#include <QVarLengthArray>
#include <QtMath>
#include <array>
#include <charconv>

using namespace Qt::StringLiterals;

namespace weft::mock {

namespace {

const std::array kPartnerSuffix = {u"一号仓", u"二号仓", u"电商仓", u"中转仓",
                                   u"保税仓", u"前置仓", u"退货仓", u"成品仓"};
// Jushuitan's wh_id: 1 main, 2 returns, 3 goods-in, 4 defective.
const std::array kWarehouses = {u"主仓", u"销退仓", u"进货仓", u"次品仓"};
const std::array kLabels = {u"", u"", u"", u"急单", u"质检", u"急单,质检", u"VIP供应商"};

// "SKU-00042": what QStringLiteral("SKU-%1").arg(n, width, 10, u'0') gives for n >= 0,
// without arg()'s QLocale machinery (a fifth of serving a purchase-in page).
QString prefixed(QLatin1StringView prefix, qint64 n, int width = 0)
{
    Q_ASSERT(n >= 0);
    char digits[24];
    const char *const end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    const qsizetype count = end - digits;
    QString out(prefix.size() + std::max<qsizetype>(count, width), Qt::Uninitialized);
    QChar *p = out.data();
    for (const char c : prefix)
        *p++ = QLatin1Char(c);
    for (qsizetype k = count; k < width; ++k)
        *p++ = u'0';
    for (const char *d = digits; d != end; ++d)
        *p++ = QLatin1Char(*d);
    return out;
}

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

namespace {

struct PurchaseInItem {
    qint64 ioiId, qty;
    QString skuId, iId, unit, name, remark, batchNo;
    double price, amount;
};

} // namespace

// The values are drawn first, in a fixed order (items before the header's last fields), and
// written afterwards: whichever form a caller asks for, a purchase-in is the same.
template<typename Sink>
void JstDataset::writePurchaseIn(qint64 i, Sink &out) const
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

    QVarLengthArray<PurchaseInItem, 5> items;
    const int itemCount = int(rng.range(1, 5));
    for (int k = 0; k < itemCount; ++k) {
        PurchaseInItem item;
        item.qty = rng.range(1, 20) * (rng.chance(0.5) ? 1 : 10);
        const int decimals = int(rng.range(2, 4));
        item.price = roundTo(
            double(rng.range(50, 500000)) / 100.0 + double(rng.range(0, 99)) / 10000.0, decimals);
        const qint64 skuNo = rng.range(1, 9999);
        item.name = textpool::productName(rng);
        if (k == 0 && hasLongItemName(i))
            item.name = textpool::longText(300, item.name + u' ');
        item.ioiId = 1000000 + i * 5 + k;
        item.skuId = prefixed("SKU-"_L1, skuNo, 5);
        item.iId = prefixed("I"_L1, skuNo / 10, 4);
        item.unit = textpool::jstUnit(rng);
        item.amount = roundTo(item.price * double(item.qty), 2);
        item.remark = rng.chance(0.2) ? textpool::remark(rng) : QString();
        item.batchNo = rng.chance(0.4)
                           ? QStringLiteral("B%1").arg(m_clock.date(ioDateMs).remove(u'-'))
                           : QString();
        items.append(std::move(item));
    }

    const qint64 partnerIndex = m_partners > 0 ? rng.range(0, m_partners - 1) : 0;
    out.beginObject();
    out.field("io_id", ioId(i));
    out.field("ts", modifiedMs);
    out.field("warehouse", QString::fromUtf16(kWarehouses[size_t(whId - 1)]));
    out.field("po_id", 300001 + i);
    out.field("supplier_id", supplierId);
    out.field("supplier_name", textpool::companyName(m_seed, quint64(supplierId)));
    out.field("modified", m_clock.dateTime(modifiedMs));
    out.field("so_id", hasSoId(i) ? prefixed("SO"_L1, 880000000 + i) : QString());
    out.field("out_io_id", rng.chance(0.25)
                               ? prefixed("OUT-"_L1, rng.range(100000, 999999))
                               : QString());
    out.field("status", status < 80   ? QStringLiteral("Confirmed")
                        : status < 95 ? QStringLiteral("WaitConfirm")
                                      : QStringLiteral("Cancelled"));
    out.field("io_date", m_clock.dateTime(ioDateMs));
    out.field("wh_id", whId);
    out.field("wms_co_id", partnerWmsCoId(partnerIndex));
    out.field("remark", remark);
    out.field("tax_rate", taxRate);
    out.field("labels", QString::fromUtf16(rng.pick(kLabels)));
    out.field("archived", rng.chance(0.05));
    out.field("merge_so_id", QString());
    out.field("type", QStringLiteral("采购入库"));
    out.field("creator_name", textpool::personName(rng));
    out.field("f_status", status < 60 ? QStringLiteral("Confirmed") : QStringLiteral("WaitConfirm"));
    out.field("l_id", rng.chance(0.5)
                          ? prefixed("SF"_L1, rng.range(100000000000LL, 999999999999LL))
                          : QString());
    out.beginArray("items");
    for (const PurchaseInItem &item : items) {
        out.beginObject();
        out.field("ioi_id", item.ioiId);
        out.field("io_id", ioId(i));
        out.field("sku_id", item.skuId);
        out.field("i_id", item.iId);
        out.field("unit", item.unit);
        out.field("name", item.name);
        out.field("qty", item.qty);
        out.field("cost_price", item.price);
        out.field("cost_amount", item.amount);
        out.field("remark", item.remark);
        out.field("batch_no", item.batchNo);
        out.field("tax_rate", taxRate);
        out.endObject();
    }
    out.endArray();
    for (const CatField *f : m_missing)
        out.field(f->key.constData(), m_completion->value(*f, i, modifiedMs));
    out.endObject();
}

void JstDataset::setPurchaseInCompletion(const RecordGenerator *generator)
{
    m_completion = nullptr;
    m_missing.clear();
    if (!generator || m_timeline.count() == 0)
        return;
    const QJsonObject sample = purchaseIn(0);
    for (const CatField &f : generator->endpoint().fields) {
        if (!sample.contains(f.name))
            m_missing.append(&f);
    }
    m_completion = generator;
}

QJsonObject JstDataset::purchaseIn(qint64 i) const
{
    JsonObjectSink sink;
    writePurchaseIn(i, sink);
    return sink.result();
}

void JstDataset::appendPurchaseInJson(qint64 i, QByteArray &out) const
{
    JsonTextSink sink(out);
    writePurchaseIn(i, sink);
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
