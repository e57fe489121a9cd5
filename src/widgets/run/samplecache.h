#pragma once

#include "core/engine/preview.h"

#include <QHash>
#include <QObject>
#include <memory>

namespace weft {

class EngineHost;
class ProjectDocument;

/// The last preview of each scheme (a sample of source records and what the mapping makes
/// of them), shared by the preview panel, the mapping editor's field tree and the
/// expression editor's live value. Fetching is asynchronous and cancellable.
class SampleCache final : public QObject
{
    Q_OBJECT
public:
    SampleCache(EngineHost *engine, ProjectDocument *doc, QObject *parent = nullptr);
    ~SampleCache() override;

    /// Fetches a new sample of `scheme` (a running fetch of it is cancelled first).
    void fetch(const QString &scheme, int limit = 20);
    void cancel(const QString &scheme);
    bool isFetching(const QString &scheme) const { return m_running.contains(scheme); }
    bool hasSample(const QString &scheme) const { return m_results.contains(scheme); }
    const PreviewResult *result(const QString &scheme) const;
    /// The flattened source records of the sample (what templates read).
    QList<QJsonObject> inputs(const QString &scheme) const;
    /// Source fields: the sample's, or (no sample yet) those the metadata and mapping name.
    QStringList fields(const QString &scheme) const;
    /// A label per source record of the sample: its id (or name) field's value.
    QStringList sourceLabels(const QString &scheme) const;
    /// Sets a result directly (tests, or a sample loaded from elsewhere).
    void setResult(const QString &scheme, const PreviewResult &result);

Q_SIGNALS:
    void fetchStarted(const QString &scheme);
    void updated(const QString &scheme);

private:
    QString stateLocation();

    EngineHost *m_engine;
    ProjectDocument *m_doc;
    QHash<QString, PreviewResult> m_results;
    QHash<QString, quint64> m_running;
};

} // namespace weft
