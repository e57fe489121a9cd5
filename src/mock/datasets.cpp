#include "datasets.h"

#include "mockcatalog.h"
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

// The catalogue queries the hand-written datasets serve (the example projects are built on
// them): they are completed with the declared fields they lack instead.
const QStringList kHandWritten = {QStringLiteral("jushuitan/wms.partner.query"),
                                  QStringLiteral("jushuitan/purchasein.query"),
                                  QStringLiteral("dingtalk/processinstance.get"),
                                  QStringLiteral("dingtalk/processinstance.listids")};

const QString kK3 = QStringLiteral("kingdee_k3cloud/");

} // namespace

Datasets::Datasets(const MockConfig &config, const MockClock &clock, const MockCatalog &catalog)
    : m_catalogue(catalog)
    , m_seed(config.seed)
    , m_jst(config.seed, clock, config.jstPartners, config.jstPurchaseIns, spanMs(config))
    , m_jdy(config.seed, clock, config.jdyCustomers, spanMs(config))
    , m_k3(config.seed, clock, config.k3Materials, config.k3Customers, spanMs(config))
    , m_dd(config.seed, clock, m_k3, config.ddInstances, spanMs(config))
{
    m_k3.attachCatalog(catalog, config, spanMs(config));
    auto completion = [&](const QString &ref,
                          const QStringList &leaveOut = {}) -> const RecordGenerator * {
        const CatEndpoint *e = catalog.find(ref);
        if (!e)
            return nullptr;
        if (!leaveOut.isEmpty()) {
            auto copy = std::make_unique<CatEndpoint>(*e);
            copy->fields.removeIf([&](const CatField &f) { return leaveOut.contains(f.name); });
            e = copy.get();
            m_trimmed.push_back(std::move(copy));
        }
        m_completions.push_back(std::make_unique<RecordGenerator>(*e, config.seed, clock));
        return m_completions.back().get();
    };
    m_jst.setPurchaseInCompletion(completion(QStringLiteral("jushuitan/purchasein.query")));
    m_jdy.setCompletion(completion(QStringLiteral("kingdee_jdy/customer.list")));
    // The instance id is no part of process_instance: the client adds it to the record.
    m_dd.setCompletion(
        completion(QStringLiteral("dingtalk/processinstance.get"), {QStringLiteral("id")}));
    for (const CatEndpoint &e : catalog.endpoints()) {
        if (!e.query || e.system == QLatin1String("kingdee_k3cloud") ||
            kHandWritten.contains(e.ref()))
            continue;
        auto d = std::make_unique<CatalogDataset>(e, config.seed, clock,
                                                  config.catalogSize(e.ref()), spanMs(config));
        if (e.ref() == QLatin1String("kingdee_jdy/customer.list")) {
            // The customers the JDY example reads, saves of customer.save added to them.
            d->useHandWritten(
                &m_jdy.customers(), [this](qint64 i) { return m_jdy.customer(i); },
                [this](const QString &id) -> std::optional<qint64> {
                    bool ok = false;
                    const qint64 i = id.toLongLong(&ok) - 1700000000000000000LL;
                    if (!ok || i < 0 || m_jdy.customerId(i) != id)
                        return std::nullopt;
                    return i;
                });
        }
        m_catalog.emplace(e.ref(), std::move(d));
    }
    shapeDingTalk();
}

void Datasets::shapeDingTalk()
{
    // DingTalk's organisation: the first departments sit under the root (1), the others
    // under those; user j belongs to one department (or the root), and an attendance result
    // is a user's — so listsub, user.list and attendance.list answer consistently.
    CatalogDataset *departments = catalog(QStringLiteral("dingtalk/department.listsub"));
    CatalogDataset *users = catalog(QStringLiteral("dingtalk/user.list"));
    CatalogDataset *attendance = catalog(QStringLiteral("dingtalk/attendance.list"));
    if (!departments || !users || !attendance)
        return;
    constexpr qint64 kTopLevel = 5;
    auto departmentId = [departments](qint64 k) {
        return departments->generator().id(k).toInteger();
    };
    departments->setShaper([departmentId](qint64 k, QJsonObject &o) {
        o.insert(QStringLiteral("parent_id"), k < kTopLevel ? 1 : departmentId(k % kTopLevel));
    });
    users->setShaper([departments, departmentId](qint64 j, QJsonObject &o) {
        const qint64 n = departments->generated();
        const qint64 slot = j % (n + 1);
        o.insert(QStringLiteral("dept_id_list"), QJsonArray{slot == n ? 1 : departmentId(slot)});
    });
    attendance->setShaper([this, users](qint64 k, QJsonObject &o) {
        if (users->generated() == 0)
            return;
        const quint64 h = DetRandom::hash(m_seed, users->generator().stream(), quint64(k));
        o.insert(QStringLiteral("userId"),
                 users->generator().id(qint64(h % quint64(users->generated()))));
    });
}

Datasets::~Datasets() = default;

QString Datasets::datasetOf(const CatEndpoint &query) const
{
    static const QHash<QString, QString> handWritten = {
        {QStringLiteral("jushuitan/wms.partner.query"), QStringLiteral("jst-partners")},
        {QStringLiteral("jushuitan/purchasein.query"), QStringLiteral("jst-purchaseins")},
        {QStringLiteral("kingdee_k3cloud/BD_MATERIAL.query"), QStringLiteral("k3-materials")},
        {QStringLiteral("kingdee_k3cloud/BD_Customer.query"), QStringLiteral("k3-customers")},
        {QStringLiteral("dingtalk/processinstance.get"), QStringLiteral("dd-instances")},
        {QStringLiteral("dingtalk/processinstance.listids"), QStringLiteral("dd-instances")}};
    if (!query.query)
        return QString();
    if (handWritten.contains(query.ref()))
        return handWritten.value(query.ref());
    return size(query.ref()) >= 0 ? query.ref() : QString();
}

CatalogDataset *Datasets::catalog(const QString &endpointRef)
{
    const auto it = m_catalog.find(endpointRef);
    return it == m_catalog.end() ? nullptr : it->second.get();
}

QStringList Datasets::names() const
{
    QStringList out{QStringLiteral("jst-partners"),  QStringLiteral("jst-purchaseins"),
                    QStringLiteral("jdy-customers"), QStringLiteral("k3-materials"),
                    QStringLiteral("k3-customers"),  QStringLiteral("k3-orgs"),
                    QStringLiteral("dd-instances")};
    for (const auto &[ref, dataset] : m_catalog)
        out << ref;
    for (const QString &formId : m_k3.formIds()) {
        const K3Form *form = m_k3.form(formId);
        if (form->kind == K3Form::Kind::Catalog)
            out << kK3 + form->query->id;
    }
    return out;
}

qint64 Datasets::size(const QString &name) const
{
    if (const auto it = m_catalog.find(name); it != m_catalog.end())
        return it->second->size();
    if (const K3Form *form = k3Form(name))
        return m_k3.count(*form);
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

const K3Form *Datasets::k3Form(const QString &name) const
{
    if (!name.startsWith(kK3))
        return nullptr;
    const CatEndpoint *e = m_catalogue.find(name);
    const K3Form *form = e ? m_k3.form(e->formId) : nullptr;
    return form && form->kind == K3Form::Kind::Catalog ? form : nullptr;
}

QJsonValue Datasets::idOf(const QString &name, qint64 i) const
{
    if (const auto it = m_catalog.find(name); it != m_catalog.end())
        return it->second->record(i).value(it->second->endpoint().keyId);
    if (const K3Form *form = k3Form(name))
        return form->generator->id(i);
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
        if (const auto it = m_catalog.find(name); it != m_catalog.end()) {
            out.append(it->second->record(i));
        } else if (const K3Form *form = k3Form(name)) {
            // One object per row: a document with lines gives one per line.
            for (int line = 0; line < m_k3.lines(*form, i); ++line)
                out.append(k3Object(*form, m_k3.row(*form, i, line)));
        } else if (name == QLatin1String("jst-partners")) {
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
    CatalogDataset *catalogue = catalog(name);
    const K3Form *form = k3Form(name);
    const qint64 generated = catalogue ? catalogue->generated() : n; // created ones stay
    const std::vector<qint64> picked = pickDistinct(m_seed, ++m_touchSerial, generated, count);
    ++m_generation;
    QJsonArray ids;
    for (qint64 i : picked) {
        if (catalogue)
            catalogue->timeline().touch(i, atMs);
        else if (form)
            m_k3.timeline(*form)->touch(i, atMs);
        else if (name == QLatin1String("jst-partners"))
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
    for (const auto &[ref, dataset] : m_catalog)
        dataset->reset(); // what saves wrote, too: reset is the only caller
    for (const QString &formId : m_k3.formIds()) {
        const K3Form *form = m_k3.form(formId);
        if (form->kind == K3Form::Kind::Catalog)
            m_k3.timeline(*form)->clearTouches();
    }
}

} // namespace weft::mock
