// The scheduler of `weft-run serve`: interval schedules, "after" dependencies, reloading the
// project file when it changes (and keeping the last good one when the change is invalid),
// and a clean stop.
#include "core/engine/scheduler.h"
#include "core/model/projectio.h"
#include "core/state/opsstore.h"
#include "core/state/statestore.h"
#include "support/fakehttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

using namespace weft;
using weft::test::FakeHttpServer;
using weft::test::FakeRequest;
using weft::test::FakeResponse;

class TestScheduler : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void intervalAfterAndReload();
    void configMapSymlinkSwapReloads();
    void nextRunsForTheEditor();
    void busyAccountGivesItsPlaceToAnIdleOne();
    void controlRequestsRunNowPauseResume();
};

namespace {

QJsonObject scheme(const QString &name, const QJsonObject &schedule,
                   const QString &connection = QStringLiteral("api"))
{
    return QJsonObject{
        {"name", name},
        {"source", QJsonObject{{"connection", connection},
                               {"metadata", QJsonObject{{"api", "/items"}, {"id", "id"},
                                                        {"responsePath", "items"}}}}},
        {"target", QJsonObject{{"connection", "local"}, {"metadata", QJsonObject{}}}},
        {"schedule", schedule}};
}

QByteArray projectJson(const QJsonArray &connections, const QJsonArray &schemes)
{
    QJsonArray all = connections;
    all.append(QJsonObject{{"name", "local"}, {"type", "local_store"}});
    const QJsonObject root{
        {"format", "weft-project"}, {"version", 1}, {"connections", all}, {"schemes", schemes}};
    return QJsonDocument(root).toJson();
}

QByteArray projectJson(const QString &base, const QJsonArray &schemes)
{
    return projectJson(
        QJsonArray{QJsonObject{{"name", "api"}, {"type", "http_json"}, {"baseUrl", base}}},
        schemes);
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace

void TestScheduler::intervalAfterAndReload()
{
    FakeHttpServer api([](const FakeRequest &) {
        return FakeResponse{200, "application/json", R"({"items":[{"id":"a"},{"id":"b"}]})"};
    });
    QVERIFY(api.listen());
    QTemporaryDir dir;
    const QString path = dir.filePath("p.weft.json");
    QVERIFY(write(path, projectJson(api.baseUrl(),
                                    {scheme("first", {{"kind", "interval"}, {"everyMinutes", 60}}),
                                     scheme("second", {{"after", QJsonArray{"first"}}}),
                                     scheme("idle", {})})));
    QString error;
    auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
    SchedulerOptions options;
    options.tickMs = 100;
    Scheduler scheduler(path, state.get(), options);
    QSignalSpy finished(&scheduler, &Scheduler::runFinished);
    QSignalSpy reloaded(&scheduler, &Scheduler::projectReloaded);
    QVERIFY2(scheduler.start(&error), qPrintable(error));

    // "first" is due at once (never ran); "second" follows it; "idle" is manual.
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.at(0).first().value<RunInfo>().scheme, QStringLiteral("first"));
    QCOMPARE(finished.at(1).first().value<RunInfo>().scheme, QStringLiteral("second"));
    QCOMPARE(state->runs("second").first().trigger, QStringLiteral("after"));
    QTest::qWait(800); // not due again for an hour
    QCOMPARE(finished.size(), 2);

    // A new scheme in the file is picked up without a restart.
    QVERIFY(write(path, projectJson(api.baseUrl(),
                                    {scheme("first", {{"kind", "interval"}, {"everyMinutes", 60}}),
                                     scheme("second", {{"after", QJsonArray{"first"}}}),
                                     scheme("third", {{"kind", "interval"}, {"everyMinutes", 5}})})));
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 1, 10000);
    QVERIFY(reloaded.last().at(0).toBool());
    QTRY_COMPARE(finished.size(), 3);
    QCOMPARE(finished.at(2).first().value<RunInfo>().scheme, QStringLiteral("third"));

    // An invalid edit is reported; the last good project keeps running.
    QVERIFY(write(path, "{ this is not json"));
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 2 && !reloaded.last().at(0).toBool(), 10000);
    QVERIFY(reloaded.last().at(1).toString().contains("malformed JSON"));
    QCOMPARE(scheduler.project().schemes.size(), 3);

    QSignalSpy stopped(&scheduler, &Scheduler::stopped);
    scheduler.stop();
    QTRY_COMPARE(stopped.size(), 1);
}

void TestScheduler::configMapSymlinkSwapReloads()
{
    // How Kubernetes updates a mounted ConfigMap: the file is a symlink into "..data", itself
    // a symlink to a timestamped directory; an update writes a new directory and renames a
    // new "..data" over the old one. The file's own inode never changes.
    FakeHttpServer api([](const FakeRequest &) {
        return FakeResponse{200, "application/json", R"({"items":[]})"};
    });
    QVERIFY(api.listen());
    QTemporaryDir dir;
    QDir root(dir.path());
    QVERIFY(root.mkdir("..2026_12_07_v1"));
    QVERIFY(write(root.filePath("..2026_12_07_v1/p.weft.json"),
                  projectJson(api.baseUrl(), {scheme("first", {})})));
    namespace fs = std::filesystem;
    fs::create_directory_symlink("..2026_12_07_v1", fs::path(dir.path().toStdString()) / "..data");
    fs::create_symlink("..data/p.weft.json", fs::path(dir.path().toStdString()) / "p.weft.json");
    const QString path = root.filePath("p.weft.json");
    QString error;
    auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
    SchedulerOptions options;
    options.tickMs = 100;
    Scheduler scheduler(path, state.get(), options);
    QSignalSpy reloaded(&scheduler, &Scheduler::projectReloaded);
    QVERIFY2(scheduler.start(&error), qPrintable(error));
    QCOMPARE(scheduler.project().schemes.size(), 1);

    QVERIFY(root.mkdir("..2026_12_07_v2"));
    QVERIFY(write(root.filePath("..2026_12_07_v2/p.weft.json"),
                  projectJson(api.baseUrl(), {scheme("first", {}), scheme("second", {})})));
    const fs::path base(dir.path().toStdString());
    fs::create_directory_symlink("..2026_12_07_v2", base / "..data_tmp");
    fs::rename(base / "..data_tmp", base / "..data"); // atomic, as the kubelet does
    fs::remove_all(base / "..2026_12_07_v1");
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 1, 10000);
    QVERIFY(reloaded.last().at(0).toBool());
    QCOMPARE(scheduler.project().schemes.size(), 2);

    QSignalSpy stopped(&scheduler, &Scheduler::stopped);
    scheduler.stop();
    QTRY_COMPARE(stopped.size(), 1);
}

void TestScheduler::nextRunsForTheEditor()
{
    const QTimeZone zone("Asia/Shanghai");
    Scheme s;
    s.schedule.kind = Schedule::Kind::Cron;
    s.schedule.cron = QStringLiteral("0 9 * * MON");
    QDateTime from(QDate(2026, 11, 23), QTime(10, 0), zone); // a Monday, after 9:00
    const QList<QDateTime> next = Scheduler::nextRuns(s, from, 3, zone);
    QCOMPARE(next.size(), 3);
    QCOMPARE(next.at(0), QDateTime(QDate(2026, 11, 30), QTime(9, 0), zone));
    QCOMPARE(next.at(2), QDateTime(QDate(2026, 12, 14), QTime(9, 0), zone));

    s.schedule.kind = Schedule::Kind::Interval;
    s.schedule.intervalMinutes = 30;
    const QDateTime last(QDate(2026, 11, 23), QTime(9, 50), zone);
    const QList<QDateTime> interval = Scheduler::nextRuns(s, from, 2, zone, last);
    QCOMPARE(interval.at(0), QDateTime(QDate(2026, 11, 23), QTime(10, 20), zone));
    QCOMPARE(interval.at(1), QDateTime(QDate(2026, 11, 23), QTime(10, 50), zone));

    s.schedule.kind = Schedule::Kind::Manual;
    QVERIFY(Scheduler::nextRuns(s, from, 3, zone).isEmpty());
}

// Two slots, four schemes due at once: three on account A listed first, one on account B.
// The second slot goes to B's scheme — A's budget is already in use, and a second A scheme
// would only share it — instead of following the order they became due.
void TestScheduler::busyAccountGivesItsPlaceToAnIdleOne()
{
    const auto answer = [](const FakeRequest &) {
        return FakeResponse{200, "application/json", R"({"items":[{"id":"a"}]})"};
    };
    FakeHttpServer accountA(answer), accountB(answer);
    QVERIFY(accountA.listen());
    QVERIFY(accountB.listen());
    const QJsonObject limit{{"perSecond", 50}};
    const QJsonArray connections{
        QJsonObject{{"name", "a"}, {"type", "http_json"}, {"baseUrl", accountA.baseUrl()},
                    {"rateLimit", limit}},
        QJsonObject{{"name", "b"}, {"type", "http_json"}, {"baseUrl", accountB.baseUrl()},
                    {"rateLimit", limit}}};
    const QJsonObject hourly{{"kind", "interval"}, {"everyMinutes", 60}};
    QTemporaryDir dir;
    const QString path = dir.filePath("p.weft.json");
    QVERIFY(write(path, projectJson(connections, {scheme("a1", hourly, "a"),
                                                  scheme("a2", hourly, "a"),
                                                  scheme("a3", hourly, "a"),
                                                  scheme("b1", hourly, "b")})));
    QString error;
    auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
    SchedulerOptions options;
    options.tickMs = 100;
    options.parallel = 2;
    Scheduler scheduler(path, state.get(), options);
    QSignalSpy started(&scheduler, &Scheduler::runStarted);
    QSignalSpy finished(&scheduler, &Scheduler::runFinished);
    QVERIFY2(scheduler.start(&error), qPrintable(error));

    QTRY_COMPARE(finished.size(), 4);
    QCOMPARE(started.size(), 4);
    QCOMPARE(started.at(0).first().toString(), QStringLiteral("a1"));
    QCOMPARE(started.at(1).first().toString(), QStringLiteral("b1"));
    // The rest of A's schemes follow in their order.
    QCOMPARE(started.at(2).first().toString(), QStringLiteral("a2"));
    QCOMPARE(started.at(3).first().toString(), QStringLiteral("a3"));

    QSignalSpy stopped(&scheduler, &Scheduler::stopped);
    scheduler.stop();
    QTRY_COMPARE(stopped.size(), 1);
}

// Requests in the state store, as `weft-run pause/run-now/…` and the designer write them: a
// pause picked at the first tick holds an interval scheme that is due; run-now runs a manual
// one within a tick (trigger "run-now", its log lines and snapshot kept); resume releases the
// held one. Each request records who picked it and what became of it.
void TestScheduler::controlRequestsRunNowPauseResume()
{
    FakeHttpServer api([](const FakeRequest &) {
        return FakeResponse{200, "application/json", R"({"items":[{"id":"a"},{"id":"b"}]})"};
    });
    QVERIFY(api.listen());
    QTemporaryDir dir;
    const QString path = dir.filePath("p.weft.json");
    QVERIFY(write(path, projectJson(api.baseUrl(),
                                    {scheme("hourly", {{"kind", "interval"}, {"everyMinutes", 60}}),
                                     scheme("byhand", {})})));
    QString error;
    auto state = StateStore::open(dir.filePath("s.sqlite"), &error);
    OperationsStore ops(state.get());
    const auto pause = ops.request("hourly", ControlAction::Pause, "ann@desk");
    const auto runNow = ops.request("byhand", ControlAction::RunNow, "bob@desk");
    const auto elsewhere = ops.request("not-ours", ControlAction::RunNow, "bob@desk");
    QVERIFY(pause && runNow && elsewhere);

    SchedulerOptions options;
    options.tickMs = 100;
    options.holder = "serve-t";
    Scheduler scheduler(path, state.get(), options);
    QSignalSpy finished(&scheduler, &Scheduler::runFinished);
    QVERIFY2(scheduler.start(&error), qPrintable(error));

    QTRY_COMPARE(finished.size(), 1);
    const RunInfo byhand = finished.at(0).first().value<RunInfo>();
    QCOMPARE(byhand.scheme, QStringLiteral("byhand"));
    QCOMPARE(state->runs("byhand").first().trigger, QStringLiteral("run-now"));
    const auto ran = ops.controlRequest(*runNow);
    QCOMPARE(ran->pickedBy, QStringLiteral("serve-t"));
    QCOMPARE(ran->outcome, QStringLiteral("started run %1").arg(byhand.runId));
    const auto paused = ops.controlRequest(*pause);
    QCOMPARE(paused->outcome, QStringLiteral("paused"));
    QCOMPARE(ops.pausedSchemes().value("hourly").by, QStringLiteral("ann@desk"));
    // A scheme of another project is left for a process serving it.
    QVERIFY(ops.controlRequest(*elsewhere)->isPending());

    // The run's own log lines, from its start to its end; no snapshot once it ended.
    const QList<RunLogLine> log = ops.runLog(byhand.runId);
    QVERIFY(log.size() >= 2);
    QCOMPARE(log.first().message,
             QStringLiteral("scheme 'byhand': run %1 started").arg(byhand.runId));
    QVERIFY2(log.last().message.startsWith(
                 QStringLiteral("scheme 'byhand': run %1 succeeded").arg(byhand.runId)),
             qPrintable(log.last().message));
    QVERIFY(ops.runsInProgress().isEmpty());

    // Held: due since the start, not run over many ticks.
    QTest::qWait(800);
    QCOMPARE(finished.size(), 1);
    QVERIFY(state->runs("hourly").isEmpty());

    const auto resume = ops.request("hourly", ControlAction::Resume, "ann@desk");
    QTRY_COMPARE(finished.size(), 2);
    QCOMPARE(finished.at(1).first().value<RunInfo>().scheme, QStringLiteral("hourly"));
    QCOMPARE(ops.controlRequest(*resume)->outcome, QStringLiteral("resumed"));
    QVERIFY(!ops.isPaused("hourly"));

    // Nothing to cancel: said so.
    const auto cancel = ops.request("byhand", ControlAction::Cancel, "bob@desk");
    QTRY_COMPARE(ops.controlRequest(*cancel)->outcome, QStringLiteral("not running"));

    QSignalSpy stopped(&scheduler, &Scheduler::stopped);
    scheduler.stop();
    QTRY_COMPARE(stopped.size(), 1);
}

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
