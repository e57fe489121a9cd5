#include "core/platform/processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QStringList>
#include <QSysInfo>

namespace weft {

namespace {

/// What /proc/<pid>/stat says about a process: whether it runs, and its start time.
struct ProcessStat {
    enum class State { Running, Ended, Missing, Unknowable };
    State state = State::Missing;
    qint64 startTicks = 0; ///< clock ticks since boot
};

ProcessStat processStat(qint64 pid)
{
    ProcessStat out;
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return out;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so count fields from
    // the last ')'. The state is the first field after it, starttime (field 22) the 20th.
    const qsizetype close = text.lastIndexOf(')');
    if (close < 0)
        return out;
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() <= 19)
        return out;
    // Z: ended, waiting for its parent to read its exit status; X: being removed. Neither
    // will ever run again, and a zombie keeps its pid and start time until it is reaped.
    const QByteArray state = fields.at(0);
    out.state =
        state == "Z" || state == "X" ? ProcessStat::State::Ended : ProcessStat::State::Running;
    out.startTicks = fields.at(19).toLongLong();
#else
    // Other platforms: no /proc. Holders there are Unknown and wait for their lease to
    // expire (docs/building.md, "Platform layer").
    Q_UNUSED(pid);
    out.state = ProcessStat::State::Unknowable;
#endif
    return out;
}

QString identity(qint64 pid, qint64 startTicks)
{
    return QStringLiteral("%1:%2/%3").arg(QSysInfo::machineHostName()).arg(pid).arg(startTicks);
}

} // namespace

QString processIdentity()
{
    const qint64 pid = QCoreApplication::applicationPid();
    return identity(pid, processStat(pid).startTicks);
}

QString processIdentityOf(qint64 pid)
{
    const ProcessStat stat = processStat(pid);
    return stat.state == ProcessStat::State::Running ? identity(pid, stat.startTicks) : QString();
}

HolderLiveness holderLiveness(const QString &holder)
{
    const QStringList parts = holder.split(u':');
    if (parts.size() < 2 || parts.at(0) != QSysInfo::machineHostName())
        return HolderLiveness::Unknown;
    const QStringList process = parts.at(1).split(u'/');
    bool ok = false;
    const qint64 pid = process.at(0).toLongLong(&ok);
    if (!ok || pid <= 0)
        return HolderLiveness::Unknown;
    const ProcessStat stat = processStat(pid);
    switch (stat.state) {
    case ProcessStat::State::Unknowable:
        return HolderLiveness::Unknown;
    case ProcessStat::State::Missing:
    case ProcessStat::State::Ended:
        return HolderLiveness::Gone;
    case ProcessStat::State::Running:
        break;
    }
    if (process.size() < 2)
        return HolderLiveness::Unknown; // an old-style holder: the pid may have been reused
    bool startOk = false;
    const qint64 heldStart = process.at(1).toLongLong(&startOk);
    if (!startOk)
        return HolderLiveness::Unknown;
    return heldStart == stat.startTicks ? HolderLiveness::Alive : HolderLiveness::Gone;
}

} // namespace weft
