#include "widgets/canvas/canvasoverview.h"

#include "widgets/canvas/pipelinescene.h"
#include "widgets/canvas/pipelineview.h"

#include <QMouseEvent>
#include <QPainter>

namespace weft {

namespace {
constexpr double kPadding = 6;
} // namespace

CanvasOverview::CanvasOverview(PipelineView *view)
    : QWidget(view)
    , m_view(view)
{
    setObjectName(QStringLiteral("canvasOverview"));
    // A mouse aid beside the keyboard's Ctrl+J: it never takes the focus from the canvas.
    setFocusPolicy(Qt::NoFocus);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QSize CanvasOverview::sizeFor(const QRectF &area, int maxWidth)
{
    if (area.isEmpty())
        return {maxWidth, maxWidth * 2 / 3};
    const double aspect = area.width() / area.height();
    // Wide projects get the full width, tall ones at most that height.
    int width = maxWidth;
    int height = int(std::lround(width / aspect));
    if (height > maxWidth * 3 / 4) {
        height = maxWidth * 3 / 4;
        width = std::max(60, int(std::lround(height * aspect)));
    }
    return {width + int(2 * kPadding), std::max(40, height) + int(2 * kPadding)};
}

void CanvasOverview::invalidate()
{
    QRectF all;
    for (const QRectF &r : m_view->pipelineScene()->schemeRects())
        all |= r;
    m_area = all.isNull() ? QRectF() : all.adjusted(-40, -40, 40, 40);
    m_stale = true;
    update();
}

QRectF CanvasOverview::drawing() const
{
    const QRectF inner = QRectF(rect()).adjusted(kPadding, kPadding, -kPadding, -kPadding);
    if (m_area.isEmpty())
        return inner;
    const double scale = std::min(inner.width() / m_area.width(), inner.height() / m_area.height());
    QRectF r(0, 0, m_area.width() * scale, m_area.height() * scale);
    r.moveCenter(inner.center());
    return r;
}

QPointF CanvasOverview::toScene(const QPointF &point) const
{
    const QRectF d = drawing();
    if (d.isEmpty() || m_area.isEmpty())
        return m_area.center();
    return {m_area.left() + (point.x() - d.left()) * m_area.width() / d.width(),
            m_area.top() + (point.y() - d.top()) * m_area.height() / d.height()};
}

QRectF CanvasOverview::toOverview(const QRectF &sceneRect) const
{
    const QRectF d = drawing();
    if (m_area.isEmpty())
        return {};
    const double sx = d.width() / m_area.width();
    const double sy = d.height() / m_area.height();
    return {d.left() + (sceneRect.left() - m_area.left()) * sx,
            d.top() + (sceneRect.top() - m_area.top()) * sy, sceneRect.width() * sx,
            sceneRect.height() * sy};
}

void CanvasOverview::redraw()
{
    const QHash<QString, QRectF> frames = m_view->pipelineScene()->schemeRects();
    const qreal dpr = devicePixelRatioF();
    m_picture = QPixmap(size() * dpr);
    m_picture.setDevicePixelRatio(dpr);
    m_picture.fill(QColor(255, 255, 255, 235));
    QPainter p(&m_picture);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x90a4ae));
    for (const QRectF &r : frames) {
        // At least a pixel each: a scheme never disappears from the overview.
        QRectF mini = toOverview(r);
        mini.setWidth(std::max(1.0, mini.width()));
        mini.setHeight(std::max(1.0, mini.height()));
        p.drawRect(mini);
    }
    m_stale = false;
}

void CanvasOverview::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_stale = true;
}

void CanvasOverview::paintEvent(QPaintEvent *)
{
    if (m_stale)
        redraw();
    QPainter p(this);
    p.drawPixmap(0, 0, m_picture);
    const QRectF visible = toOverview(m_view->mapToScene(m_view->viewport()->rect()).boundingRect())
                               .intersected(QRectF(rect()).adjusted(1, 1, -1, -1));
    p.setPen(QPen(QColor(0x1e88e5), 1.5));
    p.setBrush(QColor(30, 136, 229, 40));
    p.drawRect(visible);
    p.setPen(QColor(0xb0bec5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
}

void CanvasOverview::moveView(const QPointF &point)
{
    m_view->centerOn(toScene(point));
    update();
}

void CanvasOverview::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        moveView(event->position());
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void CanvasOverview::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        moveView(event->position());
        event->accept();
        return;
    }
    QWidget::mouseMoveEvent(event);
}

} // namespace weft
