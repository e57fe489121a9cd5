#include "core/util/filemodes.h"

#include <QFile>
#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

namespace weft {

bool filesGroupReadable()
{
    return qEnvironmentVariableIntValue("WEFT_GROUP_READABLE") == 1;
}

void restrictNewFiles()
{
#ifdef Q_OS_UNIX
    const mode_t wanted = filesGroupReadable() ? 027 : 077;
    const mode_t current = ::umask(wanted);
    ::umask(current | wanted);
#endif
}

bool restrictFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return true;
    QFileDevice::Permissions keep = QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                    QFileDevice::ReadUser | QFileDevice::WriteUser;
    if (filesGroupReadable())
        keep |= QFileDevice::ReadGroup;
    const QFileDevice::Permissions now = file.permissions();
    if ((now & ~keep) == 0)
        return true;
    return file.setPermissions(now & keep);
}

} // namespace weft
