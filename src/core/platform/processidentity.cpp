#include "core/platform/processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QRandomGenerator>
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

/// Which pid space a pid is valid in: the boot (a pid of yesterday's boot is not today's) and
/// the pid namespace (containers share a kernel and host names may repeat — every pod's first
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

QString identity(qint64 pid, qint64 startTicks)
{
    return QStringLiteral("%1:%2/%3@%4")
        .arg(QSysInfo::machineHostName())
        .arg(pid)
        .arg(startTicks)
        .arg(pidSpace());
}

} // namespace

QString processIdentity()
{
    // host:pid/start@pidspace#instance — the instance, random per process, keeps two
    // processes apart whatever else they share (a restarted container: the same host name,
    // pid 1, perhaps the same start tick).
    // "-> QString": with QT_USE_QSTRINGBUILDER a deduced return type would be a
    // QStringBuilder referring to temporaries that die with the return statement.
    static const QString mine = []() -> QString {
        const qint64 pid = QCoreApplication::applicationPid();
        return identity(pid, processStat(pid).startTicks) +
               QStringLiteral("#%1").arg(QRandomGenerator::system()->generate(), 8, 16,
                                         QLatin1Char('0'));
    }();
    return mine;
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
