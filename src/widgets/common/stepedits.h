#pragma once

#include "core/model/scheme.h"

#include <QString>
#include <functional>
#include <optional>

namespace weft {

class ProjectDocument;

/// Edits a step wherever it lives — in Scheme::steps, or (not connected yet) in the
/// scheme's layout — as one undo step.
bool pushStepEdit(ProjectDocument *doc, const QString &scheme, const QString &stepId,
                  const QString &text, const std::function<void(Step &)> &edit,
                  const QString &mergeKey = QString());
/// The step (connected or not); nullopt when it does not exist.
std::optional<Step> findStep(const ProjectDocument *doc, const QString &scheme,
                             const QString &stepId, bool *connected = nullptr);

} // namespace weft
