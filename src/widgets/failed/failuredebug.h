#pragma once

#include "core/state/staterecords.h"

#include <QList>
#include <QString>

namespace weft {

struct Scheme;

/// The canvas node of `scheme` where `record` failed: "source" for a page that could not be
/// read, "target" for a record the target rejected, and for a transform failure the step its
/// message names ("filter step <id>", "lookup step <id>", "validate step <id>") or else
/// "map" (a mapping error, a duplicate). The stored failure keeps only its stage; the step is
/// known from the message the engine wrote.
QString failureNodeKey(const FailedRecord &record, const Scheme &scheme);

/// The source records to pin for debugging failures of one scheme: their source payloads,
/// in order, without the failures of stage fetch (a page that could not be read has no record)
/// and without repeats (a record that failed in several runs).
QList<QJsonObject> failurePayloads(const QList<FailedRecord> &records);

} // namespace weft
