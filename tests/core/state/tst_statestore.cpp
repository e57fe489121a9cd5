// The state store behaves the same on SQLite (the default) and on MariaDB (shared use): each
// test runs against both.
#include "core/state/statestore.h"
#include "core/platform/processidentity.h"
#include "support/mariadb.h"

#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSysInfo>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace weft;

namespace {

/// The holder name a process of this host had, after it has ended: a real pid that is free
/// again (barring immediate reuse) with a start time no process can have had.
QString endedProcessHolder()
{
    QProcess child;
    child.start(QStringLiteral("true"), {});
    if (!child.waitForStarted())
        return {};
    const qint64 pid = child.processId();
    child.waitForFinished();
    return QStringLiteral("%1:%2/0").arg(QSysInfo::machineHostName()).arg(pid);
}

} // namespace

class TestStateStore : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<StateStore> open(const QString &backend)
    {
        QString error;
        std::unique_ptr<StateStore> store;
        if (backend == QLatin1String("sqlite")) {
            store = StateStore::open(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_n)), &error);
        } else {
            store = StateStore::open(
                test::stateStoreUrl(QStringLiteral("weft_state_%1").arg(++m_n)), &error);
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

    QTemporaryDir m_dir;
    int m_n = 0;

private Q_SLOTS:
    void init()
    {
        if (QString::fromLatin1(QTest::currentDataTag()) == QLatin1String("mariadb"))
            WEFT_REQUIRE_MARIADB();
    }

    void migratesOnceAndReopens_data() { backends(); }
    void migratesOnceAndReopens()
    {
        QFETCH(QString, backend);
        if (backend == QLatin1String("mariadb"))
            return; // covered by every other mariadb row; reopening needs the same name
        const QString path = m_dir.filePath("reopen.sqlite");
        QString error;
        {
            auto store = StateStore::open(path, &error);
            QVERIFY2(store, qPrintable(error));
            QCOMPARE(store->schemaVersion(), 7);
            QVERIFY(store->setCursor("s", 1700000000));
        }
        auto again = StateStore::open(path, &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->schemaVersion(), 7);
        QCOMPARE(again->cursor("s").value_or(0), 1700000000);
    }

    void inFlightJournal_data() { backends(); }
    void inFlightJournal()
    {
        // A batch journalled before its write, then its outcome recorded: written ids,
        // resolved and new failures and the journal entry's removal in one transaction.
        QFETCH(QString, backend);
        auto store = open(backend);
        QVERIFY(store);
        QVERIFY(!store->storeId().isEmpty());
        InFlightBatch batch;
        batch.scheme = "s";
        batch.batchId = "run-1/1";
        batch.runId = "run-1";
        batch.records = {{"a", "hash-a", "NO-1", QString(), {"a"}},
                         {"b", "hash-b", QString(), "77/X", {"b-0", "b-1"}}};
        QVERIFY(store->journalBatch(batch));
        auto pending = store->inFlightBatches("s");
        QVERIFY(pending);
        QCOMPARE(pending->size(), 1);
        const InFlightBatch &back = pending->first();
        QCOMPARE(back.batchId, QStringLiteral("run-1/1"));
        QCOMPARE(back.runId, QStringLiteral("run-1"));
        QCOMPARE(back.records.size(), 2);
        QCOMPARE(back.records.at(0).contentHash, QByteArray("hash-a"));
        QCOMPARE(back.records.at(0).identity, QStringLiteral("NO-1"));
        QCOMPARE(back.records.at(0).sourceIds, QStringList{"a"});
        QCOMPARE(back.records.at(1).previousTargetRef, QStringLiteral("77/X"));
        QCOMPARE(back.records.at(1).sourceIds, (QStringList{"b-0", "b-1"}));
        QVERIFY(store->inFlightBatches("other")->isEmpty());

        FailedRecord old;
        old.scheme = "s";
        old.runId = "run-0";
        old.recordId = "a";
        QVERIFY(store->recordFailures({old}));
        BatchOutcome outcome;
        outcome.scheme = "s";
        outcome.batchId = "run-1/1";
        outcome.runId = "run-1";
        outcome.written = {{"a", "hash-a", "NO-1", "run-1"}};
        outcome.resolvedFailureIds = {"a"};
        FailedRecord rejected;
        rejected.scheme = "s";
        rejected.runId = "run-1";
        rejected.recordId = "b-0";
        outcome.failures = {rejected};
        QVERIFY2(store->recordBatchOutcome(outcome), qPrintable(store->lastError()));
        QVERIFY(store->inFlightBatches("s")->isEmpty());
        QCOMPARE(store->written("s", {"a", "b"}).keys(), QList<QString>{"a"});
        QCOMPARE(store->openFailureIds("s"), QSet<QString>{"b-0"});
    }

    void batchOutcomeIsAllOrNothing()
    {
        // The failures cannot be stored (a trigger refuses them, as a full disk would): none
        // of the outcome is — no written id — and the journal entry stays for the next run.
        const QString path = m_dir.filePath("atomic.sqlite");
        QString error;
        auto store = StateStore::open(path, &error);
        QVERIFY2(store, qPrintable(error));
        InFlightBatch batch{"s", "run-1/1", "run-1", {}, {{"a", "h", {}, {}, {"a"}}}};
        QVERIFY(store->journalBatch(batch));
        const auto refuse = [&](bool on) {
            QSqlDatabase other = QSqlDatabase::addDatabase("QSQLITE", "atomic_trigger");
            other.setDatabaseName(path);
            QVERIFY(other.open());
            QSqlQuery q(other);
            QVERIFY(q.exec(on ? "CREATE TRIGGER refuse BEFORE INSERT ON failed_records BEGIN "
                                "SELECT RAISE(ABORT, 'refused by the test'); END"
                              : "DROP TRIGGER refuse"));
            other.close();
        };
        refuse(true);
        QSqlDatabase::removeDatabase("atomic_trigger");
        BatchOutcome outcome;
        outcome.scheme = "s";
        outcome.batchId = "run-1/1";
        outcome.runId = "run-1";
        outcome.written = {{"a", "h", {}, "run-1"}};
        FailedRecord f;
        f.scheme = "s";
        f.recordId = "b";
        outcome.failures = {f};
        QVERIFY(!store->recordBatchOutcome(outcome));
        QVERIFY2(store->lastError().contains("refused by the test"), qPrintable(store->lastError()));
        QVERIFY(store->written("s", {"a"}).isEmpty());
        QCOMPARE(store->inFlightBatches("s")->size(), 1);
        // The store is usable again at once (no transaction left open).
        refuse(false);
        QSqlDatabase::removeDatabase("atomic_trigger");
        QVERIFY2(store->recordBatchOutcome(outcome), qPrintable(store->lastError()));
        QCOMPARE(store->written("s", {"a"}).size(), 1);
        QVERIFY(store->inFlightBatches("s")->isEmpty());
    }

    void cursors_data() { backends(); }
    void cursors()
    {
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        QVERIFY(!store->cursor("a"));
        QVERIFY(store->setCursor("a", 100));
        QVERIFY(store->setCursor("a", 200));
        QCOMPARE(*store->cursor("a"), 200);
        QVERIFY(store->clearCursor("a"));
        QVERIFY(!store->cursor("a"));
    }

    void contentHashTellsContentApart()
    {
        const QStringList names{"a", "b"};
        const QByteArray row = contentHash(names, {QJsonValue(1), QJsonValue("x")});
        QCOMPARE(row.size(), 16);
        // Stored hashes must not change between versions or machines (a change makes every
        // re-read record look modified once): the digest of a fixed row is pinned.
        QCOMPARE(row.toHex(), QByteArray("d17272b597bec4151762386f7be0e9db"));
        // Type, boundaries and absence all count.
        QVERIFY(row != contentHash(names, {QJsonValue("1"), QJsonValue("x")}));
        QVERIFY(contentHash(names, {QJsonValue("ab"), QJsonValue("c")}) !=
                contentHash(names, {QJsonValue("a"), QJsonValue("bc")}));
        // null is a value; an undefined one is left out, as if the field were absent.
        QVERIFY(contentHash(names, {QJsonValue(), QJsonValue("x")}) !=
                contentHash(names, {QJsonValue(QJsonValue::Undefined), QJsonValue("x")}));
        QCOMPARE(contentHash(names, {QJsonValue(QJsonValue::Undefined), QJsonValue("x")}),
                 contentHash(QStringList{"b"}, {QJsonValue("x")}));
        QVERIFY(row != contentHash(QStringList{"a", "c"}, {QJsonValue(1), QJsonValue("x")}));
        // The mapping's texts of the string values (TargetRecord::texts) give the same digest.
        QCOMPARE(contentHash(names, {QJsonValue(1), QJsonValue("x")}, {QString(), QStringLiteral("x")}),
                 row);
        QCOMPARE(contentHash(QStringList{"a", "b", "c"},
                             {QJsonValue("上海"), QJsonValue(QJsonValue::Null), QJsonValue("")},
                             {QStringLiteral("上海"), QString(), QStringLiteral("")}),
                 contentHash(QStringList{"a", "b", "c"},
                             {QJsonValue("上海"), QJsonValue(QJsonValue::Null), QJsonValue("")}));
        QCOMPARE(contentHash(QJsonObject{{"k", QJsonArray{1, "2", QJsonObject{{"z", true}}}}}),
                 contentHash(QJsonObject{{"k", QJsonArray{1, "2", QJsonObject{{"z", true}}}}}));
        QVERIFY(contentHash(QJsonObject{{"k", QJsonArray{1, 2}}}) !=
                contentHash(QJsonObject{{"k", QJsonArray{2, 1}}}));
    }

    void writtenIdsKeepHashAndTargetRef_data() { backends(); }
    void writtenIdsKeepHashAndTargetRef()
    {
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        const QByteArray h1 = contentHash(QJsonObject{{"a", 1}, {"b", "x"}});
        const QByteArray h2 = contentHash(QJsonObject{{"b", "x"}, {"a", 1}});
        QCOMPARE(h1, h2); // key order does not change the hash
        QVERIFY(h1 != contentHash(QJsonObject{{"a", 2}, {"b", "x"}}));
        QList<WrittenRecord> records;
        for (int i = 0; i < 1200; ++i) // more than one chunk of the IN list
            records.append({QStringLiteral("id-%1").arg(i), h1, QStringLiteral("ref-%1").arg(i)});
        QVERIFY(store->markWritten("s", records));
        QCOMPARE(store->writtenCount("s"), 1200);
        QStringList ask{"id-0", "id-1199", "missing", "id-600"};
        const auto found = store->written("s", ask);
        QCOMPARE(found.size(), 3);
        QCOMPARE(found.value("id-1199").targetRef, QStringLiteral("ref-1199"));
        QCOMPARE(found.value("id-0").contentHash, h1);
        QVERIFY(store->written("other", ask).isEmpty());
    }

    void failuresUpsertAndResolve_data() { backends(); }
    void failuresUpsertAndResolve()
    {
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        FailedRecord f;
        f.scheme = "s";
        f.runId = "r1";
        f.stage = FailureStage::Write;
        f.recordId = "42";
        f.recordNumber = "N42";
        f.errorCode = "1406";
        f.message = "Data too long for column 'items_name' at row 1";
        f.sourcePayload = QJsonObject{{"name", QString(300, u'长')}, {"emoji", "😀"}};
        f.targetPayload = QJsonObject{{"items_name", "x"}};
        QVERIFY(store->recordFailures({f}));
        f.runId = "r2";
        f.message = "again";
        QVERIFY(store->recordFailures({f})); // the same record failing again: one row, 2 tries
        FailedFilter all;
        all.scheme = "s";
        QList<FailedRecord> open = store->failedRecords(all);
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().attempts, 2);
        QCOMPARE(open.first().runId, QStringLiteral("r2"));
        QCOMPARE(open.first().message, QStringLiteral("again"));
        QCOMPARE(open.first().sourcePayload.value("emoji").toString(), QStringLiteral("😀"));
        QCOMPARE(open.first().sourcePayload.value("name").toString().size(), 300);

        FailedRecord other = f;
        other.recordId = "43";
        other.stage = FailureStage::Transform;
        QVERIFY(store->recordFailures({other}));
        FailedFilter byText;
        byText.text = "again";
        QCOMPARE(store->countFailed(byText), 2);
        FailedFilter byStage;
        byStage.stage = FailureStage::Transform;
        QCOMPARE(store->failedRecords(byStage).first().recordId, QStringLiteral("43"));

        // Failures recorded by the resolving run itself belong to another record with the
        // same id (a duplicate) and stay open.
        QVERIFY(store->resolveFailures("s", {"42"}, "r2"));
        QCOMPARE(store->countFailed(all), 2);
        QVERIFY(store->resolveFailures("s", {"42"}));
        QCOMPARE(store->countFailed(all), 1);
        FailedFilter resolved;
        resolved.status = FailureStatus::Resolved;
        QCOMPARE(store->countFailed(resolved), 1);
        // A resolved record failing later opens a new entry rather than reviving the old one.
        QVERIFY(store->recordFailures({f}));
        QCOMPARE(store->countFailed(all), 2);

        const qint64 id = store->failedRecords(byStage).first().id;
        QVERIFY(store->setFailureStatus({id}, FailureStatus::Ignored));
        QCOMPARE(store->countFailed(all), 1);
        FailedFilter paged = all;
        paged.status = std::nullopt;
        paged.limit = 1;
        paged.offset = 0;
        QCOMPARE(store->failedRecords(paged).size(), 1);
    }

    void leasesAreExclusiveAndExpire_data() { backends(); }
    void leasesAreExclusiveAndExpire()
    {
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        QVERIFY(store->tryAcquireLease("s", "host-a:1", 60));
        QVERIFY(store->tryAcquireLease("s", "host-a:1", 60)); // renewing one's own
        QVERIFY(!store->tryAcquireLease("s", "host-b:2", 60));
        QCOMPARE(store->leaseHolder("s"), QStringLiteral("host-a:1"));
        QVERIFY(store->tryAcquireLease("t", "host-b:2", 60)); // another scheme is free
        QVERIFY(store->releaseLease("s", "host-a:1"));
        QVERIFY(store->tryAcquireLease("s", "host-b:2", 1));
        QTest::qWait(1100); // a holder that stops renewing loses the lease
        QVERIFY(store->leaseHolder("s").isEmpty());
        QVERIFY(store->tryAcquireLease("s", "host-a:1", 60));
    }

    void leaseOfAnEndedProcessIsTakenOver_data() { backends(); }
    void leaseOfAnEndedProcessIsTakenOver()
    {
        // A weft-run killed with kill -9 never releases its lease. The next run on this host
        // sees that the holder's process has ended and takes the lease at once; a live holder
        // (this very process) and holders it cannot check (another host) keep theirs.
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        const QString ended = endedProcessHolder();
        QVERIFY(!ended.isEmpty());
        QVERIFY(store->tryAcquireLease("s", ended + ":run-1", 120));
        QVERIFY(store->tryAcquireLease("s", processIdentity() + ":run-2", 120));
        QCOMPARE(store->leaseHolder("s"), processIdentity() + ":run-2");

        const QString alive = processIdentity() + ":designer-run";
        QVERIFY(store->tryAcquireLease("t", alive, 120));
        QVERIFY(!store->tryAcquireLease("t", "other:1/1:run-3", 120));
        QCOMPARE(store->leaseHolder("t"), alive);

        QVERIFY(store->tryAcquireLease("u", "elsewhere.example:1/1:run-4", 120));
        QVERIFY(!store->tryAcquireLease("u", processIdentity() + ":run-5", 120));
    }

    void stalledHolderSessionIsEndedOnTakeover()
    {
        // A serve process paused (SIGSTOP, a VM freeze) inside a fenced state write keeps the
        // lease row locked in its open transaction. Once its lease expired, the process taking
        // over ends that database session: the transaction rolls back and the new holder gets
        // the lease instead of waiting as long as the pause lasts.
        WEFT_REQUIRE_MARIADB();
        auto paused = open(QStringLiteral("mariadb"));
        QVERIFY(paused);
        QString error;
        auto next = StateStore::open(paused->location(), &error);
        QVERIFY2(next, qPrintable(error));
        const auto epoch = paused->acquireLease("s", "host-a:1", 1);
        QVERIFY(epoch);
        std::optional<qint64> takenEpoch;
        const bool pausedWrote = paused->fenced("s", "host-a:1", *epoch, [&] {
            if (!paused->setCursor("s", 42))
                return false;
            // "Paused" here, with the lease row locked: the lease expires meanwhile, and the
            // other process tries to take it over (blocking on the lock, then cutting off
            // this session).
            QTest::qWait(1300);
            takenEpoch = next->acquireLease("s", "host-b:2", 60);
            return true;
        });
        QVERIFY2(takenEpoch.has_value(), qPrintable(next->lastError()));
        QCOMPARE(*takenEpoch, *epoch + 1);
        QCOMPARE(next->leaseHolder("s"), QStringLiteral("host-b:2"));
        QVERIFY(!pausedWrote); // its commit found the session ended
        QVERIFY(!next->cursor("s").has_value()); // and nothing it wrote in it remains
        // The paused process's next fenced write is refused too, on a fresh connection.
        auto resumed = StateStore::open(paused->location(), &error);
        QVERIFY2(resumed, qPrintable(error));
        QVERIFY(!resumed->fenced("s", "host-a:1", *epoch,
                                 [&] { return resumed->setCursor("s", 7); }));
        QVERIFY(resumed->lastFailureWasFence());
    }

    void holderLivenessNamesProcesses()
    {
        QCOMPARE(holderLiveness(processIdentity()), HolderLiveness::Alive);
        QCOMPARE(holderLiveness(processIdentity() + ":with-a-run-id"), HolderLiveness::Alive);
        // This pid with another start time: the pid was reused, the holder is gone.
        const QString host = QSysInfo::machineHostName();
        const qint64 pid = QCoreApplication::applicationPid();
        QCOMPARE(holderLiveness(QStringLiteral("%1:%2/1").arg(host).arg(pid)), HolderLiveness::Gone);
        QCOMPARE(holderLiveness(endedProcessHolder()), HolderLiveness::Gone);
        QCOMPARE(holderLiveness(QStringLiteral("elsewhere.example:%1/1").arg(pid)),
                 HolderLiveness::Unknown);
        QCOMPARE(holderLiveness(QStringLiteral("%1:%2").arg(host).arg(pid)),
                 HolderLiveness::Unknown); // no start time: cannot tell a reused pid
        QCOMPARE(holderLiveness(QStringLiteral("ops-node-7")), HolderLiveness::Unknown);

        // Unique per process instance, and bound to its pid space: the same host name and pid
        // in another container (another pid namespace) or another boot cannot be checked here.
        const QString me = processIdentity();
        QVERIFY2(me.contains(u'@') && me.contains(u'#'), qPrintable(me));
        QCOMPARE(processIdentity(), me);
        QString elsewhere = me;
        elsewhere.replace(QRegularExpression(QStringLiteral("@[^#]*#")),
                          QStringLiteral("@00000000.1#"));
        QCOMPARE(holderLiveness(elsewhere), HolderLiveness::Unknown);
        QString startedLater = me;
        startedLater.replace(QRegularExpression(QStringLiteral("/\\d+@")), QStringLiteral("/1@"));
        QCOMPARE(holderLiveness(startedLater), HolderLiveness::Gone);
    }

    void aZombiesLeaseIsTakenOverAtOnce()
    {
        // Killed, but not yet reaped (its parent died with it, or a container's init does not
        // reap): the process is gone (tst_processidentity), and so is its hold on a lease.
        const pid_t child = ::fork();
        if (child == 0) {
            ::pause(); // until killed
            ::_exit(0);
        }
        QVERIFY(child > 0);
        const auto reap = qScopeGuard([child] { ::waitpid(child, nullptr, 0); });
        QTRY_VERIFY(!processIdentityOf(child).isEmpty());
        const QString holder = processIdentityOf(child) + QStringLiteral("#00000001");
        QString error;
        auto store = StateStore::open(m_dir.filePath("zombie.sqlite"), &error);
        QVERIFY(store);
        QVERIFY(store->tryAcquireLease("z", holder, 120));
        QVERIFY(!store->tryAcquireLease("z", processIdentity(), 120)); // alive: held
        ::kill(child, SIGKILL);
        QTRY_VERIFY(processIdentityOf(child).isEmpty()); // a zombie now, not yet reaped
        QVERIFY(store->tryAcquireLease("z", processIdentity(), 120)); // taken over at once
    }

    void runsAndAbandonedRuns_data() { backends(); }
    void runsAndAbandonedRuns()
    {
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        RunInfo r;
        r.runId = "r1";
        r.scheme = "s";
        r.trigger = "cli";
        r.startedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store->beginRun(r));
        QCOMPARE(store->closeAbandonedRuns("process gone"), 1);
        const auto back = store->run("r1");
        QVERIFY(back);
        QCOMPARE(back->outcome, RunOutcome::Aborted);
        QCOMPARE(back->message, QStringLiteral("process gone"));
        r.runId = "r2";
        r.counters = {10, 7, 2, 1, 3};
        r.outcome = RunOutcome::FinishedWithFailures;
        r.finishedAt = r.startedAt.addSecs(5);
        QVERIFY(store->beginRun(r));
        QVERIFY(store->updateRun(r));
        const QList<RunInfo> runs = store->runs("s");
        QCOMPARE(runs.size(), 2);
        const auto r2 = store->run("r2");
        QCOMPARE(r2->counters, (RunCounters{10, 7, 2, 1, 3}));
        QCOMPARE(r2->outcome, RunOutcome::FinishedWithFailures);
    }

    void localStoreStreams_data() { backends(); }
    void localStoreStreams()
    {
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        QList<QJsonObject> records;
        QStringList ids;
        for (int i = 0; i < 30; ++i) {
            records << QJsonObject{{"number", QStringLiteral("C%1").arg(i, 3, 10, QLatin1Char('0'))},
                                   {"name", QStringLiteral("客户%1").arg(i)}};
            ids << QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
        }
        QVERIFY(store->upsertLocal("cust", records, ids));
        records[0].insert("name", "改名");
        QVERIFY(store->upsertLocal("cust", {records[0]}, {ids[0]}));
        QCOMPARE(store->localCount("cust"), 30);
        QStringList seen;
        QString firstName;
        QVERIFY(store->forEachLocal("cust", [&](const QString &id, const QJsonObject &o) {
            if (seen.isEmpty())
                firstName = o.value("name").toString();
            seen << id;
        }, 0, 10));
        QCOMPARE(seen.size(), 10);
        QCOMPARE(firstName, QStringLiteral("改名"));
    }

    void apiCallsAggregatePerHour_data() { backends(); }
    void apiCallsAggregatePerHour()
    {
        auto store = open(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(store);
        const QDateTime at = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        QList<ApiCallSample> samples;
        for (int i = 0; i < 10; ++i)
            samples.append({"jst", "/open/purchasein/query", i == 3 ? "199" : "", i == 3, 40 + i,
                            50, at});
        QVERIFY(store->addApiCalls(samples));
        QVERIFY(store->addApiCalls(samples)); // merges into the same hourly rows
        // Successful calls have no code: they must merge too (a null code once failed to).
        QVERIFY(store->addApiCalls({{"jst", "/open/purchasein/query", QString(), false, 10, 50, at}}));
        QSqlQuery q(store->database());
        QVERIFY(q.exec("SELECT error_code, calls, throttled, records FROM api_calls ORDER BY "
                       "error_code"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QString());
        QCOMPARE(q.value(1).toInt(), 19);
        QCOMPARE(q.value(3).toInt(), 950);
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("199"));
        QCOMPARE(q.value(1).toInt(), 2);
        QCOMPARE(q.value(2).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestStateStore)
#include "tst_statestore.moc"
