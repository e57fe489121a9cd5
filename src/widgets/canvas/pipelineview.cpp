#include "widgets/canvas/pipelineview.h"

#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/nodekind.h"
#include "widgets/canvas/pipelinescene.h"

#include <QDragEnterEvent>
#include <QLabel>
#include <QMimeData>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

namespace weft {

namespace {
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 3.0;
} // namespace

PipelineView::PipelineView(PipelineScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_message(new QLabel(this))
    , m_messageTimer(new QTimer(this))
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(RubberBandDrag);
    setTransformationAnchor(AnchorUnderMouse);
    setResizeAnchor(AnchorViewCenter);
    setViewportUpdateMode(SmartViewportUpdate);
    setOptimizationFlags(DontSavePainterState | DontAdjustForAntialiasing);
    setCacheMode(CacheBackground);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);

    m_message->setObjectName(QStringLiteral("canvasMessage"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral(
        "QLabel#canvasMessage { background: rgba(255, 243, 224, 240); color: #5d4037;"
        " border: 1px solid #ffb74d; border-radius: 6px; padding: 8px 12px; }"));
    m_message->hide();
    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(6000);
    connect(m_messageTimer, &QTimer::timeout, m_message, &QLabel::hide);
    connect(scene, &PipelineScene::message, this, &PipelineView::showMessage);
}

double PipelineView::zoom() const
{
    return transform().m11();
}

void PipelineView::scaleBy(double factor)
{
    const double target = std::clamp(zoom() * factor, kMinZoom, kMaxZoom);
    factor = target / zoom();
    if (qFuzzyCompare(factor, 1.0))
        return;
    scale(factor, factor);
    Q_EMIT zoomChanged(zoom());
}

void PipelineView::zoomIn()
{
    scaleBy(1.25);
}

void PipelineView::zoomOut()
{
    scaleBy(0.8);
}

void PipelineView::resetZoom()
{
    setTransform(QTransform());
    Q_EMIT zoomChanged(1.0);
}

void PipelineView::fitAll()
{
    QRectF all;
    for (QGraphicsItem *item : m_scene->items()) {
        if (item->type() == SchemeFrameItem::Type)
            all |= item->sceneBoundingRect();
    }
    if (all.isNull())
        return;
    fitInView(all.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        resetZoom();
    if (zoom() < kMinZoom)
        setTransform(QTransform::fromScale(kMinZoom, kMinZoom));
    Q_EMIT zoomChanged(zoom());
}

void PipelineView::fitSelection()
{
    QRectF rect;
    for (QGraphicsItem *item : m_scene->selectedItems())
        rect |= item->sceneBoundingRect();
    if (rect.isNull()) {
        fitAll();
        return;
    }
    fitInView(rect.adjusted(-60, -60, 60, 60), Qt::KeepAspectRatio);
    if (zoom() > 1.5)
        setTransform(QTransform::fromScale(1.5, 1.5));
    Q_EMIT zoomChanged(zoom());
}

void PipelineView::centerOnScheme(const QString &scheme)
{
    const QRectF rect = m_scene->schemeRect(scheme);
    if (rect.isNull())
        return;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (rect.width() > visible.width() || rect.height() > visible.height()) {
        fitInView(rect.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
        Q_EMIT zoomChanged(zoom());
    }
    // Left-aligned: a scheme reads from its source on the left.
    centerOn(rect.left() + std::min(rect.width(), visible.width()) / 2 - 10, rect.center().y());
}

void PipelineView::showMessage(const QString &text)
{
    m_message->setText(text);
    placeMessage();
    m_message->show();
    m_message->raise();
    m_messageTimer->start();
}

void PipelineView::placeMessage()
{
    const int width = std::min(520, viewport()->width() - 40);
    m_message->setFixedWidth(std::max(width, 120));
    m_message->adjustSize();
    m_message->move((viewport()->width() - m_message->width()) / 2,
                    viewport()->height() - m_message->height() - 16);
}

void PipelineView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_message->isVisible())
        placeMessage();
}

void PipelineView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        scaleBy(std::pow(1.15, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void PipelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (m_spaceHeld && event->button() == Qt::LeftButton)) {
        // Panning reuses the view's hand drag, which only works with the left button.
        m_panning = true;
        setDragMode(ScrollHandDrag);
        QMouseEvent press(event->type(), event->position(), event->globalPosition(), Qt::LeftButton,
                          Qt::LeftButton, event->modifiers());
        QGraphicsView::mousePressEvent(&press);
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void PipelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        QMouseEvent release(event->type(), event->position(), event->globalPosition(),
                            Qt::LeftButton, Qt::NoButton, event->modifiers());
        QGraphicsView::mouseReleaseEvent(&release);
        m_panning = false;
        setDragMode(RubberBandDrag);
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void PipelineView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void PipelineView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void PipelineView::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kNodeMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragEnterEvent(event);
}

void PipelineView::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kNodeMimeType)))
        event->acceptProposedAction();
    else
        QGraphicsView::dragMoveEvent(event);
}

void PipelineView::dropEvent(QDropEvent *event)
{
    const QByteArray payload = event->mimeData()->data(QLatin1String(kNodeMimeType));
    const auto kind = nodeKindFromName(QString::fromUtf8(payload));
    if (!kind) {
        QGraphicsView::dropEvent(event);
        return;
    }
    const QPointF pos = mapToScene(event->position().toPoint());
    const QString scheme = m_scene->schemeAt(pos);
    const QPointF topLeft = pos - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
    QString createdScheme;
    QString createdKey;
    const ModelResult result =
        m_scene->model()->addNode(*kind, scheme, topLeft, &createdScheme, &createdKey);
    if (!result.ok) {
        showMessage(result.reason);
        event->ignore();
        return;
    }
    m_scene->selectNode(createdScheme, createdKey);
    event->acceptProposedAction();
}

void PipelineView::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, QColor(0xfcfcfd));
    if (zoom() < 0.5)
        return;
    // A light dot grid helps placing nodes; skipped when zoomed out (it would be noise).
    constexpr double grid = 30;
    painter->setPen(QPen(QColor(0xd7dde2), 1.5 / zoom()));
    const double left = std::floor(rect.left() / grid) * grid;
    const double top = std::floor(rect.top() / grid) * grid;
    QVarLengthArray<QPointF, 2048> points;
    for (double x = left; x < rect.right(); x += grid) {
        for (double y = top; y < rect.bottom(); y += grid) {
            points.append(QPointF(x, y));
            if (points.size() == 2048) {
                painter->drawPoints(points.constData(), int(points.size()));
                points.clear();
            }
        }
    }
    painter->drawPoints(points.constData(), int(points.size()));
}

} // namespace weft
