#include "dddataset.h"

#include "k3dataset.h"
#include "mockclock.h"
#include "recordgenerator.h"
#include "textpool.h"

#include <QJsonDocument>
#include <array>

namespace weft::mock {

namespace {

const std::array kDetailRemarks = {u"季度返利",  u"年度返利", u"促销支持",    u"陈列费返还",
                                   u"Q2 rebate", u"达量奖励", u"新品推广补贴"};

QJsonObject cell(const QString &label, const QString &key, const QString &value)
{
    return QJsonObject{{QStringLiteral("label"), label},
                       {QStringLiteral("key"), key},
                       {QStringLiteral("value"), value}};
}

QJsonObject component(const QString &name, const QString &id, const QString &type,
                      const QString &value)
{
    return QJsonObject{{QStringLiteral("name"), name},
                       {QStringLiteral("id"), id},
                       {QStringLiteral("component_type"), type},
                       {QStringLiteral("value"), value}};
}

} // namespace

DdDataset::DdDataset(quint64 seed, const MockClock &clock, const K3Dataset &k3, qint64 instances,
                     qint64 spanMs)
    : m_seed(seed)
    , m_clock(clock)
    , m_k3(k3)
    , m_timeline(seed, Stream::DdInstance, instances, clock.anchorMs(), spanMs)
{}

QString DdDataset::instanceId(qint64 i) const
{
    // Looks like DingTalk's ids; the last 12 hex digits are the index, the rest a checksum,
    // so `get` finds the record without a table and refuses made-up ids.
    const quint64 h = DetRandom::hash(m_seed, streamId(Stream::DdInstance) + 77, quint64(i));
    return QStringLiteral("%1-%2-4%3-a%4-%5")
        .arg(quint32(h >> 32), 8, 16, QChar(u'0'))
        .arg(quint32((h >> 16) & 0xffff), 4, 16, QChar(u'0'))
        .arg(quint32((h >> 4) & 0xfff), 3, 16, QChar(u'0'))
        .arg(quint32((h >> 20) & 0xfff), 3, 16, QChar(u'0'))
        .arg(quint64(i), 12, 16, QChar(u'0'));
}

std::optional<qint64> DdDataset::indexOf(const QString &instanceId) const
{
    if (instanceId.size() < 12)
        return std::nullopt;
    bool ok = false;
    const qint64 i = qint64(instanceId.right(12).toULongLong(&ok, 16));
    if (!ok || i < 0 || i >= m_timeline.count() || this->instanceId(i) != instanceId)
        return std::nullopt;
    return i;
}

QString DdDataset::missingCustomerCode() const
{
    // "CUST9999" reads naturally, but must not exist even with many generated customers.
    return m_k3.customerCount() < 9999 ? QStringLiteral("CUST9999") : QStringLiteral("CUSTX9999");
}

QJsonObject DdDataset::instance(qint64 i) const
{
    DetRandom rng(m_seed, streamId(Stream::DdInstance), quint64(i));
    const qint64 createMs = m_timeline.timeMs(i);
    const int state = int(rng.range(0, 99));
    const bool invalid = hasMissingCustomer(i);
    const QString status = invalid || state < 85 ? QStringLiteral("COMPLETED")
                           : state < 95          ? QStringLiteral("RUNNING")
                                                 : QStringLiteral("TERMINATED");
    const QString result = status == QLatin1String("COMPLETED")    ? QStringLiteral("agree")
                           : status == QLatin1String("TERMINATED") ? QStringLiteral("refuse")
                                                                   : QString();
    const qint64 finishMs = createMs + rng.range(600, 3 * 86400) * 1000;
    const QString applicant = textpool::personName(rng);
    const QStringList orgs = K3Dataset::orgNumbers();
    const int orgRoll = int(rng.range(0, 9));
    const QString org = orgRoll < 7 ? QStringLiteral("T00") : orgs.at(orgRoll % 2);
    const qint64 customers = std::max<qint64>(m_k3.customerCount(), 1);
    const QString customer =
        invalid ? missingCustomerCode() : m_k3.customerNumber(rng.range(0, customers - 1));
    const QString period = m_clock.month(createMs - 20 * 86400000LL);

    QJsonArray rows;
    const int rowCount = int(rng.range(1, 4));
    for (int r = 0; r < rowCount; ++r) {
        const double amount = double(rng.range(10000, 5000000)) / 100.0;
        const QJsonArray cells{
            cell(QStringLiteral("客户编码"), QStringLiteral("TextField-K2AD4O5B"), customer),
            cell(QStringLiteral("不含税金额"), QStringLiteral("MoneyField-K2AD4O5C"),
                 QString::number(amount, 'f', 2)),
            cell(QStringLiteral("明细备注"), QStringLiteral("TextField-K2AD4O5D"),
                 QString::fromUtf16(rng.pick(kDetailRemarks))),
            cell(QStringLiteral("返利归属期间"), QStringLiteral("TextField-K2AD4O5E"), period),
        };
        rows.append(QJsonObject{
            {QStringLiteral("rowNumber"), QStringLiteral("TableField-K2AD4O5A_%1").arg(r + 1)},
            {QStringLiteral("rowValue"), cells}});
    }
    QString note = rng.chance(0.5) ? textpool::remark(rng) : QString();
    const int version = m_timeline.version(i);
    if (version > 0)
        note += QStringLiteral("（第%1次修改）").arg(version);

    const QJsonArray form{
        component(QStringLiteral("申请日期"), QStringLiteral("DDDateField-K2AD4O59"),
                  QStringLiteral("DDDateField"), m_clock.date(createMs)),
        component(QStringLiteral("组织"), QStringLiteral("TextField-K2AD4O58"),
                  QStringLiteral("TextField"), org),
        component(QStringLiteral("申请人"), QStringLiteral("TextField-K2AD4O57"),
                  QStringLiteral("TextField"), applicant),
        component(QStringLiteral("备注"), QStringLiteral("TextareaField-K2AD4O56"),
                  QStringLiteral("TextareaField"), note),
        component(QStringLiteral("表格"), QStringLiteral("TableField-K2AD4O5A"),
                  QStringLiteral("TableField"),
                  QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact))),
    };
    const QString businessId =
        m_clock.dateTime(createMs).remove(u'-').remove(u' ').remove(u':').left(12) +
        QStringLiteral("%1").arg(i % 1000000, 6, 10, QChar(u'0'));
    QJsonObject o{
        {QStringLiteral("title"), QString(applicant + QStringLiteral("提交的返利发放申请"))},
        {QStringLiteral("create_time"), m_clock.dateTime(createMs)},
        {QStringLiteral("finish_time"),
         status == QLatin1String("RUNNING") ? QString() : m_clock.dateTime(finishMs)},
        {QStringLiteral("originator_userid"),
         QStringLiteral("manager%1").arg(rng.range(1000, 9999))},
        {QStringLiteral("originator_dept_id"), QStringLiteral("%1").arg(rng.range(100, 999))},
        {QStringLiteral("originator_dept_name"), QStringLiteral("销售部")},
        {QStringLiteral("status"), status},
        {QStringLiteral("result"), result},
        {QStringLiteral("business_id"), businessId},
        {QStringLiteral("biz_action"), QStringLiteral("NONE")},
        {QStringLiteral("attached_process_instance_ids"), QJsonArray()},
        {QStringLiteral("cc_userid_list"), QJsonArray()},
        {QStringLiteral("form_component_values"), form},
    };
    if (m_completion)
        m_completion->complete(o, i, createMs);
    return o;
}

QJsonArray DdDataset::invalidInstances() const
{
    QJsonArray out;
    for (qint64 i = 19; i < m_timeline.count(); i += 97) {
        out.append(QJsonObject{
            {QStringLiteral("index"), i},
            {QStringLiteral("id"), instanceId(i)},
            {QStringLiteral("reason"),
             QStringLiteral("表格 customer code %1 does not exist in K3Cloud (BatchSave: "
                            "FCONTACTUNIT not found)")
                 .arg(missingCustomerCode())}});
    }
    return out;
}

} // namespace weft::mock
