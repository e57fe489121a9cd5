#pragma once

#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinerunoverlay.h"

#include <QGraphicsItem>
#include <QList>

class QFontMetricsF;

namespace weft {

class EdgeItem;

/// One pipeline node on the canvas: a card with the kind's colour, title, detail line,
/// live run state and counters, an input port on the left and an output port on the right.
class NodeItem final : public QGraphicsItem
{
public:
    static constexpr double kWidth = 176;
    static constexpr double kHeight = 78;
    static constexpr double kPortRadius = 6;
    /// Below this zoom factor a node is a coloured block and a frame a plain rectangle: text
    /// would be unreadable anyway, and skipping it keeps panning a large project fast (the
    /// view writes the schemes' titles over them instead).
    static constexpr double kDetailLod = 0.4;
    /// Below this one a card shows its title only: its 11-pixel lines would be smaller than 7
    /// pixels, and every zoom step draws each card in view anew.
    static constexpr double kTextLod = 0.6;
    enum { Type = UserType + 1 };

    explicit NodeItem(const PipelineNode &node);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    NodeId id() const { return m_node.id; }
    const PipelineNode &node() const { return m_node; }
    /// Takes new content from the model (kind, title, detail, chained, enabled); repaints.
    void setNode(const PipelineNode &node);
    /// Takes the node's run state and counters from the run overlay; repaints.
    void setRunCounts(const NodeRunCounts &counts);

    bool hasInput() const { return m_node.kind != NodeKind::Source; }
    bool hasOutput() const { return m_node.kind != NodeKind::Target; }
    QPointF inputPort() const;  ///< scene coordinates
    QPointF outputPort() const; ///< scene coordinates
    bool hitsOutputPort(const QPointF &scenePos) const;
    bool hitsInputPort(const QPointF &scenePos) const;

    void addEdge(EdgeItem *edge) { m_edges.append(edge); }
    void removeEdge(EdgeItem *edge) { m_edges.removeAll(edge); }
    /// Highlights the node as the candidate end of a connection being drawn.
    void setDropHighlight(bool on);
    /// The counter line as shown at full width: "read 674", "in 674 → out 591 · failed 2",
    /// "written 591 · failed 5", "not connected"… Empty when there is nothing to show.
    QString counterText() const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    /// One part of the counter line; failures are drawn in red.
    struct CounterPart {
        QString text;
        bool failure = false;
    };
    /// How much of a stage's "in N → out M" fits: all, "N → M", or "→ M" (what reached the
    /// stage is what the node before it handed on, shown there).
    enum class Detail { Full, Compact, OutOnly };
    QList<CounterPart> counterParts(Detail detail) const;
    QString toolTipText() const;
    void paintCounters(QPainter *painter, const QFontMetricsF &metrics) const;

    PipelineNode m_node;
    NodeRunCounts m_run;
    /// The title and detail lines elided to the card once per content and font (the card's
    /// width never changes with the zoom), not at every paint.
    void elide(const QFont &titleFont, const QFont &smallFont) const;

    QList<EdgeItem *> m_edges;
    bool m_dropHighlight = false;
    mutable QString m_elidedTitle;
    mutable QString m_elidedDetail;
    mutable QString m_elidedFor; ///< the fonts they were elided with (QFont::key), "" if stale
};

/// A connection between two nodes, drawn as a curve from an output port to an input port.
class EdgeItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };

    EdgeItem(EdgeId id, NodeItem *from, NodeItem *to);
    ~EdgeItem() override;

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    EdgeId id() const { return m_id; }
    NodeItem *from() const { return m_from; }
    NodeItem *to() const { return m_to; }
    /// Recomputes the curve after a node moved.
    void adjust();
    /// The curve between two scene points (also used for the edge being drawn).
    static QPainterPath curve(const QPointF &from, const QPointF &to);

private:
    EdgeId m_id;
    NodeItem *m_from;
    NodeItem *m_to;
    QPainterPath m_path;
};

/// The frame around one scheme's nodes, with the scheme's title: where steps are dropped.
class SchemeFrameItem final : public QGraphicsItem
{
public:
    enum { Type = UserType + 3 };
    static constexpr double kMargin = 22;
    static constexpr double kHeader = 26;

    explicit SchemeFrameItem(const QString &scheme);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    QString scheme() const { return m_scheme; }
    QString title() const { return m_title; }
    bool isSchemeEnabled() const { return m_enabled; }
    void setTitle(const QString &title, bool enabled);
    /// Encloses these node rectangles (scene coordinates).
    void setContent(const QRectF &nodes);
    void setPhase(const QString &phase);

private:
    QString m_scheme;
    QString m_title;
    QString m_phase;
    bool m_enabled = true;
    QRectF m_rect;
    QString m_elided;    ///< the title line as last drawn, elided to the frame
    QString m_elidedKey; ///< what it was elided from: text, width, font
};

} // namespace weft
