#include "widgets/canvas/pipelinemodel.h"

#include "widgets/canvas/pipelinekeys.h"
#include "widgets/canvas/pipelinerules.h"
#include "widgets/canvas/pipelinerunoverlay.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/stepjson.h"

#include <QJsonArray>
#include <QUndoStack>
#include <algorithm>

namespace weft {

namespace {

using namespace pipelinekeys;

QString connectionTitle(const Project &project, const QString &name)
{
    const Connection *c = project.connection(name);
    if (!c)
        return name;
    return c->title.isEmpty() ? c->name : c->title;
}

// Counts the target's leaf fields and those that have a value.
void countMapped(const QList<RequestField> &fields, int *total, int *mapped)
{
    for (const RequestField &f : fields) {
        if (f.hasChildren()) {
            countMapped(f.children, total, mapped);
            continue;
        }
        ++*total;
        if (!f.value.isUndefined() && !f.value.isNull() &&
            !(f.value.isString() && f.value.toString().isEmpty()))
            ++*mapped;
    }
}

QJsonObject defaultSettings(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Flatten:
        return {{QStringLiteral("arrays"), QJsonArray()}};
    case NodeKind::Filter:
        return {{QStringLiteral("condition"), QString()}};
    case NodeKind::Lookup:
        return {{QStringLiteral("fields"), QJsonArray()}};
    case NodeKind::Validate:
        return {{QStringLiteral("rules"), QJsonArray()}};
    default:
        return {};
    }
}

QJsonObject withPosition(QJsonObject entry, const QPointF &pos)
{
    entry.insert(QStringLiteral("x"), qRound(pos.x()));
    entry.insert(QStringLiteral("y"), qRound(pos.y()));
    return entry;
}

int stepIndex(const Scheme &scheme, const QString &id)
{
    for (qsizetype i = 0; i < scheme.steps.size(); ++i) {
        if (scheme.steps.at(i).id == id)
            return int(i);
    }
    return -1;
}

} // namespace

struct PipelineModel::Desired {
    PipelineNode node;
};

PipelineModel::PipelineModel(ProjectDocument *doc, QObject *parent)
    : QObject(parent)
    , m_doc(doc)
    , m_runOverlay(new PipelineRunOverlay(this, this))
{
    connect(doc, &ProjectDocument::projectReset, this, &PipelineModel::rebuild);
    // A scheme that grows or shrinks can change the grid's cells, and with them every
    // computed position: then every scheme follows, else only the one edited.
    connect(doc, &ProjectDocument::schemeChanged, this,
            [this](int, const QString &oldName, const QString &newName) {
                if (oldName != newName) {
                    dropScheme(oldName);
                    m_schemeColumns.remove(oldName);
                }
                if (updateGrid(newName))
                    syncSchemesFrom(0);
                else
                    syncScheme(newName);
            });
    connect(doc, &ProjectDocument::schemeInserted, this, &PipelineModel::syncSchemesFrom);
    connect(doc, &ProjectDocument::schemeRemoved, this, [this](int index, const QString &name) {
        dropScheme(name);
        syncSchemesFrom(index);
    });
    connect(doc, &ProjectDocument::layoutChanged, this, [this](const QString &scheme) {
        if (m_doc->schemeIndex(scheme) >= 0 && updateGrid(scheme))
            syncSchemesFrom(0);
        else if (m_doc->schemeIndex(scheme) >= 0)
            syncScheme(scheme);
    });
    connect(doc, &ProjectDocument::connectionsChanged, this, [this]() { syncSchemesFrom(0); });
    rebuild();
}

PipelineModel::~PipelineModel() = default;

const PipelineNode *PipelineModel::node(NodeId id) const
{
    const auto it = m_nodes.constFind(id);
    return it == m_nodes.cend() ? nullptr : &it.value();
}

const PipelineEdge *PipelineModel::edge(EdgeId id) const
{
    const auto it = m_edges.constFind(id);
    return it == m_edges.cend() ? nullptr : &it.value();
}

NodeId PipelineModel::nodeFor(const QString &scheme, const QString &key) const
{
    return m_byScheme.value(scheme).value(key, 0);
}

QList<NodeId> PipelineModel::schemeNodes(const QString &scheme) const
{
    return m_byScheme.value(scheme).values();
}

EdgeId PipelineModel::edgeBetween(NodeId from, NodeId to) const
{
    const PipelineNode *n = node(from);
    if (!n)
        return 0;
    for (EdgeId e : m_schemeEdges.value(n->scheme)) {
        const PipelineEdge &edge = m_edges.value(e);
        if (edge.from == from && edge.to == to)
            return e;
    }
    return 0;
}

QList<PipelineModel::Desired> PipelineModel::desiredNodes(const Scheme &scheme, int index) const
{
    const Project &project = m_doc->project();
    const QJsonObject layout = m_doc->schemeLayout(scheme.name);
    QList<Desired> out;
    auto positionOf = [&](const QString &key, int column) {
        const QJsonObject entry = layout.value(key).toObject();
        if (entry.contains(QLatin1String("x")) && entry.contains(QLatin1String("y")))
            return QPointF(entry.value(QLatin1String("x")).toDouble(),
                           entry.value(QLatin1String("y")).toDouble());
        return defaultPosition(index, column);
    };
    auto add = [&](const QString &key, NodeKind kind, const QString &title, const QString &detail,
                   int column, bool chained, bool enabled) {
        Desired d;
        d.node.scheme = scheme.name;
        d.node.key = key;
        d.node.kind = kind;
        d.node.title = title;
        d.node.detail = detail;
        d.node.pos = positionOf(key, column);
        d.node.chained = chained;
        d.node.enabled = enabled;
        out.append(d);
    };

    int column = 0;
    QString sourceDetail = scheme.source.metadata.api();
    const QStringList beat = scheme.source.metadata.beatFlat();
    if (!beat.isEmpty())
        sourceDetail += QStringLiteral(" · beatFlat ") + beat.join(u',');
    add(kSource, NodeKind::Source,
        scheme.source.connection.isEmpty() ? nodeKindLabel(NodeKind::Source)
                                           : connectionTitle(project, scheme.source.connection),
        sourceDetail, column++, true, true);
    for (const Step &step : scheme.steps) {
        const NodeKind kind = nodeKindOf(step.type);
        add(step.id, kind, step.title.isEmpty() ? nodeKindLabel(kind) : step.title,
            stepSummary(step), column++, true, step.enabled);
    }
    int total = 0;
    int mapped = 0;
    countMapped(scheme.target.metadata.request(), &total, &mapped);
    add(kMap, NodeKind::Map, nodeKindLabel(NodeKind::Map),
        tr("%1 of %2 fields mapped").arg(mapped).arg(total), column++, true, true);
    add(kTarget, NodeKind::Target,
        scheme.target.connection.isEmpty() ? nodeKindLabel(NodeKind::Target)
                                           : connectionTitle(project, scheme.target.connection),
        scheme.target.metadata.api(), column++, true, true);

    QStringList keys = layout.keys();
    std::sort(keys.begin(), keys.end());
    // Not connected yet: after the chain, with a column's gap.
    int detachedColumn = column + 1;
    for (const QString &key : keys) {
        const QJsonObject entry = layout.value(key).toObject();
        if (!entry.contains(kDetached) || key == kSource || key == kMap || key == kTarget ||
            scheme.step(key))
            continue;
        const Step step = stepFromJson(key, entry.value(kDetached).toObject());
        const NodeKind kind = nodeKindOf(step.type);
        add(key, kind, step.title.isEmpty() ? nodeKindLabel(kind) : step.title, stepSummary(step),
            detachedColumn++, false, step.enabled);
    }
    return out;
}

void PipelineModel::rebuild()
{
    updateGrid();
    m_nodes.clear();
    m_edges.clear();
    m_byScheme.clear();
    m_schemeEdges.clear();
    const QList<Scheme> &schemes = m_doc->project().schemes;
    for (qsizetype i = 0; i < schemes.size(); ++i) {
        const Scheme &scheme = schemes.at(i);
        NodeId previous = 0;
        for (Desired &d : desiredNodes(scheme, int(i))) {
            d.node.id = m_nextNode++;
            m_nodes.insert(d.node.id, d.node);
            m_byScheme[scheme.name].insert(d.node.key, d.node.id);
            if (!d.node.chained)
                continue;
            if (previous) {
                const PipelineEdge e{m_nextEdge++, previous, d.node.id};
                m_edges.insert(e.id, e);
                m_schemeEdges[scheme.name].append(e.id);
            }
            previous = d.node.id;
        }
    }
    Q_EMIT modelReset();
}

void PipelineModel::syncSchemesFrom(int index)
{
    // A scheme more or less can change the grid: then every computed position moves.
    if (updateGrid())
        index = 0;
    const QList<Scheme> &schemes = m_doc->project().schemes;
    for (qsizetype i = std::max(0, index); i < schemes.size(); ++i)
        syncScheme(schemes.at(i).name);
}

void PipelineModel::dropScheme(const QString &name)
{
    for (EdgeId e : m_schemeEdges.take(name)) {
        m_edges.remove(e);
        Q_EMIT edgeRemoved(e);
    }
    const QHash<QString, NodeId> nodes = m_byScheme.take(name);
    for (NodeId id : nodes) {
        m_nodes.remove(id);
        Q_EMIT nodeRemoved(id);
    }
    Q_EMIT schemeRemoved(name);
}

void PipelineModel::syncScheme(const QString &name)
{
    const int index = m_doc->schemeIndex(name);
    if (index < 0) {
        dropScheme(name);
        return;
    }
    const Scheme &scheme = m_doc->project().schemes.at(index);
    QHash<QString, NodeId> &existing = m_byScheme[name];
    QHash<QString, NodeId> keep;
    QList<NodeId> chain;
    QList<NodeId> added;
    for (const Desired &d : desiredNodes(scheme, index)) {
        NodeId id = existing.value(d.node.key, 0);
        if (id) {
            PipelineNode &n = m_nodes[id];
            const bool changed = n.kind != d.node.kind || n.title != d.node.title ||
                                 n.detail != d.node.detail || n.chained != d.node.chained ||
                                 n.enabled != d.node.enabled;
            const bool moved = n.pos != d.node.pos;
            n.kind = d.node.kind;
            n.title = d.node.title;
            n.detail = d.node.detail;
            n.chained = d.node.chained;
            n.enabled = d.node.enabled;
            n.pos = d.node.pos;
            if (changed)
                Q_EMIT nodeChanged(id);
            if (moved)
                Q_EMIT nodeMoved(id);
        } else {
            id = m_nextNode++;
            PipelineNode n = d.node;
            n.id = id;
            m_nodes.insert(id, n);
            added.append(id);
        }
        keep.insert(d.node.key, id);
        if (d.node.chained)
            chain.append(id);
    }

    // Edges first: an edge never outlives its nodes in the scene.
    QList<EdgeId> &edges = m_schemeEdges[name];
    QList<EdgeId> keptEdges;
    QSet<QPair<NodeId, NodeId>> wanted;
    for (qsizetype i = 1; i < chain.size(); ++i)
        wanted.insert({chain.at(i - 1), chain.at(i)});
    for (EdgeId e : std::as_const(edges)) {
        const PipelineEdge &edge = m_edges.value(e);
        if (wanted.remove({edge.from, edge.to})) {
            keptEdges.append(e);
        } else {
            m_edges.remove(e);
            Q_EMIT edgeRemoved(e);
        }
    }
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (!keep.contains(it.key())) {
            m_nodes.remove(it.value());
            Q_EMIT nodeRemoved(it.value());
        }
    }
    existing = keep;
    for (NodeId id : added)
        Q_EMIT nodeAdded(id);
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (!wanted.contains({chain.at(i - 1), chain.at(i)}))
            continue;
        const PipelineEdge e{m_nextEdge++, chain.at(i - 1), chain.at(i)};
        m_edges.insert(e.id, e);
        keptEdges.append(e.id);
        Q_EMIT edgeAdded(e.id);
    }
    edges = keptEdges;
}

// ---- rules (pipelinerules.cpp) ----------------------------------------------------------

ModelResult PipelineModel::canConnect(NodeId from, NodeId to) const
{
    return PipelineRules(*this).canConnect(from, to);
}

ModelResult PipelineModel::canRemoveNode(NodeId id) const
{
    return PipelineRules(*this).canRemoveNode(id);
}

ModelResult PipelineModel::canRemoveEdge(EdgeId id) const
{
    return PipelineRules(*this).canRemoveEdge(id);
}

ModelResult PipelineModel::canAddNode(NodeKind kind, const QString &scheme) const
{
    return PipelineRules(*this).canAddNode(kind, scheme);
}

// ---- edits ------------------------------------------------------------------------------

void PipelineModel::pushStructural(const QString &text, const QHash<QString, Scheme> &schemes,
                                   const QHash<QString, QJsonObject> &layouts)
{
    auto *macro = new QUndoCommand(text);
    for (auto it = schemes.cbegin(); it != schemes.cend(); ++it) {
        const int index = m_doc->schemeIndex(it.key());
        if (index >= 0 && !(m_doc->project().schemes.at(index) == it.value()))
            new EditSchemeCommand(m_doc, it.key(), it.value(), text, QString(), macro);
    }
    QHash<QString, QJsonObject> changedLayouts;
    for (auto it = layouts.cbegin(); it != layouts.cend(); ++it) {
        if (m_doc->schemeLayout(it.key()) != it.value())
            changedLayouts.insert(it.key(), it.value());
    }
    if (!changedLayouts.isEmpty())
        new EditLayoutCommand(m_doc, changedLayouts, text, macro);
    if (macro->childCount() == 0) {
        delete macro;
        return;
    }
    m_doc->undoStack()->push(macro);
}

ModelResult PipelineModel::connectNodes(NodeId from, NodeId to)
{
    const ModelResult rule = canConnect(from, to);
    if (!rule.ok)
        return rule;
    const PipelineNode a = m_nodes.value(from);
    const PipelineNode b = m_nodes.value(to);
    Scheme scheme = *m_doc->project().scheme(a.scheme);
    QJsonObject layout = m_doc->schemeLayout(a.scheme);
    const PipelineNode &loose = b.chained ? a : b;
    QJsonObject entry = layout.value(loose.key).toObject();
    const Step step = stepFromJson(loose.key, entry.take(kDetached).toObject());
    int at = 0;
    if (!b.chained) // inserted after a
        at = a.kind == NodeKind::Source ? 0 : stepIndex(scheme, a.key) + 1;
    else // inserted before b
        at = b.kind == NodeKind::Map ? int(scheme.steps.size()) : stepIndex(scheme, b.key);
    scheme.steps.insert(std::clamp(at, 0, int(scheme.steps.size())), step);
    layout.insert(loose.key, withPosition(entry, loose.pos));
    pushStructural(tr("Connect %1 to %2").arg(a.title, b.title), {{scheme.name, scheme}},
                   {{scheme.name, layout}});
    return ModelResult::accept();
}

ModelResult PipelineModel::removeEdge(EdgeId id)
{
    return removeItems({}, {id});
}

ModelResult PipelineModel::removeItems(const QList<NodeId> &nodes, const QList<EdgeId> &edges)
{
    for (NodeId id : nodes) {
        if (const ModelResult r = canRemoveNode(id); !r.ok)
            return r;
    }
    for (EdgeId id : edges) {
        if (const ModelResult r = canRemoveEdge(id); !r.ok)
            return r;
    }
    QHash<QString, Scheme> schemes;
    QHash<QString, QJsonObject> layouts;
    auto touch = [&](const QString &name) {
        if (!schemes.contains(name)) {
            schemes.insert(name, *m_doc->project().scheme(name));
            layouts.insert(name, m_doc->schemeLayout(name));
        }
    };
    QSet<NodeId> removed(nodes.cbegin(), nodes.cend());
    for (NodeId id : nodes) {
        const PipelineNode &n = m_nodes[id];
        touch(n.scheme);
        Scheme &s = schemes[n.scheme];
        const int i = stepIndex(s, n.key);
        if (n.chained && i >= 0)
            s.steps.removeAt(i);
        layouts[n.scheme].remove(n.key);
    }
    for (EdgeId id : edges) {
        const PipelineEdge &e = m_edges[id];
        const PipelineNode &a = m_nodes[e.from];
        const PipelineNode &b = m_nodes[e.to];
        // Cutting an edge takes the step out of the chain (next to it the chain closes up);
        // the node stays where it is, not connected.
        const PipelineNode &loose = isStepKind(b.kind) ? b : a;
        if (removed.contains(loose.id))
            continue;
        removed.insert(loose.id);
        touch(loose.scheme);
        Scheme &s = schemes[loose.scheme];
        const int i = stepIndex(s, loose.key);
        if (i < 0)
            continue;
        const Step step = s.steps.takeAt(i);
        QJsonObject entry = layouts[loose.scheme].value(loose.key).toObject();
        entry.insert(kDetached, stepToJson(step));
        layouts[loose.scheme].insert(loose.key, withPosition(entry, loose.pos));
    }
    if (schemes.isEmpty())
        return ModelResult::accept();
    const QString text = nodes.isEmpty() ? tr("Disconnect") : tr("Delete");
    pushStructural(text, schemes, layouts);
    return ModelResult::accept();
}

ModelResult PipelineModel::addNode(NodeKind kind, const QString &scheme, const QPointF &pos,
                                   QString *createdScheme, QString *createdKey)
{
    const ModelResult rule = canAddNode(kind, scheme);
    if (!rule.ok)
        return rule;
    if (kind == NodeKind::Source) {
        Scheme s;
        s.name = newSchemeName();
        s.title = tr("New scheme");
        s.source.metadata =
            AdapterMetadata(QJsonObject{{QStringLiteral("effect"), QStringLiteral("QUERY")},
                                        {QStringLiteral("request"), QJsonArray()}});
        s.target.metadata =
            AdapterMetadata(QJsonObject{{QStringLiteral("effect"), QStringLiteral("EXECUTE")},
                                        {QStringLiteral("request"), QJsonArray()}});
        QJsonObject layout;
        layout.insert(kSource, withPosition({}, pos));
        layout.insert(kMap, withPosition({}, pos + QPointF(kColumnWidth, 0)));
        layout.insert(kTarget, withPosition({}, pos + QPointF(2 * kColumnWidth, 0)));
        m_doc->undoStack()->push(
            new InsertSchemeCommand(m_doc, -1, s, layout, tr("New scheme %1").arg(s.name)));
        if (createdScheme)
            *createdScheme = s.name;
        if (createdKey)
            *createdKey = kSource;
        return ModelResult::accept();
    }
    const QString key = newStepId(scheme, kind);
    Step step;
    step.id = key;
    step.type = *stepTypeOf(kind);
    step.settings = defaultSettings(kind);
    QJsonObject layout = m_doc->schemeLayout(scheme);
    layout.insert(key, withPosition({{kDetached, stepToJson(step)}}, pos));
    m_doc->undoStack()->push(
        new EditLayoutCommand(m_doc, {{scheme, layout}}, tr("Add %1").arg(nodeKindLabel(kind))));
    if (createdScheme)
        *createdScheme = scheme;
    if (createdKey)
        *createdKey = key;
    return ModelResult::accept();
}

ModelResult PipelineModel::moveNodes(const QHash<NodeId, QPointF> &positions)
{
    QHash<QString, QJsonObject> layouts;
    for (auto it = positions.cbegin(); it != positions.cend(); ++it) {
        const PipelineNode *n = node(it.key());
        if (!n)
            continue;
        if (!layouts.contains(n->scheme))
            layouts.insert(n->scheme, m_doc->schemeLayout(n->scheme));
        QJsonObject &layout = layouts[n->scheme];
        layout.insert(n->key, withPosition(layout.value(n->key).toObject(), it.value()));
    }
    for (auto it = layouts.begin(); it != layouts.end();) {
        if (m_doc->schemeLayout(it.key()) == it.value())
            it = layouts.erase(it);
        else
            ++it;
    }
    if (!layouts.isEmpty()) {
        const QString text = positions.size() == 1 ? tr("Move node") : tr("Move nodes");
        m_doc->undoStack()->push(new EditLayoutCommand(m_doc, layouts, text));
    }
    return ModelResult::accept();
}

QString PipelineModel::newStepId(const QString &scheme, NodeKind kind) const
{
    const QHash<QString, NodeId> existing = m_byScheme.value(scheme);
    const QString base = nodeKindName(kind);
    for (int i = 1;; ++i) {
        const QString id = base + QString::number(i);
        if (!existing.contains(id))
            return id;
    }
}

QString PipelineModel::newSchemeName() const
{
    for (int i = 1;; ++i) {
        const QString name = QStringLiteral("scheme%1").arg(i);
        if (m_doc->schemeIndex(name) < 0)
            return name;
    }
}

void PipelineModel::retranslate()
{
    syncSchemesFrom(0);
}

} // namespace weft
