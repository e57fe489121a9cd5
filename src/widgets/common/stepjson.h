#pragma once

#include "core/model/scheme.h"

#include <QJsonObject>

namespace weft {

/// A step as the project file writes it ({"type", "title", "enabled", settings…}, without
/// the id): used to keep canvas nodes that are not connected yet in the layout.
QJsonObject stepToJson(const Step &step);
Step stepFromJson(const QString &id, const QJsonObject &json);

/// A short, one-line summary of a step's settings for the canvas ("items", the condition…).
QString stepSummary(const Step &step);

} // namespace weft
