#include "core/engine/syncwindows.h"

namespace weft {

QList<TimeWindow> SyncWindows::split(qint64 since, qint64 until, qint64 maxSeconds)
{
    QList<TimeWindow> out;
    since = std::min(since, until);
    if (maxSeconds <= 0 || since == until) {
        out.append({since, until});
        return out;
    }
    for (qint64 s = since; s < until; s += maxSeconds)
        out.append({s, std::min(until, s + maxSeconds)});
    return out;
}

void SyncWindows::plan(QList<TimeWindow> windows)
{
    m_windows = std::move(windows);
    m_current = {};
    m_started = 0;
    m_outstanding = QList<qint64>(m_windows.size(), 0);
    m_committed = 0;
}

const TimeWindow &SyncWindows::advance()
{
    m_current = m_windows.at(m_started++);
    return m_current;
}

void SyncWindows::addOutstanding(int index)
{
    if (index >= 0 && index < m_outstanding.size())
        ++m_outstanding[index];
}

void SyncWindows::settle(int index)
{
    if (index >= 0 && index < m_outstanding.size())
        --m_outstanding[index];
}

void SyncWindows::commitReady(bool currentReadToEnd, const std::function<void(qint64)> &setCursor)
{
    // Windows complete in order: the cursor may pass a window only when it and every window
    // before it were read to the end and each of their records was settled. Windows before
    // the current one were read to the end when the next one started.
    while (m_committed < m_started && m_committed < m_outstanding.size() &&
           m_outstanding.at(m_committed) == 0 &&
           (m_committed < m_started - 1 || currentReadToEnd)) {
        setCursor(m_windows.at(m_committed).end);
        ++m_committed;
    }
}

} // namespace weft
