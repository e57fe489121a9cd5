#include "widgets/run/samplecache.h"

#include "widgets/common/projectdocument.h"
#include "widgets/mapping/sourcefields.h"
#include "widgets/run/enginehost.h"

namespace weft {

SampleCache::SampleCache(EngineHost *engine, ProjectDocument *doc, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_doc(doc)
{
    connect(engine, &EngineHost::previewFinished, this,
            [this](quint64 id, const QString &scheme, const PreviewResult &result) {
                if (m_running.value(scheme) != id)
                    return; // superseded or cancelled
                m_running.remove(scheme);
                setResult(scheme, result);
            });
    connect(doc, &ProjectDocument::projectReset, this, [this] {
        for (auto it = m_running.cbegin(); it != m_running.cend(); ++it)
            m_engine->cancelPreview(it.value());
        m_running.clear();
        m_results.clear();
    });
}

SampleCache::~SampleCache() = default;

QString SampleCache::stateLocation()
{
    return m_doc->stateLocation(); // a temporary one for a project never saved
}

void SampleCache::fetch(const QString &scheme, int limit)
{
    cancel(scheme);
    const quint64 id = m_engine->startPreview(m_doc->project(), scheme, stateLocation(), limit);
    m_running.insert(scheme, id);
    Q_EMIT fetchStarted(scheme);
}

void SampleCache::cancel(const QString &scheme)
{
    const auto it = m_running.constFind(scheme);
    if (it == m_running.cend())
        return;
    m_engine->cancelPreview(it.value());
    m_running.remove(scheme);
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
