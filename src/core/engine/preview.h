#pragma once

#include "core/engine/runtypes.h"
#include "core/engine/transform.h"
#include "core/model/project.h"

#include <QObject>

#include <memory>

class QNetworkAccessManager;

namespace weft {

class StateStore;

/// What a preview found: the source's raw records and what the mapping makes of them.
struct PreviewResult {
    QList<QJsonObject> sourceRecords; ///< as the system returned them
    TransformOutput output;           ///< flattened inputs, mapped records, per-record errors
    /// Every stage's records as they leave it (Transform::trace): source, beatFlat, each
    /// enabled step, the mapping. Empty when nothing could be fetched or compiled.
    QList<StageTrace> stages;
    TimeWindow window;
    QString error;                    ///< why nothing could be fetched, if so
    bool fromRecords = false;         ///< previewed from given records (a pinned sample)
};

/// Fetches a sample from a scheme's source (the most recent window, a page or a few, until
/// `limit` records) and maps it — nothing is written, no state changes. Used by
/// `weft-run preview` and the designer's preview panel. Asynchronous and cancellable.
class Previewer final : public QObject
{
    Q_OBJECT
public:
    Previewer(const Project &project, const QString &scheme, StateStore *state,
              QObject *parent = nullptr);
    ~Previewer() override;

    void start(int limit, const RunOptions &options = {});
    /// Previews given source records (a pinned sample) instead of fetching: no connection,
    /// no network. Finishes from the event loop like start().
    void startFromRecords(const QList<QJsonObject> &records, const RunOptions &options = {});
    void cancel();

Q_SIGNALS:
    void finished(const weft::PreviewResult &result);

private:
    bool compile(QString *error);
    void setWindow(qint64 since, qint64 now);
    void fetchNext();
    void finish(const QString &error = QString());

    Project m_project;
    QString m_schemeName;
    StateStore *m_state;
    QNetworkAccessManager *m_network;
    ApiStatsCollector m_stats;
    std::unique_ptr<Transform> m_transform;
    std::unique_ptr<SourceConnector> m_source;
    SourceTraits m_traits;
    PreviewResult m_result;
    TransformVars m_vars;
    QString m_cursor;
    int m_limit = 20;
    int m_pages = 0;
    bool m_done = false;
};

} // namespace weft

Q_DECLARE_METATYPE(weft::PreviewResult)
