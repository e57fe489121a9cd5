#pragma once

#include "core/model/connection.h"

#include <deque>
#include <QElapsedTimer>
#include <QObject>
#include <QSet>
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
/// rejected) — with a margin for network jitter sized by the observed round trips. A fractional
/// rate (0.5/s) spaces calls evenly. `pause()` holds every call after the system said "too many"
/// anyway (another client may share the quota).
class RateLimiter final : public QObject
{
    Q_OBJECT
public:
    explicit RateLimiter(const RateLimit &limit, QObject *parent = nullptr);

    /// Runs `go` as soon as the limits allow (possibly right away, always on this thread); the
    /// call counts as started when `go` runs.
    void acquire(std::function<void()> go);
    /// Identifies a call let go whose request may not have left yet.
    using Ticket = quint64;
    /// As acquire(), for a call whose request may wait after `go` (Qt's network access
    /// manager queues requests beyond six connections a host): until sent(ticket), it counts
    /// as starting now — the latest it can still leave — and from then at the moment it left.
    /// Otherwise a call let go early and sent late arrives closer to the next ones than they
    /// were counted, and the server sees one too many in its window.
    void acquireUntilSent(std::function<void(Ticket)> go);
    /// The request of `ticket` has left (or never will: an aborted call). Idempotent.
    void sent(Ticket ticket);
    void pause(int ms);
    /// A round trip of one call (its request left → the answer's headers came back), which
    /// sizes the margin below.
    void observeRoundTrip(qint64 ms);
    /// Added to every one-second window (ms): two calls can reach the server closer together
    /// than they left by as much as their network delays differ, and the spread of recent
    /// round trips bounds that. 60 until enough round trips were seen, then within [25, 250].
    /// A one-minute window always gets the widest margin, 250 ms.
    qint64 jitterMarginMs() const { return m_marginMs; }
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
    std::deque<qint64> m_roundTrips; ///< the latest round trips, oldest first
    qint64 m_marginMs;
    QSet<Ticket> m_unsent;       ///< calls let go whose requests have not left yet
    Ticket m_nextTicket = 1;
    /// A waiting call: `go` takes its ticket (0 for one that counts when it runs).
    struct Waiting {
        std::function<void(Ticket)> go;
        bool untilSent = false;
    };
    std::deque<Waiting> m_waiting;
    QTimer m_timer;
    SharedGate m_gate;
};

} // namespace weft
