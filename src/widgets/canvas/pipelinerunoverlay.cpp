#include "widgets/canvas/pipelinerunoverlay.h"

#include "core/engine/runtypes.h"
#include "widgets/canvas/pipelinekeys.h"
#include "widgets/canvas/pipelinemodel.h"

namespace weft {

namespace {
const QString kBeatFlat = QStringLiteral("beatFlat");
} // namespace

PipelineRunOverlay::PipelineRunOverlay(const PipelineModel *model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    connect(model, &PipelineModel::nodeRemoved, this, [this](NodeId id) { m_counts.remove(id); });
    connect(model, &PipelineModel::modelReset, this, [this]() { m_counts.clear(); });
}

void PipelineRunOverlay::set(NodeId id, const NodeRunCounts &counts)
{
    if (!m_model->node(id) || m_counts.value(id) == counts)
        return;
    if (counts == NodeRunCounts())
        m_counts.remove(id);
    else
        m_counts.insert(id, counts);
    Q_EMIT countsChanged(id);
}

void PipelineRunOverlay::markPending(const QStringList &schemes)
{
    for (const QString &scheme : schemes) {
        for (NodeId id : m_model->schemeNodes(scheme)) {
            if (m_model->node(id)->chained)
                set(id, {NodeRunState::Pending, -1, -1, -1});
        }
    }
}

void PipelineRunOverlay::applyProgress(const RunProgress &p)
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
    for (NodeId id : m_model->schemeNodes(p.scheme)) {
        const PipelineNode &n = *m_model->node(id);
        if (!n.chained)
            continue;
        switch (n.kind) {
        case NodeKind::Source:
            set(id, {state, -1, c.read, -1});
            break;
        case NodeKind::Target:
            set(id, {state, c.read - c.skipped, c.written, c.failed});
            break;
        default:
            // Steps and the mapping show their stage's counters. Without stages (the end of a
            // run comes as a RunInfo, which has none) they keep what the last progress said;
            // a disabled step has no stage and shows none.
            if (p.steps.isEmpty()) {
                NodeRunCounts kept = counts(id);
                kept.state = state;
                set(id, kept);
            } else if (const StepCounters *s = stages.value(n.key)) {
                set(id, {state, s->in, s->out, s->failed});
            } else {
                set(id, {state, -1, -1, -1});
            }
            break;
        }
    }
}

void PipelineRunOverlay::applyFinished(const RunInfo &info)
{
    RunProgress p;
    p.scheme = info.scheme;
    p.phase = QStringLiteral("done");
    p.counters = info.counters;
    applyProgress(p);
    if (info.outcome == RunOutcome::Aborted || info.counters.failed > 0) {
        const NodeId target = m_model->nodeFor(info.scheme, pipelinekeys::kTarget);
        NodeRunCounts failed = counts(target);
        failed.state = NodeRunState::Failed;
        set(target, failed);
    }
}

void PipelineRunOverlay::clear()
{
    const QList<NodeId> ids = m_counts.keys();
    for (NodeId id : ids)
        set(id, NodeRunCounts());
}

} // namespace weft
