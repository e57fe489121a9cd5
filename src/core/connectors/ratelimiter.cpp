#include "core/connectors/ratelimiter.h"

#include <algorithm>
#include <cmath>

namespace weft {

namespace {
// Requests sent at the edges of a window can arrive closer together than they left.
constexpr qint64 kJitterMarginMs = 60;
} // namespace

RateLimiter::RateLimiter(const RateLimit &limit, QObject *parent)
    : QObject(parent)
    , m_limit(limit)
{
    m_clock.start();
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &RateLimiter::pump);
}

void RateLimiter::acquire(std::function<void()> go)
{
    m_waiting.push_back(std::move(go));
    pump();
}

void RateLimiter::pause(int ms)
{
    m_pausedUntilMs = std::max(m_pausedUntilMs, nowMs() + ms);
    if (m_gate.pause)
        m_gate.pause(ms);
    pump();
}

void RateLimiter::tighten(const RateLimit &other)
{
    const auto stricter = [](auto a, auto b) { return a <= 0 ? b : b <= 0 ? a : std::min(a, b); };
    m_limit.perSecond = stricter(m_limit.perSecond, other.perSecond);
    m_limit.perMinute = stricter(m_limit.perMinute, other.perMinute);
}

void RateLimiter::pump()
{
    const qint64 keepMs = m_limit.perMinute > 0 ? 60000 + kJitterMarginMs : 1000 + kJitterMarginMs;
    while (!m_waiting.empty()) {
        const qint64 now = nowMs();
        while (!m_starts.empty() && m_starts.front() <= now - keepMs)
            m_starts.pop_front();
        qint64 waitMs = now < m_pausedUntilMs ? m_pausedUntilMs - now : 0;
        if (m_limit.perSecond >= 1.0) {
            // At most floor(rate) starts in any window of one second (plus margin).
            const qsizetype perWindow = qsizetype(m_limit.perSecond);
            const qsizetype n = m_starts.size();
            if (n >= perWindow) {
                const qint64 nth = m_starts.at(n - perWindow);
                waitMs = std::max<qint64>(waitMs, nth + 1000 + kJitterMarginMs - now);
            }
        } else if (m_limit.perSecond > 0 && !m_starts.empty()) {
            const qint64 spacing = qint64(std::ceil(1000.0 / m_limit.perSecond));
            waitMs = std::max<qint64>(waitMs, m_starts.back() + spacing - now);
        }
        if (m_limit.perMinute > 0 && m_starts.size() >= m_limit.perMinute) {
            const qint64 nth = m_starts.at(m_starts.size() - m_limit.perMinute);
            waitMs = std::max<qint64>(waitMs, nth + 60000 + kJitterMarginMs - now);
        }
        if (waitMs <= 0 && m_gate.reserve && m_limit.isSet())
            waitMs = m_gate.reserve(); // the other processes' calls on the account
        if (waitMs > 0) {
            if (!m_timer.isActive() || m_timer.remainingTime() > waitMs)
                m_timer.start(int(std::min<qint64>(waitMs, 60000)));
            return;
        }
        if (m_limit.isSet())
            m_starts.push_back(now);
        auto go = std::move(m_waiting.front());
        m_waiting.pop_front();
        go();
    }
}

} // namespace weft
