#include "core/platform/processidentity.h"

#include <QCoreApplication>
#include <QFile>
#include <QSysInfo>
#include <QtTest>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace weft;

/// Lease holders' liveness against real processes: this one, a child that runs, the same
/// child killed but not reaped (a zombie), and reaped.
class TestProcessIdentity : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thisProcessIsAlive();
    void otherHostsAndOldHoldersAreUnknown();
    void killedChildIsGoneBeforeItIsReaped();
    void reusedPidIsGone();
};

namespace {

/// The state letter of /proc/<pid>/stat ('R', 'S', 'Z'…), 0 when there is none.
char stateOf(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    return close < 0 || close + 2 >= text.size() ? 0 : text.at(close + 2);
}

} // namespace

void TestProcessIdentity::thisProcessIsAlive()
{
    const QString me = processIdentity();
    QVERIFY(me.startsWith(QSysInfo::machineHostName() + u':'));
    QCOMPARE(holderLiveness(me), HolderLiveness::Alive);
    QCOMPARE(holderLiveness(me + QStringLiteral(":run-7")), HolderLiveness::Alive);
    // This process's identity adds a random instance to what any process of this pid space
    // can tell about it.
    QVERIFY2(me.startsWith(processIdentityOf(QCoreApplication::applicationPid()) + u'#'),
             qPrintable(me));
    QCOMPARE(processIdentity(), me);
}

void TestProcessIdentity::otherHostsAndOldHoldersAreUnknown()
{
    const qint64 pid = QCoreApplication::applicationPid();
    QCOMPARE(holderLiveness(QStringLiteral("elsewhere.example:%1/1").arg(pid)),
             HolderLiveness::Unknown);
    QCOMPARE(holderLiveness(QStringLiteral("%1:%2").arg(QSysInfo::machineHostName()).arg(pid)),
             HolderLiveness::Unknown); // no start time: the pid may have been reused
    QCOMPARE(holderLiveness(QStringLiteral("nonsense")), HolderLiveness::Unknown);
}

void TestProcessIdentity::killedChildIsGoneBeforeItIsReaped()
{
#ifndef Q_OS_LINUX
    QSKIP("process liveness is checked through /proc");
#endif
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        for (;;)
            pause();
    }
    const QString holder = processIdentityOf(child);
    QVERIFY(!holder.isEmpty());
    QCOMPARE(holderLiveness(holder), HolderLiveness::Alive);

    QCOMPARE(::kill(child, SIGKILL), 0);
    // Not reaped: the kernel keeps it as a zombie, pid and start time unchanged.
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(child), 'Z', 10000);
    QCOMPARE(holderLiveness(holder), HolderLiveness::Gone);
    QVERIFY(processIdentityOf(child).isEmpty());

    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFSIGNALED(status));
    QCOMPARE(holderLiveness(holder), HolderLiveness::Gone);
}

void TestProcessIdentity::reusedPidIsGone()
{
    // This process's pid with another start time: a process that had the pid before.
    const QString me = processIdentity();
    const QString earlier = me.section(u'/', 0, 0) + QStringLiteral("/1");
    QCOMPARE(holderLiveness(earlier), HolderLiveness::Gone);
}

QTEST_GUILESS_MAIN(TestProcessIdentity)
#include "tst_processidentity.moc"
