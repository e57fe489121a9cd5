#include "core/platform/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace weft {

QString userLogDirectory()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return {};
    return dir;
}

} // namespace weft
