#include "core/connectors/projectenvironment.h"

#include "core/connectors/resolvedconnection.h"
#include "core/log/logging.h"
#include "core/model/environment.h"

namespace weft {

EnvLookup projectEnvironment(const Project &project, EnvLookup base)
{
    SecretLookup secrets = [base](const SecretRef &ref) -> QString {
        QString error;
        const std::optional<QString> value = resolveSecret(ref, &error, base);
        if (!value) {
            log::warn(error);
            return {};
        }
        return *value;
    };
    return layerEnvironment(project, project.activeEnvironment, std::move(base),
                            std::move(secrets));
}

} // namespace weft
