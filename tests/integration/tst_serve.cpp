// weft-run serve: two processes share one MariaDB state store; a scheme runs in only one of
// them at a time; when that one is killed (kill -9) its lease lapses and the other takes over
// and finishes the work. SIGTERM ends a serve process cleanly.
#include "examplechecks.h"

#include <QProcess>
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

    void start(const IntegrationEnv &env, const QString &stateUrl)
    {
        process.setProcessEnvironment(env.environment());
        process.start(qEnvironmentVariable("WEFT_RUN_BIN"),
                      {"serve", env.projectPath(), "--state", stateUrl, "--tick", "0.3", "--lease",
                       "3", "--holder", name, "--jsonl", "--log-file", "none"});
    }
    /// Reads what arrived; true when an event of `kind` has been seen.
    bool saw(const QString &kind)
    {
        out += process.readAllStandardOutput();
        return out.contains(QStringLiteral("\"event\":\"%1\"").arg(kind).toUtf8());
    }
};

int count(const QString &database, const QString &sql)
{
    int n = -1;
    {
        QSqlDatabase db = openMariaDb("count", database);
        QSqlQuery q(db);
        if (q.exec(sql) && q.next())
            n = q.value(0).toInt();
    }
    QSqlDatabase::removeDatabase("count");
    QSqlDatabase::removeDatabase("count_admin");
    return n;
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
        QCOMPARE(count(db, "SELECT COUNT(*) FROM runs WHERE outcome = 'running'"), 1);
        QCOMPARE(count(db, QStringLiteral("SELECT COUNT(*) FROM leases WHERE holder = '%1'")
                               .arg(runner.name)), 1);

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
        QCOMPARE(count(db, "SELECT COUNT(*) FROM local_records"), 120);
        QCOMPARE(count(db, "SELECT COUNT(DISTINCT record_id) FROM written_ids"), 120);
        QCOMPARE(count(db, "SELECT COUNT(*) FROM runs WHERE outcome = 'aborted'"), 1);
        QCOMPARE(count(db, "SELECT COUNT(*) FROM runs WHERE outcome = 'succeeded'"), 1);

        // SIGTERM: a clean stop.
        other.process.terminate();
        QVERIFY(other.process.waitForFinished(20000));
        QCOMPARE(other.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(other.process.exitCode(), 0);
        QCOMPARE(count(db, "SELECT COUNT(*) FROM leases"), 0);
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
