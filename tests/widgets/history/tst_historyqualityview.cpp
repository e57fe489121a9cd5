// The History panel shows the selected run's quality summary beside it: the windows
// reconciled with the source's totals, the validate rules per outcome, a chart per field —
// and exports it as an HTML report.
#include "core/state/qualitystore.h"
#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"
#include "widgets/history/historypanel.h"
#include "widgets/history/historyqualityview.h"
#include "widgets/history/runhistorymodel.h"
#include "widgets/widgettestutil.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QFile>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestHistoryQualityView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheSelectedRunsSummary();
};

void TestHistoryQualityView::showsTheSelectedRunsSummary()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shop.weft.state.sqlite"));
    {
        QString error;
        std::unique_ptr<StateStore> store = StateStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        RunInfo older;
        older.runId = "older";
        older.scheme = "customers";
        older.startedAt = QDateTime::currentDateTime().addSecs(-600);
        older.outcome = RunOutcome::Succeeded;
        RunInfo newer = older;
        newer.runId = "newer";
        newer.startedAt = QDateTime::currentDateTime();
        newer.outcome = RunOutcome::Aborted;
        for (const RunInfo &run : {older, newer})
            QVERIFY(store->beginRun(run) && store->updateRun(run));
        QualitySummary s{"newer", "customers", {}, {}};
        s.count("checked", "required", "name", "passed", 45);
        s.count("checked", "required", "name", "failed", 5);
        s.count("checked", "pattern ^1[0-9]{10}$", "mobile", "passed", 40);
        s.count("checked", "pattern ^1[0-9]{10}$", "mobile", "warned", 10);
        s.windows.append({1700000000, 1700086400, 60, 50, 2, "short"});
        QVERIFY(QualityStore(store.get()).save(s));
    }
    StateService state;
    HistoryPanel panel(&state);
    panel.resize(1200, 500);
    panel.show();
    state.setLocation(path);
    QVERIFY(test::waitUntil([&] { return panel.model()->rowCount() == 2; }));
    HistoryQualityView *view = panel.quality();
    QSignalSpy loaded(view, &HistoryQualityView::loaded);
    panel.selectRun(0); // the newest
    QVERIFY(loaded.wait(5000));
    QCOMPARE(view->run().runId, QStringLiteral("newer"));

    QTableWidget *windows = view->windowsTable();
    QCOMPARE(windows->rowCount(), 1);
    QCOMPARE(windows->item(0, 1)->text(), QStringLiteral("60"));
    QCOMPARE(windows->item(0, 2)->text(), QStringLiteral("50"));
    QCOMPARE(windows->item(0, 4)->foreground().color(), QColor(0xc62828)); // failed: red

    QTableWidget *rules = view->rulesTable();
    QCOMPARE(rules->rowCount(), 2);
    QCOMPARE(rules->item(0, 0)->text(), QStringLiteral("name"));
    QCOMPARE(rules->item(0, 3)->text(), QStringLiteral("45"));
    QCOMPARE(rules->item(0, 4)->text(), QStringLiteral("5"));
    QCOMPARE(rules->item(1, 1)->text(), QStringLiteral("pattern ^1[0-9]{10}$"));
    QCOMPARE(rules->item(1, 5)->text(), QStringLiteral("10"));

    // The chart: one bar per field, stacked by outcome.
    QCOMPARE(view->chart()->series().size(), 1);
    auto *series = qobject_cast<QAbstractBarSeries *>(view->chart()->series().first());
    QVERIFY(series);
    QCOMPARE(series->barSets().size(), 4);
    QCOMPARE(series->barSets().at(0)->at(1), 40.0); // mobile passed
    QCOMPARE(series->barSets().at(2)->at(1), 10.0); // mobile warned

    const QString html = dir.filePath(QStringLiteral("report.html"));
    QString error;
    QVERIFY2(view->exportHtml(html, &error), qPrintable(error));
    QFile file(html);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray page = file.readAll();
    QVERIFY(page.contains("newer"));
    QVERIFY(page.contains("mobile"));

    // Another run: its own (empty) summary replaces the table.
    panel.selectRun(1);
    QVERIFY(loaded.wait(5000));
    QCOMPARE(view->run().runId, QStringLiteral("older"));
    QCOMPARE(view->rulesTable()->rowCount(), 0);
    QCOMPARE(view->windowsTable()->rowCount(), 0);
    QVERIFY(view->chart()->series().isEmpty());
}

QTEST_MAIN(TestHistoryQualityView)
#include "tst_historyqualityview.moc"
