#include "core/engine/statelocation.h"

#include "core/connectors/projectenvironment.h"
#include "core/connectors/resolvedconnection.h"
#include "core/model/project.h"

#include <QUrl>

namespace weft {

std::optional<QString> resolveStateLocation(const Project &project, const QString &fallback,
                                            QString *error)
{
    const ProjectStateStore &named = project.state;
    if (!named.isSet())
        return fallback;
    QUrl url(named.url);
    if (named.password) {
        const auto password = resolveSecret(*named.password, error, projectEnvironment(project));
        if (!password)
            return std::nullopt;
        url.setPassword(*password);
    }
    return url.toString();
}

QString displayStateLocation(const QString &location)
{
    if (!isSharedStateLocation(location))
        return location;
    return QUrl(location).toDisplayString(QUrl::RemovePassword);
}

bool isSharedStateLocation(const QString &location)
{
    return location.startsWith(QLatin1String("mysql://"));
}

} // namespace weft
