#include "widgets/run/runprogressmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace weft;

/// RunProgressModel follows a run: a row per scheme, percentages, outcomes, totals. Checked by
/// QAbstractItemModelTester.
class TestRunProgressModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runProgressFollowsARun();
};

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void TestRunProgressModel::runProgressFollowsARun()
{
    RunProgressModel model;
    Tester tester(&model, kQtTest);
    model.start({QStringLiteral("a"), QStringLiteral("b")});
    QCOMPARE(model.rowCount(), 2);
    model.schemeStarted(QStringLiteral("a"), QStringLiteral("run-1"));
    RunProgress p;
    p.scheme = QStringLiteral("a");
    p.phase = QStringLiteral("fetching");
    p.counters.read = 120;
    p.counters.written = 100;
    p.counters.failed = 2;
    p.windowIndex = 2;
    p.windowCount = 4;
    p.recordsPerSecond = 1234;
    p.elapsedMs = 4200;
    model.update(p);
    QCOMPARE(model.index(0, int(RunProgressModel::Column::Progress))
                 .data(RunProgressModel::PercentRole)
                 .toInt(),
             25);
    QVERIFY(model.index(0, 0).data(RunProgressModel::FailedRole).toBool());
    QCOMPARE(model.index(0, int(RunProgressModel::Column::Elapsed)).data().toString(),
             QStringLiteral("4.2 s"));
    RunInfo info;
    info.scheme = QStringLiteral("a");
    info.runId = QStringLiteral("run-1");
    info.outcome = RunOutcome::FinishedWithFailures;
    info.counters = p.counters;
    info.counters.skipped = 18;
    model.finish(info);
    QCOMPARE(model.index(0, 0).data(RunProgressModel::PercentRole).toInt(), 100);
    model.runEnded(); // b never ran
    QVERIFY(model.row(1).finished);
    QCOMPARE(model.row(1).outcome, RunOutcome::Cancelled);
    QCOMPARE(model.totals().read, 120);
    // A scheme the run did not announce still gets a row.
    p.scheme = QStringLiteral("c");
    model.update(p);
    QCOMPARE(model.rowCount(), 3);
}

QTEST_MAIN(TestRunProgressModel)
#include "tst_runprogressmodel.moc"
