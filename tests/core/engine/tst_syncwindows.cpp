// SyncWindows: how a run's span is cut into windows, and when the cursor may pass each one —
// only over complete windows, in order.

#include "core/engine/syncwindows.h"

#include <QtTest>

using namespace weft;

class TestSyncWindows : public QObject
{
    Q_OBJECT

private slots:
    void spanIsCutIntoWindowsOfAtMostTheMaximum()
    {
        const QList<TimeWindow> w = SyncWindows::split(0, 25, 10);
        QCOMPARE(w.size(), 3);
        QCOMPARE(w.at(0).start, 0);
        QCOMPARE(w.at(0).end, 10);
        QCOMPARE(w.at(1).start, 10); // inclusive ends: the shared second is read by both
        QCOMPARE(w.at(2).end, 25);
        QCOMPARE(SyncWindows::split(0, 25, 0).size(), 1);
        // An empty span (a run within the second of the last) is still read once, and a
        // cursor ahead of now is read up to now.
        QCOMPARE(SyncWindows::split(7, 7, 10).size(), 1);
        const QList<TimeWindow> ahead = SyncWindows::split(30, 20, 10);
        QCOMPARE(ahead.size(), 1);
        QCOMPARE(ahead.first().start, 20);
    }

    void cursorFollowsCompleteWindowsInOrder()
    {
        SyncWindows windows;
        windows.plan(SyncWindows::split(0, 30, 10));
        QList<qint64> cursor;
        const auto setCursor = [&](qint64 end) { cursor << end; };
        QVERIFY(!windows.allCommitted());
        windows.advance(); // window 0
        windows.addOutstanding(windows.currentIndex());
        windows.commitReady(true, setCursor);
        QVERIFY(cursor.isEmpty()); // read to the end, but a record is not written yet
        windows.advance(); // window 1, while window 0's record is still outstanding
        QCOMPARE(windows.currentIndex(), 1);
        windows.addOutstanding(1);
        windows.settle(1);
        windows.commitReady(true, setCursor);
        QVERIFY(cursor.isEmpty()); // window 1 is done, but window 0 is not: nothing moves
        windows.settle(0);
        windows.commitReady(false, setCursor);
        QCOMPARE(cursor, (QList<qint64>{10})); // window 1 is being read: only window 0
        windows.commitReady(true, setCursor);
        QCOMPARE(cursor, (QList<qint64>{10, 20}));
        QVERIFY(windows.hasNext());
        windows.advance();
        QVERIFY(!windows.hasNext());
        QCOMPARE(windows.started(), 3);
        windows.commitReady(true, setCursor);
        QCOMPARE(cursor, (QList<qint64>{10, 20, 30}));
        QVERIFY(windows.allCommitted());
        windows.commitReady(true, setCursor); // nothing twice
        QCOMPARE(cursor.size(), 3);
    }

    void nothingIsCommittedBeforeAWindowIsStarted()
    {
        SyncWindows windows;
        windows.plan({TimeWindow{0, 5}});
        QCOMPARE(windows.currentIndex(), 0);
        int calls = 0;
        windows.commitReady(true, [&](qint64) { ++calls; });
        QCOMPARE(calls, 0);
        QVERIFY(!windows.allCommitted());
        SyncWindows none;
        QVERIFY(none.isEmpty());
        QVERIFY(!none.allCommitted());
    }
};

QTEST_APPLESS_MAIN(TestSyncWindows)
#include "tst_syncwindows.moc"
