#pragma once

#include <QtGlobal>
#include <deque>

namespace weft::mock {

/// A sliding-window limit: at most `limit` accepted calls in any `windowMs`.
///
/// Only accepted calls count, so a client that keeps to the documented rate is never
/// refused, and one that bursts gets exactly the calls the window allows.
class RateLimiter final
{
public:
    RateLimiter(int limit = 0, qint64 windowMs = 1000)
        : m_limit(limit)
        , m_windowMs(windowMs)
    {}

    void setLimit(int limit) { m_limit = limit; }
    int limit() const { return m_limit; }
    /// True, and the call is counted, when it fits; always true when the limit is 0.
    bool tryAcquire(qint64 nowMs)
    {
        if (!allows(nowMs))
            return false;
        record(nowMs);
        return true;
    }
    /// Whether a call now would fit, without counting it (to check several windows first).
    bool allows(qint64 nowMs)
    {
        if (m_limit <= 0)
            return true;
        while (!m_times.empty() && m_times.front() <= nowMs - m_windowMs)
            m_times.pop_front();
        return qsizetype(m_times.size()) < m_limit;
    }
    void record(qint64 nowMs)
    {
        if (m_limit > 0)
            m_times.push_back(nowMs);
    }
    void reset() { m_times.clear(); }

private:
    int m_limit;
    qint64 m_windowMs;
    std::deque<qint64> m_times;
};

} // namespace weft::mock
