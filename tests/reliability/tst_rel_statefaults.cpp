// The state store fails while a run writes (docs/reliability.md): its SQLite file is locked by
// another process, its MySQL server is killed, its disk fills. Every state-store write is
// checked: the run stops with exit 3 and a message that names the state store, before its
// next target write and without moving the cursor past what it could not record; what it
// could not store is in its log; and once the store works again, the next run leaves the
// target exactly as a clean run does — each row once (plain INSERT into a table without a
// key, where a second write would show), the same failed records.
#include "reliability/reliability.h"

#include <QDir>
#include <QProcess>
#include <QScopeGuard>
#include <QSqlError>

#include <unistd.h>

using namespace weft::test;

namespace {

const QStringList kPurchaseinMock =
    anchoredMock({"--seed", "7", "--jst-purchaseins", "300", "--span-days", "20",
                  "--latency-ms", "20", "--quiet"});

bool plainInsertWithoutKey(IntegrationEnv &env)
{
    return env.editProject([](QJsonObject &root) {
        IntegrationEnv::setAt(root, {"schemes", "0", "sync", "initialSince"}, "DAYS_AGO_21");
        QJsonObject scheme = root.value("schemes").toArray().at(0).toObject();
        QJsonObject target = scheme.value("target").toObject();
        QJsonObject meta = target.value("metadata").toObject();
        QJsonArray other = meta.value("otherRequest").toArray();
        for (qsizetype i = 0; i < other.size(); ++i) {
            QJsonObject entry = other.at(i).toObject();
            if (entry.value("field") == QLatin1String("main_sql"))
                entry.insert("value", entry.value("value").toString().replace(
                                          QLatin1String("REPLACE INTO"),
                                          QLatin1String("INSERT INTO")));
            else if (entry.value("field") == QLatin1String("limit"))
                entry.insert("value", "100");
            other[i] = entry;
        }
        meta.insert("otherRequest", other);
        meta.insert("ddl", meta.value("ddl").toString().replace(
                               QLatin1String("NOT NULL PRIMARY KEY"), QLatin1String("NOT NULL")));
        target.insert("metadata", meta);
        scheme.insert("target", target);
        QJsonArray schemes = root.value("schemes").toArray();
        schemes[0] = scheme;
        root.insert("schemes", schemes);
    });
}

QStringList failuresOf(const IntegrationEnv &env, const QStringList &stateArgs)
{
    const RunResult r = env.weftRun("failed", QStringList{"--format", "json"} + stateArgs);
    QStringList keys;
    for (const QJsonValue &v : QJsonDocument::fromJson(r.out).array()) {
        const QJsonObject f = v.toObject();
        keys << f.value("stage").toString() + u'|' + f.value("record_id").toString() + u'|' +
                    f.value("error_code").toString();
    }
    keys.sort();
    return keys;
}

/// The run stopped because of the state store: exit 3, and it says so.
QByteArray stoppedByTheStore(const RunResult &r)
{
    if (r.exitCode != 3)
        return "exit code " + QByteArray::number(r.exitCode) + ", not 3: " + describe(r);
    if (!r.err.contains("the state store failed while") && !r.out.contains("the state store failed while"))
        return "no message naming the state store: " + describe(r);
    return {};
}

} // namespace

class TestRelStateFaults : public QObject
{
    Q_OBJECT

    QStringList m_cleanRows;
    QStringList m_cleanFailures;

private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void clean()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_sf_clean", &error),
                 qPrintable(error));
        QVERIFY(plainInsertWithoutKey(env));
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        m_cleanRows = tableRows("rel_sf_clean", "purchasein_query");
        m_cleanFailures = failuresOf(env, {});
        QVERIFY(m_cleanRows.size() > 500);
    }

    void sqliteWriteLockHeld()
    {
        // Another process takes the state store's write lock mid-run and keeps it: the run's
        // next write waits out the busy timeout (10 s), then the run stops.
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_sf_lock", &error),
                 qPrintable(error));
        QVERIFY(plainInsertWithoutKey(env));
        BackgroundRun run;
        run.start(env, {"--progress", "jsonl"}, "run", false);
        QVERIFY2(waitUntil([&] { return run.writtenSoFar() >= 200 || !run.isRunning(); }, 120000),
                 run.outputSoFar().right(2000).constData());
        QVERIFY2(run.isRunning(), "the run ended before the lock was taken");
        std::optional<qint64> cursorWhenLocked;
        RunResult stopped;
        {
            QSqlDatabase lock = QSqlDatabase::addDatabase("QSQLITE", "rel_sf_lock");
            lock.setDatabaseName(env.statePath());
            lock.setConnectOptions("QSQLITE_BUSY_TIMEOUT=30000");
            QVERIFY(lock.open());
            QSqlQuery q(lock);
            QVERIFY2(q.exec("BEGIN IMMEDIATE"), qPrintable(q.lastError().text()));
            QVERIFY(q.exec("SELECT last_sync_time FROM cursors WHERE scheme = 'purchasein'"));
            if (q.next())
                cursorWhenLocked = q.value(0).toLongLong();
            q.finish();
            stopped = run.wait(120000);
            QVERIFY(q.exec("ROLLBACK"));
        }
        QSqlDatabase::removeDatabase("rel_sf_lock");
        const QByteArray why = stoppedByTheStore(stopped);
        QVERIFY2(why.isEmpty(), why.constData());
        QVERIFY2(stopped.err.contains("database is locked"), describe(stopped).constData());
        // The cursor did not move while the store was locked (it could not).
        QCOMPARE(stateCursor(env.statePath(), "purchasein"), cursorWhenLocked);
        const RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        QCOMPARE(tableRows("rel_sf_lock", "purchasein_query"), m_cleanRows);
        QCOMPARE(failuresOf(env, {}), m_cleanFailures);
    }

    void mysqlStateServerKilled()
    {
        // The state store is a MariaDB of its own, killed (SIGKILL) mid-run and started again
        // later. The target, on the shared server, keeps what it committed.
        PrivateMariaDb stateServer;
        QString error;
        QVERIFY2(stateServer.start({}, &error), qPrintable(error));
        {
            QSqlDatabase db = stateServer.open("rel_sf_state_create");
            QVERIFY(QSqlQuery(db).exec("CREATE DATABASE rel_state CHARACTER SET utf8mb4"));
        }
        QSqlDatabase::removeDatabase("rel_sf_state_create");
        const QStringList state = {"--state", QStringLiteral("mysql://weft@127.0.0.1:%1/rel_state")
                                                  .arg(stateServer.port())};
        IntegrationEnv env;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_sf_mysql", &error),
                 qPrintable(error));
        QVERIFY(plainInsertWithoutKey(env));
        env.setEnv("WEFT_STATE_PASSWORD", "weft-test");
        BackgroundRun run;
        run.start(env, QStringList{"--progress", "jsonl"} + state);
        QVERIFY2(waitUntil([&] { return run.writtenSoFar() >= 200 || !run.isRunning(); }, 120000),
                 run.outputSoFar().right(2000).constData());
        QVERIFY2(run.isRunning(), "the run ended before the state server was killed");
        stateServer.kill9();
        const RunResult stopped = run.wait(120000);
        const QByteArray why = stoppedByTheStore(stopped);
        QVERIFY2(why.isEmpty(), why.constData());
        QVERIFY2(stateServer.restart(&error), qPrintable(error));
        const RunResult r = env.weftRun("run", QStringList{"--progress", "jsonl"} + state);
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        QCOMPARE(tableRows("rel_sf_mysql", "purchasein_query"), m_cleanRows);
        QCOMPARE(failuresOf(env, state), m_cleanFailures);
    }

    void diskFills()
    {
        // The state store on a tmpfs of 320 KiB: it fills during the run (SQLITE_FULL).
        // Then the disk grows, and the next run completes.
        if (::getuid() != 0)
            QSKIP("mounting a tmpfs needs root (CI runs as root)");
        QTemporaryDir mount;
        QVERIFY(mount.isValid());
        const auto unmount = qScopeGuard([&] {
            QProcess::execute("umount", {"-l", mount.path()});
        });
        QCOMPARE(QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=320k", "tmpfs",
                                             mount.path()}),
                 0);
        const QStringList state = {"--state", mount.path() + "/state.sqlite"};
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", kPurchaseinMock, "rel_sf_full", &error),
                 qPrintable(error));
        QVERIFY(plainInsertWithoutKey(env));
        const RunResult stopped = env.weftRun("run", QStringList{"--progress", "jsonl"} + state);
        const QByteArray why = stoppedByTheStore(stopped);
        QVERIFY2(why.isEmpty(), why.constData());
        QVERIFY2(stopped.err.contains("full"), describe(stopped).constData());
        QCOMPARE(QProcess::execute("mount", {"-o", "remount,size=64m", mount.path()}), 0);
        const RunResult r = env.weftRun("run", QStringList{"--progress", "jsonl"} + state);
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        QCOMPARE(tableRows("rel_sf_full", "purchasein_query"), m_cleanRows);
        QCOMPARE(failuresOf(env, state), m_cleanFailures);
    }
};

QTEST_GUILESS_MAIN(TestRelStateFaults)
#include "tst_rel_statefaults.moc"
