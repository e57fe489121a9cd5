#pragma once

#include "widgets/canvas/pipelinemodel.h"

namespace weft {

/// Which edits of the pipeline canvas are allowed, and why not (architecture.md principle 2: the
/// rules live with the model, not in the scene). Pure: looks at the model, changes nothing.
class PipelineRules final
{
public:
    explicit PipelineRules(const PipelineModel &model)
        : m_model(model)
    {}

    ModelResult canConnect(NodeId from, NodeId to) const;
    ModelResult canRemoveNode(NodeId id) const;
    ModelResult canRemoveEdge(EdgeId id) const;
    ModelResult canAddNode(NodeKind kind, const QString &scheme) const;

private:
    const PipelineModel &m_model;
};

} // namespace weft
