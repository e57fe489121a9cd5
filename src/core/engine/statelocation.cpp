#include "core/engine/statelocation.h"

#include "core/connectors/resolvedconnection.h"
#include "core/model/project.h"

#include <QUrl>

namespace weft {

std::optional<QString> resolveStateLocation(const ProjectStateStore &named, const QString &fallback,
                                            QString *error)
{
    if (!named.isSet())
        return fallback;
    QUrl url(named.url);
    if (named.password) {
        const auto password = resolveSecret(*named.password, error);
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
