#include "k3dataset.h"

#include "mockcatalog.h"
#include "mockclock.h"
#include "mockconfig.h"
#include "recordgenerator.h"
#include "textpool.h"

#include <QJsonObject>
#include <array>

namespace weft::mock {

namespace {

struct Org
{
    const char *number;
    const char16_t *name;
    int id;
};
const std::array kOrgs = {Org{"100", u"华东销售公司", 100001}, Org{"101", u"华南销售公司", 100002},
                          Org{"T00", u"集团总部", 1}};

struct Group
{
    const char *number;
    const char16_t *name;
};
const std::array kGroups = {Group{"01", u"原材料"}, Group{"02", u"半成品"}, Group{"03", u"产成品"},
                            Group{"04", u"包装物"}, Group{"05", u"办公用品"}};
const std::array kUnitNames = {u"Pcs", u"个", u"kg",  u"千克", u"m", u"米",
                               u"box", u"箱", u"set", u"套",   u"L", u"升"};
const std::array kProductLines = {u"工业线", u"民用线", u"电商线",
                                  u"出口线", u"OEM",    u"Industrial"};
const std::array kSpecs = {u"Φ12×30mm", u"500ml", u"AB-120/蓝色", u"M6×20",  u"1.5m", u"XL",
                           u"24V/2A",   u"250g",  u"Type-C",      u"A4 80g", u"DN50"};

QString unitName(const QString &unit)
{
    for (size_t k = 0; k + 1 < kUnitNames.size(); k += 2) {
        if (unit == QString::fromUtf16(kUnitNames[k]))
            return QString::fromUtf16(kUnitNames[k + 1]);
    }
    return unit;
}

const Org &orgFor(DetRandom &rng, bool forceT00)
{
    const int r = int(rng.range(0, 99));
    if (forceT00 || r < 85)
        return kOrgs[2];
    return r < 93 ? kOrgs[0] : kOrgs[1];
}

} // namespace

int K3Form::fieldIndex(const QString &name) const
{
    for (int k = 0; k < fields.size(); ++k) {
        if (fields.at(k).name.compare(name, Qt::CaseInsensitive) == 0)
            return k;
    }
    return -1;
}

K3Dataset::K3Dataset(quint64 seed, const MockClock &clock, qint64 materials, qint64 customers,
                     qint64 spanMs)
    : m_seed(seed)
    , m_clock(clock)
    , m_materials(seed, Stream::K3Material, materials, clock.anchorMs(), spanMs)
    , m_customers(seed, Stream::K3Customer, customers, clock.anchorMs(), spanMs)
{
    using T = K3Type;
    auto material = std::make_unique<K3Form>();
    material->kind = K3Form::Kind::Material;
    material->formId = QStringLiteral("BD_MATERIAL");
    material->fields = {
        {"FMaterialId", T::Int},
        {"FMasterId", T::Int},
        {"FNumber", T::String},
        {"FName", T::String},
        {"FSpecification", T::String},
        {"F_ProductLine", T::String},
        {"FUseOrgId", T::Int},
        {"FUseOrgId.FNumber", T::String},
        {"FUseOrgId.FName", T::String},
        {"FCreateOrgId.FNumber", T::String},
        {"FDocumentStatus", T::String},
        {"FForbidStatus", T::String},
        {"FModifyDate", T::DateTime},
        {"FCreateDate", T::DateTime},
        {"FBaseUnitId.FNumber", T::String},
        {"FBaseUnitId.FName", T::String},
        {"FMaterialGroup.FNumber", T::String},
        {"FMaterialGroup.FName", T::String},
        {"FErpClsID", T::String},
        {"FOldNumber", T::String},
        {"FDescription", T::String},
        {"FMnemonicCode", T::String},
    };
    material->timeField = 12;
    auto customer = std::make_unique<K3Form>();
    customer->kind = K3Form::Kind::Customer;
    customer->formId = QStringLiteral("BD_Customer");
    customer->fields = {
        {"FCUSTID", T::Int},
        {"FNumber", T::String},
        {"FName", T::String},
        {"FShortName", T::String},
        {"FUseOrgId.FNumber", T::String},
        {"FCreateOrgId.FNumber", T::String},
        {"FDocumentStatus", T::String},
        {"FForbidStatus", T::String},
        {"FModifyDate", T::DateTime},
        {"FCreateDate", T::DateTime},
        {"FTEL", T::String},
        {"FADDRESS", T::String},
    };
    customer->timeField = 8;
    auto org = std::make_unique<K3Form>();
    org->kind = K3Form::Kind::Organization;
    org->formId = QStringLiteral("ORG_Organizations");
    org->fields = {{"FOrgID", T::Int},
                   {"FNumber", T::String},
                   {"FName", T::String},
                   {"FDocumentStatus", T::String},
                   {"FForbidStatus", T::String}};
    m_forms.push_back(std::move(material));
    m_forms.push_back(std::move(customer));
    m_forms.push_back(std::move(org));
}

K3Dataset::~K3Dataset() = default;

namespace {

K3Type typeOf(const CatField &f)
{
    if (f.type == QLatin1String("int"))
        return K3Type::Int;
    if (f.type == QLatin1String("number") || f.type == QLatin1String("float"))
        return K3Type::Decimal;
    if (f.type == QLatin1String("datetime") || f.type == QLatin1String("date") ||
        isTimeName(f.name))
        return K3Type::DateTime;
    return K3Type::String;
}

} // namespace

void K3Dataset::attachCatalog(const MockCatalog &catalog, const MockConfig &config, qint64 spanMs)
{
    RecordGenerator::References refs;
    refs.materials = m_materials.count();
    refs.materialNumber = [this](qint64 j) { return materialNumber(j); };
    refs.materialName = [this](qint64 j) { return materialName(j); };
    refs.customers = m_customers.count();
    refs.customerNumber = [this](qint64 j) { return customerNumber(j); };
    for (const CatEndpoint &e : catalog.endpoints()) {
        if (e.system != QLatin1String("kingdee_k3cloud") || !e.query || e.formId.isEmpty())
            continue;
        m_generators.push_back(std::make_unique<RecordGenerator>(e, m_seed, m_clock, refs));
        const RecordGenerator *generator = m_generators.back().get();
        K3Form *existing = nullptr;
        for (const auto &f : m_forms) {
            if (f->formId.compare(e.formId, Qt::CaseInsensitive) == 0)
                existing = f.get();
        }
        if (existing) {
            // The hand-written form keeps its fields and rows; the catalogue's others follow.
            existing->ownFields = int(existing->fields.size());
            for (const CatField &f : e.fields) {
                if (existing->fieldIndex(f.name) < 0)
                    existing->fields.append(K3Field{f.name, typeOf(f), false, &f});
            }
            existing->query = &e;
            existing->generator = generator;
            continue;
        }
        auto form = std::make_unique<K3Form>();
        form->kind = K3Form::Kind::Catalog;
        form->formId = e.formId;
        form->query = &e;
        form->generator = generator;
        for (const CatField &f : e.fields) {
            form->fields.append(K3Field{f.name, typeOf(f), !f.entry.isEmpty(), &f});
            form->hasLines = form->hasLines || !f.entry.isEmpty();
        }
        form->timeField = form->fieldIndex(e.windowField.isEmpty() ? QStringLiteral("FModifyDate")
                                                                   : e.windowField);
        const auto stream = static_cast<Stream>(0x100 + generator->stream() % 0xfffff00ULL);
        m_timelines.emplace(form.get(),
                            std::make_unique<Timeline>(m_seed, stream, config.catalogSize(e.ref()),
                                                       m_clock.anchorMs(), spanMs));
        m_forms.push_back(std::move(form));
    }
}

QStringList K3Dataset::formIds() const
{
    QStringList out;
    for (const auto &f : m_forms)
        out << f->formId;
    return out;
}

const K3Form *K3Dataset::form(const QString &formId) const
{
    for (const auto &f : m_forms) {
        if (f->formId.compare(formId, Qt::CaseInsensitive) == 0)
            return f.get();
    }
    return nullptr;
}

qint64 K3Dataset::count(const K3Form &form) const
{
    switch (form.kind) {
    case K3Form::Kind::Material:
        return m_materials.count();
    case K3Form::Kind::Customer:
        return m_customers.count();
    case K3Form::Kind::Organization:
        return qint64(kOrgs.size());
    case K3Form::Kind::Catalog:
        return m_timelines.at(&form)->count();
    }
    return 0;
}

int K3Dataset::lines(const K3Form &form, qint64 i) const
{
    return form.hasLines ? form.generator->lines(i) : 1;
}

Timeline *K3Dataset::timeline(const K3Form &form)
{
    switch (form.kind) {
    case K3Form::Kind::Material:
        return &m_materials;
    case K3Form::Kind::Customer:
        return &m_customers;
    case K3Form::Kind::Organization:
        return nullptr;
    case K3Form::Kind::Catalog:
        return m_timelines.at(&form).get();
    }
    return nullptr;
}

const Timeline *K3Dataset::timeline(const K3Form &form) const
{
    return const_cast<K3Dataset *>(this)->timeline(form);
}

std::vector<QJsonValue> K3Dataset::row(const K3Form &form, qint64 i, int line) const
{
    std::vector<QJsonValue> out;
    switch (form.kind) {
    case K3Form::Kind::Material:
        out = materialRow(i);
        break;
    case K3Form::Kind::Customer:
        out = customerRow(i);
        break;
    case K3Form::Kind::Organization:
        return orgRow(i);
    case K3Form::Kind::Catalog:
        return catalogRow(form, i, line);
    }
    // The catalogue's fields the hand-written rows lack.
    if (form.generator && form.ownFields < form.fields.size()) {
        const qint64 ms = timeline(form)->timeMs(i);
        for (qsizetype k = form.ownFields; k < form.fields.size(); ++k)
            out.push_back(form.generator->value(*form.fields.at(k).catalog, i, ms));
    }
    return out;
}

std::vector<QJsonValue> K3Dataset::catalogRow(const K3Form &form, qint64 i, int line) const
{
    const qint64 ms = m_timelines.at(&form)->timeMs(i);
    std::vector<QJsonValue> out;
    out.reserve(size_t(form.fields.size()));
    for (const K3Field &f : form.fields)
        out.push_back(form.generator->value(*f.catalog, i, ms, f.line ? line : -1));
    return out;
}

QString K3Dataset::materialNumber(qint64 i) const
{
    return materialRow(i).at(2).toString();
}

QString K3Dataset::materialName(qint64 i) const
{
    return materialRow(i).at(3).toString();
}

std::optional<qint64> K3Dataset::materialIndex(const QString &number) const
{
    // GG.SS.NNNNN: the last part is the index + 1.
    bool ok = false;
    const qint64 i = number.trimmed().section(u'.', -1).toLongLong(&ok) - 1;
    if (!ok || i < 0 || i >= m_materials.count() ||
        materialNumber(i).compare(number.trimmed(), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return i;
}

bool K3Dataset::materialExists(const QString &number) const
{
    return materialIndex(number).has_value();
}

QString K3Dataset::materialNameOf(const QString &number) const
{
    const auto i = materialIndex(number);
    return i ? materialName(*i) : QString();
}

std::vector<QJsonValue> K3Dataset::materialRow(qint64 i) const
{
    DetRandom rng(m_seed, streamId(Stream::K3Material), quint64(i));
    const bool invalid = hasLongProductLine(i);
    const Org &org = orgFor(rng, invalid);
    const Group &group = rng.pick(kGroups);
    const qint64 sub = rng.range(1, 20);
    const QString unit = textpool::k3Unit(rng);
    QString spec = QString::fromUtf16(rng.pick(kSpecs));
    const int pad = int(rng.range(0, 7));
    // The seed trims the specification: some carry the spaces real users type.
    if (pad == 1)
        spec = u"  " + spec;
    else if (pad == 2)
        spec += u"   ";
    else if (pad == 3)
        spec = u' ' + spec + u' ';
    QString productLine = QString::fromUtf16(rng.pick(kProductLines));
    if (invalid)
        productLine = textpool::longText(300, productLine + u'-');
    const int status = int(rng.range(0, 99));
    const QString docStatus = invalid || status < 90 ? QStringLiteral("C")
                              : status < 95          ? QStringLiteral("B")
                                                     : QStringLiteral("A");
    const QString forbid =
        invalid || rng.range(0, 99) < 93 ? QStringLiteral("A") : QStringLiteral("B");
    const int erp = int(rng.range(0, 9));
    const QString name = textpool::productName(rng);
    QString description = rng.chance(0.5) ? textpool::remark(rng) : QString();
    const int version = m_materials.version(i);
    if (version > 0)
        description += QStringLiteral("（第%1次修改）").arg(version);
    const qint64 id = 100001 + i;
    const qint64 createMs = m_materials.baseMs(i) - rng.range(0, 720) * 3600000LL;
    return {
        QJsonValue(id),
        QJsonValue(id),
        QJsonValue(QStringLiteral("%1.%2.%3")
                       .arg(QString::fromLatin1(group.number))
                       .arg(sub, 2, 10, QChar(u'0'))
                       .arg(i + 1, 5, 10, QChar(u'0'))),
        QJsonValue(name),
        QJsonValue(spec),
        QJsonValue(productLine),
        QJsonValue(org.id),
        QJsonValue(QString::fromLatin1(org.number)),
        QJsonValue(QString::fromUtf16(org.name)),
        QJsonValue(QStringLiteral("T00")),
        QJsonValue(docStatus),
        QJsonValue(forbid),
        QJsonValue(m_clock.isoDateTime(m_materials.timeMs(i))),
        QJsonValue(m_clock.isoDateTime(createMs)),
        QJsonValue(unit),
        QJsonValue(unitName(unit)),
        QJsonValue(QString::fromLatin1(group.number)),
        QJsonValue(QString::fromUtf16(group.name)),
        QJsonValue(erp < 6   ? QStringLiteral("1")
                   : erp < 9 ? QStringLiteral("2")
                             : QStringLiteral("3")),
        QJsonValue(rng.chance(0.3) ? QStringLiteral("OLD-%1").arg(rng.range(1000, 99999))
                                   : QString()),
        QJsonValue(description),
        QJsonValue(textpool::letters(rng, 4)),
    };
}

QString K3Dataset::customerNumber(qint64 i) const
{
    return QStringLiteral("CUST%1").arg(i + 1, 4, 10, QChar(u'0'));
}

std::vector<QJsonValue> K3Dataset::customerRow(qint64 i) const
{
    DetRandom rng(m_seed, streamId(Stream::K3Customer), quint64(i));
    const QString name = textpool::companyName(m_seed ^ 0x4b33, quint64(i));
    const qint64 createMs = m_customers.baseMs(i) - rng.range(0, 2000) * 3600000LL;
    return {
        QJsonValue(200001 + i),
        QJsonValue(customerNumber(i)),
        QJsonValue(name),
        QJsonValue(name.left(4)),
        QJsonValue(QStringLiteral("T00")),
        QJsonValue(QStringLiteral("T00")),
        QJsonValue(QStringLiteral("C")),
        QJsonValue(QStringLiteral("A")),
        QJsonValue(m_clock.isoDateTime(m_customers.timeMs(i))),
        QJsonValue(m_clock.isoDateTime(createMs)),
        QJsonValue(
            QStringLiteral("0%1-%2").arg(rng.range(10, 999)).arg(rng.range(10000000, 99999999))),
        QJsonValue(
            QString(textpool::city(rng) + QStringLiteral("市工业园区%1号").arg(rng.range(1, 300)))),
    };
}

std::vector<QJsonValue> K3Dataset::orgRow(qint64 i) const
{
    const Org &org = kOrgs[size_t(i)];
    return {QJsonValue(org.id), QJsonValue(QString::fromLatin1(org.number)),
            QJsonValue(QString::fromUtf16(org.name)), QJsonValue(QStringLiteral("C")),
            QJsonValue(QStringLiteral("A"))};
}

bool K3Dataset::customerExists(const QString &number) const
{
    const QString n = number.trimmed();
    if (!n.startsWith(QLatin1String("CUST"), Qt::CaseInsensitive))
        return false;
    bool ok = false;
    const qint64 k = n.mid(4).toLongLong(&ok);
    if (!ok || k < 1 || k > m_customers.count())
        return false;
    return customerNumber(k - 1).compare(n, Qt::CaseInsensitive) == 0;
}

bool K3Dataset::orgExists(const QString &number) const
{
    for (const Org &o : kOrgs) {
        if (number.trimmed().compare(QLatin1String(o.number), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QStringList K3Dataset::orgNumbers()
{
    QStringList out;
    for (const Org &o : kOrgs)
        out << QString::fromLatin1(o.number);
    return out;
}

QJsonArray K3Dataset::invalidMaterials() const
{
    QJsonArray out;
    for (qint64 i = 17; i < m_materials.count(); i += 97) {
        out.append(QJsonObject{
            {QStringLiteral("index"), i},
            {QStringLiteral("id"), 100001 + i},
            {QStringLiteral("reason"), QStringLiteral("F_ProductLine is 300 characters long (a "
                                                      "VARCHAR(100) column rejects it)")}});
    }
    return out;
}

} // namespace weft::mock
