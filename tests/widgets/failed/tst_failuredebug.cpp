// Debug in the designer: failed records of the seed-004 scheme (DingTalk rebate approvals →
// K3Cloud other receivables) in the project's SQLite state store, each debugged from the Failed
// records tab as a user would — its source payload becomes the pinned sample (one undo step),
// the canvas selects the node where it failed and the Node data tab shows it selected there.
#include "core/engine/preview.h"
#include "core/engine/transform.h"
#include "core/model/scheme.h"
#include "core/state/statestore.h"
#include "widgets/canvas/nodeitem.h"
#include "widgets/canvas/pipelinemodel.h"
#include "widgets/canvas/pipelinescene.h"
#include "widgets/common/language.h"
#include "widgets/common/projectdocument.h"
#include "widgets/failed/failedrecordsmodel.h"
#include "widgets/failed/failedrecordspanel.h"
#include "widgets/failed/failuredebug.h"
#include "widgets/mainwindow/bottompanel.h"
#include "widgets/mainwindow/mainwindow.h"
#include "widgets/run/nodedatapanel.h"
#include "widgets/run/samplecache.h"
#include "widgets/run/stagetablemodel.h"
#include "widgets/widgettestutil.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace weft;

namespace {

const QString kScheme = QStringLiteral("rebates");

} // namespace

class TestFailureDebug : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void nodeOfAFailure();
    void writeFailureIsShownAtTheTarget();
    void transformFailureIsShownAtItsStep();
    void fetchFailureHasNoRecordToPin();
    void failureOfAnotherProjectPinsNothing();
    void actionIsTranslated();

private:
    /// Filters the Failed records tab to one record id by typing, and selects its row.
    void showOnly(const QString &recordId);
    bool waitForSampleOf(const QList<QJsonObject> &records)
    {
        return test::waitUntil([&] {
            const PreviewResult *r = m_window->samples()->result(kScheme);
            return r && !m_window->samples()->isFetching(kScheme) && r->fromRecords &&
                   r->sourceRecords == records && !r->stages.isEmpty();
        });
    }
    bool nodeSelected(const QString &key) const
    {
        const NodeItem *item =
            m_window->scene()->nodeItem(m_window->pipelineModel()->nodeFor(kScheme, key));
        return item && item->isSelected();
    }
    FailedRecord failure(FailureStage stage, const StageRecord &line, const QString &message);

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    FailedRecordsPanel *m_failed = nullptr;
    NodeDataPanel *m_data = nullptr;
    QList<QJsonObject> m_original; ///< the pinned sample the project came with
    FailedRecord m_write;          ///< rejected by K3Cloud
    FailedRecord m_filter;         ///< failed in the filter step "approved"
};

FailedRecord TestFailureDebug::failure(FailureStage stage, const StageRecord &line,
                                       const QString &message)
{
    FailedRecord f;
    f.scheme = kScheme;
    f.runId = QStringLiteral("run-on-server-1");
    f.stage = stage;
    f.recordId = line.id;
    f.errorCode = stage == FailureStage::Write ? QStringLiteral("MsgCode 9") : QString();
    f.message = message;
    // What a run stores: the record as it entered the pipeline, after beatFlat.
    f.sourcePayload = line.record;
    return f;
}

void TestFailureDebug::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("WeftTest"));
    qputenv("WEFT_MOCK_URL", "http://127.0.0.1:9"); // no source to reach
    qputenv("DINGTALK_APP_SECRET", "weft-dd-secret");
    m_path = test::copyExampleWithSample(m_dir.path(), QStringLiteral("dingtalk-rebates-to-k3"),
                                         QStringLiteral("rebates.weft.json"));
    QVERIFY(!m_path.isEmpty());
    Language::apply(QStringLiteral("en"), false);
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(m_window->openProject(m_path, true));
    m_failed = m_window->failedPanel();
    m_data = m_window->findChild<NodeDataPanel *>(QStringLiteral("nodeDataPanel"));
    QVERIFY(m_data);
    m_original = m_window->samples()->pinnedSamples().sample(kScheme)->records;
    QVERIFY(waitForSampleOf(m_original));

    // Two lines as the pipeline flattened them: one the filter keeps (it reached K3Cloud and
    // was rejected there), another one (it failed in the filter).
    const PreviewResult *r = m_window->samples()->result(kScheme);
    const StageTrace *beat = nullptr;
    for (const StageTrace &s : r->stages) {
        if (s.id == QLatin1String("beatFlat"))
            beat = &s;
    }
    QVERIFY(beat);
    const StageRecord *kept = nullptr;
    const StageRecord *other = nullptr;
    for (const StageRecord &line : beat->records) {
        const bool approved = line.record["status"].toString() == QLatin1String("COMPLETED") &&
                              line.record["result"].toString() == QLatin1String("agree");
        if (approved && !kept)
            kept = &line;
        if (!approved && !other)
            other = &line;
    }
    QVERIFY(kept && other);
    m_write = failure(FailureStage::Write, *kept, QStringLiteral("客户编码 不存在"));
    m_filter = failure(FailureStage::Transform, *other,
                       QStringLiteral("scheme 'rebates': filter step approved: `{status}`: "
                                      "field not found"));
    FailedRecord page;
    page.scheme = kScheme;
    page.runId = m_write.runId;
    page.stage = FailureStage::Fetch;
    page.recordId = QStringLiteral("page 3 of 2026-12-01T00:00:00 .. 2026-12-02T00:00:00");
    page.message = QStringLiteral("timeout");
    page.sourcePayload = QJsonObject{{QStringLiteral("page"), 3}};
    FailedRecord elsewhere = m_filter;
    elsewhere.scheme = QStringLiteral("scheme-of-another-project");
    elsewhere.recordId = QStringLiteral("elsewhere-1");

    // The failures in the project's state store, as a run (of any host) leaves them.
    QString error;
    {
        std::unique_ptr<StateStore> store =
            StateStore::open(StateStore::defaultLocationFor(m_path), &error);
        QVERIFY2(store, qPrintable(error));
        QVERIFY(store->recordFailures({m_write, m_filter, page, elsewhere}));
    }
    m_failed->model()->refresh();
    QVERIFY(test::waitUntil([&] { return m_failed->model()->totalCount() == 4; }));
}

void TestFailureDebug::nodeOfAFailure()
{
    Scheme s;
    for (const QString &id :
         {QStringLiteral("check"), QStringLiteral("check-2"), QStringLiteral("enrich")}) {
        Step step;
        step.id = id;
        s.steps.append(step);
    }
    FailedRecord f;
    f.stage = FailureStage::Transform;
    f.message = QStringLiteral("scheme 's': validate step check-2: amount < 0");
    QCOMPARE(failureNodeKey(f, s), QStringLiteral("check-2"));
    f.message = QStringLiteral("scheme 's': validate step check: amount < 0");
    QCOMPARE(failureNodeKey(f, s), QStringLiteral("check"));
    f.message = QStringLiteral("scheme 's': lookup step enrich: target field x: unknown");
    QCOMPARE(failureNodeKey(f, s), QStringLiteral("enrich"));
    f.message = QStringLiteral("scheme 's': target field FNumber: `{x}`: field not found");
    QCOMPARE(failureNodeKey(f, s), QStringLiteral("map"));
    f.stage = FailureStage::Write;
    QCOMPARE(failureNodeKey(f, s), QStringLiteral("target"));
    f.stage = FailureStage::Fetch;
    QCOMPARE(failureNodeKey(f, s), QStringLiteral("source"));
}

void TestFailureDebug::showOnly(const QString &recordId)
{
    auto *text = m_failed->findChild<QLineEdit *>(QStringLiteral("text"));
    QVERIFY(text);
    text->clear();
    QTest::keyClicks(text, recordId);
    QTest::keyClick(text, Qt::Key_Return);
    QVERIFY(test::waitUntil([&] {
        return !m_failed->model()->isCounting() && m_failed->model()->totalCount() == 1 &&
               m_failed->model()->record(0);
    }));
    m_failed->selectRows({0});
}

void TestFailureDebug::writeFailureIsShownAtTheTarget()
{
    showOnly(m_write.recordId);
    QUndoStack *undo = m_window->document()->undoStack();
    const int steps = undo->count();
    auto *button = m_failed->findChild<QPushButton *>(QStringLiteral("debugInDesigner"));
    QVERIFY(button && button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);

    // The record's source payload is the pinned sample now: one undo step.
    QCOMPARE(m_window->samples()->pinnedSamples().sample(kScheme)->records,
             QList<QJsonObject>{m_write.sourcePayload});
    QCOMPARE(undo->count(), steps + 1);
    // The target node where K3Cloud rejected it, and the Node data tab showing the mapping's
    // output of that one record.
    QVERIFY(nodeSelected(QStringLiteral("target")));
    QCOMPARE(m_window->bottomPanel()->currentWidget(), m_data);
    QVERIFY(waitForSampleOf({m_write.sourcePayload}));
    QCOMPARE(m_data->scheme(), kScheme);
    QCOMPARE(m_data->stageId(), QStringLiteral("map"));
    QCOMPARE(m_data->model()->rowCount(), 1);
    QCOMPARE(m_data->table()->currentIndex().row(), 0);
    QVERIFY2(m_data->jsonView()->toPlainText().contains(QStringLiteral("\"FBillNo\"")),
             qPrintable(m_data->jsonView()->toPlainText()));
    // A picture of it for docs/studio.md when asked for.
    if (const QString dir = qEnvironmentVariable("WEFT_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_window->grab().save(dir + QStringLiteral("/debug-in-designer-en.png")));

    // Undo brings the sample the project had back.
    undo->undo();
    QCOMPARE(m_window->samples()->pinnedSamples().sample(kScheme)->records, m_original);
    QVERIFY(waitForSampleOf(m_original));
}

void TestFailureDebug::transformFailureIsShownAtItsStep()
{
    // Both records selected, the one that failed in the filter current: both are pinned,
    // it first, and it is shown selected at the filter.
    auto *text = m_failed->findChild<QLineEdit *>(QStringLiteral("text"));
    text->clear();
    QTest::keyClick(text, Qt::Key_Return);
    QVERIFY(test::waitUntil([&] {
        return !m_failed->model()->isCounting() && m_failed->model()->totalCount() == 4 &&
               m_failed->model()->record(3);
    }));
    int filterRow = -1;
    int writeRow = -1;
    for (int row = 0; row < 4; ++row) {
        const QString id = m_failed->model()->record(row)->recordId;
        if (id == m_filter.recordId && m_failed->model()->record(row)->scheme == kScheme)
            filterRow = row;
        if (id == m_write.recordId)
            writeRow = row;
    }
    QVERIFY(filterRow >= 0 && writeRow >= 0);
    m_failed->selectRows({filterRow, writeRow});
    // From the records' context menu.
    QAction *debug = m_failed->contextMenu()->findChild<QAction *>(QStringLiteral("debugAction"));
    QVERIFY(debug);
    QCOMPARE(debug->text(), QStringLiteral("Debug in designer"));
    debug->trigger();

    const QList<QJsonObject> pinned{m_filter.sourcePayload, m_write.sourcePayload};
    QCOMPARE(m_window->samples()->pinnedSamples().sample(kScheme)->records, pinned);
    QVERIFY(nodeSelected(QStringLiteral("approved")));
    QVERIFY(!nodeSelected(QStringLiteral("target")));
    QVERIFY(waitForSampleOf(pinned));
    QCOMPARE(m_data->stageId(), QStringLiteral("approved"));
    QCOMPARE(m_data->model()->rowCount(), 2);
    // The failed record's data, as it came to the filter.
    const StageRecord *shown = m_data->model()->record(m_data->table()->currentIndex().row());
    QVERIFY(shown);
    QCOMPARE(shown->record, m_filter.sourcePayload);
    QVERIFY(m_window->statusBar()->currentMessage().contains(m_filter.recordId));
    m_window->document()->undoStack()->undo();
    QCOMPARE(m_window->samples()->pinnedSamples().sample(kScheme)->records, m_original);
}

void TestFailureDebug::fetchFailureHasNoRecordToPin()
{
    showOnly(QStringLiteral("page 3 of"));
    const int steps = m_window->document()->undoStack()->count();
    QTest::mouseClick(m_failed->findChild<QPushButton *>(QStringLiteral("debugInDesigner")),
                      Qt::LeftButton);
    QCOMPARE(m_window->document()->undoStack()->count(), steps);
    QCOMPARE(m_window->samples()->pinnedSamples().sample(kScheme)->records, m_original);
    QVERIFY(nodeSelected(QStringLiteral("source")));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("no record to pin")));
}

void TestFailureDebug::failureOfAnotherProjectPinsNothing()
{
    showOnly(QStringLiteral("elsewhere-1"));
    const int steps = m_window->document()->undoStack()->count();
    QTest::mouseClick(m_failed->findChild<QPushButton *>(QStringLiteral("debugInDesigner")),
                      Qt::LeftButton);
    QCOMPARE(m_window->document()->undoStack()->count(), steps);
    QVERIFY(!m_window->samples()->isPinned(QStringLiteral("scheme-of-another-project")));
    QVERIFY(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("not in this project")));
}

void TestFailureDebug::actionIsTranslated()
{
    auto *button = m_failed->findChild<QPushButton *>(QStringLiteral("debugInDesigner"));
    QAction *debug = m_failed->contextMenu()->findChild<QAction *>(QStringLiteral("debugAction"));
    QVERIFY(Language::apply(QStringLiteral("zh_CN"), false));
    QCoreApplication::processEvents();
    QCOMPARE(button->text(), QStringLiteral("在设计器中调试"));
    QCOMPARE(debug->text(), QStringLiteral("在设计器中调试"));
    showOnly(QStringLiteral("elsewhere-1"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("不在本项目中")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(Language::apply(QStringLiteral("en"), false));
    QCoreApplication::processEvents();
    QCOMPARE(debug->text(), QStringLiteral("Debug in designer"));
}

QTEST_MAIN(TestFailureDebug)
#include "tst_failuredebug.moc"
