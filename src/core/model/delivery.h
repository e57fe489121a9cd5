#pragma once

#include "core/model/adaptermetadata.h"
#include "core/model/connection.h"

#include <QString>

namespace weft {

/// How a target's writes are delivered (docs/architecture.md "Exactly once").
enum class Delivery {
    /// Every record once, whatever fails when — the default, and what `validate` demands.
    ExactlyOnce,
    /// Declared by the user (`"delivery": "at-least-once"` in the target's metadata) for a
    /// target Weft cannot ask what it holds: after a crash or a lost answer a record may be
    /// sent again, and the receiving system must tolerate that.
    AtLeastOnce,
};

/// The delivery a target's metadata asks for.
Delivery deliveryOf(const AdapterMetadata &target);

/// The target field by which Weft asks the target whether it already holds a record —
/// K3Cloud `FBillNo` (documents) or `FNumber` (base data), JDY `number` — when it is mapped;
/// empty for targets that need none (MySQL keeps a write ledger, the local store upserts) or
/// when it is not mapped.
QString identityFieldOf(ConnectorType type, const AdapterMetadata &target);

/// Why a target, as configured, cannot have each record written exactly once, with what to
/// do about it; empty when it can, or when the user declared at-least-once delivery.
QString exactlyOnceProblem(ConnectorType type, const AdapterMetadata &target);

} // namespace weft
