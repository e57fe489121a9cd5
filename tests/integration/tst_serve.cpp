// weft-run serve: two processes share one MariaDB state store; a scheme runs in only one of
// them at a time; when that one is killed (kill -9) its lease lapses and the other takes over
// and finishes the work. SIGTERM ends a serve process cleanly.
#include "examplechecks.h"

#include <QProcess>
#include <QScopeGuard>
#include <csignal>

using namespace weft::test;

namespace {

/// A `weft-run serve` child reporting its events as JSON lines.
struct ServeProcess {
    explicit ServeProcess(const QString &holder)
        : name(holder)
    {
    }

    QString name;
    QProcess process;
    QByteArray out;

    void start(const IntegrationEnv &env, const QString &stateUrl, const QStringList &more = {})
    {
        process.setProcessEnvironment(env.environment());
        process.start(qEnvironmentVariable("WEFT_RUN_BIN"),
                      QStringList{"serve", env.projectPath(), "--state", stateUrl, "--tick", "0.3",
                                  "--lease", "3", "--holder", name, "--jsonl", "--log-file",
                                  "none"} +
                          more);
    }
    /// Reads what arrived; true when an event of `kind` has been seen.
    bool saw(const QString &kind) { return seen(kind) > 0; }
    /// Reads what arrived; how many events of `kind` have been seen.
    qsizetype seen(const QString &kind)
    {
        out += process.readAllStandardOutput();
        return out.count(QStringLiteral("\"event\":\"%1\"").arg(kind).toUtf8());
    }
};

QString stateUrl(const QString &database)
{
    const MariaDbParams p = mariaDbParams();
    return QStringLiteral("mysql://%1:%2@%3:%4/%5")
        .arg(p.user, p.password, p.host)
        .arg(p.port)
        .arg(freshDatabase(database));
}

/// The purchase-ins example as a plain INSERT into a table without a key (a second write of
/// a row shows), batches of 50, every minute.
bool plainInsertsEveryMinute(IntegrationEnv &env)
{
    return env.editProject([](QJsonObject &root) {
        IntegrationEnv::setAt(root, {"schemes", "0", "schedule"},
                              QJsonObject{{"kind", "interval"}, {"everyMinutes", 1}});
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
                entry.insert("value", "50");
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

} // namespace

class TestServe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void oneRunnerPerSchemeAndTakeover()
    {
        IntegrationEnv env;
        QString error;
        // Slow answers and small pages make a run last several seconds: time to kill it.
        QVERIFY2(env.start("jdy-customers-to-local",
                           anchoredMock({"--jdy-customers", "120", "--latency-ms", "120", "--quiet"}),
                           "it_serve_target", &error),
                 qPrintable(error));
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"schemes", "0", "schedule"},
                                  QJsonObject{{"kind", "interval"}, {"everyMinutes", 1}});
            IntegrationEnv::setAt(root, {"schemes", "0", "source", "metadata", "request",
                                         "@page_size", "value"}, "4");
        }));
        const MariaDbParams p = mariaDbParams();
        const QString db = freshDatabase("it_serve_state");
        const QString url = QStringLiteral("mysql://%1:%2@%3:%4/%5")
                                .arg(p.user, p.password, p.host)
                                .arg(p.port)
                                .arg(db);

        ServeProcess a(QStringLiteral("serve-a"));
        ServeProcess b(QStringLiteral("serve-b"));
        a.start(env, url);
        b.start(env, url);
        QVERIFY(a.process.waitForStarted() && b.process.waitForStarted());

        // Exactly one of them starts the run; the other sees the lease and stays away.
        QTRY_VERIFY_WITH_TIMEOUT(a.saw("run_started") || b.saw("run_started"), 20000);
        QTest::qWait(1500);
        ServeProcess &runner = a.saw("run_started") ? a : b;
        ServeProcess &other = &runner == &a ? b : a;
        QVERIFY(!other.saw("run_started"));
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM runs WHERE outcome = 'running'"), 1);
        QCOMPARE(countIn(db, QStringLiteral("SELECT COUNT(*) FROM leases WHERE holder = '%1'")
                                 .arg(runner.name)),
                 1);

        // The runner dies mid-run. Its lease lapses; the other takes the scheme over.
        ::kill(pid_t(runner.process.processId()), SIGKILL);
        runner.process.waitForFinished();
        QTRY_VERIFY2_WITH_TIMEOUT(other.saw("run_finished"),
                                  QByteArray(other.out + other.process.readAllStandardError()).constData(),
                                  60000);
        QVERIFY2(other.out.contains("\"outcome\":\"succeeded\""), other.out.constData());
        // run_finished carries the per-stage counters, as weft-run run's events do.
        QVERIFY2(other.out.contains("\"steps\":[{") && other.out.contains("\"type\":\"map\""),
                 other.out.constData());

        // Nothing lost, nothing twice: every customer once in the local store; the dead
        // process's run is closed as aborted, the takeover succeeded.
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM local_records"), 120);
        QCOMPARE(countIn(db, "SELECT COUNT(DISTINCT record_id) FROM written_ids"), 120);
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM runs WHERE outcome = 'aborted'"), 1);
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM runs WHERE outcome = 'succeeded'"), 1);

        // SIGTERM: a clean stop.
        other.process.terminate();
        QVERIFY(other.process.waitForFinished(20000));
        QCOMPARE(other.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(other.process.exitCode(), 0);
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM leases"), 0);
    }

    void schemesRunAtOnceAndShareTheirAccount()
    {
        // Three schemes on one JDY account, --parallel 3: they run at once (all three start
        // before the first ends), and together they keep to the account's 4 calls a second —
        // one budget, not one each.
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jdy-customers-to-local",
                           anchoredMock({"--jdy-customers", "60", "--latency-ms", "50", "--quiet"}),
                           QString(), &error),
                 qPrintable(error));
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"connections", "0", "rateLimit"},
                                  QJsonObject{{"perSecond", 4}});
            IntegrationEnv::setAt(root, {"schemes", "0", "schedule"},
                                  QJsonObject{{"kind", "interval"}, {"everyMinutes", 1}});
            IntegrationEnv::setAt(root, {"schemes", "0", "source", "metadata", "request",
                                         "@page_size", "value"}, "5");
            QJsonArray schemes = root.value("schemes").toArray();
            for (const char *name : {"customers_b", "customers_c"}) {
                QJsonObject copy = schemes.at(0).toObject();
                copy.insert("name", name);
                schemes.append(copy);
            }
            root.insert("schemes", schemes);
        }));
        const QString url = stateUrl("it_serve_parallel");
        ServeProcess serve(QStringLiteral("serve-parallel"));
        serve.start(env, url, {"--parallel", "3"});
        QVERIFY(serve.process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(serve.saw("run_finished"), 60000);
        // Every run_started came before the first run_finished.
        const QByteArray out = serve.out;
        const qsizetype firstFinished = out.indexOf("\"event\":\"run_finished\"");
        QCOMPARE(out.left(firstFinished).count("\"event\":\"run_started\""), 3);
        QTRY_COMPARE_WITH_TIMEOUT(serve.seen("run_finished"), 3, 60000);
        QCOMPARE(serve.out.count("\"outcome\":\"succeeded\""), 3);
        const QJsonObject stats = env.control("GET", "/_mock/stats").object();
        qint64 busiest = 0;
        const QJsonObject endpoints = stats.value("endpoints").toObject();
        for (auto it = endpoints.begin(); it != endpoints.end(); ++it) {
            if (it.key().contains("customer"))
                busiest = std::max(busiest,
                                   it.value().toObject().value("maxCallsPerSecond").toInteger());
        }
        QVERIFY2(busiest > 0 && busiest <= 4,
                 qPrintable(QStringLiteral("the mock saw %1 calls within a second").arg(busiest)));
        // The heartbeat names the process while it runs; SIGTERM removes it.
        {
            QSqlDatabase db = openMariaDb("heartbeat", "it_serve_parallel");
            QSqlQuery q(db);
            QVERIFY(q.exec("SELECT holder, version FROM processes"));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), QStringLiteral("serve-parallel"));
        }
        QSqlDatabase::removeDatabase("heartbeat");
        QSqlDatabase::removeDatabase("heartbeat_admin");
        serve.process.terminate();
        QVERIFY(serve.process.waitForFinished(20000));
        QCOMPARE(countIn("it_serve_parallel", "SELECT COUNT(*) FROM processes"), 0);
    }

    void pausedPastItsLeaseWritesNothingMore()
    {
        // Fencing. Process A runs the scheme and is paused (SIGSTOP) longer than its 3 s lease;
        // process B takes the scheme over and finishes it; A resumes (SIGCONT) and must not
        // write another row — its lease's epoch is no longer the scheme's. The target is a
        // plain INSERT into a table without a key: anything written twice would show.
        const QStringList mock =
            anchoredMock({"--seed", "7", "--jst-purchaseins", "300", "--span-days", "20",
                          "--latency-ms", "80", "--quiet"});
        QStringList cleanRows;
        {
            IntegrationEnv clean;
            QString error;
            QVERIFY2(clean.start("jst-purchasein-to-mysql", mock, "it_fence_clean", &error),
                     qPrintable(error));
            QVERIFY(plainInsertsEveryMinute(clean));
            const RunResult r = clean.weftRun("run");
            QVERIFY2(r.exitCode == 1, r.err.right(2000).constData());
            cleanRows = tableRows("it_fence_clean", "purchasein_query");
        }
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start("jst-purchasein-to-mysql", mock, "it_fence", &error), qPrintable(error));
        QVERIFY(plainInsertsEveryMinute(env));
        const QString url = stateUrl("it_fence_state");
        ServeProcess a(QStringLiteral("serve-a"));
        a.start(env, url);
        QVERIFY(a.process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(countIn("it_fence", "SELECT COUNT(*) FROM purchasein_query") > 100,
                                 60000);
        ::kill(pid_t(a.process.processId()), SIGSTOP);
        // A failed check below must not leave A stopped: its QProcess would wait for it.
        const auto resumeA = qScopeGuard([&] { ::kill(pid_t(a.process.processId()), SIGCONT); });
        QTest::qWait(4500); // past the lease, by the database's clock
        ServeProcess b(QStringLiteral("serve-b"));
        b.start(env, url);
        QVERIFY(b.process.waitForStarted());
        QTRY_VERIFY2_WITH_TIMEOUT(b.saw("run_finished"), b.out.constData(), 90000);
        QVERIFY2(b.out.contains("\"outcome\":\"succeeded\"") ||
                     b.out.contains("\"outcome\":\"failed_records\""),
                 b.out.constData());
        ::kill(pid_t(a.process.processId()), SIGCONT);
        // A notices at its next renewal or state write, and stops its run.
        QTRY_VERIFY2_WITH_TIMEOUT(a.saw("run_finished"), a.out.constData(), 30000);
        QVERIFY2(a.out.contains("\"outcome\":\"aborted\""), a.out.constData());
        QTest::qWait(1500); // anything A would still send
        QCOMPARE(tableRows("it_fence", "purchasein_query"), cleanRows);
        // A's run is closed by B, which took it over; A, fenced, could not write its end.
        QCOMPARE(countIn("it_fence_state",
                         "SELECT COUNT(*) FROM runs WHERE outcome = 'aborted' AND message LIKE "
                         "'%lease lapsed%the next run took over'"),
                 1);
        a.process.terminate();
        b.process.terminate();
        QVERIFY(a.process.waitForFinished(20000) && b.process.waitForFinished(20000));
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
