#include "widgets/run/runcoordinator.h"

#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinerunoverlay.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/stateservice.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/runprogressmodel.h"

#include <QLocale>

namespace weft {

RunCoordinator::RunCoordinator(ProjectDocument *doc, EngineHost *engine, StateService *state,
                               PipelineModel *pipeline, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
    , m_engine(engine)
    , m_state(state)
    , m_pipeline(pipeline)
{
    connect(engine, &EngineHost::runStarted, this, [this](const QStringList &schemes, bool) {
        m_pipeline->runOverlay()->clear();
        m_pipeline->runOverlay()->markPending(schemes);
        for (const QString &s : schemes)
            Q_EMIT phaseChanged(s, tr("waiting"));
    });
    connect(engine, &EngineHost::progress, this, [this](const RunProgress &p) {
        m_pipeline->runOverlay()->applyProgress(p);
        RunProgressModel::Row row;
        row.phase = p.phase;
        row.windowIndex = p.windowIndex;
        row.windowCount = p.windowCount;
        Q_EMIT phaseChanged(p.scheme, RunProgressModel::phaseText(row));
    });
    connect(engine, &EngineHost::schemeFinished, this, [this](const RunInfo &info) {
        m_pipeline->runOverlay()->applyFinished(info);
        const QLocale l;
        Q_EMIT phaseChanged(info.scheme, tr("%1: read %2, written %3, failed %4")
                                             .arg(RunProgressModel::outcomeText(info.outcome),
                                                  l.toString(info.counters.read),
                                                  l.toString(info.counters.written),
                                                  l.toString(info.counters.failed)));
        // The failed records and the history have news.
        m_state->notifyChanged();
    });
    connect(engine, &EngineHost::runFinished, this, [this](int code, const QString &error) {
        if (!error.isEmpty())
            Q_EMIT message(tr("Could not run: %1").arg(error));
        m_doc->setStateInUse(false); // may carry a first save's store over now
        m_state->notifyChanged();
        Q_EMIT runFinished(code);
        startNextRetry();
    });
}

bool RunCoordinator::isRunning() const
{
    return m_engine->isRunning();
}

bool RunCoordinator::run(const QStringList &schemes, const RunOptions &options)
{
    if (m_engine->isRunning()) {
        Q_EMIT message(tr("A run is already going: wait for it or cancel it."));
        return false;
    }
    RunOptions o = options;
    o.schemes = schemes;
    m_doc->setStateInUse(true); // a first save meanwhile carries the store over afterwards
    m_engine->startRun(m_doc->project(), m_doc->stateLocation(), o);
    return true;
}

void RunCoordinator::retry(const QString &scheme, const QStringList &recordIds)
{
    m_retries.append(RetryRequest{scheme, recordIds});
    if (m_engine->isRunning())
        Q_EMIT message(tr("The retry of %1 will start when the current run ends.").arg(scheme));
    else
        startNextRetry();
}

void RunCoordinator::startNextRetry()
{
    if (m_retries.isEmpty() || m_engine->isRunning())
        return;
    const RetryRequest request = m_retries.takeFirst();
    // The retry uses the mapping as it is now, unsaved edits included: fix, then retry.
    m_doc->setStateInUse(true);
    m_engine->startRetry(m_doc->project(), m_doc->stateLocation(), request);
}

void RunCoordinator::cancel()
{
    m_retries.clear();
    m_engine->cancelRun();
}

} // namespace weft
