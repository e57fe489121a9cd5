#include "core/state/statestore.h"
#include "support/mockprocess.h"
#include "tools/scaledemo/scaledemo.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinerunoverlay.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/common/commands.h"
#include "widgets/common/projectdocument.h"
#include "widgets/failed/failedrecordsmodel.h"
#include "widgets/failed/failedrecordspanel.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/run/enginehost.h"
#include "widgets/run/previewpanel.h"
#include "widgets/run/previewtablemodel.h"
#include "widgets/run/runcoordinator.h"
#include "widgets/run/runpanel.h"
#include "widgets/run/runprogressmodel.h"
#include "widgets/run/samplecache.h"
#include "widgets/widgettestutil.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

/// A person's session against weft-mock: open the warehouses example, preview it, click Run,
/// watch it finish, find the mock's deliberately invalid warehouses in the failed records,
/// retry one as it is (it fails again), fix another's payload and retry (it is written);
/// then add a filter step and watch each node of the chain count its records; and a run of
/// 29 sync windows whose progress reaches the window no more often than it can be drawn.
class TestRunAgainstMock : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void previewShowsSourceAndMappedRecords();
    void runReachesTheEndAndListsTheInvalidRecords();
    void retryFromTheTable();
    void stepNodesCountTheirRecords();
    void progressReachesTheWindowCoalesced();
    void anUnsavedProjectRunsAndKeepsItsRunsWhenSaved();

private:
    QSet<QString> invalidWarehouseIds();
    bool waitForRun(MainWindow &window, int ms = 120000);

    test::MockProcess m_mock;
    QTemporaryDir m_dir;
    QString m_project;
    std::unique_ptr<MainWindow> m_window;
};

void TestRunAgainstMock::initTestCase()
{
    QString error;
    QVERIFY2(m_mock.start({QStringLiteral("--quiet")}, &error), qPrintable(error));
    // The mock's credentials (docs/mock.md), as environment references: never in the file.
    qputenv("WEFT_MOCK_URL", m_mock.baseUrlString().toUtf8());
    qputenv("JST_APP_SECRET", "weft-jst-secret");
    qputenv("JST_ACCESS_TOKEN", "weft-jst-token");
    qputenv("JST_REFRESH_TOKEN", "weft-jst-refresh");
    qputenv("JDY_CLIENT_SECRET", "weft-jdy-client-secret");
    qputenv("JDY_APP_SECRET", "weft-jdy-app-secret");
    m_project = m_dir.filePath(QStringLiteral("warehouses.weft.json"));
    QVERIFY(QFile::copy(
        test::sourcePath(QStringLiteral("resources/examples/jst-warehouses-to-jdy.weft.json")),
        m_project));
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(m_window->openProject(m_project, true));
}

QSet<QString> TestRunAgainstMock::invalidWarehouseIds()
{
    QNetworkAccessManager network;
    QNetworkReply *reply = network.get(
        QNetworkRequest(QUrl(m_mock.baseUrlString() + QStringLiteral("/_mock/invalid"))));
    test::waitUntil([&] { return reply->isFinished(); });
    const QJsonArray partners = QJsonDocument::fromJson(reply->readAll())
                                    .object()
                                    .value(QStringLiteral("jst-partners"))
                                    .toArray();
    reply->deleteLater();
    QSet<QString> ids;
    for (const QJsonValue &v : partners)
        ids.insert(v.toObject().value(QStringLiteral("id")).toVariant().toString());
    return ids;
}

bool TestRunAgainstMock::waitForRun(MainWindow &window, int ms)
{
    return test::waitUntil(
        [&] { return !window.runs()->isRunning() && window.runs()->queuedRetries() == 0; }, ms);
}

void TestRunAgainstMock::previewShowsSourceAndMappedRecords()
{
    SampleCache *samples = m_window->samples();
    samples->fetch(QStringLiteral("warehouses"), 20);
    QVERIFY(samples->isFetching(QStringLiteral("warehouses")));
    QVERIFY(
        test::waitUntil([&] { return !samples->isFetching(QStringLiteral("warehouses")); }, 60000));
    const PreviewResult *result = samples->result(QStringLiteral("warehouses"));
    QVERIFY(result);
    QVERIFY2(result->error.isEmpty(), qPrintable(result->error));
    QVERIFY(!result->sourceRecords.isEmpty());
    QVERIFY(samples->fields(QStringLiteral("warehouses")).contains(QStringLiteral("wms_co_id")));
    m_window->previewPanel()->setScheme(QStringLiteral("warehouses"));
    QVERIFY(m_window->previewPanel()->mappedModel()->rowCount() > 0);
}

void TestRunAgainstMock::runReachesTheEndAndListsTheInvalidRecords()
{
    RunPanel *panel = m_window->runPanel();
    QSignalSpy finished(m_window->runs(), &RunCoordinator::runFinished);
    QVERIFY(m_window->runs()->run({QStringLiteral("warehouses")}, panel->options()));
    QVERIFY(waitForRun(*m_window));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), 1); // finished with failed records

    RunProgressModel *progress = panel->model();
    const int row = progress->rowOf(QStringLiteral("warehouses"));
    QVERIFY(row >= 0);
    const RunProgressModel::Row &r = progress->row(row);
    QVERIFY(r.finished);
    QCOMPARE(r.outcome, RunOutcome::FinishedWithFailures);
    QVERIFY(r.counters.read > 0);
    QCOMPARE(r.counters.read, r.counters.written + r.counters.skipped + r.counters.failed);
    QCOMPARE(progress->index(row, 0).data(RunProgressModel::PercentRole).toInt(), 100);

    const QSet<QString> invalid = invalidWarehouseIds();
    QVERIFY(!invalid.isEmpty());
    FailedRecordsModel *failed = m_window->failedPanel()->model();
    QVERIFY(test::waitUntil([&] { return !failed->isCounting() && failed->totalCount() > 0; }));
    failed->data(failed->index(0, 0));
    QVERIFY(test::waitUntil([&] { return failed->record(failed->rowCount() - 1) != nullptr; }));
    QSet<QString> listed;
    for (int i = 0; i < failed->rowCount(); ++i)
        listed.insert(failed->record(i)->recordId);
    QCOMPARE(listed, invalid);
    QCOMPARE(qint64(failed->rowCount()), r.counters.failed);
    // Each failure carries its message and the source payload.
    QVERIFY(!failed->record(0)->message.isEmpty());
    QVERIFY(!failed->record(0)->sourcePayload.isEmpty());
}

void TestRunAgainstMock::retryFromTheTable()
{
    FailedRecordsPanel *panel = m_window->failedPanel();
    FailedRecordsModel *failed = panel->model();
    const int before = failed->rowCount();
    // The warehouse without a name: retried as it is, it fails again (one more attempt).
    int emptyName = -1;
    for (int i = 0; i < failed->rowCount(); ++i) {
        if (failed->record(i)->sourcePayload.value(QStringLiteral("name")).toString().isEmpty())
            emptyName = i;
    }
    QVERIFY(emptyName >= 0);
    const QString id = failed->record(emptyName)->recordId;
    const int attempts = failed->record(emptyName)->attempts;
    panel->selectRows({emptyName});
    panel->retrySelected();
    QVERIFY(test::waitUntil([&] { return m_window->runs()->isRunning(); }, 5000) ||
            !m_window->runs()->isRunning());
    QVERIFY(waitForRun(*m_window));
    QVERIFY(test::waitUntil([&] { return !failed->isCounting(); }));
    QCOMPARE(failed->rowCount(), before);
    failed->data(failed->index(0, 0));
    QVERIFY(test::waitUntil([&] { return failed->record(failed->rowCount() - 1) != nullptr; }));
    int again = -1;
    for (int i = 0; i < failed->rowCount(); ++i) {
        if (failed->record(i)->recordId == id)
            again = i;
    }
    QVERIFY(again >= 0);
    QCOMPARE(failed->record(again)->attempts, attempts + 1);

    // Now fix its payload in the detail pane and retry: it is written and leaves the table.
    panel->selectRows({again});
    auto *source = panel->findChild<QPlainTextEdit *>(QStringLiteral("sourcePayload"));
    QJsonObject payload = failed->record(again)->sourcePayload;
    payload.insert(QStringLiteral("name"), QStringLiteral("修好的仓库"));
    source->setPlainText(QString::fromUtf8(QJsonDocument(payload).toJson()));
    panel->saveAndRetry();
    QVERIFY(test::waitUntil([&] { return m_window->runs()->isRunning(); }, 5000) ||
            !m_window->runs()->isRunning());
    QVERIFY(waitForRun(*m_window));
    QVERIFY(test::waitUntil(
        [&] { return !failed->isCounting() && failed->rowCount() == before - 1; }, 20000));
}

void TestRunAgainstMock::stepNodesCountTheirRecords()
{
    // Only the warehouses with a second remark (every third, from the first) pass the filter.
    // A full dry run reads them all again and writes (and stores) nothing.
    QVERIFY(pushSchemeEdit(
        m_window->document(), QStringLiteral("warehouses"), QStringLiteral("steps"), [](Scheme &s) {
            Step filter;
            filter.id = QStringLiteral("remarked");
            filter.settings.insert(QStringLiteral("condition"),
                                   QStringLiteral("_function '{remark2}' <> ''"));
            s.steps = {filter};
        }));
    PipelineModel *pipeline = m_window->pipelineModel();
    const NodeId filterId =
        pipeline->nodeFor(QStringLiteral("warehouses"), QStringLiteral("remarked"));
    const NodeId mapId = pipeline->nodeFor(QStringLiteral("warehouses"), QStringLiteral("map"));
    QVERIFY(filterId && mapId);
    // (That the counters show while a run goes, not only at its end, is checked on a longer
    // run below: this one may end before the window's next progress update is due.)
    RunOptions options;
    options.full = true;
    options.dryRun = true;
    QVERIFY(m_window->runs()->run({QStringLiteral("warehouses")}, options));
    QVERIFY(waitForRun(*m_window));

    const RunProgressModel::Row &r = m_window->runPanel()->model()->row(
        m_window->runPanel()->model()->rowOf(QStringLiteral("warehouses")));
    const NodeRunCounts filter = pipeline->runOverlay()->counts(filterId);
    const NodeRunCounts map = pipeline->runOverlay()->counts(mapId);
    QCOMPARE(filter.state, NodeRunState::Done);
    QCOMPARE(filter.in, r.counters.read); // every warehouse reached the filter
    QCOMPARE(filter.out, (r.counters.read + 2) / 3);
    QCOMPARE(filter.failed, qint64(0));
    QCOMPARE(map.in, filter.out);
    QCOMPARE(map.out + map.failed, map.in);
    const QLocale locale;
    QCOMPARE(m_window->scene()->nodeItem(filterId)->counterText(),
             QStringLiteral("in %1 → out %2")
                 .arg(locale.toString(filter.in), locale.toString(filter.out)));
    m_window->document()->undoStack()->undo();
}

void TestRunAgainstMock::progressReachesTheWindowCoalesced()
{
    // Purchase-ins into the local store, since 200 days ago in windows of 7 days: the runner
    // reports at the start of every window besides every 100 ms, often in quick succession.
    QString error;
    std::optional<Project> project =
        scaleDemoProject(test::sourcePath(QStringLiteral("resources/examples")), 1, &error);
    QVERIFY2(project, qPrintable(error));
    const QString path = m_dir.filePath(QStringLiteral("purchaseins.weft.json"));
    QVERIFY2(saveProjectFile(*project, path, &error), qPrintable(error));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(window.openProject(path, true));
    const QString scheme = project->schemes.first().name;
    QList<qint64> times;
    QList<RunProgress> reports;
    QElapsedTimer clock;
    clock.start();
    RunInfo end;
    int late = 0; // reports after the scheme's end
    connect(window.engine(), &EngineHost::progress, this, [&](const RunProgress &p) {
        times << clock.elapsed();
        reports << p;
        late += end.runId.isEmpty() ? 0 : 1;
    });
    connect(window.engine(), &EngineHost::schemeFinished, this,
            [&](const RunInfo &info) { end = info; });
    // Live: the validate step's node has counters while the run goes, not only at its end.
    PipelineModel *pipeline = window.pipelineModel();
    const NodeId validate = pipeline->nodeFor(scheme, QStringLiteral("validate1"));
    QVERIFY(validate);
    bool seenRunning = false;
    connect(pipeline->runOverlay(), &PipelineRunOverlay::countsChanged, this, [&](NodeId id) {
        const NodeRunCounts n = pipeline->runOverlay()->counts(id);
        if (id == validate && n.state == NodeRunState::Running && n.in > 0)
            seenRunning = true;
    });
    QVERIFY(window.runs()->run({scheme}, RunOptions()));
    QVERIFY(waitForRun(window));
    QVERIFY(end.counters.read > 0);
    QVERIFY(reports.size() >= 3);
    QVERIFY(seenRunning);
    // At most one report every kProgressIntervalMs, but for the last: it is delivered with the
    // scheme's end, so that the end never shows older counters after the final ones.
    for (qsizetype i = 1; i + 1 < times.size(); ++i)
        QVERIFY2(
            times.at(i) - times.at(i - 1) >= EngineHost::kProgressIntervalMs - 2,
            qPrintable(QStringLiteral("reports %1 ms apart").arg(times.at(i) - times.at(i - 1))));
    QCOMPARE(reports.last().phase, QStringLiteral("done"));
    QCOMPARE(reports.last().counters.read, end.counters.read);
    QCOMPARE(reports.last().counters.written, end.counters.written);
    QTest::qWait(2 * EngineHost::kProgressIntervalMs);
    QCOMPARE(late, 0);
    // The canvas shows the end, not a report that came late.
    const NodeRunCounts target =
        pipeline->runOverlay()->counts(pipeline->nodeFor(scheme, QStringLiteral("target")));
    QCOMPARE(target.out, end.counters.written);
    QCOMPARE(target.failed, end.counters.failed);
    QVERIFY(end.counters.failed > 0); // the mock's over-long names, refused by the validate step
    QCOMPARE(target.state, NodeRunState::Failed);
}

void TestRunAgainstMock::anUnsavedProjectRunsAndKeepsItsRunsWhenSaved()
{
    // A project never saved runs against a temporary state store. Saved while the run is
    // still going, it keeps that store until the run ends, then the run moves beside the file.
    QString error;
    std::optional<Project> project =
        scaleDemoProject(test::sourcePath(QStringLiteral("resources/examples")), 1, &error);
    QVERIFY2(project, qPrintable(error));
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    window.document()->reset(*project); // as New project or an example would: no file yet
    const QString scratch = window.document()->stateLocation();
    QVERIFY(!scratch.isEmpty());
    const QString scheme = project->schemes.first().name;
    QVERIFY(window.runs()->run({scheme}, RunOptions()));
    QVERIFY(window.runs()->isRunning());

    const QString path = m_dir.filePath(QStringLiteral("saved-while-running.weft.json"));
    QVERIFY(window.saveProjectAs(path));
    const QString beside = StateStore::defaultLocationFor(QFileInfo(path).absoluteFilePath());
    if (window.runs()->isRunning())
        QCOMPARE(window.document()->stateLocation(), scratch); // the run still writes it
    QVERIFY(waitForRun(window));
    QCOMPARE(window.document()->stateLocation(), beside);
    QVERIFY(QFileInfo::exists(beside));
    std::unique_ptr<StateStore> store = StateStore::open(beside, &error);
    QVERIFY2(store, qPrintable(error));
    const QList<RunInfo> runs = store->runs(scheme);
    QCOMPARE(runs.size(), 1);
    QVERIFY(runs.first().counters.read > 0);
    QVERIFY(runs.first().outcome != RunOutcome::Running);
    window.document()->undoStack()->setClean();
}

QTEST_MAIN(TestRunAgainstMock)
#include "tst_runagainstmock.moc"
