#include "core/catalog/catalog.h"

#include "core/catalog/catalogreader.h"

#include <QDir>
#include <QFile>
#include <algorithm>
#include <mutex>

// The catalogue files are a Qt resource of weft_core (a static library): make sure its
// initialiser is linked and run. Q_INIT_RESOURCE must be used outside a namespace.
static void initCatalogResource()
{
    Q_INIT_RESOURCE(weft_catalog);
}

namespace weft {

QString CatalogText::in(bool chinese) const
{
    if (chinese)
        return zh.isEmpty() ? en : zh;
    return en.isEmpty() ? zh : en;
}

QString CatalogEndpoint::other(const QString &field) const
{
    for (const CatalogParam &p : otherRequest) {
        if (p.field == field)
            return p.value.toString();
    }
    return {};
}

const CatalogEndpoint *CatalogSystem::endpoint(const QString &endpointId) const
{
    for (const CatalogEndpoint &e : endpoints) {
        if (e.id == endpointId)
            return &e;
    }
    return nullptr;
}

Catalog::Catalog(QList<CatalogSystem> systems)
    : m_systems(std::move(systems))
{}

const CatalogSystem *Catalog::system(const QString &id) const
{
    for (const CatalogSystem &s : m_systems) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

const CatalogEndpoint *Catalog::endpoint(const QString &systemId, const QString &id) const
{
    const CatalogSystem *s = system(systemId);
    return s ? s->endpoint(id) : nullptr;
}

const CatalogEndpoint *Catalog::endpoint(const QString &ref) const
{
    const qsizetype slash = ref.indexOf(u'/');
    if (slash <= 0)
        return nullptr;
    return endpoint(ref.left(slash), ref.mid(slash + 1));
}

QStringList Catalog::refs() const
{
    QStringList out;
    for (const CatalogSystem &s : m_systems) {
        for (const CatalogEndpoint &e : s.endpoints)
            out << e.ref();
    }
    return out;
}

namespace {

bool containsAll(const QString &text, const QStringList &words)
{
    for (const QString &w : words) {
        if (!text.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

/// The first field (recursively) whose name or label holds every word.
QString matchingField(const QList<CatalogField> &fields, const QStringList &words)
{
    for (const CatalogField &f : fields) {
        if (containsAll(f.name, words) || containsAll(f.label.zh, words) ||
            containsAll(f.label.en, words))
            return f.name;
        const QString inner = matchingField(f.fields, words);
        if (!inner.isEmpty())
            return f.name + u'.' + inner;
    }
    return {};
}

QString matchingParam(const QList<CatalogParam> &params, const QStringList &words)
{
    for (const CatalogParam &p : params) {
        if (containsAll(p.field, words) || containsAll(p.label.zh, words) ||
            containsAll(p.label.en, words))
            return p.field;
        const QString inner = matchingParam(p.children, words);
        if (!inner.isEmpty())
            return p.field + u'/' + inner;
    }
    return {};
}

int countDoubts(const QList<CatalogParam> &params)
{
    int n = 0;
    for (const CatalogParam &p : params)
        n += (p.doubt.confirmed ? 0 : 1) + countDoubts(p.children);
    return n;
}

int countDoubts(const QList<CatalogField> &fields)
{
    int n = 0;
    for (const CatalogField &f : fields)
        n += (f.doubt.confirmed ? 0 : 1) + countDoubts(f.fields);
    return n;
}

} // namespace

QList<CatalogHit> Catalog::search(const QString &text) const
{
    const QStringList words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    QList<CatalogHit> hits;
    if (words.isEmpty())
        return hits;
    for (const CatalogSystem &s : m_systems) {
        for (const CatalogEndpoint &e : s.endpoints) {
            CatalogHit hit{&e, 0, {}};
            if (containsAll(e.title.zh, words)) {
                hit = {&e, 3, e.title.zh};
            } else if (containsAll(e.title.en, words)) {
                hit = {&e, 3, e.title.en};
            } else if (containsAll(e.api, words) || containsAll(e.id, words) ||
                       containsAll(e.other(QStringLiteral("FormId")), words)) {
                hit = {&e, 2, e.api + u' ' + e.id};
            } else {
                QString field = matchingField(e.fields, words);
                if (field.isEmpty())
                    field = matchingParam(e.request, words);
                if (!field.isEmpty())
                    hit = {&e, 1, field};
            }
            if (hit.score > 0)
                hits << hit;
        }
    }
    // Stable: equal scores keep the catalogue's order (systems, then endpoints).
    std::stable_sort(hits.begin(), hits.end(),
                     [](const CatalogHit &a, const CatalogHit &b) { return a.score > b.score; });
    return hits;
}

int Catalog::unconfirmedCount() const
{
    int n = 0;
    for (const CatalogSystem &s : m_systems) {
        for (const CatalogError &e : s.errors)
            n += e.doubt.confirmed ? 0 : 1;
        for (const CatalogEndpoint &e : s.endpoints) {
            n += int(e.unconfirmed.size()) + countDoubts(e.request) + countDoubts(e.otherRequest) +
                 countDoubts(e.fields);
            if (e.paging && e.paging->json.value(QLatin1String("confirmed")) == false)
                ++n;
            if (e.window && e.window->json.value(QLatin1String("confirmed")) == false)
                ++n;
        }
    }
    return n;
}

CatalogLoadResult loadCatalogFiles(const QStringList &paths)
{
    CatalogLoadResult result;
    QList<CatalogSystem> systems;
    for (const QString &path : paths) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            result.errors << QStringLiteral("%1: cannot read: %2").arg(path, file.errorString());
            continue;
        }
        if (auto s = readCatalogSystem(file.readAll(), path, &result.errors)) {
            const bool duplicate =
                std::any_of(systems.begin(), systems.end(),
                            [&](const CatalogSystem &o) { return o.id == s->id; });
            if (duplicate)
                result.errors << QStringLiteral("%1:/system: another file also describes \"%2\"")
                                     .arg(path, s->id);
            else
                systems << std::move(*s);
        }
    }
    result.catalog = std::make_shared<const Catalog>(std::move(systems));
    return result;
}

CatalogLoadResult loadCatalogDirectory(const QString &path)
{
    const QDir dir(path);
    QStringList paths;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        paths << dir.filePath(name);
    if (paths.isEmpty()) {
        CatalogLoadResult empty;
        empty.catalog = std::make_shared<const Catalog>();
        empty.errors << QStringLiteral("%1: no catalogue files (*.json)").arg(path);
        return empty;
    }
    return loadCatalogFiles(paths);
}

std::shared_ptr<const Catalog> Catalog::builtin()
{
    static std::once_flag once;
    static std::shared_ptr<const Catalog> catalog;
    std::call_once(once, [] {
        initCatalogResource();
        catalog = loadCatalogDirectory(QStringLiteral(":/catalog")).catalog;
    });
    return catalog;
}

} // namespace weft
