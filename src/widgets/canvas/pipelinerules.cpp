#include "widgets/canvas/pipelinerules.h"

#include "widgets/common/projectdocument.h"

namespace weft {

ModelResult PipelineRules::canConnect(NodeId from, NodeId to) const
{
    const PipelineNode *a = m_model.node(from);
    const PipelineNode *b = m_model.node(to);
    if (!a || !b)
        return ModelResult::refuse(PipelineModel::tr("That node no longer exists."));
    if (from == to)
        return ModelResult::refuse(PipelineModel::tr("A node cannot feed itself."));
    if (a->scheme != b->scheme)
        return ModelResult::refuse(
            PipelineModel::tr("Nodes of different schemes cannot be connected: each "
                              "scheme is one pipeline."));
    if (a->kind == NodeKind::Target)
        return ModelResult::refuse(
            PipelineModel::tr("The target is the end of the pipeline: it has no "
                              "output."));
    if (b->kind == NodeKind::Source)
        return ModelResult::refuse(
            PipelineModel::tr("The source is the start of the pipeline: it has no "
                              "input."));
    if (m_model.edgeBetween(from, to))
        return ModelResult::refuse(PipelineModel::tr("These nodes are already connected."));
    if (a->kind == NodeKind::Map && b->kind != NodeKind::Target)
        return ModelResult::refuse(
            PipelineModel::tr("The mapping feeds the target only; put steps before "
                              "the mapping."));
    if (b->kind == NodeKind::Target)
        return ModelResult::refuse(PipelineModel::tr("Only the mapping feeds the target."));
    if (!a->chained && !b->chained)
        return ModelResult::refuse(
            PipelineModel::tr("Connect one of these nodes to the scheme's chain "
                              "first (starting from the source)."));
    if (a->chained && b->chained)
        return ModelResult::refuse(
            PipelineModel::tr("“%1” already has an input: a scheme is a single "
                              "chain. Delete that connection first.")
                .arg(b->title));
    return ModelResult::accept();
}

ModelResult PipelineRules::canRemoveNode(NodeId id) const
{
    const PipelineNode *n = m_model.node(id);
    if (!n)
        return ModelResult::refuse(PipelineModel::tr("That node no longer exists."));
    if (!isStepKind(n->kind))
        return ModelResult::refuse(
            PipelineModel::tr("The source, the mapping and the target belong to the "
                              "scheme: delete the scheme in the project explorer "
                              "instead."));
    return ModelResult::accept();
}

ModelResult PipelineRules::canRemoveEdge(EdgeId id) const
{
    const PipelineEdge *e = m_model.edge(id);
    if (!e)
        return ModelResult::refuse(PipelineModel::tr("That connection no longer exists."));
    if (!isStepKind(m_model.node(e->from)->kind) && !isStepKind(m_model.node(e->to)->kind))
        return ModelResult::refuse(
            PipelineModel::tr("The source, the mapping and the target always stay "
                              "connected; remove a step instead."));
    return ModelResult::accept();
}

ModelResult PipelineRules::canAddNode(NodeKind kind, const QString &scheme) const
{
    const bool hasScheme = !scheme.isEmpty() && m_model.document()->schemeIndex(scheme) >= 0;
    switch (kind) {
    case NodeKind::Source:
        if (hasScheme)
            return ModelResult::refuse(
                PipelineModel::tr("This scheme already has a source. Drop the source "
                                  "on empty canvas to start a new scheme."));
        return ModelResult::accept();
    case NodeKind::Map:
    case NodeKind::Target:
        return ModelResult::refuse(
            PipelineModel::tr("Every scheme has exactly one mapping and one target; "
                              "drop a source on empty canvas to start a new scheme."));
    default:
        if (!hasScheme)
            return ModelResult::refuse(PipelineModel::tr("Drop a step inside a scheme's frame."));
        return ModelResult::accept();
    }
}

} // namespace weft
