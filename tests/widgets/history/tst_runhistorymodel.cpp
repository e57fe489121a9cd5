#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"
#include "widgets/history/runhistorymodel.h"
#include "widgets/widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

/// RunHistoryModel lists the runs of a project's state store, latest first. Checked by
/// QAbstractItemModelTester.
class TestRunHistoryModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runHistory();
};

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void TestRunHistoryModel::runHistory()
{
    // Two runs in a project's state store, asked for on the state thread.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.weft.state.sqlite"));
    RunInfo a;
    a.runId = QStringLiteral("r1");
    a.scheme = QStringLiteral("warehouses");
    a.startedAt = QDateTime::currentDateTime().addSecs(-90);
    a.finishedAt = QDateTime::currentDateTime();
    a.outcome = RunOutcome::Succeeded;
    RunInfo b = a;
    b.runId = QStringLiteral("r2");
    b.startedAt = a.startedAt.addSecs(-3600);
    b.outcome = RunOutcome::FinishedWithFailures;
    b.counters.failed = 3;
    {
        QString error;
        std::unique_ptr<StateStore> store = StateStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        for (const RunInfo &run : {a, b})
            QVERIFY(store->beginRun(run) && store->updateRun(run));
    }
    StateService state;
    RunHistoryModel model(&state);
    Tester tester(&model, kQtTest);
    QCOMPARE(model.rowCount(), 0);
    state.setLocation(path);
    QVERIFY(test::waitUntil([&] { return model.rowCount() == 2; }));
    // The latest first.
    QCOMPARE(model.index(0, 0).data(RunHistoryModel::RunIdRole).toString(), QStringLiteral("r1"));
    QCOMPARE(model.index(1, 0).data(RunHistoryModel::RunIdRole).toString(), QStringLiteral("r2"));
    QCOMPARE(model.index(0, int(RunHistoryModel::Column::Duration)).data().toString(),
             QStringLiteral("1.5 min"));
}

QTEST_MAIN(TestRunHistoryModel)
#include "tst_runhistorymodel.moc"
