// The designer operating a `weft-run serve` process through their shared state store (a
// throwaway MariaDB), offscreen: File → Open server state… for the session; the Operations
// view's pause holds the server's schedule; its run-now is run by the server within a tick,
// and the view shows that run live, its counters moving; a failed record of the server's run
// is retried from the designer (taking the scheme's lease like any run) and resolved; History
// shows the server run's log lines; resume lifts the pause; a project naming its state store
// opens it by itself.
#include "core/model/project.h"
#include "examplechecks.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/stateservice.h"
#include "widgets/history/historypanel.h"
#include "widgets/history/runhistorymodel.h"
#include "widgets/mainwindow/bottompanel.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/mainwindow/serverstate.h"
#include "widgets/operations/operationsmodel.h"
#include "widgets/operations/operationspanel.h"
#include "widgets/run/runcoordinator.h"

#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardItemModel>

using namespace weft;
using namespace weft::test;

namespace {

const QString kScheme = QStringLiteral("warehouses");

/// The model's runs in progress of `scheme`, or nullptr.
const RunSnapshot *runOf(const OperationsModel *model, const QString &scheme)
{
    for (const RunSnapshot &r : model->overview().running) {
        if (r.scheme == scheme)
            return &r;
    }
    return nullptr;
}

const SchemeOperations *schemeOf(const OperationsModel *model, const QString &scheme)
{
    for (const SchemeOperations &s : model->overview().schemes) {
        if (s.name == scheme)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestOpsDesk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { WEFT_REQUIRE_MARIADB(); }

    void operateServeFromTheDesigner()
    {
        IntegrationEnv env;
        QString error;
        // Slow answers and pages of two make the server's run last long enough to watch; two
        // of the 40 warehouses fail (one without a name, one number used twice).
        QVERIFY2(env.start("jst-warehouses-to-jdy",
                           anchoredMock({"--seed", "5", "--jst-partners", "40", "--latency-ms",
                                         "150", "--quiet"}),
                           QString(), &error),
                 qPrintable(error));
        QVERIFY(env.editProject([&](QJsonObject &root) {
            IntegrationEnv::setAt(root, {"schemes", "0", "schedule"},
                                  QJsonObject{{"kind", "interval"}, {"everyMinutes", 1}});
            IntegrationEnv::setAt(
                root, {"schemes", "0", "source", "metadata", "request", "@page_size", "value"},
                "2");
        }));
        // The designer runs (the retry) in this process: it reaches weft-mock as serve does.
        const QProcessEnvironment serveEnv = env.environment();
        for (const QString &key : serveEnv.keys())
            qputenv(key.toLocal8Bit().constData(), serveEnv.value(key).toLocal8Bit());
        const MariaDbParams p = mariaDbParams();
        const QString db = freshDatabase("it_opsdesk_state");
        const QString url = QStringLiteral("mysql://%1:%2@%3:%4/%5")
                                .arg(p.user, p.password, p.host)
                                .arg(p.port)
                                .arg(db);

        // The designer with the project, on the server state for this session.
        MainWindow window;
        window.show();
        QVERIFY(window.openProject(env.projectPath(), true));
        QCOMPARE(window.document()->project().schemeNames(), QStringList{kScheme});
        window.serverState()->setSessionStore(url);
        QTRY_COMPARE(window.state()->location(), url);
        QTRY_VERIFY(window.windowTitle().contains(
            QStringLiteral("state: mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(db)));
        QVERIFY(!window.windowTitle().contains(p.password));
        window.showBottomTab(QStringLiteral("operations"));
        OperationsPanel *panel = window.bottomPanel()->operationsPanel();
        OperationsModel *model = panel->model();
        model->setPollInterval(500);
        QTRY_VERIFY(model->isActive());
        QTRY_VERIFY(schemeOf(model, kScheme));

        // Pause before any server runs: the request waits for one, then holds the schedule.
        panel->selectScheme(kScheme);
        QCOMPARE(panel->currentScheme(), kScheme);
        QSignalSpy requested(model, &OperationsModel::requested);
        panel->requestAction(ControlAction::Pause);
        QTRY_COMPARE(requested.size(), 1);
        QVERIFY(requested.at(0).at(2).toLongLong() > 0);

        QProcess serve;
        serve.setProcessEnvironment(serveEnv);
        serve.start(qEnvironmentVariable("WEFT_RUN_BIN"),
                    {"serve", env.projectPath(), "--state", url, "--tick", "1", "--lease", "10",
                     "--holder", "serve-desk", "--log-file", "none"});
        QVERIFY(serve.waitForStarted());
        const auto stopServe = qScopeGuard([&] {
            serve.terminate();
            serve.waitForFinished(20000);
        });
        // The view shows the process from its heartbeat, and the scheme paused.
        QTRY_VERIFY_WITH_TIMEOUT(model->processes()->rowCount() == 1, 15000);
        QCOMPARE(model->processes()->item(0, 0)->text(), QStringLiteral("serve-desk"));
        QTRY_VERIFY_WITH_TIMEOUT(schemeOf(model, kScheme)->paused, 10000);
        QVERIFY(schemeOf(model, kScheme)->pausedBy.contains('@'));
        QVERIFY(!schemeOf(model, kScheme)->nextRun.isValid());
        // Due since serve started, held over more than two ticks.
        QTest::qWait(2500);
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM runs"), 0);

        // Run now from the view: the server runs it within a tick, and the view shows it live.
        requested.clear();
        panel->requestAction(ControlAction::RunNow);
        QTRY_COMPARE(requested.size(), 1);
        const qint64 requestId = requested.at(0).at(2).toLongLong();
        QVERIFY(requestId > 0);
        QTRY_VERIFY_WITH_TIMEOUT(runOf(model, kScheme) && runOf(model, kScheme)->counters.read > 0,
                                 10000);
        QVERIFY(countIn(db, QStringLiteral("SELECT COUNT(*) FROM control_requests WHERE id = %1 "
                                           "AND picked_by = 'serve-desk' AND picked_at - "
                                           "requested_at <= 1500")
                                .arg(requestId)) == 1);
        const RunSnapshot first = *runOf(model, kScheme);
        QCOMPARE(first.trigger, QStringLiteral("run-now"));
        QCOMPARE(first.holder, QStringLiteral("serve-desk"));
        QCOMPARE(model->running()->rowCount(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(runOf(model, kScheme) &&
                                     runOf(model, kScheme)->counters.read > first.counters.read,
                                 10000);
        const QString runId = first.runId;

        // The run ends with the two failures; the view shows its outcome.
        QTRY_VERIFY_WITH_TIMEOUT(!runOf(model, kScheme) && schemeOf(model, kScheme)->lastRun &&
                                     schemeOf(model, kScheme)->lastRun->runId == runId &&
                                     schemeOf(model, kScheme)->lastRun->outcome !=
                                         RunOutcome::Running,
                                 60000);
        QCOMPARE(schemeOf(model, kScheme)->lastRun->counters.failed, 2);
        QCOMPARE(schemeOf(model, kScheme)->lastRun->counters.read, 40);

        // Fix the mapping for warehouses without a name, then retry that record of the
        // server's run from the designer, on the shared store.
        QString unnamed;
        for (const QString &id : mockInvalidIds(env, "jst-partners")) {
            if (countIn(db, QStringLiteral("SELECT COUNT(*) FROM failed_records WHERE record_id "
                                           "= '%1' AND stage = 'write' AND run_id = '%2'")
                                .arg(id, runId)) == 1)
                unnamed = id;
        }
        QVERIFY(!unnamed.isEmpty());
        QVERIFY(env.editProject([](QJsonObject &root) {
            IntegrationEnv::setAt(
                root, {"schemes", "0", "target", "metadata", "request", "@name", "value"},
                "_function IF(TRIM('{name}') = '', CONCAT('仓库 ', '{wms_co_id}'), "
                "'{name}')");
        }));
        QVERIFY(window.openProject(env.projectPath(), true));
        QTRY_COMPARE(window.state()->location(), url); // the session's store stays
        QSignalSpy finished(window.runs(), &RunCoordinator::runFinished);
        window.runs()->retry(kScheme, {unnamed});
        QTRY_VERIFY_WITH_TIMEOUT(finished.size() == 1, 30000);
        QCOMPARE(finished.at(0).at(0).toInt(), 0);
        QCOMPARE(countIn(db, QStringLiteral("SELECT COUNT(*) FROM failed_records WHERE record_id "
                                            "= '%1' AND status = 'resolved'")
                                 .arg(unnamed)),
                 1);
        QCOMPARE(countIn(db, "SELECT COUNT(*) FROM runs WHERE trigger_kind = 'retry'"), 1);
        QCOMPARE(jdyStores(env).value(unnamed), QStringLiteral("仓库 ") + unnamed);

        // History → the server's run → its log lines, kept in the shared store.
        HistoryPanel *history = window.historyPanel();
        QSignalSpy shown(history, &HistoryPanel::runLogShown);
        history->showRunLog(runId);
        QTRY_COMPARE(shown.size(), 1);
        QVERIFY(shown.at(0).at(1).toInt() > 0);
        const QString log = history->runLogText();
        QVERIFY2(log.contains(QStringLiteral("scheme '%1': run %2 started").arg(kScheme, runId)),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("scheme '%1': reading 'jushuitan' at ").arg(kScheme)),
                 qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("read 40, written 38")), qPrintable(log));
        QVERIFY(!log.contains(p.password));

        // Resume from the view: the server lifts the pause, the schedule has a next run again
        // (tst_operations sees a resumed scheme run on its schedule).
        requested.clear();
        panel->requestAction(ControlAction::Resume);
        QTRY_COMPARE(requested.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!schemeOf(model, kScheme)->paused, 10000);
        QVERIFY(schemeOf(model, kScheme)->nextRun.isValid());

        // A project naming its state store (the password a secret reference) opens it without
        // the session's choice.
        QVERIFY(env.editProject([&](QJsonObject &root) {
            root.insert(
                "state",
                QJsonObject{
                    {"url",
                     QStringLiteral("mysql://%1@%2:%3/%4").arg(p.user, p.host).arg(p.port).arg(db)},
                    {"password", QJsonObject{{"env", "IT_DESK_STATE_PW"}}}});
        }));
        qputenv("IT_DESK_STATE_PW", p.password.toLocal8Bit());
        window.serverState()->setSessionStore(QString());
        QVERIFY(window.openProject(env.projectPath(), true));
        QTRY_COMPARE(window.state()->location(), url);
        QTRY_VERIFY(window.state()->openError().isEmpty());
        RunHistoryModel *runs = history->model();
        runs->refresh();
        QTRY_VERIFY(runs->rowCount() == 2); // the server's run-now and the designer's retry
    }
};

QTEST_MAIN(TestOpsDesk)
#include "tst_opsdesk.moc"
