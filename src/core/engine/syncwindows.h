#pragma once

#include "core/connectors/connector.h"

#include <QList>

#include <functional>

namespace weft {

/// The time windows one run of an incremental scheme reads, in order, and when the cursor
/// may pass each of them.
///
/// A window is read page by page while the previous windows' records are still being
/// written, so the cursor follows complete windows only: a window is complete when it was
/// read to the end and each of its records was written, skipped or recorded as failed — and
/// every window before it was complete. SchemeRun counts each record buffered for a window
/// (addOutstanding) and settled (settle), and asks commitReady() after every change.
class SyncWindows
{
public:
    /// [since, until] cut into windows of at most `maxSeconds` (0: one window). Inclusive at
    /// both ends, so even an empty span (a run right after the previous one, within the same
    /// second) is one window: a record modified in that second after the previous read must
    /// not be missed.
    static QList<TimeWindow> split(qint64 since, qint64 until, qint64 maxSeconds);

    /// Starts over with `windows`, none read yet.
    void plan(QList<TimeWindow> windows);

    bool isEmpty() const { return m_windows.isEmpty(); }
    int count() const { return int(m_windows.size()); }
    const TimeWindow &first() const { return m_windows.first(); }
    const TimeWindow &last() const { return m_windows.last(); }
    /// Whether a window is left to start reading.
    bool hasNext() const { return m_started < m_windows.size(); }
    /// Starts reading the next window and returns it.
    const TimeWindow &advance();
    /// The window being read ({} before the first).
    const TimeWindow &current() const { return m_current; }
    /// How many windows were started (the current one's 1-based number).
    int started() const { return m_started; }
    /// Index of the window being read, whose records are buffered now (0 before the first).
    int currentIndex() const { return std::max(0, m_started - 1); }

    /// One record of window `index` buffered, or in a batch not confirmed yet.
    void addOutstanding(int index);
    /// One record of window `index` written, skipped or failed.
    void settle(int index);

    /// Moves past every complete window from the first not yet committed, calling
    /// `setCursor(window.end)` for each. `currentReadToEnd`: the window being read has no
    /// page left to read or waiting to be transformed.
    void commitReady(bool currentReadToEnd, const std::function<void(qint64)> &setCursor);
    /// Every window complete and committed.
    bool allCommitted() const { return !m_windows.isEmpty() && m_committed >= m_windows.size(); }

private:
    QList<TimeWindow> m_windows;
    TimeWindow m_current;
    int m_started = 0;           ///< windows started reading
    QList<qint64> m_outstanding; ///< per window: records buffered or in unconfirmed batches
    int m_committed = 0;         ///< windows that moved the cursor
};

} // namespace weft
