#pragma once

#include "core/model/project.h"

#include <QJsonObject>

namespace weft::detail {

/// Project → JSON object in canonical form: defaults omitted, unknown keys kept (projectio
/// orders the keys when it writes the text).
QJsonObject writeProject(const Project &project);

} // namespace weft::detail
