#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"
#include "widgets/usage/apiusagemodel.h"
#include "widgets/usage/apiusagepanel.h"
#include "widgets/widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

/// The API usage tab: the model under QAbstractItemModelTester, and the panel over a real
/// state store — the period chosen decides which calls count, the table and the chart agree.
class TestApiUsage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void modelContract();
    void panelFollowsThePeriod();

private:
    QTemporaryDir m_dir;
};

namespace {

QList<ApiCallSample> samples(const QString &connection, const QString &endpoint, int count,
                             const QDateTime &at, int errors = 0, int throttled = 0)
{
    QList<ApiCallSample> out;
    for (int i = 0; i < count; ++i) {
        ApiCallSample s;
        s.connection = connection;
        s.endpoint = endpoint;
        s.errorCode = i < errors ? QStringLiteral("199") : QString();
        s.throttled = i < throttled;
        s.latencyMs = 15 + i;
        s.records = 10;
        s.at = at;
        out << s;
    }
    return out;
}

bool store(const QString &path, const QList<ApiCallSample> &calls)
{
    QString error;
    std::unique_ptr<StateStore> store = StateStore::open(path, &error);
    return store && store->addApiCalls(calls);
}

/// What the panel's chart shows, read from the chart itself: the title, and per bar (top bar
/// first) its label, calls and errors.
struct ChartView {
    QString title;
    QStringList categories;
    QList<qint64> calls;
    QList<qint64> errors;
};

ChartView chartOf(const ApiUsagePanel &panel)
{
    ChartView out;
    const QChart *chart = panel.findChild<QChartView *>()->chart();
    out.title = chart->title();
    for (QAbstractSeries *series : chart->series()) {
        auto *bars = qobject_cast<QHorizontalBarSeries *>(series);
        if (!bars || bars->barSets().size() != 2)
            continue;
        const QBarSet *calls = bars->barSets().at(0);
        const QBarSet *errors = bars->barSets().at(1);
        // A horizontal bar chart draws its first category at the bottom.
        for (int i = calls->count() - 1; i >= 0; --i) {
            out.calls << qint64(calls->at(i));
            out.errors << qint64(errors->at(i));
        }
        for (QAbstractAxis *axis : bars->attachedAxes()) {
            if (auto *categories = qobject_cast<QBarCategoryAxis *>(axis)) {
                const QStringList bottomUp = categories->categories();
                for (qsizetype i = bottomUp.size() - 1; i >= 0; --i)
                    out.categories << bottomUp.at(i);
            }
        }
    }
    return out;
}

int rowOf(const ApiUsageModel &model, const QString &connection)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.usage(row).connection == connection)
            return row;
    }
    return -1;
}

} // namespace

void TestApiUsage::modelContract()
{
    // Calls of the last hour: 414 purchase-in pages (two throttled with 199, one 503), 39
    // store saves, 1 000 K3 batches.
    const QString path = m_dir.filePath(QStringLiteral("contract.weft.state.sqlite"));
    const QDateTime recent = QDateTime::currentDateTimeUtc().addSecs(-300);
    QList<ApiCallSample> purchasein = samples(
        QStringLiteral("jushuitan"), QStringLiteral("/open/purchasein/query"), 414, recent, 2);
    purchasein[2].errorCode = QStringLiteral("HTTP 503");
    QVERIFY(store(path, purchasein));
    QVERIFY(store(path,
                  samples(QStringLiteral("jdy"), QStringLiteral("/jdy/v2/bd/store"), 39, recent)));
    QVERIFY(
        store(path, samples(QStringLiteral("k3cloud"), QStringLiteral("BatchSave"), 1000, recent)));

    StateService state;
    ApiUsageModel model(&state);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ApiUsageModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ApiUsageModel::Column::Count));

    state.setLocation(path);
    QVERIFY(test::waitUntil([&] { return model.rowCount() == 3; }));
    auto text = [&](int row, ApiUsageModel::Column c) {
        return model.index(row, int(c)).data().toString();
    };
    const int jst = rowOf(model, QStringLiteral("jushuitan"));
    const int jdy = rowOf(model, QStringLiteral("jdy"));
    const int k3 = rowOf(model, QStringLiteral("k3cloud"));
    QVERIFY(jst >= 0 && jdy >= 0 && k3 >= 0);
    QCOMPARE(text(jst, ApiUsageModel::Column::Endpoint), QStringLiteral("/open/purchasein/query"));
    QCOMPARE(text(jst, ApiUsageModel::Column::ErrorsByCode), QStringLiteral("199×2, HTTP 503×1"));
    QVERIFY(text(jst, ApiUsageModel::Column::Errors).startsWith(QStringLiteral("3 (0.7")));
    QCOMPARE(text(jdy, ApiUsageModel::Column::Errors), QStringLiteral("0"));
    QCOMPARE(text(jst, ApiUsageModel::Column::RecordsPerCall), QStringLiteral("10.0"));
    QCOMPARE(model.index(k3, int(ApiUsageModel::Column::Calls)).data(ApiUsageModel::SortRole),
             QVariant(qint64(1000)));
    QVERIFY(
        model.index(jst, int(ApiUsageModel::Column::Errors)).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.totalCalls(), 1453);
    QCOMPARE(model.totalErrors(), 3);

    // Sorting by number, not by text: 1 000 calls come first.
    proxy.sort(int(ApiUsageModel::Column::Calls), Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("k3cloud"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("jdy"));

    // Another project's store, where nothing was called: no rows.
    state.setLocation(m_dir.filePath(QStringLiteral("empty.weft.state.sqlite")));
    QVERIFY(test::waitUntil([&] { return model.rowCount() == 0; }));
}

void TestApiUsage::panelFollowsThePeriod()
{
    const QString path = m_dir.filePath(QStringLiteral("shop.weft.state.sqlite"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    {
        QString error;
        std::unique_ptr<StateStore> store = StateStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        const QString purchasein = QStringLiteral("/open/purchasein/query");
        QVERIFY(store->addApiCalls(
            samples(QStringLiteral("jushuitan"), purchasein, 10, now.addSecs(-600), 2, 1)));
        QVERIFY(store->addApiCalls(
            samples(QStringLiteral("jushuitan"), purchasein, 5, now.addSecs(-5 * 3600))));
        QVERIFY(store->addApiCalls(samples(
            QStringLiteral("jdy"), QStringLiteral("/jdy/v2/bd/store"), 3, now.addSecs(-1200))));
        QVERIFY(store->addApiCalls(samples(QStringLiteral("k3cloud"), QStringLiteral("BatchSave"),
                                           4, now.addDays(-3), 4)));
    }
    StateService state;
    ApiUsagePanel panel(&state);
    panel.resize(1200, 400);
    panel.show();
    ApiUsageModel *model = panel.model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(chartOf(panel).title, QStringLiteral("No API calls in this period"));

    QSignalSpy loaded(model, &ApiUsageModel::loaded);
    state.setLocation(path); // opening the store refreshes the views
    QVERIFY(loaded.wait(10000));
    QVERIFY(test::waitUntil([&] { return model->rowCount() == 2; }));

    // The last 24 hours (the default): purchase-in 15 calls, 2 errors, 1 throttled; the store.
    QCOMPARE(model->period(), ApiUsageModel::Period::Last24Hours);
    QCOMPARE(model->totalCalls(), 18);
    QCOMPARE(chartOf(panel).categories,
             (QStringList{QStringLiteral("jushuitan · /open/purchasein/query"),
                          QStringLiteral("jdy · /jdy/v2/bd/store")}));
    QCOMPARE(chartOf(panel).calls, (QList<qint64>{15, 3}));
    QCOMPARE(chartOf(panel).errors, (QList<qint64>{2, 0}));
    QVERIFY(chartOf(panel).title.contains(QStringLiteral("2")));
    auto *table = panel.findChild<QTableView *>(QStringLiteral("table"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, int(ApiUsageModel::Column::Calls)).data().toString(),
             QStringLiteral("15"));
    QCOMPARE(table->model()->index(0, int(ApiUsageModel::Column::Throttled)).data().toString(),
             QStringLiteral("1"));
    QVERIFY(panel.findChild<QLabel *>(QStringLiteral("summary"))
                ->text()
                .contains(QStringLiteral("18")));

    // The person picks "last hour": the purchase-in calls of five hours ago drop out.
    auto *period = panel.findChild<QComboBox *>(QStringLiteral("period"));
    period->setCurrentIndex(int(ApiUsageModel::Period::LastHour));
    Q_EMIT period->activated(int(ApiUsageModel::Period::LastHour));
    QVERIFY(test::waitUntil([&] { return model->totalCalls() == 13; }));
    QCOMPARE(chartOf(panel).calls, (QList<qint64>{10, 3}));

    // A week: the failing K3 batch three days ago appears, all errors.
    panel.setPeriod(ApiUsageModel::Period::Last7Days);
    QVERIFY(test::waitUntil([&] { return model->rowCount() == 3; }));
    QCOMPARE(chartOf(panel).calls, (QList<qint64>{15, 4, 3}));
    QCOMPARE(chartOf(panel).errors, (QList<qint64>{2, 4, 0}));
    QCOMPARE(model->totalErrors(), 6);

    // A run or preview that finished makes the tab ask again.
    {
        QString error;
        std::unique_ptr<StateStore> store = StateStore::open(path, &error);
        QVERIFY(store->addApiCalls(
            samples(QStringLiteral("jdy"), QStringLiteral("/jdy/v2/bd/store"), 7, now, 7)));
    }
    state.notifyChanged();
    QVERIFY2(test::waitUntil([&] { return model->totalCalls() == 29; }),
             qPrintable(QString::number(model->totalCalls())));
    QCOMPARE(model->totalErrors(), 13);

    // Successful calls of one hour stored in two flushes (a run flushes its statistics every
    // few seconds) add up in the hour's row.
    {
        QString error;
        std::unique_ptr<StateStore> store = StateStore::open(path, &error);
        QVERIFY(store->addApiCalls(samples(QStringLiteral("jushuitan"),
                                           QStringLiteral("/open/purchasein/query"), 1,
                                           now.addSecs(-600))));
    }
    loaded.clear();
    state.notifyChanged();
    QVERIFY(loaded.wait(10000));
    QCOMPARE(model->totalCalls(), 30);

    // A project whose store has no calls: an empty chart that says so.
    state.setLocation(m_dir.filePath(QStringLiteral("none.weft.state.sqlite")));
    QVERIFY(test::waitUntil([&] { return model->rowCount() == 0; }));
    QCOMPARE(chartOf(panel).title, QStringLiteral("No API calls in this period"));
    QVERIFY(chartOf(panel).categories.isEmpty());
}

QTEST_MAIN(TestApiUsage)
#include "tst_apiusage.moc"
