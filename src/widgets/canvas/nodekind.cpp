#include "widgets/canvas/nodekind.h"

#include <QCoreApplication>

namespace weft {

namespace {

struct KindInfo {
    NodeKind kind;
    const char *name;
    const char *label;
    const char *description;
    QRgb color;
};

// Labels and descriptions are translated in the "weft::NodeKind" context.
const KindInfo kKinds[] = {
    {NodeKind::Source, "source", QT_TRANSLATE_NOOP("weft::NodeKind", "Source"),
     QT_TRANSLATE_NOOP("weft::NodeKind",
                       "Reads records from a system. Drop on empty canvas to start a new "
                       "scheme."),
     0x2e7d32},
    {NodeKind::Flatten, "flatten", QT_TRANSLATE_NOOP("weft::NodeKind", "Flatten"),
     QT_TRANSLATE_NOOP("weft::NodeKind",
                       "Explodes an array field into one record per element (like beatFlat)."),
     0x00838f},
    {NodeKind::Filter, "filter", QT_TRANSLATE_NOOP("weft::NodeKind", "Filter"),
     QT_TRANSLATE_NOOP("weft::NodeKind",
                       "Keeps the records for which a condition is true; the others are "
                       "skipped."),
     0x6a1b9a},
    {NodeKind::Map, "map", QT_TRANSLATE_NOOP("weft::NodeKind", "Mapping"),
     QT_TRANSLATE_NOOP("weft::NodeKind",
                       "Maps source fields onto the target's fields (double-click to edit)."),
     0xef6c00},
    {NodeKind::Lookup, "lookup", QT_TRANSLATE_NOOP("weft::NodeKind", "Lookup"),
     QT_TRANSLATE_NOOP("weft::NodeKind",
                       "Adds fields looked up in another scheme's stored records."),
     0x1565c0},
    {NodeKind::Validate, "validate", QT_TRANSLATE_NOOP("weft::NodeKind", "Validate"),
     QT_TRANSLATE_NOOP("weft::NodeKind",
                       "Checks rules (required, length, pattern); a record breaking one "
                       "becomes a failed record."),
     0xc62828},
    {NodeKind::Target, "target", QT_TRANSLATE_NOOP("weft::NodeKind", "Target"),
     QT_TRANSLATE_NOOP("weft::NodeKind", "Writes the mapped records to a system in batches."),
     0x4e342e},
};

const KindInfo &info(NodeKind kind)
{
    for (const KindInfo &k : kKinds) {
        if (k.kind == kind)
            return k;
    }
    return kKinds[0];
}

} // namespace

QString nodeKindName(NodeKind kind)
{
    return QString::fromLatin1(info(kind).name);
}

std::optional<NodeKind> nodeKindFromName(const QString &name)
{
    for (const KindInfo &k : kKinds) {
        if (name == QLatin1String(k.name))
            return k.kind;
    }
    return std::nullopt;
}

QString nodeKindLabel(NodeKind kind)
{
    return QCoreApplication::translate("weft::NodeKind", info(kind).label);
}

QString nodeKindDescription(NodeKind kind)
{
    return QCoreApplication::translate("weft::NodeKind", info(kind).description);
}

QColor nodeKindColor(NodeKind kind)
{
    return QColor::fromRgb(info(kind).color);
}

QString nodeKindIconPath(NodeKind kind)
{
    return QStringLiteral(":/icons/node-%1.svg").arg(nodeKindName(kind));
}

std::optional<StepType> stepTypeOf(NodeKind kind)
{
    switch (kind) {
    case NodeKind::Flatten:
        return StepType::Flatten;
    case NodeKind::Filter:
        return StepType::Filter;
    case NodeKind::Lookup:
        return StepType::Lookup;
    case NodeKind::Validate:
        return StepType::Validate;
    default:
        return std::nullopt;
    }
}

NodeKind nodeKindOf(StepType type)
{
    switch (type) {
    case StepType::Flatten:
        return NodeKind::Flatten;
    case StepType::Filter:
        return NodeKind::Filter;
    case StepType::Lookup:
        return NodeKind::Lookup;
    case StepType::Validate:
        return NodeKind::Validate;
    }
    return NodeKind::Filter;
}

bool isStepKind(NodeKind kind)
{
    return stepTypeOf(kind).has_value();
}

QList<NodeKind> paletteKinds()
{
    return {NodeKind::Source,   NodeKind::Flatten, NodeKind::Filter, NodeKind::Lookup,
            NodeKind::Validate, NodeKind::Map,     NodeKind::Target};
}

} // namespace weft
