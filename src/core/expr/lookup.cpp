#include "core/expr/lookup.h"

#include "core/expr/fieldref.h"
#include "core/expr/sqlvalue.h"
#include "core/util/textdistance.h"

#include <QMutexLocker>
#include <algorithm>

namespace weft::expr {

namespace {

// Separates the values of a multi-field key; it cannot occur in the key texts of sane data,
// and a collision only makes two keys share an index slot, which find() re-checks.
constexpr QChar kSeparator(0x1F);

} // namespace

LookupProvider::~LookupProvider() = default;

QString InMemoryLookup::keyText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    return detail::jsonToText(value);
}

void InMemoryLookup::addScheme(const QString &scheme)
{
    QMutexLocker lock(&m_mutex);
    m_stores[scheme];
}

void InMemoryLookup::addRecord(const QString &scheme, const QJsonObject &record)
{
    addRecords(scheme, {record});
}

void InMemoryLookup::addRecords(const QString &scheme, const QList<QJsonObject> &records)
{
    QMutexLocker lock(&m_mutex);
    Store &store = m_stores[scheme];
    const qsizetype first = store.records.size();
    store.records += records;
    // Indexes built so far learn the new records; the first record with a key keeps it.
    for (auto it = store.indexes.begin(); it != store.indexes.end(); ++it) {
        const QStringList fields = it.key().split(kSeparator);
        for (qsizetype row = first; row < store.records.size(); ++row) {
            bool complete = false;
            const QString key = indexKey(store, fields, row, &complete);
            if (complete && !it.value().contains(key))
                it.value().insert(key, row);
        }
    }
}

void InMemoryLookup::clear()
{
    QMutexLocker lock(&m_mutex);
    m_stores.clear();
}

QStringList InMemoryLookup::schemes() const
{
    QMutexLocker lock(&m_mutex);
    QStringList names = m_stores.keys();
    names.sort();
    return names;
}

qsizetype InMemoryLookup::recordCount(const QString &scheme) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_stores.constFind(scheme);
    return it == m_stores.cend() ? 0 : it->records.size();
}

QString InMemoryLookup::indexKey(const Store &store, const QStringList &fields, qsizetype row,
                                 bool *complete)
{
    QString key;
    *complete = true;
    for (const QString &field : fields) {
        const QJsonValue v = detail::resolvePath(store.records[row], detail::parsePath(field));
        if (v.isNull() || v.isUndefined()) {
            *complete = false;
            return {};
        }
        key += keyText(v);
        key += kSeparator;
    }
    return key;
}

QJsonValue InMemoryLookup::find(const QString &scheme, const QString &field,
                                const QList<QPair<QString, QJsonValue>> &conditions,
                                ExprError *error)
{
    QMutexLocker lock(&m_mutex);
    const auto storeIt = m_stores.find(scheme);
    if (storeIt == m_stores.end()) {
        if (error) {
            const QString nearest = nearestName(scheme, m_stores.keys());
            *error = {
                QStringLiteral("no records of scheme '%1' are loaded for lookups").arg(scheme), -1,
                0,
                nearest.isEmpty()
                    ? QStringLiteral("run scheme '%1' first so its records are stored").arg(scheme)
                    : QStringLiteral("did you mean '%1'?").arg(nearest)};
        }
        return QJsonValue(QJsonValue::Undefined);
    }
    Store &store = storeIt.value();
    // One index per set of condition fields, whatever order the conditions are written in.
    QList<QPair<QString, QJsonValue>> sorted = conditions;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList fields;
    QString key;
    for (const auto &[name, value] : sorted) {
        if (value.isNull() || value.isUndefined())
            return QJsonValue(QJsonValue::Undefined); // null matches nothing
        fields << name;
        key += keyText(value);
        key += kSeparator;
    }
    const detail::FieldPath path = detail::parsePath(field);
    if (fields.isEmpty()) {
        if (store.records.isEmpty())
            return QJsonValue(QJsonValue::Undefined);
        const QJsonValue v = detail::resolvePath(store.records.first(), path);
        return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
    }
    const QString indexName = fields.join(kSeparator);
    auto indexIt = store.indexes.find(indexName);
    if (indexIt == store.indexes.end()) {
        QHash<QString, qsizetype> index;
        index.reserve(store.records.size());
        for (qsizetype row = 0; row < store.records.size(); ++row) {
            bool complete = false;
            const QString k = indexKey(store, fields, row, &complete);
            if (complete && !index.contains(k))
                index.insert(k, row);
        }
        indexIt = store.indexes.insert(indexName, index);
    }
    const auto hit = indexIt->constFind(key);
    if (hit == indexIt->cend())
        return QJsonValue(QJsonValue::Undefined);
    const QJsonValue v = detail::resolvePath(store.records[hit.value()], path);
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

} // namespace weft::expr
