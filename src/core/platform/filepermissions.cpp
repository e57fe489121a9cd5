#include "core/platform/filepermissions.h"

#include <QFile>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace weft {

#ifdef Q_OS_UNIX

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString systemError(int code)
{
    return QString::fromLocal8Bit(std::strerror(code));
}

/// The id of a group, looked up by name (getgrnam_r: thread-safe).
bool groupId(const QString &name, gid_t *id, QString *error)
{
    struct group entry {
    };
    group *found = nullptr;
    QByteArray buffer(16384, '\0');
    const int code = getgrnam_r(name.toLocal8Bit().constData(), &entry, buffer.data(),
                                size_t(buffer.size()), &found);
    if (code != 0)
        return fail(error,
                    QStringLiteral("cannot look up group %1: %2").arg(name, systemError(code)));
    if (!found)
        return fail(error, QStringLiteral("there is no group %1").arg(name));
    *id = entry.gr_gid;
    return true;
}

} // namespace

bool restrictToOwner(const QString &path, const QString &group, QString *error)
{
    const QByteArray file = QFile::encodeName(path);
    mode_t mode = S_IRUSR | S_IWUSR;
    if (!group.isEmpty()) {
        gid_t gid = 0;
        if (!groupId(group, &gid, error))
            return false;
        // The group first: between the two calls the file is at most what it was before.
        if (::chown(file.constData(), uid_t(-1), gid) != 0)
            return fail(error, QStringLiteral("cannot give %1 to group %2: %3")
                                   .arg(path, group, systemError(errno)));
        mode |= S_IRGRP;
    }
    if (::chmod(file.constData(), mode) != 0)
        return fail(error, QStringLiteral("cannot restrict the permissions of %1: %2")
                               .arg(path, systemError(errno)));
    return true;
}

#else

bool restrictToOwner(const QString &path, const QString &group, QString *error)
{
    Q_UNUSED(group);
    if (QFile::exists(path))
        return true;
    if (error)
        *error = QStringLiteral("%1 does not exist").arg(path);
    return false;
}

#endif

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
