#pragma once

#include "core/model/diagnostic.h"
#include "core/model/project.h"
#include "core/util/envexpand.h"

namespace weft {

/// What validateProject() looks at beyond the file itself.
struct ValidateOptions {
    /// Also check that referenced environment variables are set (weft-run validate does;
    /// the designer does not, since the project may be meant for another machine).
    bool checkEnvironment = false;
    EnvLookup environment = processEnvironment();
};

/// Semantic checks of a loaded project: references between connections and schemes, the
/// metadata of each adapter, main_sql, step settings, schedules, secrets and expressions.
/// Every problem is reported, each with the JSON pointer it is about.
Diagnostics validateProject(const Project &project, const ValidateOptions &options = {});

/// Load + validate + positions, the whole of `weft-run validate` for one file.
Diagnostics validateProjectFile(const QString &path, const ValidateOptions &options = {});

} // namespace weft
