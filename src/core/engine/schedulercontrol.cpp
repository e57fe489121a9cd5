// Scheduler: carrying out the control requests of the state store (run now, pause, resume,
// cancel) — docs/operations.md "Operating from elsewhere".
#include "core/engine/scheduler.h"
#include "core/log/logging.h"
#include "core/state/opsstore.h"
#include "core/state/statestore.h"

namespace weft {

void Scheduler::handleControlRequests()
{
    if (!m_state)
        return;
    OperationsStore ops(m_state);
    for (const ControlRequest &r : ops.pendingRequests()) {
        // Another project's scheme (processes of several projects may share a store): left
        // for a process that serves it.
        if (m_stopping || !m_project.scheme(r.scheme))
            continue;
        handleControlRequest(r);
    }
}

void Scheduler::handleControlRequest(const ControlRequest &r)
{
    OperationsStore ops(m_state);
    const QString who = QStringLiteral("%1 of '%2' requested by %3 at %4")
                            .arg(controlActionName(r.action), r.scheme, r.requestedBy,
                                 r.requestedAt.toString(Qt::ISODateWithMs));
    QString holder;
    if (r.action == ControlAction::Cancel && !m_runners.contains(r.scheme)) {
        // Only the process running the scheme can cancel it: a run of another serve process
        // is left for that one to pick.
        holder = m_state->leaseHolder(r.scheme);
        if (!holder.isEmpty()) {
            const QList<StateStore::ProcessBeat> beats = m_state->processes();
            if (std::any_of(beats.begin(), beats.end(),
                            [&](const StateStore::ProcessBeat &b) { return b.holder == holder; }))
                return;
        }
    }
    if (!ops.claim(r.id, m_options.holder))
        return; // another process took it
    log::info(QStringLiteral("scheduler: %1").arg(who));
    switch (r.action) {
    case ControlAction::RunNow:
        if (m_runners.contains(r.scheme)) {
            completeRequest(r.id, QStringLiteral("not run: already running here"));
        } else {
            m_runNowRequests.insert(r.scheme, r.id);
            if (!m_queue.contains(r.scheme))
                m_queue.append(r.scheme);
        }
        break;
    case ControlAction::Pause:
    case ControlAction::Resume: {
        const bool pause = r.action == ControlAction::Pause;
        if (ops.setPaused(r.scheme, pause, r.requestedBy))
            completeRequest(r.id, pause ? QStringLiteral("paused") : QStringLiteral("resumed"));
        else
            completeRequest(r.id, QStringLiteral("failed: %1").arg(ops.lastError()));
        break;
    }
    case ControlAction::Cancel:
        if (const QPointer<Runner> runner = m_runners.value(r.scheme)) {
            // As at a stop: the run ends after its current batch, as cancelled, its cursor
            // where its finished windows put it. The outcome is recorded when it has ended.
            m_cancelRequests.insert(r.scheme, r.id);
            runner->cancel();
        } else {
            completeRequest(r.id, holder.isEmpty()
                                      ? QStringLiteral("not running")
                                      : QStringLiteral("not cancelled: run by %1, which is not a "
                                                       "serve process and takes no requests")
                                            .arg(holder));
        }
        break;
    }
}

void Scheduler::completeRequest(qint64 id, const QString &outcome)
{
    OperationsStore ops(m_state);
    if (!ops.complete(id, outcome))
        log::warn(QStringLiteral("scheduler: the outcome of control request %1 (%2) could not be "
                                 "stored: %3")
                      .arg(id)
                      .arg(outcome, ops.lastError()));
}

} // namespace weft
