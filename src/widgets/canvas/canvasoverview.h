#pragma once

#include <QPixmap>
#include <QWidget>

namespace weft {

class PipelineView;

/// The canvas's overview (a minimap) in a corner of the view: every scheme's frame in
/// miniature and the part of the canvas in view; a click or a drag in it moves the view
/// there. The view shows it while the project does not fit in it.
class CanvasOverview final : public QWidget
{
    Q_OBJECT
public:
    explicit CanvasOverview(PipelineView *view);

    /// The part of the canvas drawn: every scheme's frame, with a margin.
    QRectF area() const { return m_area; }
    /// A point of the overview as a canvas (scene) point, and back for rectangles.
    QPointF toScene(const QPointF &point) const;
    QRectF toOverview(const QRectF &sceneRect) const;
    /// The frames moved, came or went: the miniature is drawn again when next shown.
    void invalidate();
    /// The size it takes for a canvas area of this shape, at most `maxWidth` wide.
    static QSize sizeFor(const QRectF &area, int maxWidth);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Where the area is drawn inside the widget (its shape kept, centred).
    QRectF drawing() const;
    void redraw();
    void moveView(const QPointF &point);

    PipelineView *m_view;
    QRectF m_area;
    QPixmap m_picture; ///< the frames, drawn once per change, not per scroll
    bool m_stale = true;
};

} // namespace weft
