#include "mockstats.h"

#include <algorithm>

namespace weft::mock {

QString MockStats::keyFor(const QString &endpoint) const
{
    // Made-up paths must not grow the table without bound.
    if (m_entries.size() >= kMaxEndpoints && !m_entries.contains(endpoint))
        return QStringLiteral("(other)");
    return endpoint;
}

void MockStats::arrived(const QString &endpoint, qint64 monotonicMs)
{
    Entry &e = m_entries[keyFor(endpoint)];
    ++e.calls;
    ++m_total;
    while (!e.recent.empty() && e.recent.front() <= monotonicMs - 1000)
        e.recent.pop_front();
    e.recent.push_back(monotonicMs);
    e.maxPerSecond = std::max<qint64>(e.maxPerSecond, qint64(e.recent.size()));
    while (!e.lastMinute.empty() && e.lastMinute.front() <= monotonicMs - 60000)
        e.lastMinute.pop_front();
    e.lastMinute.push_back(monotonicMs);
    e.maxPerMinute = std::max<qint64>(e.maxPerMinute, qint64(e.lastMinute.size()));
    if (e.firstMs < 0)
        e.firstMs = monotonicMs;
    e.lastMs = monotonicMs;
}

void MockStats::finished(const QString &endpoint, Outcome outcome)
{
    Entry &e = m_entries[keyFor(endpoint)];
    switch (outcome) {
    case Outcome::Ok:
        ++e.ok;
        break;
    case Outcome::ApiError:
        ++e.errors;
        break;
    case Outcome::RateLimited:
        ++e.rateLimited;
        break;
    case Outcome::FaultInjected:
        ++e.faultsInjected;
        break;
    }
}

MockStats::Outcome MockStats::outcomeOf(MockReply::Kind kind)
{
    switch (kind) {
    case MockReply::Kind::Ok:
        return Outcome::Ok;
    case MockReply::Kind::ApiError:
        return Outcome::ApiError;
    case MockReply::Kind::RateLimited:
        return Outcome::RateLimited;
    }
    return Outcome::Ok;
}

QJsonObject MockStats::toJson() const
{
    QJsonObject endpoints;
    for (auto it = m_entries.cbegin(); it != m_entries.cend(); ++it) {
        const Entry &e = it.value();
        endpoints.insert(it.key(),
                         QJsonObject{{QStringLiteral("calls"), e.calls},
                                     {QStringLiteral("ok"), e.ok},
                                     {QStringLiteral("errors"), e.errors},
                                     {QStringLiteral("rateLimited"), e.rateLimited},
                                     {QStringLiteral("faultsInjected"), e.faultsInjected},
                                     {QStringLiteral("maxCallsPerSecond"), e.maxPerSecond},
                                     {QStringLiteral("maxCallsPerMinute"), e.maxPerMinute},
                                     {QStringLiteral("activeMs"),
                                      e.firstMs < 0 ? 0 : e.lastMs - e.firstMs}});
    }
    return QJsonObject{{QStringLiteral("totalCalls"), m_total},
                       {QStringLiteral("endpoints"), endpoints}};
}

void MockStats::reset()
{
    m_entries.clear();
    m_total = 0;
}

} // namespace weft::mock
