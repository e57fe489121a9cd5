#pragma once

#include "widgets/canvas/nodekind.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointF>
#include <QString>

namespace weft {

class PipelineRunOverlay;
class ProjectDocument;
struct Scheme;

using NodeId = quint32; ///< stable while the node exists; 0 is "no node"
using EdgeId = quint32;

/// One node of the canvas, mirrored from the project.
struct PipelineNode {
    NodeId id = 0;
    QString scheme;
    QString key; ///< "source", "map", "target" or the step's id
    NodeKind kind = NodeKind::Filter;
    QString title;
    QString detail;      ///< one line: connection and api, the condition, the arrays…
    QPointF pos;         ///< top-left, scene coordinates
    bool chained = true; ///< false: not connected yet — kept in the layout, does not run
    bool enabled = true;
};

/// One edge: records flow from `from` to `to`.
struct PipelineEdge {
    EdgeId id = 0;
    NodeId from = 0;
    NodeId to = 0;
};

/// The answer of a rule: allowed, or refused with a reason to show.
struct ModelResult {
    bool ok = true;
    QString reason;
    static ModelResult accept() { return {}; }
    static ModelResult refuse(const QString &reason) { return {false, reason}; }
};

/// The pipeline canvas's model (architecture.md principle 2): nodes and edges of every scheme
/// behind stable ids, derived from the project. It owns the rules — which connections are
/// allowed — and turns edits into undo commands on the document; the scene only mirrors it.
///
/// A scheme is one chain: source → steps (in order) → map → target. A step node that is
/// not connected yet is kept in the scheme's layout entry (`"detached": {step}`) so it
/// survives a save but never runs; connecting it inserts it into Scheme::steps.
class PipelineModel final : public QObject
{
    Q_OBJECT
public:
    static constexpr double kColumnWidth = 210;
    static constexpr double kRowHeight = 180;
    /// Width : height the computed layout's grid of schemes aims at (a canvas is wider than
    /// high): a few schemes stay one below the other, 300 make 9 columns of 34.
    static constexpr double kGridAspect = 1.6;

    explicit PipelineModel(ProjectDocument *doc, QObject *parent = nullptr);
    ~PipelineModel() override;

    ProjectDocument *document() const { return m_doc; }
    QList<NodeId> nodeIds() const { return m_nodes.keys(); }
    QList<EdgeId> edgeIds() const { return m_edges.keys(); }
    const PipelineNode *node(NodeId id) const;
    const PipelineEdge *edge(EdgeId id) const;
    NodeId nodeFor(const QString &scheme, const QString &key) const;
    QList<NodeId> schemeNodes(const QString &scheme) const;
    /// The edge between two nodes, 0 if none.
    EdgeId edgeBetween(NodeId from, NodeId to) const;
    int nodeCount() const { return int(m_nodes.size()); }
    int edgeCount() const { return int(m_edges.size()); }

    // Rules, without side effects.
    ModelResult canConnect(NodeId from, NodeId to) const;
    ModelResult canRemoveNode(NodeId id) const;
    ModelResult canRemoveEdge(EdgeId id) const;
    ModelResult canAddNode(NodeKind kind, const QString &scheme) const;

    // Edits: each is one undo step (or refused, with the reason).
    ModelResult connectNodes(NodeId from, NodeId to);
    ModelResult removeEdge(EdgeId id);
    /// Removes nodes and edges together (one undo step); refuses all if one is refused.
    ModelResult removeItems(const QList<NodeId> &nodes, const QList<EdgeId> &edges);
    /// A step kind: a new, not yet connected node in `scheme`. Source on no scheme: a new
    /// scheme with its source, mapping and target.
    ModelResult addNode(NodeKind kind, const QString &scheme, const QPointF &pos,
                        QString *createdScheme = nullptr, QString *createdKey = nullptr);
    ModelResult moveNodes(const QHash<NodeId, QPointF> &positions);
    /// Forgets the moved positions of these schemes (all when empty): nodes go back to the
    /// computed layout (the grid of schemes), not connected nodes after the chain.
    void autoLayout(const QStringList &schemes = {});

    /// Where a node sits when the layout does not say: schemes fill a grid row by row in
    /// project order (gridColumns() to a row, cells as wide as the longest scheme), a node's
    /// column in its cell is its chain position; nodes not connected yet continue the row
    /// after the chain.
    QPointF defaultPosition(int schemeIndex, int column) const;
    /// Schemes to a row of the computed layout (1: one scheme below the other).
    int gridColumns() const { return m_grid.columns; }

    /// What the nodes show while a run goes: live, neither saved nor undoable, so not part
    /// of this model (owned by it, fed by RunCoordinator, painted by the scene).
    PipelineRunOverlay *runOverlay() const { return m_runOverlay; }

    /// Re-reads titles after a language change.
    void retranslate();

Q_SIGNALS:
    void modelReset();
    void nodeAdded(weft::NodeId id);
    void nodeRemoved(weft::NodeId id);
    void nodeChanged(weft::NodeId id);
    void nodeMoved(weft::NodeId id);
    void edgeAdded(weft::EdgeId id);
    void edgeRemoved(weft::EdgeId id);
    void schemeRemoved(const QString &scheme);

private:
    struct Desired;
    /// The computed layout's grid: schemes to a row and node columns to a cell.
    struct Grid {
        int columns = 1;
        int cellColumns = 1;
        bool operator==(const Grid &) const = default;
    };
    /// Recomputes the grid after `changed` changed (every scheme when empty, or when one came
    /// or went); true when the grid changed, and with it every computed position.
    bool updateGrid(const QString &changed = QString());
    void rebuild();
    void syncScheme(const QString &name);
    void syncSchemesFrom(int index);
    void dropScheme(const QString &name);
    QList<Desired> desiredNodes(const Scheme &scheme, int index) const;
    QString newStepId(const QString &scheme, NodeKind kind) const;
    QString newSchemeName() const;
    /// Pushes the scheme edit and the layout edit of one structural change as one undo step.
    void pushStructural(const QString &text, const QHash<QString, Scheme> &schemes,
                        const QHash<QString, QJsonObject> &layouts);

    ProjectDocument *m_doc;
    QHash<NodeId, PipelineNode> m_nodes;
    QHash<EdgeId, PipelineEdge> m_edges;
    QHash<QString, QHash<QString, NodeId>> m_byScheme; ///< scheme → key → node
    QHash<QString, QList<EdgeId>> m_schemeEdges;
    NodeId m_nextNode = 1;
    EdgeId m_nextEdge = 1;
    Grid m_grid;
    QHash<QString, int> m_schemeColumns; ///< node columns each scheme takes in the grid
    PipelineRunOverlay *m_runOverlay;
};

} // namespace weft
