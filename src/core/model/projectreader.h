#pragma once

#include "core/model/diagnostic.h"
#include "core/model/project.h"

#include <QJsonObject>

namespace weft::detail {

/// JSON object → Project, reporting every structural problem into `diagnostics`.
Project readProject(const QJsonObject &root, Diagnostics *diagnostics);
/// Project → JSON object in canonical form (defaults omitted).
QJsonObject writeProject(const Project &project);

} // namespace weft::detail
