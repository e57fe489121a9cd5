#pragma once

#include <QFont>
#include <QGlyphRun>
#include <QGraphicsView>
#include <QHash>

class QLabel;
class QTimer;

namespace weft {

class CanvasOverview;
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
    CanvasOverview *overview() const { return m_overview; }
    /// The overview shows while the project does not fit in the view, unless turned off.
    bool isOverviewEnabled() const { return m_overviewEnabled; }

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitAll();
    void fitSelection();
    /// Scrolls to a scheme's frame (keeps the zoom unless the frame does not fit).
    void centerOnScheme(const QString &scheme);
    /// Jumps to a scheme so that it can be read: at 100 % when zoomed out further, then
    /// scrolled to it as centerOnScheme() does.
    void showScheme(const QString &scheme);
    void setOverviewEnabled(bool enabled);
    /// Shows a message over the canvas for a few seconds.
    void showMessage(const QString &text);

Q_SIGNALS:
    void zoomChanged(double factor);
    /// A Source was dropped on the canvas outside every scheme, asking for a new scheme. When
    /// something listens (the main window opens the new-integration flow), the view leaves
    /// the scheme to it; else it adds a blank scheme there itself.
    void newSchemeRequested(const QPointF &scenePos);

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
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void paintEvent(QPaintEvent *event) override;

private:
    void scaleBy(double factor);
    void placeMessage();
    /// Shows the overview in the viewport's corner while part of the project is out of view.
    void updateOverview();

    /// A scheme's title shaped for drawForeground().
    struct Title {
        QString text;
        QFont font;
        QList<QGlyphRun> runs;
        QSizeF size;
    };

    PipelineScene *m_scene;
    QHash<QString, Title> m_titles;
    QLabel *m_message;
    QTimer *m_messageTimer;
    CanvasOverview *m_overview;
    bool m_overviewEnabled = true;
    bool m_panning = false;
    bool m_spaceHeld = false;
};

} // namespace weft
