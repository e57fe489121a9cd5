#pragma once

#include "core/model/project.h"
#include "core/util/envexpand.h"

namespace weft {

/// The variables a run of `project` sees: its active environment's values over the project's
/// shared variables over `base` (docs/project-format.md "Environments"). A secret reference
/// among them is read when a connection asks for it (an environment variable from `base`, a
/// keychain entry, a plain value) and registered with the log's redaction; one that cannot
/// be read counts as unset, with a warning in the log saying why.
EnvLookup projectEnvironment(const Project &project, EnvLookup base = processEnvironment());

} // namespace weft
