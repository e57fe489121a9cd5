#include "catalogdataset.h"

#include "jsonsink.h"
#include "mockclock.h"

#include <algorithm>

namespace weft::mock {

qint64 CatalogDataset::Selection::at(qint64 n) const
{
    const qint64 inWindow = window.size();
    return n < inWindow ? window.at(n) : created.at(size_t(n - inWindow));
}

CatalogDataset::CatalogDataset(const CatEndpoint &endpoint, quint64 seed, const MockClock &clock,
                               qint64 count, qint64 spanMs, RecordGenerator::References refs)
    : m_generator(endpoint, seed, clock, std::move(refs))
{
    // Stream tags 1–10 are the hand-written datasets'; the endpoint's hash keeps clear of them.
    const auto stream = static_cast<Stream>(0x100 + m_generator.stream() % 0xfffff00ULL);
    m_ownTimeline = std::make_unique<Timeline>(seed, stream, count, clock.anchorMs(), spanMs);
    m_timeline = m_ownTimeline.get();
}

void CatalogDataset::useHandWritten(Timeline *timeline, std::function<QJsonObject(qint64)> record,
                                    std::function<std::optional<qint64>(const QString &)> indexOfId)
{
    m_ownTimeline.reset();
    m_timeline = timeline;
    m_handWritten = std::move(record);
    m_handWrittenId = std::move(indexOfId);
}

QJsonObject CatalogDataset::base(qint64 i) const
{
    const qint64 ms = m_timeline->timeMs(i);
    if (m_handWritten) {
        QJsonObject o = m_handWritten(i);
        m_generator.complete(o, i, ms);
        return o;
    }
    QJsonObject o = m_generator.record(i, ms);
    if (m_shape)
        m_shape(i, o);
    // A touched record shows it, as the hand-written datasets do, so idCheck sees new content.
    if (const int version = m_timeline->version(i); version > 0) {
        for (const CatField &f : endpoint().fields) {
            const QString n = f.name.toLower();
            if (f.type == QLatin1String("string") &&
                (n.contains(QLatin1String("remark")) || n.contains(QLatin1String("note")) ||
                 n.contains(QLatin1String("memo")))) {
                o.insert(f.name, QString(o.value(f.name).toString() +
                                         QStringLiteral("（第%1次修改）").arg(version)));
                break;
            }
        }
    }
    return o;
}

QJsonObject CatalogDataset::record(qint64 k) const
{
    if (k >= generated()) {
        // What the client saved; the declared fields it did not give read empty, as the
        // systems answer them.
        QJsonObject o = m_created.at(k - generated()).record;
        for (const CatField &f : endpoint().fields) {
            if (o.contains(f.name))
                continue;
            if (f.type == QLatin1String("array"))
                o.insert(f.name, QJsonArray());
            else if (f.type == QLatin1String("object"))
                o.insert(f.name, QJsonObject());
            else if (f.type == QLatin1String("bool"))
                o.insert(f.name, false);
            else if (f.type == QLatin1String("string") || f.type == QLatin1String("datetime") ||
                     f.type == QLatin1String("date"))
                o.insert(f.name, QString());
            else
                o.insert(f.name, 0);
        }
        return o;
    }
    QJsonObject o = base(k);
    const auto patch = m_patches.constFind(k);
    if (patch != m_patches.cend()) {
        for (auto it = patch->begin(); it != patch->end(); ++it)
            o.insert(it.key(), it.value());
    }
    return o;
}

qint64 CatalogDataset::timeMs(qint64 k) const
{
    return k >= generated() ? m_created.at(k - generated()).ms : m_timeline->timeMs(k);
}

CatalogDataset::Selection CatalogDataset::select(qint64 fromMs, qint64 toMs) const
{
    Selection s;
    s.window = m_timeline->window(fromMs, toMs);
    std::vector<std::pair<qint64, qint64>> created;
    for (qsizetype n = 0; n < m_created.size(); ++n) {
        const qint64 ms = m_created.at(n).ms;
        if (ms >= fromMs && ms <= toMs)
            created.emplace_back(ms, generated() + n);
    }
    std::stable_sort(created.begin(), created.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &c : created)
        s.created.push_back(c.second);
    return s;
}

CatalogDataset::Selection CatalogDataset::all() const
{
    return select(std::numeric_limits<qint64>::min(), std::numeric_limits<qint64>::max());
}

std::optional<qint64> CatalogDataset::findNumber(const QString &number) const
{
    const QString key = endpoint().keyNumber;
    if (key.isEmpty() || number.isEmpty())
        return std::nullopt;
    const auto it = m_numbers.constFind(number);
    if (it != m_numbers.cend())
        return it.value();
    if (m_released.contains(number))
        return std::nullopt;
    // Generated numbers are invertible; a hand-written record is checked by its own number.
    const std::optional<qint64> i = m_generator.indexOfNumber(number);
    if (!i || *i >= generated() || scalarText(record(*i).value(key)) != number)
        return std::nullopt;
    return i;
}

std::optional<qint64> CatalogDataset::findId(const QString &id) const
{
    const auto it = m_ids.constFind(id);
    if (it != m_ids.cend())
        return it.value();
    const std::optional<qint64> i =
        m_handWrittenId ? m_handWrittenId(id) : m_generator.indexOfId(id);
    if (!i || *i < 0 || *i >= generated())
        return std::nullopt;
    return i;
}

void CatalogDataset::indexNumber(const QString &number, qint64 k)
{
    if (!number.isEmpty())
        m_numbers.insert(number, k);
}

qint64 CatalogDataset::create(const QJsonObject &record, qint64 ms)
{
    const qint64 k = size();
    m_created.append({record, ms});
    indexNumber(scalarText(record.value(endpoint().keyNumber)), k);
    m_ids.insert(scalarText(record.value(endpoint().keyId)), k);
    return k;
}

void CatalogDataset::update(qint64 k, const QJsonObject &fields, qint64 ms)
{
    const QString key = endpoint().keyNumber;
    const QString oldNumber = scalarText(record(k).value(key));
    if (k >= generated()) {
        Created &c = m_created[k - generated()];
        for (auto it = fields.begin(); it != fields.end(); ++it)
            c.record.insert(it.key(), it.value());
        c.ms = ms;
    } else {
        QJsonObject &patch = m_patches[k];
        for (auto it = fields.begin(); it != fields.end(); ++it)
            patch.insert(it.key(), it.value());
        m_timeline->touch(k, ms);
    }
    const QString newNumber = scalarText(record(k).value(key));
    if (!key.isEmpty() && newNumber != oldNumber) {
        m_numbers.remove(oldNumber);
        if (k < generated())
            m_released.insert(oldNumber);
        indexNumber(newNumber, k);
    }
}

QJsonArray CatalogDataset::written() const
{
    QJsonArray out;
    QList<qint64> changed = m_patches.keys();
    std::sort(changed.begin(), changed.end());
    for (qint64 i : changed)
        out.append(record(i));
    for (const Created &c : m_created)
        out.append(c.record);
    return out;
}

void CatalogDataset::reset()
{
    m_created.clear();
    m_patches.clear();
    m_numbers.clear();
    m_released.clear();
    m_ids.clear();
    if (m_ownTimeline)
        m_ownTimeline->clearTouches();
}

} // namespace weft::mock
