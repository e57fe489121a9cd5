#pragma once

#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <bitset>

namespace weft {

/// A 5-field cron expression: minute hour day-of-month month day-of-week, each a `*`, a
/// number, a range `a-b`, a list `a,b,c` or a step `*/n` / `a-b/n`; months and weekdays
/// also by name (JAN…DEC, SUN…SAT; 0 and 7 are both Sunday). As in Vixie cron, when both
/// day-of-month and day-of-week are restricted a day matching either runs.
class CronExpression final
{
public:
    /// Parses; on failure isValid() is false and error() says which field and why.
    static CronExpression parse(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString text() const { return m_text; }

    /// The first matching minute strictly after `after`, in `zone` (the project's time
    /// zone); invalid when none within five years (e.g. "0 0 31 2 *").
    QDateTime nextAfter(const QDateTime &after, const QTimeZone &zone) const;
    bool matches(const QDateTime &localMinute) const;

private:
    QString m_text;
    QString m_error;
    std::bitset<60> m_minutes;
    std::bitset<24> m_hours;
    std::bitset<32> m_days;     ///< 1..31
    std::bitset<13> m_months;   ///< 1..12
    std::bitset<7> m_weekdays;  ///< 0 = Sunday
    bool m_dayRestricted = false;
    bool m_weekdayRestricted = false;
};

} // namespace weft
