#include "core/connectors/ratelimiter.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace weft {

namespace {
// Requests sent at the edges of a window can arrive closer together than they left, by as much
// as their one-way delays differ. That difference is not observable, but it is bounded by how
// much round trips differ (a round trip holds the one-way delay plus the server's time and the
// way back, which widen the spread). Until enough round trips were seen a fixed margin stands
// in; a floor and a ceiling keep an odd set of samples from letting calls bunch up or from
// halving the throughput. Should the bet fail, the throttle answer still pauses the account.
constexpr qint64 kInitialMarginMs = 60;
constexpr qint64 kMinMarginMs = 25;
constexpr qint64 kMaxMarginMs = 250;
constexpr size_t kRoundTripsKept = 64;
constexpr size_t kRoundTripsNeeded = 16;
} // namespace

RateLimiter::RateLimiter(const RateLimit &limit, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
    , m_marginMs(kInitialMarginMs)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RateLimiter::pump);
}

void RateLimiter::acquire(std::function<void()> go)
{
    m_waiting.push_back({[go = std::move(go)](Ticket) { go(); }, false});
    pump();
}

void RateLimiter::acquireUntilSent(std::function<void(Ticket)> go)
{
    m_waiting.push_back({std::move(go), true});
    pump();
}

void RateLimiter::sent(Ticket ticket)
{
    if (!m_unsent.remove(ticket))
        return;
    // Times are recorded as they happen, so appending keeps m_starts in order.
    m_starts.push_back(nowMs());
    pump(); // counted at a fixed time now, no longer "now": the next call may go sooner
}

void RateLimiter::pause(int ms)
{
    m_pausedUntilMs = std::max(m_pausedUntilMs, nowMs() + ms);
    if (m_gate.pause)
        m_gate.pause(ms);
    pump();
}

void RateLimiter::observeRoundTrip(qint64 ms)
{
    if (ms < 0)
        return;
    m_roundTrips.push_back(ms);
    if (m_roundTrips.size() > kRoundTripsKept)
        m_roundTrips.pop_front();
    if (m_roundTrips.size() < kRoundTripsNeeded)
        return;
    // The spread from the fastest to the 90th percentile: the slowest tenth are taken as
    // answers that were slow on the server (a large page), not on the wire.
    std::vector<qint64> sorted(m_roundTrips.begin(), m_roundTrips.end());
    std::sort(sorted.begin(), sorted.end());
    const qint64 spread = sorted.at(sorted.size() * 9 / 10) - sorted.front();
    m_marginMs = std::clamp(spread, kMinMarginMs, kMaxMarginMs);
}

void RateLimiter::tighten(const RateLimit &other)
{
    const auto stricter = [](auto a, auto b) { return a <= 0 ? b : b <= 0 ? a : std::min(a, b); };
    m_limit.perSecond = stricter(m_limit.perSecond, other.perSecond);
    m_limit.perMinute = stricter(m_limit.perMinute, other.perMinute);
}

void RateLimiter::pump()
{
    // Kept for the largest margin, so a margin that grows later still sees every start it needs.
    const qint64 keepMs = m_limit.perMinute > 0 ? 60000 + kMaxMarginMs : 1000 + kMaxMarginMs;
    while (!m_waiting.empty()) {
        const qint64 now = nowMs();
        while (!m_starts.empty() && m_starts.front() <= now - keepMs)
            m_starts.pop_front();
        // The starts in time order: the recorded ones, then the calls not sent yet at "now".
        const qsizetype recorded = qsizetype(m_starts.size());
        const qsizetype n = recorded + m_unsent.size();
        const auto startAt = [&](qsizetype i) { return i < recorded ? m_starts.at(i) : now; };
        qint64 waitMs = now < m_pausedUntilMs ? m_pausedUntilMs - now : 0;
        if (m_limit.perSecond >= 1.0) {
            // At most floor(rate) starts in any window of one second (plus margin).
            const qsizetype perWindow = qsizetype(m_limit.perSecond);
            if (n >= perWindow)
                waitMs = std::max<qint64>(waitMs, startAt(n - perWindow) + 1000 + m_marginMs - now);
        } else if (m_limit.perSecond > 0 && n > 0) {
            const qint64 spacing = qint64(std::ceil(1000.0 / m_limit.perSecond));
            waitMs = std::max<qint64>(waitMs, startAt(n - 1) + spacing - now);
        }
        if (m_limit.perMinute > 0 && n >= m_limit.perMinute) {
            const qint64 nth = startAt(n - m_limit.perMinute);
            // The widest margin: it costs 0.4 % of a minute, and a minute's first call may be
            // held up by more than the usual spread (a burst of 100 meets a busy server).
            waitMs = std::max<qint64>(waitMs, nth + 60000 + kMaxMarginMs - now);
        }
        if (waitMs <= 0 && m_gate.reserve && m_limit.isSet())
            waitMs = m_gate.reserve(); // the other processes' calls on the account
        if (waitMs > 0) {
            if (!m_timer.isActive() || m_timer.remainingTime() > waitMs)
                m_timer.start(int(std::min<qint64>(waitMs, 60000)));
            return;
        }
        Waiting next = std::move(m_waiting.front());
        m_waiting.pop_front();
        Ticket ticket = 0;
        if (m_limit.isSet()) {
            if (next.untilSent) {
                ticket = m_nextTicket++;
                m_unsent.insert(ticket);
            } else {
                m_starts.push_back(now);
            }
        }
        next.go(ticket);
    }
}

} // namespace weft
