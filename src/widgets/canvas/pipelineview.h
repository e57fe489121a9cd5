#pragma once

#include <QGraphicsView>

class QLabel;
class QTimer;

namespace weft {

class PipelineScene;

/// The canvas: zoom (Ctrl+wheel), pan (middle button or Space+drag), fit, rubber-band
/// selection, and drops from the node palette. Refusals are shown over the canvas.
class PipelineView final : public QGraphicsView
{
    Q_OBJECT
public:
    explicit PipelineView(PipelineScene *scene, QWidget *parent = nullptr);

    PipelineScene *pipelineScene() const { return m_scene; }
    double zoom() const;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitAll();
    void fitSelection();
    /// Scrolls to a scheme's frame (keeps the zoom unless the frame does not fit).
    void centerOnScheme(const QString &scheme);
    /// Shows a message over the canvas for a few seconds.
    void showMessage(const QString &text);

Q_SIGNALS:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void drawBackground(QPainter *painter, const QRectF &rect) override;

private:
    void scaleBy(double factor);
    void placeMessage();

    PipelineScene *m_scene;
    QLabel *m_message;
    QTimer *m_messageTimer;
    bool m_panning = false;
    bool m_spaceHeld = false;
};

} // namespace weft
