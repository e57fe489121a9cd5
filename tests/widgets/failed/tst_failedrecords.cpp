#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"
#include "widgets/failed/failedrecordsmodel.h"
#include "widgets/failed/failedrecordspanel.h"
#include "widgets/widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace weft;

/// The failed records table over the state store: the model contract, filters, the panel's
/// actions, and a store of a million failures scrolled from top to bottom without the window
/// ever waiting on the database.
class TestFailedRecords : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void modelContract();
    void filtersNarrowTheList();
    void firstPageComesBeforeTheCount();
    void listsApplyAtOnceTypingAfterAPause();
    void detailShowsPayloadsAndIgnoreRemoves();
    void editedPayloadIsSavedBeforeTheRetry();
    void selectionBeyondTheLoadedPagesIsReadFromTheStore();
    void exportsCsv();
    void millionRowsScrollSmoothly();

private:
    /// A store with `count` failures over three schemes (via SQL: fast to generate).
    QString makeStore(const QString &name, int count);
    QTemporaryDir m_dir;
};

QString TestFailedRecords::makeStore(const QString &name, int count)
{
    const QString path = m_dir.filePath(name);
    QString error;
    std::unique_ptr<StateStore> store = StateStore::open(path, &error);
    if (!store)
        qFatal("cannot open state store: %s", qPrintable(error));
    QSqlQuery q(store->database());
    store->database().transaction();
    const bool ok = q.exec(
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
            "INSERT INTO failed_records (scheme, run_id, stage, record_id, record_number, "
            "record_name, error_code, message, source_payload, target_payload, attempts, status, "
            "created_at, updated_at) SELECT CASE i % 3 WHEN 0 THEN 'warehouses' WHEN 1 THEN "
            "'purchasein' ELSE 'rebates' END, 'run-' || (i / 100000), CASE i % 10 WHEN 0 THEN "
            "'transform' ELSE 'write' END, 'rec-' || i, 'NO' || i, '名称' || i, '1406', "
            "'Data too long for column ''items_name'' at row ' || (i % 1000), "
            "'{\"io_id\":' || i || ',\"items_name\":\"商品' || i || '\"}', "
            "'{\"id\":\"' || i || '\"}', 1, 'failed', 1700000000000, 1700000000000 + i FROM n")
            .arg(count));
    store->database().commit();
    if (!ok)
        qFatal("cannot fill the store: %s", qPrintable(q.lastError().text()));
    return path;
}

void TestFailedRecords::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestFailedRecords::modelContract()
{
    StateService state;
    state.setLocation(makeStore(QStringLiteral("small.sqlite"), 1000));
    FailedRecordsModel model(&state);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter({});
    QVERIFY(test::waitUntil([&] { return !model.isCounting() && model.rowCount() == 1000; }));
    // Rows arrive page by page as they are looked at; the tester watches every change.
    model.data(model.index(0, 0));
    model.data(model.index(999, 0));
    QVERIFY(test::waitUntil([&] { return model.record(0) && model.record(999); }));
    QCOMPARE(model.record(0)->recordId, QStringLiteral("rec-1"));
    QCOMPARE(model.index(999, int(FailedRecordsModel::Column::Record)).data().toString(),
             QStringLiteral("rec-1000"));
    QVERIFY(model.loadedPages() <= 2);
}

void TestFailedRecords::filtersNarrowTheList()
{
    StateService state;
    state.setLocation(makeStore(QStringLiteral("filters.sqlite"), 3000));
    FailedRecordsModel model(&state);
    FailedFilter f;
    f.scheme = QStringLiteral("warehouses");
    model.setFilter(f);
    QVERIFY(test::waitUntil([&] { return !model.isCounting(); }));
    QCOMPARE(model.totalCount(), 1000);
    f.stage = FailureStage::Transform;
    model.setFilter(f);
    QVERIFY(test::waitUntil([&] { return !model.isCounting(); }));
    QCOMPARE(model.totalCount(), 100);
    FailedFilter text;
    text.text = QStringLiteral("rec-2999");
    model.setFilter(text);
    QVERIFY(test::waitUntil([&] { return !model.isCounting(); }));
    QCOMPARE(model.totalCount(), 1);
    FailedFilter run;
    run.runId = QStringLiteral("run-0");
    model.setFilter(run);
    QVERIFY(test::waitUntil([&] { return !model.isCounting(); }));
    QCOMPARE(model.totalCount(), 3000);
}

void TestFailedRecords::firstPageComesBeforeTheCount()
{
    StateService state;
    state.setLocation(makeStore(QStringLiteral("first.sqlite"), 3000));
    FailedRecordsModel model(&state);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    // When the first page is shown the count is still to come; the rows shown then stay
    // loaded when the count comes (no second fetch).
    bool countingWhenShown = false;
    int rowsWhenShown = -1;
    connect(&model, &FailedRecordsModel::pageLoaded, this, [&](int page) {
        if (page == 0 && rowsWhenShown < 0) {
            countingWhenShown = model.isCounting();
            rowsWhenShown = model.rowCount();
        }
    });
    FailedFilter f;
    f.stage = FailureStage::Write;
    model.setFilter(f);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(test::waitUntil([&] { return !model.isCounting(); }));
    QVERIFY(countingWhenShown);
    QCOMPARE(rowsWhenShown, FailedRecordsModel::kPageSize);
    QCOMPARE(resets.count(), 2); // the first page, then the count
    QCOMPARE(model.rowCount(), 2700);
    QVERIFY(model.record(0));
    QVERIFY(model.record(FailedRecordsModel::kPageSize - 1));
    QCOMPARE(model.record(0)->recordId, QStringLiteral("rec-1"));
    // Fewer matches than a page: the first page is the whole list, the count agrees.
    f.text = QStringLiteral("rec-299");
    model.setFilter(f);
    QVERIFY(test::waitUntil([&] { return !model.isCounting(); }));
    // rec-299 and rec-2991 … rec-2999 (rec-2990 failed in the transform).
    QCOMPARE(model.rowCount(), 10);
    QVERIFY(model.record(9));
}

void TestFailedRecords::listsApplyAtOnceTypingAfterAPause()
{
    StateService state;
    state.setLocation(makeStore(QStringLiteral("typing.sqlite"), 100));
    FailedRecordsPanel panel(&state);
    panel.show();
    auto *stage = panel.findChild<QComboBox *>(QStringLiteral("stage"));
    auto *text = panel.findChild<QLineEdit *>(QStringLiteral("text"));
    QVERIFY(stage && text);
    stage->setCurrentIndex(2);
    QCOMPARE(panel.model()->filter().stage, std::optional(FailureStage::Transform));
    QTest::keyClicks(text, QStringLiteral("rec-1"));
    QVERIFY(panel.model()->filter().text.isEmpty()); // not on every key
    QTest::qWait(FailedRecordsPanel::kTypingPauseMs + 100);
    QCOMPARE(panel.model()->filter().text, QStringLiteral("rec-1"));
    QTest::keyClicks(text, QStringLiteral("0"));
    QTest::keyClick(text, Qt::Key_Return); // Enter does not wait
    QCOMPARE(panel.model()->filter().text, QStringLiteral("rec-10"));
}

void TestFailedRecords::detailShowsPayloadsAndIgnoreRemoves()
{
    StateService state;
    state.setLocation(makeStore(QStringLiteral("panel.sqlite"), 50));
    FailedRecordsPanel panel(&state);
    panel.resize(1200, 600);
    panel.show();
    FailedRecordsModel *model = panel.model();
    QVERIFY(test::waitUntil([&] { return !model->isCounting() && model->rowCount() == 50; }));
    model->data(model->index(0, 0));
    QVERIFY(test::waitUntil([&] { return model->record(1) != nullptr; }));
    panel.selectRows({0, 1});
    auto *source = panel.findChild<QPlainTextEdit *>(QStringLiteral("sourcePayload"));
    QVERIFY(source);
    QVERIFY(source->toPlainText().contains(QStringLiteral("\"items_name\": \"商品1\"")));
    auto *error = panel.findChild<QPlainTextEdit *>(QStringLiteral("error"));
    QVERIFY(error->toPlainText().contains(QStringLiteral("Data too long")));
    QSignalSpy messages(&panel, &FailedRecordsPanel::message);
    panel.ignoreSelected();
    QVERIFY(test::waitUntil([&] { return !model->isCounting() && model->totalCount() == 48; }));
    QCOMPARE(messages.count(), 1);
    // The ignored ones are still there, under "Ignored".
    FailedFilter ignored;
    ignored.status = FailureStatus::Ignored;
    model->setFilter(ignored);
    QVERIFY(test::waitUntil([&] { return !model->isCounting(); }));
    QCOMPARE(model->totalCount(), 2);
}

void TestFailedRecords::editedPayloadIsSavedBeforeTheRetry()
{
    const QString path = makeStore(QStringLiteral("retry.sqlite"), 10);
    StateService state;
    state.setLocation(path);
    FailedRecordsPanel panel(&state);
    FailedRecordsModel *model = panel.model();
    QVERIFY(test::waitUntil([&] { return !model->isCounting() && model->rowCount() == 10; }));
    model->data(model->index(0, 0));
    QVERIFY(test::waitUntil([&] { return model->record(2) != nullptr; }));
    panel.selectRows({2});
    QSignalSpy retries(&panel, &FailedRecordsPanel::retryRequested);
    auto *source = panel.findChild<QPlainTextEdit *>(QStringLiteral("sourcePayload"));
    source->setPlainText(QStringLiteral("{\"io_id\": 3, \"items_name\": \"fixed\"}"));
    panel.saveAndRetry();
    QVERIFY(test::waitUntil([&] { return retries.count() == 1; }));
    QCOMPARE(retries.at(0).at(0).toString(), QStringLiteral("warehouses")); // 3 % 3 == 0
    QCOMPARE(retries.at(0).at(1).toStringList(), QStringList{QStringLiteral("rec-3")});
    QString error;
    auto store = StateStore::open(path, &error);
    FailedFilter f;
    f.recordIds = {QStringLiteral("rec-3")};
    const QList<FailedRecord> saved = store->failedRecords(f);
    QCOMPARE(saved.size(), 1);
    QCOMPARE(saved.first().sourcePayload.value(QStringLiteral("items_name")).toString(),
             QStringLiteral("fixed"));
    // Retry selected / all name the records and the scheme. The save changed the store, so
    // the model reloads: wait for its first page before selecting from it.
    QVERIFY(test::waitUntil([&] { return !model->isCounting(); }));
    model->data(model->index(0, 0));
    QVERIFY(test::waitUntil([&] { return model->record(0) != nullptr; }));
    panel.selectRows({0});
    panel.retrySelected();
    QCOMPARE(retries.count(), 2);
    QCOMPARE(retries.at(1).at(1).toStringList(), QStringList{QStringLiteral("rec-1")});
}

void TestFailedRecords::selectionBeyondTheLoadedPagesIsReadFromTheStore()
{
    // Ctrl+A in a long list selects rows whose pages were never read: Retry selected and
    // Ignore must still act on every selected record, not only on the loaded ones.
    StateService state;
    // Three pages of one scheme (a retry runs one scheme at a time).
    const QString path =
        makeStore(QStringLiteral("partial.sqlite"), 9 * FailedRecordsModel::kPageSize);
    state.setLocation(path);
    FailedRecordsPanel panel(&state);
    FailedRecordsModel *model = panel.model();
    FailedFilter warehouses;
    warehouses.scheme = QStringLiteral("warehouses");
    model->setFilter(warehouses);
    QVERIFY(test::waitUntil([&] {
        return !model->isCounting() && model->rowCount() == 3 * FailedRecordsModel::kPageSize;
    }));
    model->data(model->index(0, 0));
    QVERIFY(test::waitUntil([&] { return model->record(0) != nullptr; }));
    const int unloaded = 2 * FailedRecordsModel::kPageSize + 3;
    QVERIFY(model->record(unloaded) == nullptr);

    // What the store holds at those places of the filtered list.
    QString error;
    auto store = StateStore::open(path, &error);
    QVERIFY(store);
    const auto idAt = [&](int row) {
        FailedFilter f = warehouses;
        f.offset = row;
        f.limit = 1;
        return store->failedRecords(f).value(0).recordId;
    };
    const QStringList expected = {idAt(0), idAt(unloaded), idAt(unloaded + 1)};
    QVERIFY(!expected.contains(QString()));

    QSignalSpy retries(&panel, &FailedRecordsPanel::retryRequested);
    panel.selectRows({0, unloaded, unloaded + 1});
    panel.retrySelected();
    QVERIFY(test::waitUntil([&] { return retries.count() == 1; }));
    QCOMPARE(retries.at(0).at(0).toString(), QStringLiteral("warehouses"));
    QCOMPARE(retries.at(0).at(1).toStringList(), expected);

    panel.ignoreSelected();
    QVERIFY(test::waitUntil([&] {
        return !model->isCounting() && model->totalCount() == 3 * FailedRecordsModel::kPageSize - 3;
    }));
    FailedFilter ignored = warehouses;
    ignored.status = FailureStatus::Ignored;
    QStringList nowIgnored;
    for (const FailedRecord &r : store->failedRecords(ignored))
        nowIgnored << r.recordId;
    std::sort(nowIgnored.begin(), nowIgnored.end());
    QStringList sortedExpected = expected;
    std::sort(sortedExpected.begin(), sortedExpected.end());
    QCOMPARE(nowIgnored, sortedExpected);

    // Ctrl+A: every row of the filtered list, loaded or not, in one retry.
    auto *view = panel.findChild<QTableView *>(QStringLiteral("records"));
    QVERIFY(view);
    view->selectAll();
    panel.retrySelected();
    QVERIFY(test::waitUntil([&] { return retries.count() == 2; }));
    const QStringList all = retries.at(1).at(1).toStringList();
    QCOMPARE(all.size(), 3 * FailedRecordsModel::kPageSize - 3);
    QVERIFY(!all.contains(expected.at(1))); // ignored ones are no longer in the list

    // Records resolved elsewhere before their rows are read: said, not silently dropped.
    QList<qint64> open;
    for (const FailedRecord &r : store->failedRecords(warehouses))
        open << r.id;
    QVERIFY(store->setFailureStatus(open, FailureStatus::Resolved));
    QSignalSpy messages(&panel, &FailedRecordsPanel::message);
    panel.selectRows({unloaded});
    panel.retrySelected();
    QVERIFY(test::waitUntil([&] { return messages.count() == 2; })); // reading…, then this
    QVERIFY(messages.at(1).at(0).toString().contains(QStringLiteral("no longer in the list")));
    QCOMPARE(retries.count(), 2);
}

void TestFailedRecords::exportsCsv()
{
    StateService state;
    state.setLocation(makeStore(QStringLiteral("csv.sqlite"), 4500));
    FailedRecordsPanel panel(&state);
    QVERIFY(test::waitUntil([&] { return !panel.model()->isCounting(); }));
    QSignalSpy messages(&panel, &FailedRecordsPanel::message);
    const QString csv = m_dir.filePath(QStringLiteral("failed.csv"));
    panel.exportCsv(csv);
    QVERIFY(test::waitUntil([&] { return messages.count() == 1; }));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 4500 + 2); // header, rows, final newline
    QVERIFY(lines.at(1).contains("\"{\"\"io_id\"\":1,\"\"items_name\"\":\"\"商品1\"\"}\""));
}

void TestFailedRecords::millionRowsScrollSmoothly()
{
    QElapsedTimer build;
    build.start();
    const QString path = makeStore(QStringLiteral("million.sqlite"), 1000000);
    qInfo("generated 1 000 000 failed records in %lld ms", build.elapsed());
    StateService state;
    state.setLocation(path);
    FailedRecordsPanel panel(&state);
    panel.resize(1300, 700);
    panel.show();
    FailedRecordsModel *model = panel.model();
    auto *view = panel.findChild<QTableView *>(QStringLiteral("records"));
    QVERIFY(view);

    // The GUI thread's pulse: the longest gap between 5 ms ticks while the rows come in.
    qint64 longest = 0;
    QElapsedTimer pulse;
    pulse.start();
    QTimer ticker;
    ticker.setInterval(5);
    connect(&ticker, &QTimer::timeout, this, [&] { longest = std::max(longest, pulse.restart()); });
    ticker.start();

    QElapsedTimer counting;
    counting.start();
    QVERIFY(test::waitUntil([&] { return !model->isCounting() && model->rowCount() == 1000000; },
                            60000));
    const qint64 countMs = counting.elapsed();

    QList<qint64> pageTimes;
    for (int target : {0, 250000, 500000, 999990, 123456}) {
        QElapsedTimer page;
        page.start();
        view->scrollTo(model->index(target, 0));
        const int row = view->rowAt(view->viewport()->height() / 2);
        QVERIFY(row >= 0);
        QVERIFY(test::waitUntil([&] { return model->record(row) != nullptr; }, 30000));
        pageTimes << page.elapsed();
    }
    // Dragging the scroll bar through the whole table: pages far away are never fetched.
    QScrollBar *bar = view->verticalScrollBar();
    for (int i = 0; i <= 50; ++i) {
        bar->setValue(bar->maximum() * i / 50);
        QTest::qWait(2);
    }
    const int last = view->rowAt(view->viewport()->height() / 2);
    QVERIFY(test::waitUntil([&] { return model->record(last) != nullptr; }, 30000));
    ticker.stop();
    qInfo("count %lld ms; page loads %s ms; pages cached %d; longest GUI-thread stall %lld ms",
          countMs, qPrintable([&] {
              QStringList s;
              for (qint64 t : pageTimes)
                  s << QString::number(t);
              return s.join(QStringLiteral(", "));
          }()),
          model->loadedPages(), longest);
    QVERIFY(model->loadedPages() <= FailedRecordsModel::kMaxCachedPages);
    // Well under a frame budget of a sluggish UI: the queries never ran on this thread.
    QVERIFY2(longest < 150, qPrintable(QStringLiteral("GUI stalled %1 ms").arg(longest)));
}

QTEST_MAIN(TestFailedRecords)
#include "tst_failedrecords.moc"
