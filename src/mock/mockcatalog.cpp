#include "mockcatalog.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace weft::mock {

namespace {

// The files compiled in by src/mock/CMakeLists.txt (qt_add_resources), one per system.
const char *const kBuiltin[] = {
    ":/weft-mock/catalog/jushuitan.json", ":/weft-mock/catalog/kingdee_jdy.json",
    ":/weft-mock/catalog/kingdee_k3cloud.json", ":/weft-mock/catalog/dingtalk.json"};

QList<CatField> readFields(const QJsonArray &array)
{
    QList<CatField> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        CatField f;
        f.name = o.value(QLatin1String("name")).toString();
        f.key = f.name.toUtf8();
        f.type = o.value(QLatin1String("type")).toString();
        f.items = o.value(QLatin1String("items")).toString();
        f.entry = o.value(QLatin1String("entry")).toString();
        f.describe = o.value(QLatin1String("describe")).toString();
        f.labelEn =
            o.value(QLatin1String("label")).toObject().value(QLatin1String("en")).toString();
        f.fields = readFields(o.value(QLatin1String("fields")).toArray());
        if (!f.name.isEmpty())
            out.append(f);
    }
    return out;
}

QList<CatParam> readParams(const QJsonArray &array)
{
    QList<CatParam> out;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        CatParam p;
        p.field = o.value(QLatin1String("field")).toString();
        p.label =
            o.value(QLatin1String("label")).toObject().value(QLatin1String("zh_CN")).toString();
        p.type = o.value(QLatin1String("type")).toString();
        p.role = o.value(QLatin1String("role")).toString();
        p.required = o.value(QLatin1String("required")).toBool();
        p.baseData =
            o.value(QLatin1String("parser")).toObject().value(QLatin1String("name")).toString() ==
            QLatin1String("ConvertObjectParser");
        p.value = o.value(QLatin1String("value"));
        p.children = readParams(o.value(QLatin1String("children")).toArray());
        if (!p.field.isEmpty())
            out.append(p);
    }
    return out;
}

CatEndpoint readEndpoint(const QString &system, const QJsonObject &o)
{
    CatEndpoint e;
    e.system = system;
    e.id = o.value(QLatin1String("id")).toString();
    e.api = o.value(QLatin1String("api")).toString();
    e.method = o.value(QLatin1String("method")).toString();
    e.query = o.value(QLatin1String("effect")).toString() != QLatin1String("EXECUTE");
    e.request = readParams(o.value(QLatin1String("request")).toArray());
    for (const QJsonValue &v : o.value(QLatin1String("otherRequest")).toArray()) {
        const QJsonObject r = v.toObject();
        const QString field = r.value(QLatin1String("field")).toString();
        if (field == QLatin1String("FormId"))
            e.formId = r.value(QLatin1String("value")).toString();
        else if (field == QLatin1String("FieldKeys"))
            e.fieldKeys = r.value(QLatin1String("value")).toString();
    }
    const QJsonObject paging = o.value(QLatin1String("paging")).toObject();
    e.pagingKind = paging.value(QLatin1String("kind")).toString();
    e.defaultPageSize = paging.value(QLatin1String("defaultPageSize")).toInteger();
    e.maxPageSize = paging.value(QLatin1String("maxPageSize")).toInteger();
    const QJsonObject window = o.value(QLatin1String("window")).toObject();
    e.windowStart = window.value(QLatin1String("startParam")).toString();
    e.windowEnd = window.value(QLatin1String("endParam")).toString();
    e.windowFilter = window.value(QLatin1String("filterParam")).toString();
    e.windowField = window.value(QLatin1String("field")).toString();
    e.windowFormat = window.value(QLatin1String("format")).toString();
    e.maxSpanDays = window.value(QLatin1String("maxSpanDays")).toInteger();
    e.maxAgeDays = window.value(QLatin1String("maxAgeDays")).toInteger();
    const QJsonObject response = o.value(QLatin1String("response")).toObject();
    e.recordPath = response.value(QLatin1String("recordPath")).toString();
    e.scalarRecords = response.value(QLatin1String("scalarRecords")).toBool();
    e.fields = readFields(response.value(QLatin1String("fields")).toArray());
    const QJsonObject keys = o.value(QLatin1String("keys")).toObject();
    e.keyId = keys.value(QLatin1String("id")).toString();
    e.keyNumber = keys.value(QLatin1String("number")).toString();
    e.keyName = keys.value(QLatin1String("name")).toString();
    e.bodyIsArray =
        o.value(QLatin1String("body")).toObject().value(QLatin1String("kind")).toString() ==
        QLatin1String("array");
    return e;
}

QString normalisedApi(const QString &api)
{
    return api.startsWith(u'/') ? api : u'/' + api;
}

} // namespace

const CatParam *CatEndpoint::param(const QString &name) const
{
    for (const CatParam &p : request) {
        if (p.field == name)
            return &p;
    }
    return nullptr;
}

const CatField *CatEndpoint::field(const QString &name) const
{
    for (const CatField &f : fields) {
        if (f.name.compare(name, Qt::CaseInsensitive) == 0)
            return &f;
    }
    return nullptr;
}

std::unique_ptr<MockCatalog> MockCatalog::builtin(QString *error)
{
    QStringList paths;
    for (const char *path : kBuiltin)
        paths << QString::fromLatin1(path);
    return fromFiles(paths, error);
}

std::unique_ptr<MockCatalog> MockCatalog::fromFiles(const QStringList &paths, QString *error)
{
    auto catalog = std::make_unique<MockCatalog>();
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read the catalogue file %1").arg(path);
            return nullptr;
        }
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
        const QJsonObject root = doc.object();
        const QString system = root.value(QLatin1String("system")).toString();
        if (!doc.isObject() || system.isEmpty()) {
            *error = QStringLiteral("the catalogue file %1 is not a catalogue: %2")
                         .arg(path, parseError.errorString());
            return nullptr;
        }
        for (const QJsonValue &v : root.value(QLatin1String("endpoints")).toArray())
            catalog->m_endpoints.push_back(readEndpoint(system, v.toObject()));
    }
    return catalog;
}

const CatEndpoint *MockCatalog::find(const QString &system, const QString &id) const
{
    for (const CatEndpoint &e : m_endpoints) {
        if (e.system == system && e.id == id)
            return &e;
    }
    return nullptr;
}

const CatEndpoint *MockCatalog::find(const QString &ref) const
{
    return find(ref.section(u'/', 0, 0), ref.section(u'/', 1));
}

const CatEndpoint *MockCatalog::byApi(const QString &system, const QString &api,
                                      const QString &method) const
{
    const QString wanted = normalisedApi(api);
    for (const CatEndpoint &e : m_endpoints) {
        if (e.system == system && normalisedApi(e.api) == wanted &&
            e.method.compare(method, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

const CatEndpoint *MockCatalog::k3Form(const QString &formId, bool query) const
{
    for (const CatEndpoint &e : m_endpoints) {
        if (e.system == QLatin1String("kingdee_k3cloud") && e.query == query &&
            e.formId.compare(formId, Qt::CaseInsensitive) == 0)
            return &e;
    }
    return nullptr;
}

const CatEndpoint *MockCatalog::matchingQuery(const CatEndpoint &save) const
{
    if (!save.formId.isEmpty())
        return k3Form(save.formId, true);
    for (const CatEndpoint &e : m_endpoints) {
        if (e.system == save.system && e.query && normalisedApi(e.api) == normalisedApi(save.api))
            return &e;
    }
    for (const CatEndpoint &e : m_endpoints) {
        if (e.system == save.system && e.query && !save.keyId.isEmpty() && e.keyId == save.keyId)
            return &e;
    }
    return nullptr;
}

} // namespace weft::mock
