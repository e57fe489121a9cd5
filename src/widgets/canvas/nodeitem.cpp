#include "widgets/canvas/nodeitem.h"

#include "widgets/canvas/pipelinescene.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>

namespace weft {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("weft::NodeItem", text);
}

QColor stateColor(NodeRunState state)
{
    switch (state) {
    case NodeRunState::Idle:
        return {};
    case NodeRunState::Pending:
        return QColor(0x9e9e9e);
    case NodeRunState::Running:
        return QColor(0x1e88e5);
    case NodeRunState::Done:
        return QColor(0x43a047);
    case NodeRunState::Failed:
        return QColor(0xe53935);
    }
    return {};
}

constexpr double kDetailLod = NodeItem::kDetailLod;

} // namespace

NodeItem::NodeItem(const PipelineNode &node)
    : m_node(node)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsScenePositionChanges);
    setAcceptHoverEvents(false);
    setZValue(2);
    setPos(node.pos);
    setToolTip(toolTipText());
}

QRectF NodeItem::boundingRect() const
{
    return QRectF(-kPortRadius - 1, -1, kWidth + 2 * kPortRadius + 2, kHeight + 2);
}

QPainterPath NodeItem::shape() const
{
    QPainterPath path;
    path.addRoundedRect(QRectF(0, 0, kWidth, kHeight), 6, 6);
    if (hasInput())
        path.addEllipse(QPointF(0, kHeight / 2), kPortRadius + 2, kPortRadius + 2);
    if (hasOutput())
        path.addEllipse(QPointF(kWidth, kHeight / 2), kPortRadius + 2, kPortRadius + 2);
    return path;
}

void NodeItem::setNode(const PipelineNode &node)
{
    if (node.title != m_node.title || node.detail != m_node.detail)
        m_elidedFor.clear();
    m_node = node;
    setToolTip(toolTipText());
    update();
}

void NodeItem::setRunCounts(const NodeRunCounts &counts)
{
    if (m_run == counts)
        return;
    m_run = counts;
    setToolTip(toolTipText());
    update();
}

QPointF NodeItem::inputPort() const
{
    return mapToScene(QPointF(0, kHeight / 2));
}

QPointF NodeItem::outputPort() const
{
    return mapToScene(QPointF(kWidth, kHeight / 2));
}

bool NodeItem::hitsOutputPort(const QPointF &scenePos) const
{
    return hasOutput() && QLineF(scenePos, outputPort()).length() <= kPortRadius + 5;
}

bool NodeItem::hitsInputPort(const QPointF &scenePos) const
{
    return hasInput() && QLineF(scenePos, inputPort()).length() <= kPortRadius + 5;
}

void NodeItem::setDropHighlight(bool on)
{
    if (m_dropHighlight == on)
        return;
    m_dropHighlight = on;
    update();
}

QList<NodeItem::CounterPart> NodeItem::counterParts(Detail detail) const
{
    const QLocale locale;
    QList<CounterPart> parts;
    const auto number = [&](qint64 n) { return locale.toString(n); };
    switch (m_node.kind) {
    case NodeKind::Source:
        if (m_run.out >= 0)
            parts.append({tr("read %1").arg(number(m_run.out))});
        break;
    case NodeKind::Target:
        if (m_run.out >= 0)
            parts.append({tr("written %1").arg(number(m_run.out))});
        break;
    default:
        // A step or the mapping: what reached it and what it handed on.
        if (m_run.in >= 0) {
            const QString in = number(m_run.in);
            const QString out = number(m_run.out);
            parts.append({detail == Detail::Full      ? tr("in %1 → out %2").arg(in, out)
                          : detail == Detail::Compact ? QStringLiteral("%1 → %2").arg(in, out)
                                                      : QStringLiteral("→ %1").arg(out)});
        }
        break;
    }
    if (m_node.kind != NodeKind::Source && m_run.failed > 0)
        parts.append({tr("failed %1").arg(number(m_run.failed)), true});
    if (!m_node.chained)
        parts.append({tr("not connected")});
    else if (!m_node.enabled)
        parts.append({tr("disabled")});
    return parts;
}

QString NodeItem::counterText() const
{
    QStringList texts;
    for (const CounterPart &part : counterParts(Detail::Full))
        texts << part.text;
    return texts.join(QStringLiteral(" · "));
}

QString NodeItem::toolTipText() const
{
    // The counters in full, also when the card shows them shortened.
    const QString counters = counterText();
    const QString description = nodeKindDescription(m_node.kind);
    return counters.isEmpty() ? description : description + u'\n' + counters;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const QRectF rect(0, 0, kWidth, kHeight);
    const QColor kindColor = m_node.enabled ? nodeKindColor(m_node.kind) : QColor(0x9e9e9e);
    const bool selected = option->state & QStyle::State_Selected;
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());

    if (lod < kDetailLod) {
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->fillRect(rect, selected ? QColor(0x1976d2) : kindColor);
        return;
    }

    painter->setRenderHint(QPainter::Antialiasing);
    QPen border(selected ? QColor(0x1976d2) : kindColor.darker(120), selected ? 2.5 : 1.2);
    if (!m_node.chained)
        border.setStyle(Qt::DashLine);
    if (m_dropHighlight)
        border = QPen(QColor(0xffa000), 3);
    // Below 100 % the border would be a pixel or less: a cosmetic pixel is the same to the
    // eye, and is not stroked the slow way at every zoom step (bench_designer, callgrind).
    if (lod < 1.0 && border.widthF() < 2) {
        border.setWidthF(1);
        border.setCosmetic(true);
    }
    painter->setPen(border);
    painter->setBrush(m_node.chained ? QColor(0xffffff) : QColor(0xfafafa));
    painter->drawRoundedRect(rect, 6, 6);

    // Header band with the kind, rounded at the top only (the same path for every card).
    static const QPainterPath band = [] {
        QPainterPath path;
        path.addRoundedRect(QRectF(0, 0, kWidth, 22), 6, 6);
        path.addRect(QRectF(0, 12, kWidth, 10));
        return path.simplified();
    }();
    painter->setPen(Qt::NoPen);
    painter->setBrush(kindColor);
    painter->drawPath(band);

    QFont font = painter->font();
    font.setPixelSize(11);
    font.setBold(true);
    if (lod >= kTextLod) {
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(QRectF(8, 0, kWidth - 30, 22), Qt::AlignVCenter | Qt::AlignLeft,
                          nodeKindLabel(m_node.kind));
    }
    if (const QColor sc = stateColor(m_run.state); sc.isValid()) {
        painter->setPen(QPen(Qt::white, 1.5));
        painter->setBrush(sc);
        painter->drawEllipse(QPointF(kWidth - 12, 11), 5, 5);
    }

    QFont titleFont = font;
    titleFont.setPixelSize(13);
    QFont smallFont = font;
    smallFont.setBold(false);
    elide(titleFont, smallFont);
    painter->setFont(titleFont);
    painter->setPen(m_node.enabled ? QColor(0x212121) : QColor(0x757575));
    painter->drawText(QRectF(8, 24, kWidth - 16, 18), Qt::AlignVCenter | Qt::AlignLeft,
                      m_elidedTitle);

    if (lod >= kTextLod) {
        painter->setFont(smallFont);
        painter->setPen(QColor(0x616161));
        painter->drawText(QRectF(8, 42, kWidth - 16, 16), Qt::AlignVCenter | Qt::AlignLeft,
                          m_elidedDetail);
        paintCounters(painter, QFontMetricsF(smallFont));
    }

    painter->setPen(QPen(kindColor.darker(120), 1.5));
    painter->setBrush(Qt::white);
    if (hasInput())
        painter->drawEllipse(QPointF(0, kHeight / 2), kPortRadius, kPortRadius);
    if (hasOutput())
        painter->drawEllipse(QPointF(kWidth, kHeight / 2), kPortRadius, kPortRadius);
}

void NodeItem::elide(const QFont &titleFont, const QFont &smallFont) const
{
    const QString key = titleFont.key() + u'|' + smallFont.key();
    if (m_elidedFor == key)
        return;
    m_elidedTitle = QFontMetricsF(titleFont).elidedText(m_node.title, Qt::ElideRight, kWidth - 16);
    m_elidedDetail =
        QFontMetricsF(smallFont).elidedText(m_node.detail, Qt::ElideRight, kWidth - 16);
    m_elidedFor = key;
}

void NodeItem::paintCounters(QPainter *painter, const QFontMetricsF &metrics) const
{
    const QString separator = QStringLiteral(" · ");
    const auto width = [&](const QList<CounterPart> &parts) {
        double w = 0;
        for (const CounterPart &part : parts)
            w += metrics.horizontalAdvance(part.text);
        return w + metrics.horizontalAdvance(separator) * std::max<qsizetype>(0, parts.size() - 1);
    };
    const double available = kWidth - 16;
    // Failures matter most: the stage's numbers shrink before they are cut off.
    QList<CounterPart> parts = counterParts(Detail::Full);
    if (width(parts) > available)
        parts = counterParts(Detail::Compact);
    if (width(parts) > available)
        parts = counterParts(Detail::OutOnly);
    const QColor normal(0x1565c0);
    const QColor failure(0xc62828);
    const double right = 8 + available;
    double x = 8;
    // Left to right; what still does not fit is elided at the card's edge.
    const auto draw = [&](const QString &text, const QColor &color) {
        const QString shown = metrics.elidedText(text, Qt::ElideRight, right - x);
        painter->setPen(color);
        painter->drawText(QRectF(x, 58, right - x, 16), Qt::AlignVCenter | Qt::AlignLeft, shown);
        x += metrics.horizontalAdvance(shown);
    };
    for (qsizetype i = 0; i < parts.size() && x < right; ++i) {
        if (i > 0)
            draw(separator, normal);
        draw(parts.at(i).text, parts.at(i).failure ? failure : normal);
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemScenePositionHasChanged) {
        for (EdgeItem *edge : std::as_const(m_edges))
            edge->adjust();
        if (auto *s = qobject_cast<PipelineScene *>(scene()))
            s->nodeItemMoved(this);
    }
    return QGraphicsItem::itemChange(change, value);
}

// ---- EdgeItem ---------------------------------------------------------------------------

EdgeItem::EdgeItem(EdgeId id, NodeItem *from, NodeItem *to)
    : m_id(id)
    , m_from(from)
    , m_to(to)
{
    setFlags(ItemIsSelectable);
    setZValue(1);
    from->addEdge(this);
    to->addEdge(this);
    adjust();
}

EdgeItem::~EdgeItem()
{
    m_from->removeEdge(this);
    m_to->removeEdge(this);
}

QPainterPath EdgeItem::curve(const QPointF &from, const QPointF &to)
{
    const double dx = std::max(40.0, std::abs(to.x() - from.x()) / 2);
    QPainterPath path(from);
    path.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
    return path;
}

void EdgeItem::adjust()
{
    prepareGeometryChange();
    m_path = curve(m_from->outputPort(), m_to->inputPort());
}

QRectF EdgeItem::boundingRect() const
{
    return m_path.boundingRect().adjusted(-4, -4, 4, 4);
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    return stroker.createStroke(m_path);
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool selected = option->state & QStyle::State_Selected;
    const bool detailed =
        option->levelOfDetailFromTransform(painter->worldTransform()) >= NodeItem::kDetailLod;
    painter->setRenderHint(QPainter::Antialiasing, detailed);
    QPen pen(selected ? QColor(0x1976d2) : QColor(0x78909c), selected ? 3 : 2);
    // Zoomed out, a line of a pixel: thinner ones are stroked the slow way (see the frame).
    pen.setCosmetic(!detailed);
    if (!detailed)
        pen.setWidthF(1);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);
}

// ---- SchemeFrameItem --------------------------------------------------------------------

SchemeFrameItem::SchemeFrameItem(const QString &scheme)
    : m_scheme(scheme)
{
    setZValue(0);
    setFlag(ItemIsSelectable, false);
}

QRectF SchemeFrameItem::boundingRect() const
{
    return m_rect;
}

void SchemeFrameItem::setTitle(const QString &title, bool enabled)
{
    m_title = title;
    m_enabled = enabled;
    update();
}

void SchemeFrameItem::setContent(const QRectF &nodes)
{
    const QRectF rect = nodes.adjusted(-kMargin, -kMargin - kHeader, kMargin, kMargin);
    if (rect == m_rect)
        return;
    prepareGeometryChange();
    m_rect = rect;
}

void SchemeFrameItem::setPhase(const QString &phase)
{
    m_phase = phase;
    update();
}

void SchemeFrameItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    // Frames cover most of the canvas, so how they are filled is most of what a frame of the
    // canvas costs (bench_designer under callgrind): aliased, since antialiasing blends every
    // pixel of the fill (the view's hints turn it on), and with a cosmetic pen of one pixel —
    // a pen of one scene unit is a fraction of a pixel zoomed out and is stroked the slow way.
    QPen border(QColor(0xb0bec5), 1, m_enabled ? Qt::SolidLine : Qt::DashLine);
    border.setCosmetic(true);
    const QColor fill = m_enabled ? QColor(0xf5f8fa) : QColor(0xeeeeee);
    painter->setRenderHint(QPainter::Antialiasing, false);
    if (lod < kDetailLod) {
        painter->setPen(border);
        painter->setBrush(fill);
        painter->drawRect(m_rect);
        return;
    }
    // The fill as rectangles and four corner discs: a large rounded path is scan-converted
    // the slow way, rectangles are filled the fast way.
    constexpr double r = 8;
    painter->fillRect(m_rect.adjusted(0, r, 0, -r), fill);
    painter->fillRect(m_rect.adjusted(r, 0, -r, 0), fill);
    painter->setPen(Qt::NoPen);
    painter->setBrush(fill);
    for (const QPointF &corner :
         {m_rect.topLeft() + QPointF(r, r), m_rect.topRight() + QPointF(-r, r),
          m_rect.bottomLeft() + QPointF(r, -r), m_rect.bottomRight() + QPointF(-r, -r)})
        painter->drawEllipse(corner, r, r);
    // The outline smooth at 100 % and closer; below, antialiasing the corners of a few pixels
    // costs more than the whole fill and shows less.
    painter->setRenderHint(QPainter::Antialiasing, lod >= 1.0);
    painter->setPen(border);
    painter->setBrush(Qt::NoBrush);
    painter->drawRoundedRect(m_rect, 8, 8);
    QFont font = painter->font();
    font.setPixelSize(13);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(QColor(0x37474f));
    const QRectF header(m_rect.left() + 10, m_rect.top() + 4, m_rect.width() - 20, kHeader);
    QString text = m_title;
    if (!m_phase.isEmpty())
        text += QStringLiteral("  —  ") + m_phase;
    const QString key = text + u'|' + QString::number(header.width()) + u'|' + font.key();
    if (key != m_elidedKey) {
        m_elided = QFontMetricsF(font).elidedText(text, Qt::ElideRight, header.width());
        m_elidedKey = key;
    }
    painter->drawText(header, Qt::AlignLeft | Qt::AlignVCenter, m_elided);
}

} // namespace weft
