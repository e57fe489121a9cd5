#pragma once

#include "core/model/scheme.h"

#include <QColor>
#include <QString>
#include <optional>

namespace weft {

/// The kinds of nodes on the pipeline canvas: the scheme's source, its steps, the mapping
/// (the target metadata's request[]) and its target.
enum class NodeKind { Source, Flatten, Filter, Map, Lookup, Validate, Target };

/// "source", "flatten", … — also the palette's drag payload.
QString nodeKindName(NodeKind kind);
std::optional<NodeKind> nodeKindFromName(const QString &name);
/// The kind's label for people (translated).
QString nodeKindLabel(NodeKind kind);
/// What the kind does, one sentence (translated), for the palette's tooltips.
QString nodeKindDescription(NodeKind kind);
QColor nodeKindColor(NodeKind kind);
QString nodeKindIconPath(NodeKind kind);
/// The step type of a step kind; nullopt for source, map and target.
std::optional<StepType> stepTypeOf(NodeKind kind);
NodeKind nodeKindOf(StepType type);
bool isStepKind(NodeKind kind);
/// The kinds offered by the palette, in palette order.
QList<NodeKind> paletteKinds();

/// MIME type of a palette entry being dragged onto the canvas.
inline constexpr const char *kNodeMimeType = "application/x-weft-node";

} // namespace weft
