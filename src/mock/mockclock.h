#pragma once

#include <QString>
#include <optional>

namespace weft::mock {

/// Time for the mock: the anchor of the generated data, the wall clock, and the
/// China-time text formats the four systems use.
///
/// Two clocks on purpose: `--now` fixes the anchor that generated record timestamps are
/// spread before (reproducible data), while request timestamps (JST 15 min, JDY 5 min,
/// DingTalk's 365-day rule) are checked against the real clock, as production does.
class MockClock final
{
public:
    MockClock(qint64 anchorSecs, int utcOffsetMinutes);

    qint64 anchorMs() const { return m_anchorMs; }
    int utcOffsetMinutes() const { return m_offsetMin; }
    static qint64 wallMs();
    /// Milliseconds on a monotonic clock, for rate windows (immune to clock changes).
    static qint64 monotonicMs();
    /// The time a touched record gets: never before the anchor, so touched records always
    /// sort after every generated one.
    qint64 touchMs() const;

    /// "yyyy-MM-dd HH:mm:ss" in the configured zone (China time by default).
    QString dateTime(qint64 ms) const;
    /// "yyyy-MM-dd".
    QString date(qint64 ms) const;
    /// "yyyy-MM" (a rebate period).
    QString month(qint64 ms) const;
    /// "yyyy-MM-ddTHH:mm:ss.zzz" (K3Cloud's date fields).
    QString isoDateTime(qint64 ms) const;
    /// Parses "yyyy-MM-dd[ HH:mm[:ss[.zzz]]]", with 'T' or '/' variants, in the configured zone.
    std::optional<qint64> parse(const QString &text) const;

private:
    qint64 m_anchorMs;
    int m_offsetMin;
};

} // namespace weft::mock
