#pragma once

#include "core/model/connection.h"

#include <deque>
#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <functional>

namespace weft {

/// Spaces out calls to one system so they stay within its published limits (calls per
/// second and per minute): a call over the limit waits for its turn instead of being sent to
/// be rejected. One limiter serves an account (AccountLimits): every scheme and connection of
/// the process that uses it waits in one queue, first come first served.
///
/// Both limits are sliding windows over the start times of past calls — the way servers count
/// (a token bucket would allow twice the rate within some one-second window and be
/// rejected) — with a small margin for network jitter. A fractional rate (0.5/s) spaces calls
/// evenly. `pause()` holds every call after the system said "too many" anyway (another client
/// may share the quota).
class RateLimiter final : public QObject
{
    Q_OBJECT
public:
    explicit RateLimiter(const RateLimit &limit, QObject *parent = nullptr);

    /// Runs `go` as soon as the limits allow (possibly right away, always on this thread).
    void acquire(std::function<void()> go);
    void pause(int ms);
    int waiting() const { return int(m_waiting.size()); }
    RateLimit limit() const { return m_limit; }
    /// Takes the stricter of the current limit and `other` (two connections of one account).
    void tighten(const RateLimit &other);

    /// Where other processes count the same account's calls (a shared state store): asked
    /// before each call that the local windows allow whether it may go now (0) or in how many
    /// milliseconds; told of every pause, so a throttle answer pauses them too.
    struct SharedGate {
        std::function<qint64()> reserve;
        std::function<void(int ms)> pause;
    };
    void setSharedGate(SharedGate gate) { m_gate = std::move(gate); }

private:
    void pump();
    qint64 nowMs() const { return m_clock.elapsed(); }

    RateLimit m_limit;
    QElapsedTimer m_clock;
    qint64 m_pausedUntilMs = 0;
    std::deque<qint64> m_starts; ///< start times within the last minute (or second)
    std::deque<std::function<void()>> m_waiting;
    QTimer m_timer;
    SharedGate m_gate;
};

} // namespace weft
