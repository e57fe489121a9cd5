#pragma once

#include <QString>

/// The keys of the nodes every scheme has, and the layout entry's key of a step not
/// connected yet — shared by PipelineModel's files (model, computed layout, run state).
namespace weft::pipelinekeys {

inline const QString kSource = QStringLiteral("source");
inline const QString kMap = QStringLiteral("map");
inline const QString kTarget = QStringLiteral("target");
inline const QString kDetached = QStringLiteral("detached");

} // namespace weft::pipelinekeys
