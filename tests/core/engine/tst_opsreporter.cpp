// What a process tells others through the state store while it runs: progress snapshots
// (written at once, then every interval, removed at the end) and each run's log lines (the
// run's own, info and above, redacted, bounded).
#include "core/engine/opsreporter.h"
#include "core/log/logging.h"
#include "core/state/statestore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestOpsReporter : public QObject
{
    Q_OBJECT
private:
    static RunProgress progress(qint64 read, qint64 mapped)
    {
        RunProgress p;
        p.scheme = QStringLiteral("orders");
        p.runId = QStringLiteral("r1");
        p.phase = QStringLiteral("fetching");
        p.counters.read = read;
        p.counters.written = read / 2;
        p.steps = {StepCounters{"map", "map", read, mapped, read - mapped}};
        p.windowIndex = 1;
        p.windowCount = 3;
        return p;
    }

private Q_SLOTS:
    void initTestCase()
    {
        log::LogSettings quiet;
        quiet.consoleLevel = QStringLiteral("off");
        log::setup(quiet);
    }

    void snapshotsFollowTheRun()
    {
        QTemporaryDir dir;
        QString error;
        auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
        QVERIFY2(state, qPrintable(error));
        RunInfo run;
        run.runId = "r1";
        run.scheme = "orders";
        run.startedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(state->beginRun(run));
        OperationsStore ops(state.get());
        OperationsReporter reporter(state.get(), "serve-x");
        reporter.setInterval(100);

        reporter.starting("orders", "r1");
        QVERIFY(ops.runsInProgress().isEmpty()); // nothing read yet
        reporter.progress(progress(10, 8));
        // The first snapshot at once.
        QList<RunSnapshot> now = ops.runsInProgress();
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().holder, QStringLiteral("serve-x"));
        QCOMPARE(now.first().counters.read, 10);
        QCOMPARE(now.first().mapped, 8);
        QCOMPARE(now.first().windowCount, 3);
        QCOMPARE(now.first().steps.size(), 1);
        // Later progress reaches the store with the timer, not at every signal.
        reporter.progress(progress(50, 45));
        QCOMPARE(ops.runsInProgress().first().counters.read, 10);
        QTRY_COMPARE(ops.runsInProgress().first().counters.read, 50);
        QCOMPARE(ops.runsInProgress().first().mapped, 45);

        run.outcome = RunOutcome::Succeeded;
        reporter.finished(run);
        QSqlQuery q(state->database());
        QVERIFY(q.exec("SELECT COUNT(*) FROM run_progress") && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void logLinesOfTheRunRedactedAndBounded()
    {
        QTemporaryDir dir;
        QString error;
        auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
        QVERIFY2(state, qPrintable(error));
        OperationsStore ops(state.get());
        OperationsReporter reporter(state.get(), "serve-x");
        reporter.setMaxLogLines(5);
        log::registerSecret(QStringLiteral("sekret-value-42"));

        log::info("scheme 'orders': before the run"); // not yet a run's
        reporter.starting("orders", "r1", {"jdy"});
        reporter.starting("customers", "r2", {"k3"});
        log::info("scheme 'orders': run r1 started with token sekret-value-42");
        log::debug("scheme 'orders': a debug line"); // below info
        log::info("scheme 'customers': the other run's");
        log::warn("jdy /api/list: HTTP 503: busy; retry 1 in 5 ms"); // its source connection
        log::info("jdyx is another connection");
        log::error("the process's own line");
        reporter.flush();
        QList<RunLogLine> lines = ops.runLog("r1");
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines.at(0).seq, 1);
        QCOMPARE(lines.at(0).level, QStringLiteral("info"));
        QCOMPARE(lines.at(0).message,
                 QStringLiteral("scheme 'orders': run r1 started with token ***"));
        QVERIFY(lines.at(0).at.isValid());
        QCOMPARE(lines.at(1).level, QStringLiteral("warning"));
        QVERIFY(lines.at(1).message.startsWith("jdy /api/list"));
        QCOMPARE(ops.runLog("r2").size(), 1);

        // Past the bound: the first five lines, then one saying how many more there were.
        for (int i = 1; i <= 10; ++i)
            log::info(QStringLiteral("scheme 'orders': line %1").arg(i));
        RunInfo r1;
        r1.runId = "r1";
        r1.scheme = "orders";
        reporter.finished(r1);
        lines = ops.runLog("r1");
        QCOMPARE(lines.size(), 6);
        QCOMPARE(lines.at(4).message, QStringLiteral("scheme 'orders': line 3"));
        QCOMPARE(lines.at(5).seq, 6);
        QVERIFY2(lines.at(5).message.startsWith("7 more log lines of run r1 were not kept"),
                 qPrintable(lines.at(5).message));
        // Once ended, a run gets no more lines.
        log::info("scheme 'orders': after the run");
        reporter.flush();
        QCOMPARE(ops.runLog("r1").size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestOpsReporter)
#include "tst_opsreporter.moc"
