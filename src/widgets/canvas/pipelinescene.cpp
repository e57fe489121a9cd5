#include "widgets/canvas/pipelinescene.h"

#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/pipelinerunoverlay.h"
#include "widgets/common/projectdocument.h"

#include <QGraphicsPathItem>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>
#include <QTimer>

namespace weft {

PipelineScene::PipelineScene(PipelineModel *model, QObject *parent)
    : QGraphicsScene(parent)
    , m_model(model)
{
    setItemIndexMethod(BspTreeIndex);
    connect(model, &PipelineModel::modelReset, this, &PipelineScene::reset);
    connect(model, &PipelineModel::nodeAdded, this, &PipelineScene::addNode);
    connect(model, &PipelineModel::nodeRemoved, this, &PipelineScene::removeNode);
    connect(model, &PipelineModel::edgeAdded, this, &PipelineScene::addEdge);
    connect(model, &PipelineModel::edgeRemoved, this, &PipelineScene::removeEdge);
    connect(model, &PipelineModel::nodeChanged, this, [this](NodeId id) {
        if (NodeItem *item = m_nodes.value(id))
            item->setNode(*m_model->node(id));
    });
    connect(model->runOverlay(), &PipelineRunOverlay::countsChanged, this, [this](NodeId id) {
        if (NodeItem *item = m_nodes.value(id))
            item->setRunCounts(m_model->runOverlay()->counts(id));
    });
    connect(model, &PipelineModel::nodeMoved, this, [this](NodeId id) {
        NodeItem *item = m_nodes.value(id);
        if (item && item->pos() != m_model->node(id)->pos)
            item->setPos(m_model->node(id)->pos);
    });
    connect(model, &PipelineModel::schemeRemoved, this, [this](const QString &scheme) {
        delete m_frames.take(scheme);
        m_schemeItems.remove(scheme);
        m_dirtyFrames.remove(scheme);
    });
    connect(model->document(), &ProjectDocument::schemeChanged, this,
            [this](int, const QString &, const QString &name) { scheduleFrameUpdate(name); });
    connect(this, &QGraphicsScene::selectionChanged, this, &PipelineScene::onSelectionChanged);
    reset();
}

PipelineScene::~PipelineScene()
{
    // Edges detach from their nodes when deleted: delete them before the nodes go.
    qDeleteAll(m_edges);
    m_edges.clear();
}

void PipelineScene::reset()
{
    cancelConnectionDrag();
    qDeleteAll(m_edges);
    m_edges.clear();
    m_nodes.clear();
    m_frames.clear();
    m_schemeItems.clear();
    m_dirtyFrames.clear();
    m_pressPositions.clear();
    m_highlighted = nullptr;
    clear();
    for (NodeId id : m_model->nodeIds())
        addNode(id);
    for (EdgeId id : m_model->edgeIds())
        addEdge(id);
    flushFrames();
}

void PipelineScene::cancelConnectionDrag()
{
    delete m_rubber;
    m_rubber = nullptr;
    m_connectFrom = 0;
    if (m_highlighted)
        m_highlighted->setDropHighlight(false);
    m_highlighted = nullptr;
}

void PipelineScene::addNode(NodeId id)
{
    const PipelineNode *node = m_model->node(id);
    if (!node || m_nodes.contains(id))
        return;
    auto *item = new NodeItem(*node);
    item->setRunCounts(m_model->runOverlay()->counts(id));
    item->setCacheMode(m_nodeCaching ? QGraphicsItem::DeviceCoordinateCache
                                     : QGraphicsItem::NoCache);
    addItem(item);
    m_nodes.insert(id, item);
    m_schemeItems[node->scheme].insert(item);
    if (!m_frames.contains(node->scheme)) {
        auto *frame = new SchemeFrameItem(node->scheme);
        addItem(frame);
        m_frames.insert(node->scheme, frame);
    }
    scheduleFrameUpdate(node->scheme);
}

void PipelineScene::removeNode(NodeId id)
{
    NodeItem *item = m_nodes.take(id);
    if (!item)
        return;
    if (item == m_highlighted)
        m_highlighted = nullptr;
    m_pressPositions.remove(item);
    const QString scheme = item->node().scheme;
    m_schemeItems[scheme].remove(item);
    delete item;
    scheduleFrameUpdate(scheme);
}

void PipelineScene::addEdge(EdgeId id)
{
    const PipelineEdge *edge = m_model->edge(id);
    if (!edge || m_edges.contains(id))
        return;
    NodeItem *from = m_nodes.value(edge->from);
    NodeItem *to = m_nodes.value(edge->to);
    if (!from || !to)
        return;
    auto *item = new EdgeItem(id, from, to);
    addItem(item);
    m_edges.insert(id, item);
}

void PipelineScene::removeEdge(EdgeId id)
{
    delete m_edges.take(id);
}

void PipelineScene::setNodeCaching(bool on)
{
    if (on == m_nodeCaching)
        return;
    m_nodeCaching = on;
    const auto mode = on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache;
    for (NodeItem *item : std::as_const(m_nodes))
        item->setCacheMode(mode);
}

void PipelineScene::nodeItemMoved(NodeItem *item)
{
    scheduleFrameUpdate(item->node().scheme);
}

void PipelineScene::scheduleFrameUpdate(const QString &scheme)
{
    m_dirtyFrames.insert(scheme);
    if (m_flushQueued)
        return;
    m_flushQueued = true;
    // Coalesced: a reset or an auto-layout moves hundreds of nodes, the frames follow once.
    QTimer::singleShot(0, this, &PipelineScene::flushFrames);
}

void PipelineScene::flushFrames()
{
    m_flushQueued = false;
    const QSet<QString> dirty = std::exchange(m_dirtyFrames, {});
    for (const QString &scheme : dirty)
        updateFrame(scheme);
    updateSceneRect();
    Q_EMIT framesUpdated();
}

void PipelineScene::updateFrame(const QString &scheme)
{
    SchemeFrameItem *frame = m_frames.value(scheme);
    if (!frame)
        return;
    QRectF bounds;
    for (NodeItem *item : m_schemeItems.value(scheme))
        bounds |= QRectF(item->pos(), QSizeF(NodeItem::kWidth, NodeItem::kHeight));
    frame->setContent(bounds);
    if (const Scheme *s = m_model->document()->project().scheme(scheme)) {
        frame->setTitle(s->title.isEmpty() ? s->name
                                           : QStringLiteral("%1  (%2)").arg(s->title, s->name),
                        s->enabled);
    }
}

void PipelineScene::updateSceneRect()
{
    QRectF all;
    for (SchemeFrameItem *frame : std::as_const(m_frames))
        all |= frame->boundingRect();
    if (all.isNull())
        all = QRectF(0, 0, 800, 600);
    setSceneRect(all.adjusted(-400, -300, 400, 300));
}

QString PipelineScene::schemeAt(const QPointF &scenePos) const
{
    for (auto it = m_frames.cbegin(); it != m_frames.cend(); ++it) {
        if (it.value()->boundingRect().contains(scenePos))
            return it.key();
    }
    return {};
}

QRectF PipelineScene::schemeRect(const QString &scheme) const
{
    const SchemeFrameItem *frame = m_frames.value(scheme);
    return frame ? frame->boundingRect() : QRectF();
}

QHash<QString, QRectF> PipelineScene::schemeRects() const
{
    QHash<QString, QRectF> rects;
    rects.reserve(m_frames.size());
    for (auto it = m_frames.cbegin(); it != m_frames.cend(); ++it)
        rects.insert(it.key(), it.value()->boundingRect());
    return rects;
}

NodeItem *PipelineScene::nodeItemAt(const QPointF &scenePos) const
{
    const QList<QGraphicsItem *> hits =
        items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder);
    for (QGraphicsItem *item : hits) {
        if (item->type() == NodeItem::Type)
            return static_cast<NodeItem *>(item);
    }
    return nullptr;
}

void PipelineScene::deleteSelection()
{
    QList<NodeId> nodes;
    QList<EdgeId> edges;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type)
            nodes << static_cast<NodeItem *>(item)->id();
        else if (item->type() == EdgeItem::Type)
            edges << static_cast<EdgeItem *>(item)->id();
    }
    if (nodes.isEmpty() && edges.isEmpty())
        return;
    const ModelResult result = m_model->removeItems(nodes, edges);
    if (!result.ok)
        Q_EMIT message(result.reason);
}

void PipelineScene::selectNode(const QString &scheme, const QString &key)
{
    NodeItem *item = m_nodes.value(m_model->nodeFor(scheme, key));
    clearSelection();
    if (item)
        item->setSelected(true);
}

void PipelineScene::onSelectionChanged()
{
    NodeItem *single = nullptr;
    int count = 0;
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type) {
            single = static_cast<NodeItem *>(item);
            ++count;
        }
    }
    if (count == 1)
        Q_EMIT currentNodeChanged(single->node().scheme, single->node().key);
    else
        Q_EMIT currentNodeChanged(QString(), QString());
}

void PipelineScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        NodeItem *node = nodeItemAt(event->scenePos());
        if (node &&
            (node->hitsOutputPort(event->scenePos()) || node->hitsInputPort(event->scenePos()))) {
            m_connectFrom = node->id();
            m_connectBackward = !node->hitsOutputPort(event->scenePos());
            m_rubber = new QGraphicsPathItem;
            m_rubber->setPen(QPen(QColor(0xffa000), 2, Qt::DashLine));
            m_rubber->setZValue(10);
            addItem(m_rubber);
            event->accept();
            return;
        }
    }
    QGraphicsScene::mousePressEvent(event);
    m_pressPositions.clear();
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == NodeItem::Type)
            m_pressPositions.insert(static_cast<NodeItem *>(item), item->pos());
    }
}

void PipelineScene::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (!m_connectFrom) {
        QGraphicsScene::mouseMoveEvent(event);
        return;
    }
    NodeItem *from = m_nodes.value(m_connectFrom);
    if (!from) {
        cancelConnectionDrag();
        return;
    }
    const QPointF port = m_connectBackward ? from->inputPort() : from->outputPort();
    m_rubber->setPath(m_connectBackward ? EdgeItem::curve(event->scenePos(), port)
                                        : EdgeItem::curve(port, event->scenePos()));
    NodeItem *over = nodeItemAt(event->scenePos());
    if (over == from)
        over = nullptr;
    if (over != m_highlighted) {
        if (m_highlighted)
            m_highlighted->setDropHighlight(false);
        m_highlighted = over;
        if (over)
            over->setDropHighlight(true);
    }
}

void PipelineScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_connectFrom) {
        finishConnection(event->scenePos());
        return;
    }
    QGraphicsScene::mouseReleaseEvent(event);
    QHash<NodeId, QPointF> moved;
    for (auto it = m_pressPositions.cbegin(); it != m_pressPositions.cend(); ++it) {
        NodeItem *item = it.key();
        const PipelineNode *node = m_model->node(item->id());
        if (node && item->pos() != node->pos)
            moved.insert(item->id(), item->pos());
    }
    m_pressPositions.clear();
    if (!moved.isEmpty())
        m_model->moveNodes(moved);
}

void PipelineScene::finishConnection(const QPointF &scenePos)
{
    const NodeId start = m_connectFrom;
    const bool backward = m_connectBackward;
    NodeItem *over = nodeItemAt(scenePos);
    cancelConnectionDrag();
    if (!over || over->id() == start)
        return;
    const ModelResult result = backward ? m_model->connectNodes(over->id(), start)
                                        : m_model->connectNodes(start, over->id());
    if (!result.ok)
        Q_EMIT message(result.reason);
}

void PipelineScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event)
{
    if (NodeItem *node = nodeItemAt(event->scenePos())) {
        Q_EMIT nodeActivated(node->node().scheme, node->node().key);
        event->accept();
        return;
    }
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void PipelineScene::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) {
        deleteSelection();
        event->accept();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_connectFrom) {
        cancelConnectionDrag();
        event->accept();
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

void PipelineScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (NodeItem *node = nodeItemAt(event->scenePos())) {
        if (!node->isSelected()) {
            clearSelection();
            node->setSelected(true);
        }
        Q_EMIT contextMenuForNode(node->node().scheme, node->node().key, event->screenPos());
        event->accept();
        return;
    }
    QGraphicsScene::contextMenuEvent(event);
}

} // namespace weft
