// The operations tables of the state store — progress snapshots, control requests, paused
// schedules, run logs — behave the same on SQLite and on MariaDB (shared by several
// processes): each test runs against both.
#include "core/state/opsstore.h"
#include "core/state/statestore.h"
#include "support/mariadb.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace weft;

class TestOpsStore : public QObject
{
    Q_OBJECT
private:
    /// Opens a fresh store; with `name` the same one again.
    std::unique_ptr<StateStore> open(const QString &backend, const QString &name = QString())
    {
        const QString n = name.isEmpty() ? QString::number(++m_n) : name;
        QString error;
        std::unique_ptr<StateStore> store;
        if (backend == QLatin1String("sqlite")) {
            store = StateStore::open(m_dir.filePath(QStringLiteral("ops%1.sqlite").arg(n)), &error);
        } else {
            store = StateStore::open(
                test::stateStoreUrl(QStringLiteral("weft_ops_%1").arg(n), name.isEmpty()), &error);
        }
        if (!store)
            qWarning("%s", qPrintable(error));
        return store;
    }

    void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << "sqlite";
        QTest::newRow("mariadb") << "mariadb";
    }

    static RunInfo running(const QString &runId, const QString &scheme)
    {
        RunInfo r;
        r.runId = runId;
        r.scheme = scheme;
        r.trigger = QStringLiteral("schedule");
        r.startedAt = QDateTime::currentDateTimeUtc();
        return r;
    }

    QTemporaryDir m_dir;
    int m_n = 0;

private Q_SLOTS:
    void init()
    {
        if (QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("mariadb"))
            WEFT_REQUIRE_MARIADB();
    }

    void snapshotsShowRunningRunsOnly_data() { backends(); }
    void snapshotsShowRunningRunsOnly()
    {
        QFETCH(QString, backend);
        auto store = open(backend);
        QVERIFY(store);
        OperationsStore ops(store.get());
        QVERIFY(store->beginRun(running("r1", "orders")));
        QVERIFY(store->beginRun(running("r2", "customers")));

        RunSnapshot s;
        s.runId = "r1";
        s.scheme = "orders";
        s.holder = "serve-a";
        s.host = "host-a";
        s.phase = "fetching";
        s.counters = {100, 80, 5, 2, 4};
        s.mapped = 90;
        s.windowStart = 1700000000;
        s.windowEnd = 1700086400;
        s.windowIndex = 2;
        s.windowCount = 7;
        s.steps = QJsonArray{QJsonObject{{"id", "map"}, {"type", "map"}, {"in", 95}, {"out", 90}}};
        QVERIFY2(ops.writeSnapshot(s), qPrintable(ops.lastError()));
        // r2's snapshot belongs to a run that ends below; r3 has no run at all (a snapshot a
        // process left behind for a run the history never had): neither shows.
        RunSnapshot other = s;
        other.runId = "r2";
        other.scheme = "customers";
        QVERIFY(ops.writeSnapshot(other));
        other.runId = "r3";
        QVERIFY(ops.writeSnapshot(other));

        QList<RunSnapshot> now = ops.runsInProgress();
        QCOMPARE(now.size(), 2);
        RunInfo done = running("r2", "customers");
        done.outcome = RunOutcome::Succeeded;
        done.finishedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store->updateRun(done));
        now = ops.runsInProgress();
        QCOMPARE(now.size(), 1);
        const RunSnapshot &r = now.first();
        QCOMPARE(r.runId, QStringLiteral("r1"));
        QCOMPARE(r.scheme, QStringLiteral("orders"));
        QCOMPARE(r.holder, QStringLiteral("serve-a"));
        QCOMPARE(r.host, QStringLiteral("host-a"));
        QCOMPARE(r.trigger, QStringLiteral("schedule"));
        QVERIFY(r.startedAt.isValid());
        QCOMPARE(r.phase, QStringLiteral("fetching"));
        QCOMPARE(r.counters, (RunCounters{100, 80, 5, 2, 4}));
        QCOMPARE(r.mapped, 90);
        QCOMPARE(r.windowStart, 1700000000);
        QCOMPARE(r.windowEnd, 1700086400);
        QCOMPARE(r.windowIndex, 2);
        QCOMPARE(r.windowCount, 7);
        QCOMPARE(r.steps.size(), 1);
        QCOMPARE(r.steps.at(0).toObject().value("out").toInt(), 90);
        // Updated by the database's clock, and just now.
        QVERIFY(r.updatedAt.isValid());
        QVERIFY2(r.ageMs >= 0 && r.ageMs < 5000, qPrintable(QString::number(r.ageMs)));

        // A new snapshot replaces the old one; its age starts again.
        QTest::qWait(300);
        QVERIFY(ops.runsInProgress().first().ageMs >= 250);
        s.counters.read = 150;
        QVERIFY(ops.writeSnapshot(s));
        now = ops.runsInProgress();
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().counters.read, 150);
        QVERIFY(now.first().ageMs < 250);

        QVERIFY(ops.removeSnapshot("r1"));
        QVERIFY(ops.runsInProgress().isEmpty());
    }

    void controlRequestsArePickedOnce_data() { backends(); }
    void controlRequestsArePickedOnce()
    {
        QFETCH(QString, backend);
        auto store = open(backend);
        QVERIFY(store);
        OperationsStore ops(store.get());
        const auto first = ops.request("orders", ControlAction::RunNow, "ann@desk");
        const auto second = ops.request("orders", ControlAction::Pause, "bob@desk");
        QVERIFY2(first && second, qPrintable(ops.lastError()));
        QVERIFY(*second > *first);

        const QList<ControlRequest> pending = ops.pendingRequests();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).id, *first); // oldest first
        QCOMPARE(pending.at(0).action, ControlAction::RunNow);
        QCOMPARE(pending.at(0).requestedBy, QStringLiteral("ann@desk"));
        QVERIFY(pending.at(0).requestedAt.isValid());
        QVERIFY(qAbs(pending.at(0).requestedAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);
        QCOMPARE(pending.at(1).action, ControlAction::Pause);
        QVERIFY(pending.at(0).isPending() && !pending.at(0).isDone());

        // Two processes claim the same request: one wins.
        auto other = open(backend, QString::number(m_n));
        QVERIFY(other);
        OperationsStore otherOps(other.get());
        QVERIFY(ops.claim(*first, "serve-a"));
        QVERIFY(!otherOps.claim(*first, "serve-b"));
        QCOMPARE(ops.pendingRequests().size(), 1);
        QVERIFY(ops.complete(*first, "started run r9"));
        const auto done = otherOps.controlRequest(*first);
        QVERIFY(done);
        QCOMPARE(done->pickedBy, QStringLiteral("serve-a"));
        QVERIFY(done->pickedAt.isValid());
        QCOMPARE(done->outcome, QStringLiteral("started run r9"));
        QVERIFY(done->isDone());

        const QList<ControlRequest> all = ops.requests();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.first().id, *second); // newest first
        QCOMPARE(ops.requests("customers").size(), 0);
        QVERIFY(!ops.controlRequest(*second + 100));

        QCOMPARE(controlActionFromName("run-now"), ControlAction::RunNow);
        QCOMPARE(controlActionFromName("cancel"), ControlAction::Cancel);
        QVERIFY(!controlActionFromName("reboot"));
    }

    void pausedFlagIsSharedAndKeepsWhoAsked_data() { backends(); }
    void pausedFlagIsSharedAndKeepsWhoAsked()
    {
        QFETCH(QString, backend);
        auto store = open(backend);
        QVERIFY(store);
        auto other = open(backend, QString::number(m_n));
        QVERIFY(other);
        OperationsStore ops(store.get()), seen(other.get());
        QVERIFY(!seen.isPaused("orders"));
        QVERIFY(ops.setPaused("orders", true, "ann@desk"));
        QVERIFY(ops.setPaused("orders", true, "bob@desk")); // the first pause is kept
        QVERIFY(seen.isPaused("orders"));
        QVERIFY(!seen.isPaused("customers"));
        const auto paused = seen.pausedSchemes();
        QCOMPARE(paused.size(), 1);
        QCOMPARE(paused.value("orders").by, QStringLiteral("ann@desk"));
        QVERIFY(paused.value("orders").since.isValid());
        QVERIFY(seen.setPaused("orders", false, "bob@desk"));
        QVERIFY(!ops.isPaused("orders"));
        QVERIFY(ops.pausedSchemes().isEmpty());
    }

    void runLogsKeepOrder_data() { backends(); }
    void runLogsKeepOrder()
    {
        QFETCH(QString, backend);
        auto store = open(backend);
        QVERIFY(store);
        OperationsStore ops(store.get());
        QList<RunLogLine> lines;
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(1765000000123, Qt::UTC);
        // More than one statement's worth of rows, and text a charset would spoil.
        for (int i = 1; i <= 450; ++i)
            lines.append({i, t.addMSecs(i), i % 2 ? "info" : "warning",
                          QStringLiteral("第 %1 行 — line %1").arg(i)});
        QVERIFY2(ops.appendLog("r1", lines.mid(0, 300)), qPrintable(ops.lastError()));
        QVERIFY(ops.appendLog("r1", lines.mid(300)));
        QVERIFY(ops.appendLog("r2", {{1, t, "error", "other run"}}));
        const QList<RunLogLine> back = ops.runLog("r1");
        QCOMPARE(back.size(), 450);
        for (int i = 0; i < 450; ++i) {
            QCOMPARE(back.at(i).seq, lines.at(i).seq);
            QCOMPARE(back.at(i).at, lines.at(i).at);
            QCOMPARE(back.at(i).level, lines.at(i).level);
            QCOMPARE(back.at(i).message, lines.at(i).message);
        }
        QCOMPARE(ops.runLog("r2").size(), 1);
        QVERIFY(ops.runLog("none").isEmpty());
        // A line stored twice is refused, not doubled.
        QVERIFY(!ops.appendLog("r1", lines.mid(0, 1)));
        QCOMPARE(ops.runLog("r1").size(), 450);
    }
};

QTEST_GUILESS_MAIN(TestOpsStore)
#include "tst_opsstore.moc"
