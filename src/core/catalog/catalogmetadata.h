#pragma once

#include "core/catalog/catalog.h"
#include "core/model/adaptermetadata.h"

namespace weft {

/// Adapter metadata for a catalogue endpoint, in the seeds' format — what a scheme's
/// source.metadata or target.metadata holds: api, effect, method, number/id/name, idCheck,
/// request[] (a source's parameters with their default values and templates, a target's
/// fields with their defaults and parsers), otherRequest[] (K3Cloud FormId, FieldKeys,
/// Operation…), beatFlat, autoFillResponse, documentKey, responsePath, and "catalog" naming
/// the entry it was made from. The result is copied into the project: a project never needs
/// the catalogue to run.
AdapterMetadata catalogMetadata(const CatalogEndpoint &endpoint);

/// The metadata `type` of a catalogue type (number → float, datetime and date → string).
QString catalogMetadataType(const QString &catalogType);

} // namespace weft
