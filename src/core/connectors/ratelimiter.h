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
/// be rejected (PEERS.md complaint 11).
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

private:
    void pump();
    qint64 nowMs() const { return m_clock.elapsed(); }

    RateLimit m_limit;
    QElapsedTimer m_clock;
    qint64 m_pausedUntilMs = 0;
    std::deque<qint64> m_starts; ///< start times within the last minute (or second)
    std::deque<std::function<void()>> m_waiting;
    QTimer m_timer;
};

} // namespace weft
