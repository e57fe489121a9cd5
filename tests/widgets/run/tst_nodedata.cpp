// The design loop on the seed-004 scheme (DingTalk rebate approvals → K3Cloud other
// receivables): a sample pinned beside the project is previewed with no source to reach,
// each canvas node shows the records leaving it (the filter's drops with their reasons, the
// mapping's grouped documents) and its counts, an edited step is mapped again, and every
// change of the pinned sample is an undo step saved beside the project without secrets.
#include "core/engine/preview.h"
#include "core/engine/transform.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinerunoverlay.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/common/commands.h"
#include "widgets/common/language.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/run/nodedatapanel.h"
#include "widgets/run/samplecache.h"
#include "widgets/run/stagetablemodel.h"
#include "widgets/widgettestutil.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

namespace {

const QString kScheme = QStringLiteral("rebates");

/// The figures the filter and the mapping must give, computed from the pinned records.
struct Expected {
    int instances = 0;
    int rows = 0;              ///< 表格 rows: beatFlat's lines
    int approvedRows = 0;      ///< lines of approved instances: what the filter keeps
    int liveRows = 0;          ///< lines of instances not TERMINATED (running ones too)
    int approvedInstances = 0; ///< K3Cloud documents
};

Expected expectedFrom(const QList<QJsonObject> &records)
{
    Expected e;
    for (const QJsonObject &r : records) {
        const int rows = std::max<int>(1, int(r["表格"].toArray().size()));
        ++e.instances;
        e.rows += rows;
        const bool completed = r["status"].toString() == QLatin1String("COMPLETED");
        if (r["status"].toString() != QLatin1String("TERMINATED"))
            e.liveRows += rows;
        if (completed && r["result"].toString() == QLatin1String("agree")) {
            e.approvedRows += rows;
            ++e.approvedInstances;
        }
    }
    return e;
}

} // namespace

class TestNodeData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pinnedSampleIsPreviewedOffline();
    void filterNodeShowsWhatItDroppedAndWhy();
    void mappingNodeShowsGroupedDocuments();
    void editingAStepMapsTheSampleAgain();
    void pinnedSampleEditsAreUndoStepsSavedWithoutSecrets();
    void refreshWithoutNetworkKeepsThePin();
    void lookupAndValidateNotes();
    void screenshots();

private:
    const PreviewResult *sample() const { return m_window->samples()->result(kScheme); }
    bool waitForSample(const std::function<bool(const PreviewResult &)> &done = {})
    {
        return test::waitUntil([&] {
            const PreviewResult *r = sample();
            return r && !m_window->samples()->isFetching(kScheme) && !r->stages.isEmpty() &&
                   (!done || done(*r));
        });
    }
    const StageTrace *stage(const QString &id) const
    {
        for (const StageTrace &s : sample()->stages) {
            if (s.id == id)
                return &s;
        }
        return nullptr;
    }

    QTemporaryDir m_dir;
    QString m_path;
    Expected m_want;
    std::unique_ptr<MainWindow> m_window;
    NodeDataPanel *m_panel = nullptr;
};

void TestNodeData::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    // No source to reach: the example's connections point at a port nothing listens on.
    qputenv("WEFT_MOCK_URL", "http://127.0.0.1:9");
    qputenv("DINGTALK_APP_SECRET", "weft-dd-secret");
    // The sample was pinned from weft-mock --seed 13 --dd-instances 150 with
    // `weft-run preview --pin`.
    m_path = test::copyExampleWithSample(m_dir.path(), QStringLiteral("dingtalk-rebates-to-k3"),
                                         QStringLiteral("rebates.weft.json"));
    QVERIFY(!m_path.isEmpty());
    Language::apply(QStringLiteral("en"), false);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(m_window->openProject(m_path, true));
    m_panel = m_window->findChild<NodeDataPanel *>(QStringLiteral("nodeDataPanel"));
    QVERIFY(m_panel);
    QVERIFY(m_window->samples()->isPinned(kScheme));
    m_want = expectedFrom(m_window->samples()->pinnedSamples().sample(kScheme)->records);
}

void TestNodeData::pinnedSampleIsPreviewedOffline()
{
    // Opening the project previews the pinned sample at once, without being asked.
    QVERIFY(waitForSample());
    QVERIFY2(sample()->error.isEmpty(), qPrintable(sample()->error));
    QVERIFY(sample()->fromRecords);
    QCOMPARE(sample()->sourceRecords.size(), m_want.instances);
    // The mapping editor's fields and live values come from it too.
    QVERIFY(m_window->samples()->fields(kScheme).contains(QStringLiteral("表格_客户编码")));
    QCOMPARE(m_window->samples()->inputs(kScheme).size(), m_want.rows);
}

void TestNodeData::filterNodeShowsWhatItDroppedAndWhy()
{
    QVERIFY(waitForSample());
    m_window->scene()->selectNode(kScheme, QStringLiteral("approved"));
    QCOMPARE(m_panel->stageId(), QStringLiteral("approved"));
    StageTableModel *model = m_panel->model();
    QCOMPARE(model->rowCount(), m_want.rows);
    QCOMPARE(model->countOf(StageRecord::Fate::Passed), m_want.approvedRows);
    QCOMPARE(model->countOf(StageRecord::Fate::Dropped), m_want.rows - m_want.approvedRows);
    // The figures of the sample in tests/data, as docs/studio.md quotes them.
    QCOMPARE(m_want.rows, 367);
    QCOMPARE(m_want.approvedRows, 304);
    for (int row = 0; row < model->rowCount(); ++row) {
        const StageRecord *r = model->record(row);
        const bool approved = r->record["status"].toString() == QLatin1String("COMPLETED") &&
                              r->record["result"].toString() == QLatin1String("agree");
        QCOMPARE(r->fate == StageRecord::Fate::Dropped, !approved);
        if (!approved) {
            // Why: the values the condition read.
            QCOMPARE(model->note(row),
                     QStringLiteral("condition false: status = \"%1\", result = \"%2\"")
                         .arg(r->record["status"].toString(), r->record["result"].toString()));
        }
    }
    QVERIFY2(m_panel->stateText().contains(QStringLiteral("%1 in · %2 out · %3 dropped")
                                               .arg(m_want.rows)
                                               .arg(m_want.approvedRows)
                                               .arg(m_want.rows - m_want.approvedRows)),
             qPrintable(m_panel->stateText()));
    // The selected record as JSON.
    m_panel->table()->selectRow(0);
    QVERIFY(m_panel->jsonView()->toPlainText().contains(QStringLiteral("\"business_id\"")));

    // The canvas shows the sample's counts on the nodes, as a run does.
    PipelineModel *pipeline = m_window->pipelineModel();
    const NodeRunCounts filter =
        pipeline->runOverlay()->counts(pipeline->nodeFor(kScheme, "approved"));
    QCOMPARE(filter.in, m_want.rows);
    QCOMPARE(filter.out, m_want.approvedRows);
    const NodeRunCounts source =
        pipeline->runOverlay()->counts(pipeline->nodeFor(kScheme, "source"));
    QCOMPARE(source.out, m_want.rows);
}

void TestNodeData::mappingNodeShowsGroupedDocuments()
{
    QVERIFY(waitForSample());
    m_window->scene()->selectNode(kScheme, QStringLiteral("map"));
    QCOMPARE(m_panel->stageId(), QStringLiteral("map"));
    StageTableModel *model = m_panel->model();
    // One K3Cloud other receivable per approved instance, its rows as FEntity lines.
    QCOMPARE(model->rowCount(), m_want.approvedInstances);
    QCOMPARE(m_want.approvedInstances, 124);
    int lines = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const StageRecord *r = model->record(row);
        QCOMPARE(r->fate, StageRecord::Fate::Passed);
        QCOMPARE(r->record["FEntity"].toArray().size(), r->inputs.size());
        QVERIFY(r->record["FBillNo"].toString().startsWith(QStringLiteral("DD")));
        QCOMPARE(model->note(row), QStringLiteral("made of %1 record(s)").arg(r->inputs.size()));
        lines += int(r->inputs.size());
    }
    QCOMPARE(lines, m_want.approvedRows);
    QVERIFY2(m_panel->stateText().endsWith(
                 QStringLiteral("· %1 document(s)").arg(m_want.approvedInstances)),
             qPrintable(m_panel->stateText()));
    // The target node takes what the mapping hands on.
    PipelineModel *pipeline = m_window->pipelineModel();
    const NodeRunCounts target =
        pipeline->runOverlay()->counts(pipeline->nodeFor(kScheme, "target"));
    QCOMPARE(target.in, m_want.approvedRows);
    m_window->scene()->selectNode(kScheme, QStringLiteral("target"));
    QCOMPARE(m_panel->stageId(), QStringLiteral("map"));
}

void TestNodeData::editingAStepMapsTheSampleAgain()
{
    QVERIFY(waitForSample());
    QVERIFY(m_want.liveRows > m_want.approvedRows); // the edit must change something
    m_window->scene()->selectNode(kScheme, QStringLiteral("approved"));
    ProjectDocument *doc = m_window->document();
    QVERIFY(pushSchemeEdit(doc, kScheme, QStringLiteral("condition"), [](Scheme &s) {
        s.steps[0].settings.insert(QStringLiteral("condition"),
                                   QStringLiteral("_function '{status}' <> 'TERMINATED'"));
    }));
    QVERIFY(waitForSample(
        [&](const PreviewResult &) { return stage("approved")->out == m_want.liveRows; }));
    // The table follows, and the node's counts.
    QCOMPARE(m_panel->model()->countOf(StageRecord::Fate::Passed), m_want.liveRows);
    PipelineModel *pipeline = m_window->pipelineModel();
    QCOMPARE(pipeline->runOverlay()->counts(pipeline->nodeFor(kScheme, "approved")).out,
             m_want.liveRows);
    doc->undoStack()->undo();
    QVERIFY(waitForSample(
        [&](const PreviewResult &) { return stage("approved")->out == m_want.approvedRows; }));
    QCOMPARE(m_panel->model()->countOf(StageRecord::Fate::Passed), m_want.approvedRows);
}

void TestNodeData::pinnedSampleEditsAreUndoStepsSavedWithoutSecrets()
{
    QVERIFY(waitForSample());
    SampleCache *samples = m_window->samples();
    QUndoStack *undo = m_window->document()->undoStack();
    // An edge case: an approved instance whose only row has no customer, with a token a
    // system might have echoed into the record.
    QJsonObject edge = samples->pinnedSamples().sample(kScheme)->records.first();
    edge["id"] = QStringLiteral("edge-case-1");
    edge["business_id"] = QStringLiteral("EDGE0001");
    edge["status"] = QStringLiteral("COMPLETED");
    edge["result"] = QStringLiteral("agree");
    edge["access_token"] = QStringLiteral("tok-never-saved-123");
    edge["表格"] = QJsonArray{QJsonObject{{QStringLiteral("客户编码"), QString()},
                                          {QStringLiteral("不含税金额"), QStringLiteral("10")}}};
    const int steps = undo->index();
    QVERIFY(samples->setPinnedRecord(kScheme, -1, edge));
    QCOMPARE(undo->index(), steps + 1);
    QVERIFY(waitForSample(
        [&](const PreviewResult &r) { return r.sourceRecords.size() == m_want.instances + 1; }));
    QCOMPARE(stage("map")->records.size(), m_want.approvedInstances + 1);

    undo->undo();
    QVERIFY(waitForSample(
        [&](const PreviewResult &r) { return r.sourceRecords.size() == m_want.instances; }));
    undo->redo();
    QVERIFY(waitForSample(
        [&](const PreviewResult &r) { return r.sourceRecords.size() == m_want.instances + 1; }));

    QVERIFY(m_window->saveProject());
    const QByteArray saved = test::readFile(PinnedSamples::locationFor(m_path));
    QVERIFY(saved.contains("EDGE0001"));
    QVERIFY(!saved.contains("tok-never-saved-123"));
    PinnedSamples back;
    QString error;
    QVERIFY(back.read(PinnedSamples::locationFor(m_path), &error));
    QCOMPARE(back.sample(kScheme)->records.size(), m_want.instances + 1);

    // The record editor: text that is no JSON object is refused in place; an object
    // replaces the record, one more undo step.
    m_window->scene()->selectNode(kScheme, QStringLiteral("source"));
    m_panel->table()->selectRow(1);
    m_panel->editRecord(1);
    auto *editor = m_panel->findChild<QDialog *>(QStringLiteral("recordEditor"));
    QVERIFY(editor);
    auto *text = editor->findChild<QPlainTextEdit *>(QStringLiteral("recordText"));
    QVERIFY(text->toPlainText().contains(sample()->sourceRecords.at(1)["id"].toString()));
    auto *buttons = editor->findChild<QDialogButtonBox *>();
    text->setPlainText(QStringLiteral("[1, 2]"));
    buttons->button(QDialogButtonBox::Ok)->click();
    QVERIFY(editor->isVisible());
    QCOMPARE(undo->index(), steps + 1);
    QJsonObject changed = sample()->sourceRecords.at(1);
    changed["title"] = QStringLiteral("edited in the designer");
    text->setPlainText(QString::fromUtf8(QJsonDocument(changed).toJson()));
    buttons->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(undo->index(), steps + 2);
    QCOMPARE(samples->pinnedSamples().sample(kScheme)->records.at(1)["title"].toString(),
             QStringLiteral("edited in the designer"));
    undo->undo();

    // Unpinning is an undo step too.
    samples->unpin(kScheme);
    QVERIFY(!samples->isPinned(kScheme));
    undo->undo();
    QVERIFY(samples->isPinned(kScheme));
}

void TestNodeData::refreshWithoutNetworkKeepsThePin()
{
    QVERIFY(waitForSample());
    SampleCache *samples = m_window->samples();
    const PinnedSample before = *samples->pinnedSamples().sample(kScheme);
    const int steps = m_window->document()->undoStack()->count();
    samples->fetch(kScheme); // a refresh: the source cannot be reached
    QVERIFY(test::waitUntil([&] { return !samples->isFetching(kScheme); }, 60000));
    QVERIFY(!sample()->error.isEmpty());
    QCOMPARE(*samples->pinnedSamples().sample(kScheme), before);
    QCOMPARE(m_window->document()->undoStack()->count(), steps);
}

void TestNodeData::lookupAndValidateNotes()
{
    // Seed 004 has no lookup or validate step: a small scheme's real trace shows their notes.
    Scheme s;
    s.name = QStringLiteral("orders");
    s.source.metadata = AdapterMetadata(QJsonObject{{"id", "id"}});
    s.target.metadata = AdapterMetadata(
        QJsonObject{{"request", QJsonArray{QJsonObject{{"field", "no"}, {"value", "{id}"}}}}});
    Step lookup;
    lookup.id = QStringLiteral("names");
    lookup.type = StepType::Lookup;
    lookup.settings = {
        {"fields", QJsonArray{QJsonObject{{"field", "skuName"},
                                          {"value", "_function IF('{sku}' = 'a', 'Apple', '')"}}}}};
    Step validate;
    validate.id = QStringLiteral("checked");
    validate.type = StepType::Validate;
    validate.settings = {{"rules", QJsonArray{QJsonObject{{"field", "sku"}, {"maxLength", 1}}}}};
    s.steps = {lookup, validate};
    Project p;
    p.schemes = {s};
    QStringList errors;
    const auto t = Transform::compile(p, s, nullptr, &errors);
    QVERIFY2(t, qPrintable(errors.join('\n')));
    QList<StageTrace> stages;
    t->trace({QJsonObject{{"id", 1}, {"sku", "a"}}, QJsonObject{{"id", 2}, {"sku", "bb"}}}, {},
             &stages);
    StageTableModel model;
    model.setStage(stages.at(1));
    QCOMPARE(model.note(0), QStringLiteral("added skuName"));
    QCOMPARE(model.note(1), QStringLiteral("added skuName; not found: skuName"));
    model.setStage(stages.at(2));
    QCOMPARE(model.note(0), QStringLiteral("1 rule(s) passed"));
    QCOMPARE(model.data(model.index(1, StageTableModel::FateColumn)).toString(),
             QStringLiteral("failed"));
    QCOMPARE(model.note(1), QStringLiteral("1 of 1 rule(s) broken: sku is 2 characters long, "
                                           "more than the 1 allowed"));
}

void TestNodeData::screenshots()
{
    // The pictures in docs/studio.md: made only when asked (WEFT_SCREENSHOT_DIR), as they
    // depend on fonts.
    const QString dir = qEnvironmentVariable("WEFT_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("WEFT_SCREENSHOT_DIR not set");
    m_window->samples()->recompute(kScheme);
    QVERIFY(waitForSample());
    auto *bottom = m_window->findChild<QDockWidget *>(QStringLiteral("bottomDock"));
    QVERIFY(bottom);
    m_window->resizeDocks({bottom}, {430}, Qt::Vertical);
    for (const QString language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
        m_window->setLanguage(language);
        m_window->showBottomTab(QStringLiteral("nodedata"));
        m_window->scene()->selectNode(kScheme, QStringLiteral("approved"));
        // A dropped record selected: its reason shows above its JSON.
        for (int row = 0; row < m_panel->model()->rowCount(); ++row) {
            if (m_panel->model()->record(row)->fate == StageRecord::Fate::Dropped) {
                m_panel->table()->selectRow(row);
                break;
            }
        }
        QTest::qWait(200);
        QVERIFY(
            m_window->grab().save(dir + QStringLiteral("/node-data-filter-%1.png").arg(language)));
        m_window->scene()->selectNode(kScheme, QStringLiteral("map"));
        m_panel->table()->selectRow(0);
        QTest::qWait(200);
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/node-data-map-%1.png").arg(language)));
        m_window->scene()->selectNode(kScheme, QStringLiteral("source"));
        m_panel->table()->selectRow(0);
        m_panel->editRecord(0);
        auto *editor = m_panel->findChild<QDialog *>(QStringLiteral("recordEditor"));
        QVERIFY(editor);
        QTest::qWait(200);
        QVERIFY(editor->grab().save(dir + QStringLiteral("/pinned-record-%1.png").arg(language)));
        editor->reject();
        QTest::qWait(50);
    }
    m_window->setLanguage(QStringLiteral("en"));
}

QTEST_MAIN(TestNodeData)
#include "tst_nodedata.moc"
