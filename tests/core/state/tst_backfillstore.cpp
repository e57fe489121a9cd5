// Backfill plans in the state store, on SQLite and on MariaDB: a plan is made once and joined,
// each window is claimed by one worker at a time, an expired claim is taken over, and the
// cursor follows the unbroken run of done windows only.
#include "core/state/backfillstore.h"
#include "core/state/statestore.h"
#include "support/mariadb.h"

#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace weft;

namespace {

const QString kScheme = QStringLiteral("purchasein");

QList<TimeWindow> cut(qint64 from, qint64 to, qint64 size)
{
    QList<TimeWindow> out;
    for (qint64 s = from; s < to; s += size)
        out.append({s, std::min(to, s + size)});
    return out;
}

} // namespace

class TestBackfillStore : public QObject
{
    Q_OBJECT
private:
    /// Where a fresh store of `backend` lives: two opens of it are two workers.
    QString location(const QString &backend)
    {
        if (backend == QLatin1String("sqlite"))
            return m_dir.filePath(QStringLiteral("b%1.sqlite").arg(++m_n));
        return test::stateStoreUrl(QStringLiteral("weft_backfill_%1").arg(++m_n));
    }
    std::unique_ptr<StateStore> open(const QString &where)
    {
        QString error;
        auto store = StateStore::open(where, &error);
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

    void planIsMadeOnceAndJoined_data() { backends(); }
    void planIsMadeOnceAndJoined()
    {
        QFETCH(QString, backend);
        const QString where = location(backend);
        auto s1 = open(where);
        auto s2 = open(where);
        QVERIFY(s1 && s2);
        BackfillStore a(s1.get()), b(s2.get());
        const BackfillPlan plan{kScheme, 1000, 9000, 1000};
        QString error;
        QVERIFY2(a.makePlan(plan, cut(1000, 9000, 1000), &error), qPrintable(error));
        QVERIFY2(b.makePlan(plan, cut(1000, 9000, 1000), &error), qPrintable(error));
        QCOMPARE(a.windows(kScheme).size(), 8);
        QVERIFY(b.plan(kScheme) == plan);
        QVERIFY(a.inProgress(kScheme));
        // Another span while this one is unfinished: refused, the plan unchanged.
        QVERIFY(!b.makePlan({kScheme, 0, 500, 100}, cut(0, 500, 100), &error));
        QVERIFY(b.lastFailureWasConflict());
        QCOMPARE(a.windows(kScheme).size(), 8);
        QVERIFY(a.dropPlan(kScheme));
        QVERIFY(!a.inProgress(kScheme));
        QVERIFY(!a.plan(kScheme));
    }

    void eachWindowHasOneHolderUntilItsLeaseExpires_data() { backends(); }
    void eachWindowHasOneHolderUntilItsLeaseExpires()
    {
        QFETCH(QString, backend);
        const QString where = location(backend);
        auto s1 = open(where);
        auto s2 = open(where);
        QVERIFY(s1 && s2);
        BackfillStore a(s1.get()), b(s2.get());
        QString error;
        QVERIFY(a.makePlan({kScheme, 0, 400, 100}, cut(0, 400, 100), &error));
        QList<qint64> claimed;
        for (int i = 0; i < 4; ++i) {
            BackfillStore &who = i % 2 ? b : a;
            const auto claim = who.claim(kScheme, i % 2 ? "worker-b" : "worker-a", 1, &error);
            QVERIFY2(claim, qPrintable(error));
            QCOMPARE(claim->attempt, 1);
            QCOMPARE(claim->leaseName, BackfillStore::leaseName(kScheme, claim->window.start));
            claimed.append(claim->window.start);
        }
        std::sort(claimed.begin(), claimed.end());
        QCOMPARE(claimed, (QList<qint64>{0, 100, 200, 300}));
        // Every window is held: nothing to claim, until the leases expire (by the database's
        // clock); then a running window is taken over, as a second attempt.
        QVERIFY(!a.claim(kScheme, "worker-c", 1, &error));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // worker-a keeps its first window's lease alive; the others lapse.
        QThread::msleep(600);
        const auto kept = a.windows(kScheme).first();
        QCOMPARE(kept.holder, QStringLiteral("worker-a"));
        QVERIFY(s1->renewLease(BackfillStore::leaseName(kScheme, 0), "worker-a", kept.epoch, 1));
        QThread::msleep(600);
        QVERIFY(s1->renewLease(BackfillStore::leaseName(kScheme, 0), "worker-a", kept.epoch, 1));
        const auto over = b.claim(kScheme, "worker-c", 1, &error);
        QVERIFY2(over, qPrintable(error));
        QCOMPARE(over->window.start, 100);
        QCOMPARE(over->attempt, 2);
        // The old holder can no longer close or give back the window it lost.
        QVERIFY(!a.markDone(kScheme, 100, "worker-b", 10));
        QVERIFY(a.giveBack(kScheme, 100, "worker-b", true, "late"));
        QCOMPARE(a.windows(kScheme).at(1).state, QStringLiteral("running"));
        QCOMPARE(a.windows(kScheme).at(1).holder, QStringLiteral("worker-c"));
    }

    void cursorFollowsTheDonePrefix_data() { backends(); }
    void cursorFollowsTheDonePrefix()
    {
        QFETCH(QString, backend);
        auto s = open(location(backend));
        QVERIFY(s);
        BackfillStore store(s.get());
        QString error;
        QVERIFY(store.makePlan({kScheme, 0, 300, 100}, cut(0, 300, 100), &error));
        for (int i = 0; i < 3; ++i)
            QVERIFY(store.claim(kScheme, "w", 60, &error));
        // The second and third windows done, the first not: the cursor stays before it.
        QVERIFY(store.markDone(kScheme, 100, "w", 5));
        QVERIFY(store.markDone(kScheme, 200, "w", 5));
        QVERIFY(!store.advanceCursor(kScheme));
        QVERIFY(!s->cursor(kScheme));
        // The first one fails: it is claimable again and still blocks the cursor.
        QVERIFY(store.giveBack(kScheme, 0, "w", true, "source unreachable"));
        QVERIFY(!store.advanceCursor(kScheme));
        const auto again = store.claim(kScheme, "w2", 60, &error);
        QVERIFY(again);
        QCOMPARE(again->window.start, 0);
        QCOMPARE(again->attempt, 2);
        QVERIFY(store.markDone(kScheme, 0, "w2", 5));
        QCOMPARE(store.advanceCursor(kScheme).value_or(-1), 300);
        QCOMPARE(s->cursor(kScheme).value_or(-1), 300);
        QVERIFY(!store.inProgress(kScheme));
        // Never backwards: a cursor already later stays.
        QVERIFY(s->setCursor(kScheme, 1000));
        QCOMPARE(store.advanceCursor(kScheme).value_or(-1), 1000);
    }
};

QTEST_GUILESS_MAIN(TestBackfillStore)
#include "tst_backfillstore.moc"
