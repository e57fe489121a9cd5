#include "core/util/processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QStringList>

namespace weft {

namespace {

/// Start time of `pid` in clock ticks since boot (field 22 of /proc/<pid>/stat); -1 when the
/// process does not exist — or exists only as a zombie (Z) or dead (X) entry, killed but not
/// yet reaped (its parent died with it, or a container's init does not reap): such a process
/// holds nothing any more. 0 where /proc is unavailable.
qint64 processStartTicks(qint64 pid)
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count fields from
    // the last ')'. state is field 3, starttime field 22 (the 20th after the parenthesis).
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.isEmpty() || fields.first() == "Z" || fields.first() == "X")
        return -1;
    return fields.size() > 19 ? fields.at(19).toLongLong() : -1;
#else
    Q_UNUSED(pid);
    return 0;
#endif
}

/// Which pid space a pid is valid in: the boot (a pid of yesterday's boot is not today's) and
/// the pid namespace (containers share a kernel and hostnames may repeat — every pod's first
/// process is pid 1). "" where it cannot be told.
QString pidSpace()
{
#ifdef Q_OS_LINUX
    QFile boot(QStringLiteral("/proc/sys/kernel/random/boot_id"));
    if (!boot.open(QIODevice::ReadOnly))
        return QString();
    const QByteArray bootId = boot.readAll().trimmed().left(8);
    const QString ns = QFile::symLinkTarget(QStringLiteral("/proc/self/ns/pid"));
    // "pid:[4026531836]" → "4026531836"
    const qsizetype open = ns.indexOf(u'['), close = ns.indexOf(u']');
    if (bootId.isEmpty() || open < 0 || close <= open)
        return QString();
    return QString::fromLatin1(bootId) + u'.' + ns.mid(open + 1, close - open - 1);
#else
    return QString();
#endif
}

} // namespace

QString processIdentity()
{
    // host:pid/start@pidspace#instance — the instance, random per process, keeps two
    // processes apart whatever else they share (a restarted container: same host name, pid 1,
    // perhaps the same start tick).
    static const QString identity = [] {
        const qint64 pid = QCoreApplication::applicationPid();
        return QStringLiteral("%1:%2/%3@%4#%5")
            .arg(QSysInfo::machineHostName())
            .arg(pid)
            .arg(processStartTicks(pid))
            .arg(pidSpace())
            .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    }();
    return identity;
}

HolderLiveness holderLiveness(const QString &holder)
{
#ifdef Q_OS_LINUX
    const QStringList parts = holder.split(u':');
    if (parts.size() < 2 || parts.at(0) != QSysInfo::machineHostName())
        return HolderLiveness::Unknown;
    // A holder that says which pid space its pid belongs to is checked only in that space:
    // in another container (or after a reboot) the pid means nothing here.
    QString processPart = parts.at(1);
    const qsizetype at = processPart.indexOf(u'@');
    if (at >= 0) {
        const QString space = processPart.mid(at + 1).section(u'#', 0, 0);
        if (space.isEmpty() || space != pidSpace())
            return HolderLiveness::Unknown;
        processPart = processPart.left(at);
    }
    const QStringList process = processPart.split(u'/');
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
