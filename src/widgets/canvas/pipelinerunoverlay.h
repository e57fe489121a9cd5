#pragma once

#include <QHash>
#include <QObject>
#include <QStringList>

namespace weft {

class PipelineModel;
struct RunProgress;
struct RunInfo;

using NodeId = quint32;

/// What a node shows while a run goes.
enum class NodeRunState { Idle, Pending, Running, Done, Failed };

/// One node's run state and counters; -1 for a count not known.
struct NodeRunCounts {
    NodeRunState state = NodeRunState::Idle;
    qint64 in = -1; ///< records that reached the node
    qint64 out = -1;
    qint64 failed = -1;
    bool operator==(const NodeRunCounts &) const = default;
};

/// The canvas's run overlay: what each node of a PipelineModel shows while a run (or a
/// sample) goes and after it — pending, running, done or failed, and its in/out/failed
/// counts. This is live state, neither saved nor undoable, so it is kept out of the pipeline
/// model, which mirrors the project and changes only through undo commands (as QtNodes keeps
/// painting state out of its graph model). The PipelineModel owns its overlay
/// (PipelineModel::runOverlay()); RunCoordinator feeds it from the engine's progress, and
/// PipelineScene paints it over the nodes.
///
/// It reads the model's nodes (scheme, key, kind, whether chained) to place a scheme's
/// counters; a node that goes forgets its state, and a model reset clears all.
class PipelineRunOverlay final : public QObject
{
    Q_OBJECT
public:
    explicit PipelineRunOverlay(const PipelineModel *model, QObject *parent = nullptr);

    /// The node's state and counts (Idle with nothing known for a node never run).
    NodeRunCounts counts(NodeId id) const { return m_counts.value(id); }

    /// A run's progress on the nodes of its scheme: the source reads, each step and the
    /// mapping show their stage's counters, the target what it wrote and failed.
    void applyProgress(const RunProgress &progress);
    /// The end of a scheme's run; the target shows Failed when records failed or the run was
    /// aborted.
    void applyFinished(const RunInfo &info);
    /// These schemes' connected nodes wait for a run that starts.
    void markPending(const QStringList &schemes);
    /// Every node back to Idle, nothing known.
    void clear();

Q_SIGNALS:
    void countsChanged(weft::NodeId id);

private:
    void set(NodeId id, const NodeRunCounts &counts);

    const PipelineModel *m_model;
    QHash<NodeId, NodeRunCounts> m_counts; ///< nodes not Idle-and-unknown
};

} // namespace weft
