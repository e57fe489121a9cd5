// Operating a `weft-run serve` process through its shared state store (a throwaway MariaDB)
// with the CLI a script or the designer's Operations view uses: `ps` shows the process and
// a running scheme whose counters move; `run-now` is run within a tick; `pause` holds a due
// scheme's schedule and `resume` releases it; `cancel` ends a long run after its batch, as
// cancelled, the cursor untouched; `history --log` shows the server run's log lines, a
// credential in them redacted.
#include "examplechecks.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>

using namespace weft::test;

namespace {

QJsonObject ps(const IntegrationEnv &env, const QString &url)
{
    const RunResult r = env.weftRun("ps", {"--state", url, "--json"});
    if (r.exitCode != 0)
        qWarning("ps: %s", r.err.constData());
    return QJsonDocument::fromJson(r.out).object();
}

/// The running snapshot of `scheme` in a `ps --json` answer, or an empty object.
QJsonObject runOf(const QJsonObject &ps, const QString &scheme)
{
    for (const QJsonValue &v : ps.value("runs").toArray()) {
        if (v.toObject().value("scheme").toString() == scheme)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestOperations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void operateServeThroughTheStateStore()
    {
        IntegrationEnv env;
        QString error;
        // Slow answers and pages of two make the manual scheme's run last long enough to watch
        // and cancel; the hourly copy reads pages of 100.
        QVERIFY2(
            env.start("jdy-customers-to-local",
                      anchoredMock({"--jdy-customers", "400", "--latency-ms", "300", "--quiet"}),
                      QString(), &error),
            qPrintable(error));
        // The source is reached through a gateway whose password is in the URL: the run's
        // log names the server it read, the password redacted.
        const QString secret = QStringLiteral("gw-pass-7f3e9a1c");
        QUrl base(env.environment().value("WEFT_MOCK_URL") + "/jdy");
        base.setUserName("gw");
        base.setPassword(secret);
        QVERIFY(env.editProject([&](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"connections", "0", "baseUrl"}, base.toString());
            IntegrationEnv::setAt(root, {"schemes", "0", "schedule"}, QJsonObject{});
            IntegrationEnv::setAt(
                root, {"schemes", "0", "source", "metadata", "request", "@page_size", "value"},
                "2");
            QJsonArray schemes = root.value("schemes").toArray();
            QJsonObject hourly = schemes.at(0).toObject();
            hourly.insert("name", "customers_hourly");
            hourly.insert("schedule", QJsonObject{{"kind", "interval"}, {"everyMinutes", 1}});
            schemes.append(hourly);
            root.insert("schemes", schemes);
            IntegrationEnv::setAt(
                root, {"schemes", "1", "source", "metadata", "request", "@page_size", "value"},
                "100");
        }));
        const MariaDbParams p = mariaDbParams();
        const QString db = freshDatabase("it_ops_state");
        const QString url = QStringLiteral("mysql://%1:%2@%3:%4/%5")
                                .arg(p.user, p.password, p.host)
                                .arg(p.port)
                                .arg(db);

        // Paused before any serve process runs: the request waits for one.
        const RunResult pause = env.weftRun("pause", {"customers_hourly", "--state", url});
        QVERIFY2(pause.exitCode == 0, pause.err.constData());
        QVERIFY2(pause.out.contains("pause 'customers_hourly': request #1 by "),
                 pause.out.constData());
        QVERIFY2(pause.out.contains("no serve process"), pause.out.constData());

        QProcess serve;
        serve.setProcessEnvironment(env.environment());
        serve.start(qEnvironmentVariable("WEFT_RUN_BIN"),
                    {"serve", env.projectPath(), "--state", url, "--tick", "1", "--lease", "10",
                     "--holder", "serve-ops", "--log-file", "none"});
        QVERIFY(serve.waitForStarted());
        const auto stopServe = qScopeGuard([&] {
            serve.terminate();
            serve.waitForFinished(20000);
        });

        // ps shows the process from its heartbeat; the pause was picked at its first tick.
        QJsonObject seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen = ps(env, url)).value("processes").toArray().size() == 1,
                                 15000);
        QCOMPARE(seen.value("processes").toArray().at(0).toObject().value("holder").toString(),
                 QStringLiteral("serve-ops"));
        QTRY_VERIFY_WITH_TIMEOUT(
            (seen = ps(env, url)).value("pending_requests").toArray().isEmpty(), 5000);
        const QJsonArray paused = seen.value("paused").toArray();
        QCOMPARE(paused.size(), 1);
        QCOMPARE(paused.at(0).toObject().value("scheme").toString(),
                 QStringLiteral("customers_hourly"));
        QVERIFY(paused.at(0).toObject().value("by").toString().contains('@'));
        // Due since serve started, held over more than two ticks.
        QTest::qWait(2500);
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM runs"), 0);

        // run-now: carried out within a tick, by the database's clock.
        const RunResult runNow =
            env.weftRun("run-now", {"jdy_customers", "--state", url, "--wait", "--timeout", "15"});
        QVERIFY2(runNow.exitCode == 0, QByteArray(runNow.out + runNow.err).constData());
        const QRegularExpressionMatch started =
            QRegularExpression("picked by serve-ops at \\S+: started run (\\S+)")
                .match(QString::fromUtf8(runNow.out));
        QVERIFY2(started.hasMatch(), runNow.out.constData());
        const QString runId = started.captured(1);
        QVERIFY(countIn(db, "SELECT COUNT(*) FROM control_requests WHERE action = 'run-now' AND "
                            "picked_at - requested_at <= 1500") == 1);
        QCOMPARE(countIn(db, QStringLiteral("SELECT COUNT(*) FROM runs WHERE run_id = '%1' AND "
                                            "trigger_kind = 'run-now'")
                                 .arg(runId)),
                 1);

        // ps: the run with live counters that move between two looks.
        QJsonObject first;
        QTRY_VERIFY_WITH_TIMEOUT(
            runOf(first = ps(env, url), "jdy_customers").value("read").toInt() > 0, 10000);
        const QJsonObject run1 = runOf(first, "jdy_customers");
        QCOMPARE(run1.value("run_id").toString(), runId);
        QCOMPARE(run1.value("holder").toString(), QStringLiteral("serve-ops"));
        QCOMPARE(run1.value("trigger").toString(), QStringLiteral("run-now"));
        QVERIFY(run1.value("age_ms").toInteger() < 5000);
        QTest::qWait(2600);
        const QJsonObject second = ps(env, url);
        const QJsonObject run2 = runOf(second, "jdy_customers");
        QVERIFY2(run2.value("read").toInt() > run1.value("read").toInt(),
                 qPrintable(QStringLiteral("read %1, then %2")
                                .arg(run1.value("read").toInt())
                                .arg(run2.value("read").toInt())));
        QVERIFY(run2.value("mapped").toInt() > 0);
        QVERIFY(second.value("processes")
                    .toArray()
                    .at(0)
                    .toObject()
                    .value("running")
                    .toArray()
                    .contains(QJsonValue("jdy_customers")));

        // cancel: the run ends after its batch, as cancelled; the cursor stays unset.
        const RunResult cancel =
            env.weftRun("cancel", {"jdy_customers", "--state", url, "--wait", "--timeout", "30"});
        QVERIFY2(cancel.exitCode == 0, QByteArray(cancel.out + cancel.err).constData());
        QVERIFY2(cancel.out.contains(QStringLiteral("run %1 ended cancelled").arg(runId).toUtf8()),
                 cancel.out.constData());
        QCOMPARE(countIn(db, QStringLiteral("SELECT COUNT(*) FROM runs WHERE run_id = '%1' AND "
                                            "outcome = 'cancelled' AND written_count < 400")
                                 .arg(runId)),
                 1);
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM cursors WHERE scheme = 'jdy_customers'"), 0);
        QVERIFY(runOf(ps(env, url), "jdy_customers").isEmpty());

        // resume: the held scheme runs on its schedule again.
        const RunResult resume =
            env.weftRun("resume", {"customers_hourly", "--state", url, "--wait"});
        QVERIFY2(resume.exitCode == 0 && resume.out.contains(": resumed"),
                 QByteArray(resume.out + resume.err).constData());
        QTRY_VERIFY_WITH_TIMEOUT(countIn(db,
                                         "SELECT COUNT(*) FROM runs WHERE scheme = "
                                         "'customers_hourly' AND trigger_kind = 'schedule'") == 1,
                                 15000);

        // The server run's log: from its start, through the cancel request, to its end.
        const RunResult log = env.weftRun("history", {"--state", url, "--log", runId});
        QVERIFY2(log.exitCode == 0, log.err.constData());
        const QString text = QString::fromUtf8(log.out);
        QVERIFY2(
            text.contains(QStringLiteral("info scheme 'jdy_customers': run %1 started").arg(runId)),
            log.out.constData());
        QVERIFY2(text.contains("scheme 'jdy_customers': reading 'jdy' at http://gw:***@"),
                 log.out.constData());
        QVERIFY2(text.contains("scheduler: cancel of 'jdy_customers' requested by "),
                 log.out.constData());
        QVERIFY2(text.contains(QStringLiteral("run %1 cancelled").arg(runId)), log.out.constData());
        QVERIFY(!text.contains(secret));
        // The project may name its state store (the password a secret reference): the same
        // answer without --state.
        QVERIFY(env.editProject([&](QJsonObject &root) {
            root.insert(
                "state",
                QJsonObject{
                    {"url",
                     QStringLiteral("mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(db)},
                    {"password", QJsonObject{{"env", "IT_STATE_PW"}}}});
        }));
        env.setEnv("IT_STATE_PW", p.password);
        const RunResult named = env.weftRun("history", {"--log", runId});
        QVERIFY2(named.exitCode == 0, named.err.constData());
        QCOMPARE(named.out, log.out);
        QVERIFY(!text.contains("customers_hourly")); // the other scheme's lines are its own
    }
};

QTEST_GUILESS_MAIN(TestOperations)
#include "tst_operations.moc"
