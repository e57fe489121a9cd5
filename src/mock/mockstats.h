#pragma once

#include "mockhttp.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <deque>

namespace weft::mock {

/// Per-endpoint statistics for `/_mock/stats`.
class MockStats final
{
public:
    enum class Outcome { Ok, ApiError, RateLimited, FaultInjected };

    /// Counts an arriving call; returns the endpoint's entry for the outcome.
    void arrived(const QString &endpoint, qint64 monotonicMs);
    void finished(const QString &endpoint, Outcome outcome);
    static Outcome outcomeOf(MockReply::Kind kind);
    QJsonObject toJson() const;
    void reset();

private:
    static constexpr qsizetype kMaxEndpoints = 256;
    QString keyFor(const QString &endpoint) const;

    struct Entry
    {
        qint64 calls = 0;
        qint64 ok = 0;
        qint64 errors = 0;
        qint64 rateLimited = 0;
        qint64 faultsInjected = 0;
        qint64 maxPerSecond = 0;
        qint64 maxPerMinute = 0;   // the most calls in any 60 s
        qint64 firstMs = -1;       // the first and last arrival (for calls per minute)
        qint64 lastMs = -1;
        std::deque<qint64> recent; // arrival times of the last second
        std::deque<qint64> lastMinute; // … of the last minute
    };
    QHash<QString, Entry> m_entries;
    qint64 m_total = 0;
};

} // namespace weft::mock
