#pragma once

#include "core/engine/runtypes.h"

#include <QList>
#include <QObject>

namespace weft {

class EngineHost;
class PipelineModel;
class ProjectDocument;
class StateService;

/// Click-to-run: starts runs and retries of the current project on the engine thread,
/// queues retries asked for while something runs, shows progress on the canvas nodes and
/// tells the state views to refresh when records were written or failed.
class RunCoordinator final : public QObject
{
    Q_OBJECT
public:
    RunCoordinator(ProjectDocument *doc, EngineHost *engine, StateService *state,
                   PipelineModel *pipeline, QObject *parent = nullptr);

    /// Runs these schemes (all enabled ones when empty). False, with message(), when the
    /// project has no file yet (its state store lives beside it) or a run is going.
    bool run(const QStringList &schemes, const RunOptions &options);
    /// Retries failed records of a scheme (all open ones when `recordIds` is empty); queued
    /// while another run or retry goes.
    void retry(const QString &scheme, const QStringList &recordIds);
    void cancel();
    bool isRunning() const;
    int queuedRetries() const { return int(m_retries.size()); }

Q_SIGNALS:
    void message(const QString &text);
    /// A phase to show on a scheme's frame ("" clears it).
    void phaseChanged(const QString &scheme, const QString &phase);
    void runFinished(int exitCode);

private:
    void startNextRetry();

    ProjectDocument *m_doc;
    EngineHost *m_engine;
    StateService *m_state;
    PipelineModel *m_pipeline;
    QList<RetryRequest> m_retries;
};

} // namespace weft
