#pragma once

#include "core/model/diagnostic.h"
#include "core/model/project.h"

#include <QJsonObject>

namespace weft::detail {

/// JSON object → Project, reporting every structural problem into `diagnostics` (wrong
/// types, missing and unknown keys, names used twice); what can be read is read.
Project readProject(const QJsonObject &root, Diagnostics *diagnostics);

} // namespace weft::detail
