#include "core/log/logging.h"
#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"
#include "widgets/history/runhistorymodel.h"
#include "widgets/mapping/sourcefields.h"
#include "widgets/run/jsontreemodel.h"
#include "widgets/run/logmodel.h"
#include "widgets/run/previewtablemodel.h"
#include "widgets/run/runprogressmodel.h"
#include "widgets/widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>
#include <spdlog/spdlog.h>
#include <thread>

using namespace weft;

/// Every other custom model of the designer under QAbstractItemModelTester, with the
/// behaviour its view relies on.
class TestModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void logLinesFromAnyThreadArriveInBatches();
    void logFilterByLevelAndText();
    void runProgressFollowsARun();
    void runHistory();
    void jsonTree();
    void previewTableMarksFailures();
    void sourceFieldTree();
};

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void TestModels::logLinesFromAnyThreadArriveInBatches()
{
    log::LogSettings quiet;
    quiet.consoleLevel = QStringLiteral("off");
    log::setup(quiet);
    LogModel model(nullptr, 1000);
    Tester tester(&model, kQtTest);
    log::addSink(model.sink());
    std::thread worker([] {
        for (int i = 0; i < 1500; ++i)
            log::info(QStringLiteral("line %1").arg(i));
        log::error(QStringLiteral("boom"));
    });
    worker.join();
    log::removeSink(model.sink());
    model.drain();
    // Capped: the most recent lines stay.
    QCOMPARE(model.rowCount(), 1000);
    QCOMPARE(model.line(999).text, QStringLiteral("boom"));
    QCOMPARE(model.line(999).level, 4);
    QCOMPARE(model.index(998, int(LogModel::Column::Message)).data().toString(),
             QStringLiteral("line 1499"));
    model.clearLines();
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::logFilterByLevelAndText()
{
    LogModel model;
    LogFilterModel filter;
    filter.setSourceModel(&model);
    Tester tester(&filter, kQtTest);
    model.append({QDateTime::currentDateTime(), 1, QStringLiteral("debug detail")});
    model.append({QDateTime::currentDateTime(), 2, QStringLiteral("run r-1 started")});
    model.append({QDateTime::currentDateTime(), 3, QStringLiteral("run r-2 retrying")});
    model.append({QDateTime::currentDateTime(), 4, QStringLiteral("run r-1 failed")});
    QCOMPARE(filter.rowCount(), 4);
    filter.setMinimumLevel(3);
    QCOMPARE(filter.rowCount(), 2);
    filter.setText(QStringLiteral("r-1"));
    QCOMPARE(filter.rowCount(), 1);
}

void TestModels::runProgressFollowsARun()
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

void TestModels::runHistory()
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

void TestModels::jsonTree()
{
    JsonTreeModel model;
    Tester tester(&model, kQtTest);
    model.setRecords(
        {QJsonObject{{QStringLiteral("io_id"), 1},
                     {QStringLiteral("items"),
                      QJsonArray{QJsonObject{{QStringLiteral("sku"), QStringLiteral("A")}}}}},
         QJsonObject{{QStringLiteral("io_id"), 2}}});
    QCOMPARE(model.rowCount(), 2);
    const QModelIndex first = model.index(0, 0);
    QCOMPARE(model.rowCount(first), 2);
    const QModelIndex items = model.index(1, 0, first);
    QCOMPARE(items.data().toString(), QStringLiteral("items"));
    QCOMPARE(model.index(1, 2, first).data().toString(), QStringLiteral("array"));
    const QModelIndex sku = model.index(0, 0, model.index(0, 0, items));
    QCOMPARE(model.index(0, 1, sku.parent()).data().toString(), QStringLiteral("A"));
    QCOMPARE(model.parent(items), first);
}

void TestModels::previewTableMarksFailures()
{
    PreviewTableModel model;
    Tester tester(&model, kQtTest);
    PreviewResult r;
    TransformInput in;
    in.record = QJsonObject{{QStringLiteral("name"), QStringLiteral("仓库A")}};
    r.output.inputs << in;
    TargetRecord t;
    t.recordId = QStringLiteral("1");
    t.payload = QJsonObject{{QStringLiteral("name"), QStringLiteral("仓库A")},
                            {QStringLiteral("number"), 7}};
    r.output.records << t;
    r.output.recordInputs << QList<int>{0};
    FailedRecord f;
    f.recordId = QStringLiteral("2");
    f.message = QStringLiteral("target field number: unknown field wms_co_idd");
    r.output.failures << f;
    model.setResult(r);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), 4);
    QVERIFY(!model.index(0, 0).data(PreviewTableModel::FailedRole).toBool());
    QVERIFY(model.index(1, 0).data(PreviewTableModel::FailedRole).toBool());
    QCOMPARE(model.index(1, 1).data().toString(), f.message);
    QCOMPARE(model.inputOf(0), in.record.merged());
    QCOMPARE(model.index(0, 3).data().toString(), QStringLiteral("7"));
}

void TestModels::sourceFieldTree()
{
    SourceFieldModel model;
    Tester tester(&model, kQtTest);
    model.setRecords({QJsonObject{{QStringLiteral("a"), 1},
                                  {QStringLiteral("addr"),
                                   QJsonObject{{QStringLiteral("city"), QStringLiteral("杭州")}}}},
                      QJsonObject{{QStringLiteral("b"), true}}});
    QCOMPARE(model.fieldPaths(), (QStringList{QStringLiteral("a"), QStringLiteral("addr"),
                                              QStringLiteral("addr.city"), QStringLiteral("b")}));
    std::unique_ptr<QMimeData> data(
        model.mimeData({model.index(1, 0).model()->index(0, 0, model.index(1, 0))}));
    QCOMPARE(fieldsFromMime(data.get()), QStringList{QStringLiteral("addr.city")});
    model.setFieldNames({QStringLiteral("x"), QStringLiteral("y")});
    QCOMPARE(model.rowCount(), 2);
}

QTEST_MAIN(TestModels)
#include "tst_models.moc"
