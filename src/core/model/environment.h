#pragma once

#include "core/model/project.h"
#include "core/util/envexpand.h"

#include <functional>

namespace weft {

/// What a variable's secret reference stands for: a run reads it (keychain included), while
/// validation only looks whether it could be read.
using SecretLookup = std::function<QString(const SecretRef &ref)>;

/// The values `environment` sees: its own variables over the project's shared `variables`
/// (NAME → string or secret reference). An empty or unknown name: the shared ones only.
QJsonObject environmentVariables(const Project &project, const QString &environment);

/// The variables a project's connections see under `environment`: environmentVariables()
/// first, then `base` (the process environment) for names the project does not define. A
/// value that is a secret reference goes through `secrets` each time it is asked for, so a
/// secret is read only when a connection needs it. docs/project-format.md "Environments".
EnvLookup layerEnvironment(const Project &project, const QString &environment, EnvLookup base,
                           SecretLookup secrets);

/// Whether `name` can be a variable (`${NAME}`): a letter or `_`, then letters, digits, `_`.
bool isVariableName(const QString &name);

} // namespace weft
