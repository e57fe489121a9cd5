#include "jdydataset.h"

#include "mockclock.h"
#include "recordgenerator.h"
#include "textpool.h"

#include <array>

namespace weft::mock {

namespace {

struct Group
{
    const char16_t *name;
    const char *number;
    const char *id;
};
const std::array kGroups = {Group{u"批发客户", "KHFL001", "1495870011334410240"},
                            Group{u"零售客户", "KHFL002", "1495870011334410241"},
                            Group{u"VIP客户", "KHFL003", "1495870011334410242"},
                            Group{u"电商客户", "KHFL004", "1495870011334410243"}};

} // namespace

JdyDataset::JdyDataset(quint64 seed, const MockClock &clock, qint64 customers, qint64 spanMs)
    : m_seed(seed)
    , m_clock(clock)
    , m_timeline(seed, Stream::JdyCustomer, customers, clock.anchorMs(), spanMs)
{}

QString JdyDataset::customerId(qint64 i) const
{
    return QString::number(1700000000000000000LL + i);
}

QJsonObject JdyDataset::customer(qint64 i) const
{
    DetRandom rng(m_seed, streamId(Stream::JdyCustomer), quint64(i));
    const Group &g = rng.pick(kGroups);
    const qint64 modifyMs = m_timeline.timeMs(i);
    const qint64 createMs = m_timeline.baseMs(i) - rng.range(0, 400) * 86400000LL;
    QString remark = rng.chance(0.4) ? textpool::remark(rng) : QString();
    const int version = m_timeline.version(i);
    if (version > 0)
        remark += QStringLiteral("（第%1次修改）").arg(version);
    const QString contact = textpool::personName(rng);
    QJsonObject o{
        {QStringLiteral("id"), customerId(i)},
        {QStringLiteral("number"), QStringLiteral("KH%1").arg(i + 1, 5, 10, QChar(u'0'))},
        {QStringLiteral("name"), textpool::companyName(m_seed ^ 0x4a4459, quint64(i))},
        {QStringLiteral("group_id"), QString::fromLatin1(g.id)},
        {QStringLiteral("group_number"), QString::fromLatin1(g.number)},
        {QStringLiteral("group_name"), QString::fromUtf16(g.name)},
        {QStringLiteral("contact_person"), contact},
        {QStringLiteral("contact_mobile"),
         QStringLiteral("1%1").arg(rng.range(3000000000LL, 9999999999LL))},
        {QStringLiteral("remark"), remark},
        {QStringLiteral("enable"), rng.chance(0.95) ? QStringLiteral("1") : QStringLiteral("0")},
        {QStringLiteral("create_time"), QString::number(createMs)},
        {QStringLiteral("modify_time"), QString::number(modifyMs)},
    };
    if (m_completion)
        m_completion->complete(o, i, modifyMs);
    return o;
}

} // namespace weft::mock
