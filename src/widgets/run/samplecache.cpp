#include "widgets/run/samplecache.h"

#include "core/log/logging.h"
#include "widgets/common/projectdocument.h"
#include "widgets/mapping/sourcefields.h"
#include "widgets/run/enginehost.h"

#include <QDateTime>
#include <QTimer>
#include <QUndoCommand>
#include <QUndoStack>
#include <utility>

namespace weft {

/// Pins, edits, refreshes (after: the new sample) or unpins (after: nullopt) the sample of
/// one scheme. The sample is saved beside the project, not in it, but it is part of what is
/// designed, so each change is an undo step like any edit of the project.
class PinSampleCommand final : public QUndoCommand
{
public:
    PinSampleCommand(SampleCache *cache, const QString &scheme,
                     const std::optional<PinnedSample> &after, const QString &text)
        : QUndoCommand(text)
        , m_cache(cache)
        , m_scheme(scheme)
        , m_after(after)
    {
        if (const PinnedSample *before = cache->m_pinned.sample(scheme))
            m_before = *before;
    }
    void undo() override { m_cache->setPinned(m_scheme, m_before); }
    void redo() override { m_cache->setPinned(m_scheme, m_after); }

private:
    SampleCache *m_cache;
    QString m_scheme;
    std::optional<PinnedSample> m_before;
    std::optional<PinnedSample> m_after;
};

SampleCache::SampleCache(EngineHost *engine, ProjectDocument *doc, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_doc(doc)
    , m_recomputeTimer(new QTimer(this))
{
    // Typing in a condition is many edits: the sample is mapped again once they pause.
    m_recomputeTimer->setSingleShot(true);
    m_recomputeTimer->setInterval(300);
    connect(m_recomputeTimer, &QTimer::timeout, this, [this] {
        const QSet<QString> dirty = std::exchange(m_dirty, {});
        for (const QString &scheme : dirty) {
            // A fetch under way maps the records itself when they come; left alone.
            if (!m_network.contains(scheme))
                recompute(scheme);
        }
    });
    connect(engine, &EngineHost::previewFinished, this,
            [this](quint64 id, const QString &scheme, const PreviewResult &result) {
                if (m_running.value(scheme) != id)
                    return; // superseded or cancelled
                m_running.remove(scheme);
                m_network.remove(scheme);
                const bool refresh = m_refreshing.remove(scheme);
                setResult(scheme, result);
                if (refresh && result.error.isEmpty())
                    m_doc->undoStack()->push(new PinSampleCommand(
                        this, scheme,
                        PinnedSample{result.sourceRecords,
                                     QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                        tr("Refresh pinned sample of %1").arg(scheme)));
            });
    connect(doc, &ProjectDocument::projectReset, this, [this] {
        for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
            m_engine->cancelPreview(it.value());
        m_running.clear();
        m_refreshing.clear();
        m_network.clear();
        m_results.clear();
        m_dirty.clear();
        // A samples file that cannot be read costs the samples, not the project.
        m_pinned = {};
        QString error;
        if (!m_doc->filePath().isEmpty() &&
            !m_pinned.read(PinnedSamples::locationFor(m_doc->filePath()), &error))
            log::warn(QStringLiteral("Pinned samples not loaded: %1").arg(error));
        // Pinned samples are there without a network: previewed as soon as the project opens.
        for (const QString &scheme : m_pinned.schemes()) {
            if (m_doc->project().scheme(scheme))
                scheduleRecompute(scheme);
        }
    });
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName != newName && m_results.contains(oldName))
                    m_results.insert(newName, m_results.take(oldName));
                m_pinned.rename(oldName, newName);
                if (m_results.contains(newName) || isPinned(newName))
                    scheduleRecompute(newName);
            });
}

void SampleCache::setPinned(const QString &scheme, const std::optional<PinnedSample> &sample)
{
    if (sample)
        m_pinned.set(scheme, *sample);
    else
        m_pinned.remove(scheme);
    Q_EMIT pinnedChanged(scheme);
    if (!isFetching(scheme))
        scheduleRecompute(scheme);
}

bool SampleCache::writePinned(const QString &projectPath, QString *error) const
{
    // Only the samples of schemes that exist: a removed scheme's sample stays in memory
    // (an undo brings the scheme back) but is not saved.
    PinnedSamples samples;
    for (const QString &scheme : m_pinned.schemes()) {
        if (m_doc->project().scheme(scheme))
            samples.set(scheme, *m_pinned.sample(scheme));
    }
    return samples.write(PinnedSamples::locationFor(projectPath), error);
}

SampleCache::~SampleCache() = default;

QString SampleCache::stateLocation()
{
    return m_doc->stateLocation(); // a temporary one for a project never saved
}

void SampleCache::fetch(const QString &scheme, int limit)
{
    start(scheme, limit, std::nullopt);
    m_network.insert(scheme);
    if (isPinned(scheme))
        m_refreshing.insert(scheme);
}

void SampleCache::recompute(const QString &scheme)
{
    std::optional<QList<QJsonObject>> records;
    if (const PinnedSample *pinned = m_pinned.sample(scheme))
        records = pinned->records;
    else if (const PreviewResult *r = result(scheme); r && !r->sourceRecords.isEmpty())
        records = r->sourceRecords;
    if (!records || !m_doc->project().scheme(scheme))
        return;
    start(scheme, int(records->size()), records);
}

void SampleCache::start(const QString &scheme, int limit,
                        const std::optional<QList<QJsonObject>> &records)
{
    cancel(scheme);
    const quint64 id =
        m_engine->startPreview(m_doc->project(), scheme, stateLocation(), limit, records);
    m_running.insert(scheme, id);
    Q_EMIT fetchStarted(scheme);
}

void SampleCache::scheduleRecompute(const QString &scheme)
{
    m_dirty.insert(scheme);
    m_recomputeTimer->start();
}

void SampleCache::setRecomputeDelay(int ms)
{
    m_recomputeTimer->setInterval(ms);
}

bool SampleCache::isPinned(const QString &scheme) const
{
    return m_pinned.contains(scheme);
}

bool SampleCache::pin(const QString &scheme)
{
    const PreviewResult *r = result(scheme);
    if (!r || !r->error.isEmpty() || r->sourceRecords.isEmpty())
        return false;
    m_doc->undoStack()->push(new PinSampleCommand(
        this, scheme,
        PinnedSample{r->sourceRecords, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        tr("Pin sample of %1").arg(scheme)));
    return true;
}

void SampleCache::unpin(const QString &scheme)
{
    if (isPinned(scheme))
        m_doc->undoStack()->push(
            new PinSampleCommand(this, scheme, std::nullopt, tr("Unpin sample of %1").arg(scheme)));
}

bool SampleCache::pinRecords(const QString &scheme, const QList<QJsonObject> &records)
{
    if (records.isEmpty())
        return false;
    // A fetch finishing later would replace (refresh) the records pinned here.
    cancel(scheme);
    m_doc->undoStack()->push(new PinSampleCommand(
        this, scheme, PinnedSample{records, QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
        tr("Pin %n record(s) as the sample of %1", nullptr, int(records.size())).arg(scheme)));
    return true;
}

bool SampleCache::setPinnedRecord(const QString &scheme, int index, const QJsonObject &record)
{
    const PinnedSample *pinned = m_pinned.sample(scheme);
    if (!pinned)
        return false;
    PinnedSample after = *pinned;
    const bool replace = index >= 0 && index < after.records.size();
    if (replace)
        after.records[index] = record;
    else
        after.records.append(record);
    const QString text = replace ? tr("Edit pinned record %1 of %2").arg(index + 1).arg(scheme)
                                 : tr("Add a record to the pinned sample of %1").arg(scheme);
    m_doc->undoStack()->push(new PinSampleCommand(this, scheme, after, text));
    return true;
}

void SampleCache::cancel(const QString &scheme)
{
    const auto it = m_running.constFind(scheme);
    if (it == m_running.cend())
        return;
    m_engine->cancelPreview(it.value());
    m_running.remove(scheme);
    m_refreshing.remove(scheme);
    m_network.remove(scheme);
    Q_EMIT updated(scheme);
}

const PreviewResult *SampleCache::result(const QString &scheme) const
{
    const auto it = m_results.constFind(scheme);
    return it == m_results.cend() ? nullptr : &it.value();
}

QList<QJsonObject> SampleCache::inputs(const QString &scheme) const
{
    QList<QJsonObject> out;
    if (const PreviewResult *r = result(scheme)) {
        for (const TransformInput &in : r->output.inputs)
            out << in.record.merged();
    }
    return out;
}

QStringList SampleCache::fields(const QString &scheme) const
{
    const QList<QJsonObject> records = inputs(scheme);
    if (!records.isEmpty())
        return fieldsOfRecords(records);
    const Scheme *s = m_doc->project().scheme(scheme);
    return s ? inferredSourceFields(*s) : QStringList();
}

QStringList SampleCache::sourceLabels(const QString &scheme) const
{
    QStringList labels;
    const PreviewResult *r = result(scheme);
    const Scheme *s = m_doc->project().scheme(scheme);
    if (!r || !s)
        return labels;
    QString key = s->source.metadata.idField();
    if (key.isEmpty() || key.contains(u'{'))
        key = s->source.metadata.nameField();
    for (const QJsonObject &record : r->sourceRecords)
        labels << record.value(key).toVariant().toString();
    return labels;
}

void SampleCache::setResult(const QString &scheme, const PreviewResult &result)
{
    m_results.insert(scheme, result);
    Q_EMIT updated(scheme);
}

} // namespace weft
