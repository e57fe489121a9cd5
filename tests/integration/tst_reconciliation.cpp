// Reconciliation (issue 20): weft-mock leaves records out of a Jushuitan page while its
// data_count still counts them (the dropRate fault). The run compares the records its pages
// held with that total, fails the window, and leaves the cursor where it was; the run's
// quality summary says why, and `weft-run history --quality` prints it and writes it as HTML.
// Once the source gives every record again the next run reads the window and moves on.
#include "core/state/qualitystore.h"
#include "core/state/statestore.h"
#include "examplechecks.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

using namespace weft;
using namespace weft::test;

namespace {

const QString kExample = QStringLiteral("jst-warehouses-to-jdy");
const QString kScheme = QStringLiteral("warehouses");

struct Stored {
    std::optional<qint64> cursor;
    RunInfo run;
    QualitySummary quality;
};

/// The scheme's cursor, newest run and that run's quality summary.
Stored stored(const IntegrationEnv &env)
{
    Stored s;
    QString error;
    auto state = StateStore::open(env.statePath(), &error);
    if (!state) {
        qWarning("%s", qPrintable(error));
        return s;
    }
    s.cursor = state->cursor(kScheme);
    const QList<RunInfo> runs = state->runs(kScheme, 1);
    if (!runs.isEmpty()) {
        s.run = runs.first();
        s.quality = QualityStore(state.get()).load(s.run.runId);
    }
    return s;
}

} // namespace

class TestReconciliation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shortWindowFailsAndKeepsTheCursor()
    {
        IntegrationEnv env;
        QString error;
        QVERIFY2(env.start(kExample,
                           anchoredMock({"--seed", "5", "--jst-partners", "40", "--quiet"}),
                           QString(), &error),
                 qPrintable(error));

        // A clean run: every partner read, the window matches the source's count.
        RunResult r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData()); // two partners are invalid
        QCOMPARE(countersOf(r).read, 40);
        const Stored first = stored(env);
        QVERIFY(first.cursor);
        QCOMPARE(first.quality.windows.size(), 1);
        QCOMPARE(first.quality.windows.at(0).status, QStringLiteral("ok"));
        QCOMPARE(first.quality.windows.at(0).reported, 40);
        QCOMPARE(first.quality.windows.at(0).read, 40);

        // The source now loses records but still reports 40.
        env.control("POST", "/_mock/faults",
                    {{"dropRate", 0.25}, {"only", QJsonArray{"/jushuitan"}}});
        QThread::msleep(1100); // a cursor that moved would move by at least a second
        r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 3, describe(r).constData());
        QVERIFY2(r.out.contains("reported 40 records"), describe(r).constData());
        const Stored second = stored(env);
        QCOMPARE(second.cursor, first.cursor); // the window failed: the cursor stays
        QCOMPARE(second.run.outcome, RunOutcome::Aborted);
        QVERIFY(second.run.message.contains(QStringLiteral("reported 40 records")));
        QCOMPARE(second.quality.windows.size(), 1);
        const WindowReconciliation shortWindow = second.quality.windows.at(0);
        QCOMPARE(shortWindow.status, QStringLiteral("short"));
        QCOMPARE(shortWindow.reported, 40);
        QVERIFY2(shortWindow.read > 0 && shortWindow.read < 40,
                 qPrintable(QString::number(shortWindow.read)));

        // history --quality prints it, as text, JSON and an HTML report.
        r = env.weftRun("history", {"--quality"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(second.run.runId.toUtf8()), r.out.constData());
        QVERIFY2(r.out.contains("short"), r.out.constData());
        r = env.weftRun("history", {"--quality", first.run.runId, "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json.value("run_id").toString(), first.run.runId);
        QCOMPARE(json.value("windows").toArray().at(0).toObject().value("status").toString(),
                 QStringLiteral("ok"));
        const QString html = QFileInfo(env.statePath()).dir().filePath("quality.html");
        r = env.weftRun("history", {"--quality", "--html", html});
        QCOMPARE(r.exitCode, 0);
        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray page = file.readAll();
        QVERIFY(page.contains(second.run.runId.toUtf8()));
        QVERIFY(page.contains("class=\"short\""));

        // Every record again: the window is read, matches, and the cursor moves.
        env.control("POST", "/_mock/faults", {{"dropRate", 0.0}});
        r = env.weftRun("run", {"--progress", "jsonl"});
        QVERIFY2(r.exitCode == 1, describe(r).constData());
        const Stored third = stored(env);
        QVERIFY(third.cursor && *third.cursor > *first.cursor);
        QCOMPARE(third.quality.windows.at(0).status, QStringLiteral("ok"));
    }
};

QTEST_GUILESS_MAIN(TestReconciliation)
#include "tst_reconciliation.moc"
