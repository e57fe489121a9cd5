// weft-run backfill: several processes share one backfill of the purchase-ins example through
// one MariaDB state store. Every window is run once while its claim is alive, the target
// equals a single-process run, the cursor ends at the span's end; a worker killed mid-window
// leaves its window to another once its lease expires, and meanwhile the cursor stays before
// that window.
#include "examplechecks.h"

#include <QElapsedTimer>
#include <QProcess>
#include <csignal>

using namespace weft::test;

namespace {

constexpr int kWindows = 8;

/// A `weft-run backfill` worker reporting its events as JSON lines.
struct Worker {
    explicit Worker(const QString &holder)
        : name(holder)
    {}

    QString name;
    QProcess process;
    QByteArray out;

    void start(const IntegrationEnv &env, const QString &stateUrl, const QStringList &more = {})
    {
        process.setProcessEnvironment(env.environment());
        process.start(qEnvironmentVariable("WEFT_RUN_BIN"),
                      QStringList{"backfill", env.projectPath(), "--state", stateUrl, "--holder",
                                  name, "--jsonl", "--log-file", "none"} +
                          more);
    }
    QList<QJsonObject> events()
    {
        out += process.readAllStandardOutput();
        QList<QJsonObject> list;
        for (const QByteArray &line : out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (!o.isEmpty())
                list.append(o);
        }
        return list;
    }
    /// How many windows this worker claimed so far.
    qsizetype claims()
    {
        const QList<QJsonObject> list = events();
        return std::count_if(list.cbegin(), list.cend(), [](const QJsonObject &e) {
            return e.value("event") == QLatin1String("window_claimed");
        });
    }
    /// The window this worker claimed last and has not finished, or -1.
    qint64 windowInHand()
    {
        qint64 open = -1;
        for (const QJsonObject &e : events()) {
            if (e.value("event") == QLatin1String("window_claimed"))
                open = e.value("start").toInteger();
            else if (e.value("event") == QLatin1String("window_finished"))
                open = -1;
        }
        return open;
    }
    bool finish(int ms = 90000)
    {
        const bool ended = process.waitForFinished(ms);
        out += process.readAllStandardOutput();
        return ended;
    }
    QByteArray log() { return out + process.readAllStandardError(); }
};

qint64 scalar(const QString &database, const QString &sql, bool *ok = nullptr)
{
    qint64 n = -1;
    bool found = false;
    {
        QSqlDatabase db = openMariaDb("scalar", database);
        QSqlQuery q(db);
        if (q.exec(sql) && q.next() && !q.value(0).isNull()) {
            n = q.value(0).toLongLong();
            found = true;
        }
    }
    QSqlDatabase::removeDatabase("scalar");
    QSqlDatabase::removeDatabase("scalar_admin");
    if (ok)
        *ok = found;
    return n;
}

QString stateUrl(const QString &database)
{
    const MariaDbParams p = mariaDbParams();
    return QStringLiteral("mysql://%1:%2@%3:%4/%5")
        .arg(p.user, p.password, p.host)
        .arg(p.port)
        .arg(freshDatabase(database));
}

/// The mock's anchor ("now"), shared by every mock of this test process.
qint64 anchor()
{
    return anchoredMock({}).last().toLongLong();
}

QStringList mockArgs(int latencyMs)
{
    return anchoredMock({"--seed", "11", "--jst-purchaseins", "600", "--span-days", "20",
                         "--latency-ms", QString::number(latencyMs), "--quiet"});
}

/// Pages of 20 records, so that a window takes several calls; a starting point before the
/// mock's first record, for the single-process run.
bool smallPages(IntegrationEnv &env)
{
    return env.editProject([](QJsonObject &root) {
        IntegrationEnv::setAt(
            root, {"schemes", "0", "source", "metadata", "request", "@page_size", "value"}, "20");
        IntegrationEnv::setAt(root, {"schemes", "0", "sync", "initialSince"}, "DAYS_AGO_21");
    });
}

/// The span every worker is given: the mock's 20 days and a little, cut into kWindows.
QStringList span()
{
    const qint64 from = anchor() - 21 * 86400;
    const qint64 to = anchor() + 60;
    const qint64 size = (to - from + kWindows - 1) / kWindows;
    return {"--from",   QString::number(from), "--to", QString::number(to),
            "--window", QString::number(size)};
}

} // namespace

class TestBackfill : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        WEFT_REQUIRE_MARIADB();
        // The reference: one process, one ordinary run over everything.
        IntegrationEnv clean;
        QString error;
        QVERIFY2(clean.start("jst-purchasein-to-mysql", mockArgs(0), "it_bf_clean", &error),
                 qPrintable(error));
        QVERIFY(smallPages(clean));
        const RunResult r = clean.weftRun("run");
        QVERIFY2(r.exitCode == 0 || r.exitCode == 1, r.err.right(2000).constData());
        m_cleanRows = tableRows("it_bf_clean", "purchasein_query");
        QVERIFY(m_cleanRows.size() > 300);
    }

    void threeWorkersShareTheWindows()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", mockArgs(60), "it_bf_target", &error),
                 qPrintable(error));
        QVERIFY(smallPages(env));
        const QString url = stateUrl("it_bf_state");
        const qint64 spanEnd = anchor() + 60;

        // The plan, made once; the workers join it.
        const RunResult plan =
            env.weftRun("backfill", QStringList{"--state", url, "--plan-only"} + span());
        QVERIFY2(plan.exitCode == 0, plan.err.constData());
        QCOMPARE(scalar("it_bf_state", "SELECT COUNT(*) FROM backfill_windows WHERE state = "
                                       "'pending'"),
                 kWindows);

        // Another claimer holds the first window's row locked (mid-claim): the workers pass
        // it over instead of waiting for it (SKIP LOCKED).
        Worker a(QStringLiteral("bf-a")), b(QStringLiteral("bf-b")), c(QStringLiteral("bf-c"));
        {
            QSqlDatabase lockDb = openMariaDb("locker", "it_bf_state");
            QSqlQuery lock(lockDb);
            QVERIFY(lock.exec("SELECT scheme, window_start FROM backfill_windows ORDER BY "
                              "window_start LIMIT 1"));
            QVERIFY(lock.next());
            const QString scheme = lock.value(0).toString();
            const qint64 first = lock.value(1).toLongLong();
            QVERIFY(lock.exec("START TRANSACTION"));
            // By its key: a scan would lock every row it passes.
            lock.prepare("SELECT window_start FROM backfill_windows WHERE scheme = ? AND "
                         "window_start = ? FOR UPDATE");
            lock.addBindValue(scheme);
            lock.addBindValue(first);
            QVERIFY(lock.exec());
            QVERIFY(lock.next());
            lock.finish();

            for (Worker *w : {&a, &b, &c})
                w->start(env, url, {"--lease", "5"});
            for (Worker *w : {&a, &b, &c})
                QVERIFY(w->process.waitForStarted());
            QTRY_VERIFY2_WITH_TIMEOUT(scalar("it_bf_state",
                                             "SELECT COUNT(*) FROM backfill_windows WHERE state <> "
                                             "'pending'") >= 2,
                                      QByteArray(a.log() + b.log() + c.log()).constData(), 10000);
            QCOMPARE(
                scalar("it_bf_state", QStringLiteral("SELECT COUNT(*) FROM backfill_windows WHERE "
                                                     "window_start = %1 AND state = 'pending'")
                                          .arg(first)),
                1);
            // While the first window is not done, the cursor has not moved.
            bool hasCursor = true;
            scalar("it_bf_state", "SELECT last_sync_time FROM cursors", &hasCursor);
            QVERIFY(!hasCursor);
            // An ordinary run of the scheme now would move the cursor past the windows not
            // done: it does not start.
            const RunResult ordinary = env.weftRun("run", {"--state", url});
            QVERIFY2(ordinary.exitCode == 3 &&
                         QByteArray(ordinary.err + ordinary.out).contains("backfill in progress"),
                     QByteArray(ordinary.err + ordinary.out).constData());
            QVERIFY(lock.exec("COMMIT"));
        }
        QSqlDatabase::removeDatabase("locker");
        QSqlDatabase::removeDatabase("locker_admin");

        for (Worker *w : {&a, &b, &c}) {
            QVERIFY2(w->finish(), w->log().constData());
            QVERIFY2(w->process.exitCode() == 0 || w->process.exitCode() == 1,
                     w->log().constData());
        }
        // Every window done, each claimed once, by more than one worker.
        QVERIFY2(scalar("it_bf_state", "SELECT COUNT(*) FROM backfill_windows WHERE state = "
                                       "'done' AND attempts = 1") == kWindows,
                 QByteArray(a.log() + b.log() + c.log()).right(6000).constData());
        QVERIFY(scalar("it_bf_state", "SELECT COUNT(DISTINCT holder) FROM backfill_windows") >= 2);
        // One run per window, none overlapping another of the same window, none left open.
        QCOMPARE(scalar("it_bf_state", "SELECT COUNT(*) FROM runs"), kWindows);
        QCOMPARE(scalar("it_bf_state", "SELECT COUNT(DISTINCT trigger_kind) FROM runs WHERE "
                                       "trigger_kind LIKE 'backfill:%' AND outcome IN "
                                       "('succeeded', 'failed_records')"),
                 kWindows);
        QCOMPARE(scalar("it_bf_state", "SELECT COUNT(*) FROM leases"), 0);
        QCOMPARE(scalar("it_bf_state", "SELECT last_sync_time FROM cursors"), spanEnd);
        QCOMPARE(tableRows("it_bf_target", "purchasein_query"), m_cleanRows);

        // --status tells the same.
        const RunResult status = env.weftRun("backfill", {"--state", url, "--status"});
        QVERIFY2(status.exitCode == 0, status.err.constData());
        QVERIFY2(status.out.contains("8 windows: 8 done, 0 running"), status.out.constData());
    }

    void aKilledWorkersWindowIsTakenOver()
    {
        IntegrationEnv env;
        QString error;
        // Slow answers: a window takes seconds, time to kill its worker in the middle.
        QVERIFY2(env.start("jst-purchasein-to-mysql", mockArgs(400), "it_bf_kill", &error),
                 qPrintable(error));
        QVERIFY(smallPages(env));
        const QString url = stateUrl("it_bf_kill_state");
        const qint64 spanEnd = anchor() + 60;

        Worker a(QStringLiteral("bf-a")), b(QStringLiteral("bf-b"));
        a.start(env, url, QStringList{"--lease", "3"} + span());
        QVERIFY(a.process.waitForStarted());
        b.start(env, url, QStringList{"--lease", "3"} + span());
        QVERIFY(b.process.waitForStarted());

        // A dies in the middle of its second window.
        QTRY_VERIFY2_WITH_TIMEOUT(a.claims() >= 2, a.log().constData(), 60000);
        const qint64 lost = a.windowInHand();
        QVERIFY(lost >= 0);
        QTest::qWait(150);
        ::kill(pid_t(a.process.processId()), SIGKILL);
        a.process.waitForFinished();
        const QString lostRow =
            QStringLiteral("FROM backfill_windows WHERE window_start = %1").arg(lost);
        QCOMPARE(scalar("it_bf_kill_state",
                        QStringLiteral("SELECT COUNT(*) %1 AND state = 'running' AND holder = "
                                       "'bf-a'")
                            .arg(lostRow)),
                 1);

        // Until B has taken the window over and finished it, the cursor stays before it.
        QElapsedTimer waited;
        waited.start();
        while (scalar("it_bf_kill_state",
                      QStringLiteral("SELECT COUNT(*) %1 AND state = 'done'").arg(lostRow)) != 1) {
            bool ok = false;
            const qint64 cursor =
                scalar("it_bf_kill_state", "SELECT last_sync_time FROM cursors", &ok);
            QVERIFY2(!ok || cursor <= lost,
                     qPrintable(QStringLiteral("cursor %1 passed the unfinished window at %2")
                                    .arg(cursor)
                                    .arg(lost)));
            QVERIFY2(waited.elapsed() < 60000, b.log().constData());
            QTest::qWait(100);
        }
        QVERIFY2(b.finish(), b.log().constData());
        QVERIFY2(b.process.exitCode() == 0 || b.process.exitCode() == 1, b.log().constData());

        // The window went to B on its second claim; A's run of it is closed as aborted.
        QCOMPARE(scalar("it_bf_kill_state",
                        QStringLiteral("SELECT attempts %1 AND holder = 'bf-b'").arg(lostRow)),
                 2);
        QCOMPARE(scalar("it_bf_kill_state",
                        QStringLiteral("SELECT COUNT(*) FROM runs WHERE trigger_kind = "
                                       "'backfill:%1' AND outcome = 'aborted' AND message LIKE "
                                       "'%another worker took the window over'")
                            .arg(lost)),
                 1);
        QCOMPARE(scalar("it_bf_kill_state",
                        "SELECT COUNT(*) FROM backfill_windows WHERE state = 'done'"),
                 kWindows);
        QCOMPARE(scalar("it_bf_kill_state", "SELECT COUNT(*) FROM runs WHERE outcome = "
                                            "'running'"),
                 0);
        QCOMPARE(scalar("it_bf_kill_state", "SELECT last_sync_time FROM cursors"), spanEnd);
        QCOMPARE(tableRows("it_bf_kill", "purchasein_query"), m_cleanRows);
    }

private:
    QStringList m_cleanRows;
};

QTEST_GUILESS_MAIN(TestBackfill)
#include "tst_backfill.moc"
