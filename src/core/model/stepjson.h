#pragma once

#include "core/model/diagnostic.h"
#include "core/model/scheme.h"

#include <QJsonObject>

namespace weft {

/// A step as the project file writes it: {"id", "type", "title", "enabled", settings…}
/// (title and enabled only when not the defaults; a type this build does not know is kept
/// verbatim). The one reading and writing of steps: the project file's `steps` and the
/// canvas layout's not-yet-connected steps both go through it.
QJsonObject writeStep(const Step &step);
/// Reads a step, reporting a missing id or type, an unknown type and wrongly typed keys into
/// `sink`; every key that is not id, type, title or enabled is a setting.
Step readStep(const QJsonObject &json, const DiagnosticSink &sink);

/// The same without the id, for the canvas layout, which keys a step by its id.
QJsonObject stepToJson(const Step &step);
/// Reads such an object (problems are not reported: the layout is the designer's own).
Step stepFromJson(const QString &id, const QJsonObject &json);

} // namespace weft
