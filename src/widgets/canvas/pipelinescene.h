#pragma once

#include "widgets/canvas/pipelinemodel.h"

#include <QGraphicsScene>
#include <QHash>
#include <QSet>

class QGraphicsPathItem;

namespace weft {

class EdgeItem;
class NodeItem;
class SchemeFrameItem;

/// Mirrors a PipelineModel as graphics items. It never changes the project itself: moves,
/// connections and deletions are asked of the model, which may refuse (the reason is sent
/// out through message()).
class PipelineScene final : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit PipelineScene(PipelineModel *model, QObject *parent = nullptr);
    ~PipelineScene() override;

    PipelineModel *model() const { return m_model; }
    NodeItem *nodeItem(NodeId id) const { return m_nodes.value(id); }
    EdgeItem *edgeItem(EdgeId id) const { return m_edges.value(id); }
    SchemeFrameItem *frameItem(const QString &scheme) const { return m_frames.value(scheme); }
    /// The scheme whose frame contains this point, "" if none.
    QString schemeAt(const QPointF &scenePos) const;
    /// The bounding rectangle of one scheme's frame (empty if unknown).
    QRectF schemeRect(const QString &scheme) const;
    /// Every scheme's frame rectangle, by scheme.
    QHash<QString, QRectF> schemeRects() const;
    /// The frames' titles and rectangles, for drawing titles over a zoomed-out canvas.
    const QHash<QString, SchemeFrameItem *> &frameItems() const { return m_frames; }

    /// Deletes the selected nodes and edges through the model.
    void deleteSelection();
    /// Selects one node (and only it).
    void selectNode(const QString &scheme, const QString &key);
    /// Called by a node item while it is dragged: its frame follows.
    void nodeItemMoved(NodeItem *item);
    /// Whether node cards keep a picture of themselves at the view's scale (the view turns
    /// it off below NodeItem::kDetailLod: there a card is a block, quicker drawn than cached,
    /// and a zoom step would draw every card in view into a new picture).
    void setNodeCaching(bool on);
    bool nodeCaching() const { return m_nodeCaching; }

Q_SIGNALS:
    /// A refusal or a hint to show to the person.
    void message(const QString &text);
    /// The single selected node changed (empty strings: no node or several).
    void currentNodeChanged(const QString &scheme, const QString &key);
    /// A node was double-clicked.
    void nodeActivated(const QString &scheme, const QString &key);
    void contextMenuForNode(const QString &scheme, const QString &key, const QPoint &screenPos);
    /// Frames moved, came or went (once for many changes: they are coalesced).
    void framesUpdated();

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void reset();
    void addNode(NodeId id);
    void removeNode(NodeId id);
    void addEdge(EdgeId id);
    void removeEdge(EdgeId id);
    void updateFrame(const QString &scheme);
    void scheduleFrameUpdate(const QString &scheme);
    void flushFrames();
    void updateSceneRect();
    NodeItem *nodeItemAt(const QPointF &scenePos) const;
    void finishConnection(const QPointF &scenePos);
    void onSelectionChanged();
    void cancelConnectionDrag();

    PipelineModel *m_model;
    QHash<NodeId, NodeItem *> m_nodes;
    QHash<EdgeId, EdgeItem *> m_edges;
    QHash<QString, SchemeFrameItem *> m_frames;
    QHash<QString, QSet<NodeItem *>> m_schemeItems;
    QSet<QString> m_dirtyFrames;
    bool m_flushQueued = false;
    bool m_nodeCaching = true;
    // Drawing a connection: from an output port (forward) or an input port (backward).
    NodeId m_connectFrom = 0;
    bool m_connectBackward = false;
    QGraphicsPathItem *m_rubber = nullptr;
    NodeItem *m_highlighted = nullptr;
    QHash<NodeItem *, QPointF> m_pressPositions;
};

} // namespace weft
