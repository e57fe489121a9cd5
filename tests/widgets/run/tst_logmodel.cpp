#include "core/log/logging.h"
#include "widgets/run/logmodel.h"

#include <QAbstractItemModelTester>
#include <QtTest>
#include <thread>

using namespace weft;

/// LogModel and its LogFilterModel: lines logged on any thread arrive, capped, and
/// the filter narrows them by level and text. Checked by QAbstractItemModelTester.
class TestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void logLinesFromAnyThreadArriveInBatches();
    void logFilterByLevelAndText();
};

using Tester = QAbstractItemModelTester;
constexpr auto kQtTest = QAbstractItemModelTester::FailureReportingMode::QtTest;

void TestLogModel::logLinesFromAnyThreadArriveInBatches()
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

void TestLogModel::logFilterByLevelAndText()
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

QTEST_MAIN(TestLogModel)
#include "tst_logmodel.moc"
