#include "core/state/statestore.h"
#include "widgets/common/stateservice.h"
#include "widgets/usage/apiusagemodel.h"
#include "widgets/usage/apiusagepanel.h"
#include "widgettestutil.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
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

ApiUsage usage(const QString &connection, const QString &endpoint, qint64 calls, qint64 errors,
               QList<QPair<QString, qint64>> codes = {})
{
    ApiUsage u;
    u.connection = connection;
    u.endpoint = endpoint;
    u.calls = calls;
    u.errors = errors;
    u.errorsByCode = codes;
    u.records = calls * 48;
    u.p50Ms = 20;
    u.p95Ms = 50;
    return u;
}

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

} // namespace

void TestApiUsage::modelContract()
{
    ApiUsageModel model(nullptr);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ApiUsageModel::SortRole);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(ApiUsageModel::Column::Count));

    model.setUsage({usage(QStringLiteral("jushuitan"), QStringLiteral("/open/purchasein/query"),
                          414, 3, {{QStringLiteral("199"), 2}, {QStringLiteral("HTTP 503"), 1}}),
                    usage(QStringLiteral("jdy"), QStringLiteral("/jdy/v2/bd/store"), 39, 0),
                    usage(QStringLiteral("k3cloud"), QStringLiteral("BatchSave"), 1000, 0)});
    QCOMPARE(model.rowCount(), 3);
    auto text = [&](int row, ApiUsageModel::Column c) {
        return model.index(row, int(c)).data().toString();
    };
    QCOMPARE(text(0, ApiUsageModel::Column::Connection), QStringLiteral("jushuitan"));
    QCOMPARE(text(0, ApiUsageModel::Column::ErrorsByCode), QStringLiteral("199×2, HTTP 503×1"));
    QVERIFY(text(0, ApiUsageModel::Column::Errors).startsWith(QStringLiteral("3 (0.7")));
    QCOMPARE(text(1, ApiUsageModel::Column::Errors), QStringLiteral("0"));
    QCOMPARE(text(0, ApiUsageModel::Column::RecordsPerCall), QStringLiteral("48.0"));
    QCOMPARE(model.index(2, int(ApiUsageModel::Column::Calls)).data(ApiUsageModel::SortRole),
             QVariant(qint64(1000)));
    QVERIFY(model.index(0, int(ApiUsageModel::Column::Errors)).data(Qt::ForegroundRole).isValid());
    QCOMPARE(model.totalCalls(), 1453);
    QCOMPARE(model.totalErrors(), 3);

    // Sorting by number, not by text: 1 000 calls come first.
    proxy.sort(int(ApiUsageModel::Column::Calls), Qt::DescendingOrder);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("k3cloud"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("jdy"));

    model.setUsage({});
    QCOMPARE(model.rowCount(), 0);
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
    QCOMPARE(panel.chartTitle(), QStringLiteral("No API calls in this period"));

    QSignalSpy loaded(model, &ApiUsageModel::loaded);
    state.setLocation(path); // opening the store refreshes the views
    QVERIFY(loaded.wait(10000));
    QVERIFY(test::waitUntil([&] { return model->rowCount() == 2; }));

    // The last 24 hours (the default): purchase-in 15 calls, 2 errors, 1 throttled; the store.
    QCOMPARE(model->period(), ApiUsageModel::Period::Last24Hours);
    QCOMPARE(model->totalCalls(), 18);
    QCOMPARE(panel.chartCategories(),
             (QStringList{QStringLiteral("jushuitan · /open/purchasein/query"),
                          QStringLiteral("jdy · /jdy/v2/bd/store")}));
    QCOMPARE(panel.chartCalls(), (QList<qint64>{15, 3}));
    QCOMPARE(panel.chartErrors(), (QList<qint64>{2, 0}));
    QVERIFY(panel.chartTitle().contains(QStringLiteral("2")));
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
    QCOMPARE(panel.chartCalls(), (QList<qint64>{10, 3}));

    // A week: the failing K3 batch three days ago appears, all errors.
    panel.setPeriod(ApiUsageModel::Period::Last7Days);
    QVERIFY(test::waitUntil([&] { return model->rowCount() == 3; }));
    QCOMPARE(panel.chartCalls(), (QList<qint64>{15, 4, 3}));
    QCOMPARE(panel.chartErrors(), (QList<qint64>{2, 4, 0}));
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

    model->setUsage({});
    QCOMPARE(panel.chartTitle(), QStringLiteral("No API calls in this period"));
    QVERIFY(panel.chartCategories().isEmpty());
}

QTEST_MAIN(TestApiUsage)
#include "tst_apiusage.moc"
