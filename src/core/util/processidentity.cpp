#include "core/util/processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QStringList>

namespace weft {

namespace {

/// Start time of `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat); -1 when the
/// process does not exist, 0 where /proc is unavailable.
qint64 processStartTicks(qint64 pid)
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count fields from
    // the last ')'. starttime is field 22, the 20th after the closing parenthesis.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    return fields.size() > 19 ? fields.at(19).toLongLong() : -1;
#else
    Q_UNUSED(pid);
    return 0;
#endif
}

} // namespace

QString processIdentity()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return QStringLiteral("%1:%2/%3")
        .arg(QSysInfo::machineHostName())
        .arg(pid)
        .arg(processStartTicks(pid));
}

HolderLiveness holderLiveness(const QString &holder)
{
#ifdef Q_OS_LINUX
    const QStringList parts = holder.split(u':');
    if (parts.size() < 2 || parts.at(0) != QSysInfo::machineHostName())
        return HolderLiveness::Unknown;
    const QStringList process = parts.at(1).split(u'/');
    bool ok = false;
    const qint64 pid = process.at(0).toLongLong(&ok);
    if (!ok || pid <= 0)
        return HolderLiveness::Unknown;
    const qint64 start = processStartTicks(pid);
    if (start < 0)
        return HolderLiveness::Gone;
    if (process.size() < 2)
        return HolderLiveness::Unknown; // an old-style holder: the pid may have been reused
    bool startOk = false;
    const qint64 heldStart = process.at(1).toLongLong(&startOk);
    if (!startOk)
        return HolderLiveness::Unknown;
    return heldStart == start ? HolderLiveness::Alive : HolderLiveness::Gone;
#else
    Q_UNUSED(holder);
    return HolderLiveness::Unknown;
#endif
}

} // namespace weft
