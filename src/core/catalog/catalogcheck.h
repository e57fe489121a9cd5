#pragma once

#include "core/catalog/catalog.h"
#include "core/model/diagnostic.h"
#include "core/model/project.h"

namespace weft {

/// Checks adapter metadata that names its catalogue entry ("catalog": "<system>/<endpoint>").
///
/// An unknown entry is an error (the reference is wrong). Where the metadata differs from the
/// entry — another api, method, effect or K3Cloud form, a connection of another system,
/// parameters or fields the entry does not list, required ones missing, FieldKeys the entry
/// does not know — a warning says so: the project still runs (its metadata is its own copy),
/// but it no longer is what the catalogue describes.
void checkCatalogReferences(const Project &project, const Catalog &catalog,
                            const DiagnosticSink &root);

} // namespace weft
