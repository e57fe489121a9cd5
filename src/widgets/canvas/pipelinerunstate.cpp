// PipelineModel's run state: what each node shows while a run goes and after it — shown
// live, neither saved nor undoable.
#include "core/engine/runtypes.h"
#include "widgets/canvas/pipelinekeys.h"
#include "widgets/canvas/pipelinemodel.h"

namespace weft {

namespace {

using pipelinekeys::kTarget;
const QString kBeatFlat = QStringLiteral("beatFlat");

} // namespace

void PipelineModel::setNodeState(NodeId id, NodeRunState state, qint64 in, qint64 out,
                                 qint64 failed)
{
    auto it = m_nodes.find(id);
    if (it == m_nodes.end())
        return;
    if (it->state == state && it->in == in && it->out == out && it->failed == failed)
        return;
    it->state = state;
    it->in = in;
    it->out = out;
    it->failed = failed;
    Q_EMIT nodeChanged(id);
}

void PipelineModel::markPending(const QStringList &schemes)
{
    for (const QString &scheme : schemes) {
        for (NodeId id : m_byScheme.value(scheme)) {
            if (m_nodes.value(id).chained)
                setNodeState(id, NodeRunState::Pending, -1, -1, -1);
        }
    }
}

void PipelineModel::applyProgress(const RunProgress &p)
{
    const NodeRunState state = p.phase == QLatin1String("done")        ? NodeRunState::Done
                               : p.phase == QLatin1String("preparing") ? NodeRunState::Pending
                                                                       : NodeRunState::Running;
    const RunCounters &c = p.counters;
    // The stages by the key of their node: a step's id, "map" for the mapping. The source's
    // beatFlat has no node of its own (the source's detail names it; "read" counts its lines).
    QHash<QString, const StepCounters *> stages;
    for (const StepCounters &s : p.steps) {
        if (s.type != kBeatFlat)
            stages.insert(s.id, &s);
    }
    for (NodeId id : m_byScheme.value(p.scheme)) {
        const PipelineNode &n = m_nodes.value(id);
        if (!n.chained)
            continue;
        switch (n.kind) {
        case NodeKind::Source:
            setNodeState(id, state, -1, c.read, -1);
            break;
        case NodeKind::Target:
            setNodeState(id, state, c.read - c.skipped, c.written, c.failed);
            break;
        default:
            // Steps and the mapping show their stage's counters. Without stages (the end of a
            // run comes as a RunInfo, which has none) they keep what the last progress said;
            // a disabled step has no stage and shows none.
            if (p.steps.isEmpty()) {
                setNodeState(id, state, n.in, n.out, n.failed);
            } else if (const StepCounters *s = stages.value(n.key)) {
                setNodeState(id, state, s->in, s->out, s->failed);
            } else {
                setNodeState(id, state, -1, -1, -1);
            }
            break;
        }
    }
}

void PipelineModel::applyFinished(const RunInfo &info)
{
    RunProgress p;
    p.scheme = info.scheme;
    p.phase = QStringLiteral("done");
    p.counters = info.counters;
    applyProgress(p);
    if (info.outcome == RunOutcome::Aborted || info.counters.failed > 0) {
        const NodeId target = nodeFor(info.scheme, kTarget);
        const PipelineNode &n = m_nodes.value(target);
        setNodeState(target, NodeRunState::Failed, n.in, n.out, n.failed);
    }
}

void PipelineModel::clearRunState()
{
    for (auto it = m_nodes.begin(); it != m_nodes.end(); ++it)
        setNodeState(it.key(), NodeRunState::Idle, -1, -1, -1);
}

} // namespace weft
