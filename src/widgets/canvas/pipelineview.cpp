#include "widgets/canvas/pipelineview.h"

#include "widgets/canvas/canvasoverview.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/nodekind.h"
#include "widgets/canvas/pipelinescene.h"

#include <QDragEnterEvent>
#include <QGlyphRun>
#include <QLabel>
#include <QMetaMethod>
#include <QMimeData>
#include <QScrollBar>
#include <QTextLayout>
#include <QTimer>
#include <QWheelEvent>

namespace weft {

namespace {
constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 3.0;
// A jump to a scheme below this zoom goes to 100 %: the point is to read it.
constexpr double kReadableZoom = 0.75;
constexpr int kOverviewWidth = 220;
} // namespace

PipelineView::PipelineView(PipelineScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_scene(scene)
    , m_message(new QLabel(this))
    , m_messageTimer(new QTimer(this))
    , m_overview(new CanvasOverview(this))
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

    m_overview->hide();
    connect(scene, &PipelineScene::framesUpdated, this, [this] {
        m_overview->invalidate();
        updateOverview();
    });
    connect(this, &PipelineView::zoomChanged, this, &PipelineView::updateOverview);
    for (QScrollBar *bar : {horizontalScrollBar(), verticalScrollBar()})
        connect(bar, &QScrollBar::valueChanged, this, &PipelineView::updateOverview);
}

void PipelineView::setOverviewEnabled(bool enabled)
{
    m_overviewEnabled = enabled;
    updateOverview();
}

void PipelineView::updateOverview()
{
    const QRectF area = m_overview->area();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    // The frames' margin counts as in view: a project that fits shows no overview.
    const bool needed =
        m_overviewEnabled && !area.isEmpty() && !visible.contains(area.adjusted(30, 30, -30, -30));
    if (!needed) {
        m_overview->hide();
        return;
    }
    const QRect port = viewport()->geometry();
    const QSize size = CanvasOverview::sizeFor(area, std::min(kOverviewWidth, port.width() / 3));
    const QRect place(port.right() - size.width() - 12, port.bottom() - size.height() - 12,
                      size.width(), size.height());
    if (m_overview->geometry() != place)
        m_overview->setGeometry(place);
    m_overview->show();
    m_overview->raise();
    m_overview->update();
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
    for (const QRectF &frame : m_scene->schemeRects())
        all |= frame;
    if (all.isNull())
        return;
    const QRectF wanted = all.adjusted(-20, -20, 20, 20);
    fitInView(wanted, Qt::KeepAspectRatio);
    // Fitting can bring in the scroll bars (the scene has a margin), and they take room:
    // fit again in what is left.
    if (!mapToScene(viewport()->rect()).boundingRect().contains(wanted))
        fitInView(wanted, Qt::KeepAspectRatio);
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
    QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    if (rect.width() > visible.width() || rect.height() > visible.height()) {
        fitInView(rect.adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
        Q_EMIT zoomChanged(zoom());
        visible = mapToScene(viewport()->rect()).boundingRect(); // wider now
    }
    // Left-aligned: a scheme reads from its source on the left.
    centerOn(rect.left() + std::min(rect.width(), visible.width()) / 2 - 10, rect.center().y());
}

void PipelineView::showScheme(const QString &scheme)
{
    if (zoom() < kReadableZoom)
        resetZoom();
    centerOnScheme(scheme);
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
    updateOverview();
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
    if (*kind == NodeKind::Source && scheme.isEmpty() &&
        isSignalConnected(QMetaMethod::fromSignal(&PipelineView::newSchemeRequested))) {
        event->acceptProposedAction();
        Q_EMIT newSchemeRequested(topLeft);
        return;
    }
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

void PipelineView::paintEvent(QPaintEvent *event)
{
    // Here rather than in every zoom call: any change of the transform reaches a paint.
    m_scene->setNodeCaching(zoom() >= NodeItem::kDetailLod);
    QGraphicsView::paintEvent(event);
}

void PipelineView::drawForeground(QPainter *painter, const QRectF &rect)
{
    // Zoomed out, frames are plain blocks and their titles too small to read: the titles are
    // written over them at a size that stays readable, as a map names its towns. Each title
    // is shaped once into glyph runs and cut at its frame's edge by leaving out the glyphs
    // beyond it, so neither a pan nor a zoom step lays out text or clips.
    if (zoom() >= NodeItem::kDetailLod)
        return;
    QFont font = this->font();
    font.setPixelSize(11);
    const QTransform toDevice = painter->worldTransform();
    painter->save();
    painter->resetTransform();
    for (const SchemeFrameItem *frame : m_scene->frameItems()) {
        const QRectF box = frame->boundingRect();
        if (!box.intersects(rect))
            continue;
        const QRectF device = toDevice.mapRect(box);
        if (device.width() < 40)
            continue;
        Title &title = m_titles[frame->scheme()];
        if (title.text != frame->title() || title.font != font) {
            QTextLayout layout(frame->title(), font);
            layout.beginLayout();
            const QTextLine line = layout.createLine();
            layout.endLayout();
            title.text = frame->title();
            title.font = font;
            title.runs = layout.glyphRuns();
            title.size = QSizeF(line.naturalTextWidth(), line.height());
        }
        // Glyphs that start further right than this would cross the frame's edge.
        const double room = device.width() - 10;
        const QRectF label(device.left() + 2, device.top() + 2,
                           std::min(title.size.width(), room) + 6, title.size.height() + 2);
        painter->fillRect(label, QColor(255, 255, 255, 215));
        painter->setPen(frame->isSchemeEnabled() ? QColor(0x263238) : QColor(0x78909c));
        const QPointF origin = label.topLeft() + QPointF(3, 1);
        for (const QGlyphRun &run : std::as_const(title.runs)) {
            const QList<QPointF> positions = run.positions();
            qsizetype keep = 0;
            while (keep < positions.size() && positions.at(keep).x() + font.pixelSize() <= room)
                ++keep;
            if (keep == positions.size()) {
                painter->drawGlyphRun(origin, run);
            } else if (keep > 0) {
                QGlyphRun part = run;
                part.setRawData(run.glyphIndexes().constData(), positions.constData(), int(keep));
                painter->drawGlyphRun(origin, part);
            }
        }
    }
    painter->restore();
}

} // namespace weft
