#pragma once

#include "core/model/diagnostic.h"
#include "core/model/project.h"
#include "core/util/envexpand.h"

namespace weft {

/// What validateProject() looks at beyond the file itself.
struct ValidateOptions {
    /// Also check that referenced environment variables are set (weft-run validate and the
    /// designer do: both run the project on this machine).
    bool checkEnvironment = false;
    EnvLookup environment = processEnvironment();
    /// Check the connections under this one of the project's environments only (validate
    /// --env); empty: under every environment, a problem naming the one it is found in.
    QString onlyEnvironment;
};

/// Semantic checks of a loaded project: references between connections and schemes, the
/// metadata of each adapter, main_sql, step settings, schedules, secrets and expressions.
/// Every problem is reported, each with the JSON pointer it is about.
Diagnostics validateProject(const Project &project, const ValidateOptions &options = {});

/// Load + validate + positions, the whole of `weft-run validate` for a project file's text.
/// The designer validates what it would save through this too, so its Problems panel and
/// `weft-run validate` report the same problems (the reader's checks included: a scheme
/// without a source connection is an error in both).
Diagnostics validateProjectJson(const QByteArray &json, const ValidateOptions &options = {});

/// validateProjectJson() of a file.
Diagnostics validateProjectFile(const QString &path, const ValidateOptions &options = {});

} // namespace weft
