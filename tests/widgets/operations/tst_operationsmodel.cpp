#include "core/engine/opsoverview.h"
#include "core/state/opsstore.h"
#include "core/state/statestore.h"
#include "widgets/common/projectdocument.h"
#include "widgets/common/stateservice.h"
#include "widgets/operations/operationsmodel.h"
#include "widgets/operations/operationspanel.h"
#include "widgets/widgettestutil.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

/// OperationsModel and OperationsPanel read what serve processes wrote to a state store —
/// heartbeats, snapshots of runs in progress, paused schedules, alerts sent — and write
/// control requests for them. Here a SQLite store stands in for the shared one (the same
/// tables and queries; tests/integration/tst_opsdesk runs a real serve on MariaDB).
class TestOperationsModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheStoreAndSendsRequests();
};

namespace {

Scheme scheme(const QString &name, int everyMinutes)
{
    Scheme s;
    s.name = name;
    s.schedule.kind = Schedule::Kind::Interval;
    s.schedule.intervalMinutes = everyMinutes;
    return s;
}

const SchemeOperations *find(const OperationsModel &model, const QString &name)
{
    for (const SchemeOperations &s : model.overview().schemes) {
        if (s.name == name)
            return &s;
    }
    return nullptr;
}

} // namespace

void TestOperationsModel::showsTheStoreAndSendsRequests()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("ops.weft.state.sqlite"));
    QString error;
    std::unique_ptr<StateStore> store = StateStore::open(path, &error);
    QVERIFY2(store, qPrintable(error));
    OperationsStore ops(store.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(store->heartbeat(QStringLiteral("serve-a"), QStringLiteral("erp01"),
                             QStringLiteral("1.2.3"), now.addSecs(-600),
                             {QStringLiteral("orders")}));
    // "orders" runs now; "stock" ran before and is paused; "legacy" belongs to another
    // project sharing the store and runs too.
    RunInfo done;
    done.runId = QStringLiteral("stock-1");
    done.scheme = QStringLiteral("stock");
    done.startedAt = now.addSecs(-300);
    done.finishedAt = now.addSecs(-290);
    done.outcome = RunOutcome::FinishedWithFailures;
    done.counters.read = 10;
    done.counters.failed = 1;
    QVERIFY(store->beginRun(done) && store->updateRun(done));
    QVERIFY(ops.setPaused(QStringLiteral("stock"), true, QStringLiteral("ops@desk")));
    RunSnapshot live;
    for (const QString &name : {QStringLiteral("orders"), QStringLiteral("legacy")}) {
        RunInfo run;
        run.runId = name + QStringLiteral("-1");
        run.scheme = name;
        run.trigger = QStringLiteral("schedule");
        run.startedAt = now.addSecs(-20);
        QVERIFY(store->beginRun(run));
        live.runId = run.runId;
        live.scheme = name;
        live.holder = QStringLiteral("serve-a");
        live.host = QStringLiteral("erp01");
        live.trigger = run.trigger;
        live.startedAt = run.startedAt;
        live.counters.read = 7;
        QVERIFY(ops.writeSnapshot(live));
    }
    QVERIFY(store->noteAlertSent(QStringLiteral("failures"), QStringLiteral("stock"),
                                 QStringLiteral("stock: 1 record failed")));

    ProjectDocument doc;
    Project project;
    project.schemes = {scheme(QStringLiteral("orders"), 5), scheme(QStringLiteral("stock"), 5)};
    doc.reset(project);
    StateService state;
    state.setLocation(path);
    OperationsPanel panel(&state, &doc);
    OperationsModel &model = *panel.model();
    QSignalSpy refreshed(&model, &OperationsModel::refreshed);
    model.refresh();
    QVERIFY(test::waitUntil([&] { return refreshed.size() >= 1 && find(model, "legacy"); }));

    QCOMPARE(model.processes()->rowCount(), 1);
    QCOMPARE(model.processes()->item(0, 0)->text(), QStringLiteral("serve-a"));
    QCOMPARE(model.processes()->item(0, 5)->text(), QStringLiteral("orders"));
    QCOMPARE(model.running()->rowCount(), 2);
    QCOMPARE(model.alerts()->rowCount(), 1);
    QCOMPARE(model.alerts()->item(0, 1)->text(), QStringLiteral("failures"));
    QCOMPARE(model.schemes()->rowCount(), 3); // the project's two, and the other one running
    const SchemeOperations *orders = find(model, "orders");
    QVERIFY(orders->inProject && !orders->paused);
    QVERIFY(orders->nextRun.isValid()); // every 5 minutes, never run to the end
    const SchemeOperations *stock = find(model, "stock");
    QVERIFY(stock->paused);
    QCOMPARE(stock->pausedBy, QStringLiteral("ops@desk"));
    QVERIFY(!stock->nextRun.isValid()); // held by the pause
    QVERIFY(stock->lastRun);
    QCOMPARE(stock->lastRun->counters.failed, 1);
    QVERIFY(!find(model, "legacy")->inProject);

    // The buttons follow the selected scheme: a paused one can be resumed, not paused.
    auto button = [&](const QString &text) {
        for (QPushButton *b : panel.findChildren<QPushButton *>()) {
            if (b->text() == text)
                return b;
        }
        return static_cast<QPushButton *>(nullptr);
    };
    panel.selectScheme(QStringLiteral("stock"));
    QCOMPARE(panel.currentScheme(), QStringLiteral("stock"));
    QVERIFY(button("Resume")->isEnabled());
    QVERIFY(!button("Pause")->isEnabled());
    QVERIFY(button("Run now")->isEnabled());
    QVERIFY(!button("Cancel run")->isEnabled());
    panel.selectScheme(QStringLiteral("orders"));
    QVERIFY(!button("Run now")->isEnabled()); // it runs already
    QVERIFY(button("Cancel run")->isEnabled());

    // The counters move: the poll of the runs in progress shows the new snapshot.
    live.runId = QStringLiteral("orders-1");
    live.scheme = QStringLiteral("orders");
    live.counters.read = 42;
    QVERIFY(ops.writeSnapshot(live));
    QSignalSpy polled(&model, &OperationsModel::runningChanged);
    model.pollRunning();
    QVERIFY(polled.wait());
    int row = 0;
    while (row < model.running()->rowCount() &&
           model.running()->item(row, 0)->text() != QLatin1String("orders"))
        ++row;
    QVERIFY(row < model.running()->rowCount());
    QCOMPARE(model.running()->item(row, 6)->data(Qt::UserRole + 10).toLongLong(), 42);

    // A request from the view is stored for the serve processes, with who asked.
    QSignalSpy requested(&model, &OperationsModel::requested);
    refreshed.clear();
    panel.requestAction(ControlAction::Cancel);
    QVERIFY(requested.wait());
    // The view reads everything again after a request.
    QVERIFY(test::waitUntil([&] { return refreshed.size() >= 1; }));
    const qint64 id = requested.at(0).at(2).toLongLong();
    QVERIFY(id > 0);
    const std::optional<ControlRequest> request = ops.controlRequest(id);
    QVERIFY(request);
    QCOMPARE(request->scheme, QStringLiteral("orders"));
    QCOMPARE(request->action, ControlAction::Cancel);
    QCOMPARE(request->requestedBy, operatorName());
    QVERIFY(request->isPending());

    // A run that ended leaves the view at the next poll.
    QVERIFY(ops.removeSnapshot(QStringLiteral("legacy-1")));
    refreshed.clear();
    model.pollRunning();
    QVERIFY(test::waitUntil([&] { return refreshed.size() >= 1; }));
    QCOMPARE(model.running()->rowCount(), 1);
}

QTEST_MAIN(TestOperationsModel)
#include "tst_operationsmodel.moc"
