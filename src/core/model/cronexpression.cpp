#include "core/model/cronexpression.h"

#include "core/util/translation.h"

#include <QStringList>

namespace weft {

namespace {

const QStringList kMonthNames = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                 "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
const QStringList kDayNames = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

/// Parses one number or name of a field.
bool parseValue(const QString &token, int min, int max, const QStringList &names, int nameBase,
                int *value)
{
    bool ok = false;
    int v = token.toInt(&ok);
    if (!ok) {
        const qsizetype i = names.indexOf(token.toUpper());
        if (i < 0)
            return false;
        v = int(i) + nameBase;
    }
    if (v < min || v > max)
        return false;
    *value = v;
    return true;
}

/// Parses one field into `bits` (index = value). Returns an error text or empty.
template <size_t N>
QString parseField(const QString &field, int min, int max, const QStringList &names, int nameBase,
                   std::bitset<N> *bits, bool *restricted, const char *what)
{
    *restricted = field != QLatin1String("*");
    for (const QString &part : field.split(u',')) {
        if (part.isEmpty())
            return ProjectText::tr("%1: empty list item in \"%2\"").arg(QLatin1String(what), field);
        QString range = part;
        int step = 1;
        const qsizetype slash = part.indexOf(u'/');
        if (slash >= 0) {
            bool ok = false;
            step = part.mid(slash + 1).toInt(&ok);
            if (!ok || step <= 0)
                return ProjectText::tr("%1: \"%2\" needs a positive step after /")
                    .arg(QLatin1String(what), part);
            range = part.left(slash);
        }
        int from = min;
        int to = max;
        if (range != QLatin1String("*")) {
            const qsizetype dash = range.indexOf(u'-');
            if (dash >= 0) {
                if (!parseValue(range.left(dash), min, max, names, nameBase, &from) ||
                    !parseValue(range.mid(dash + 1), min, max, names, nameBase, &to) || from > to)
                    return ProjectText::tr("%1: \"%2\" is not a range within %3-%4")
                        .arg(QLatin1String(what), range)
                        .arg(min)
                        .arg(max);
            } else {
                if (!parseValue(range, min, max, names, nameBase, &from))
                    return ProjectText::tr("%1: \"%2\" is not a value within %3-%4")
                        .arg(QLatin1String(what), range)
                        .arg(min)
                        .arg(max);
                to = slash >= 0 ? max : from; // "5/15" means from 5 every 15
            }
        }
        for (int v = from; v <= to; v += step)
            bits->set(size_t(v));
    }
    return {};
}

} // namespace

CronExpression CronExpression::parse(const QString &text)
{
    CronExpression c;
    c.m_text = text.simplified();
    const QStringList fields = c.m_text.split(u' ', Qt::SkipEmptyParts);
    if (fields.size() != 5) {
        c.m_error = ProjectText::tr("a cron expression has 5 fields (minute hour day-of-month "
                                    "month day-of-week), e.g. \"*/15 * * * *\"; this one has %1")
                        .arg(fields.size());
        return c;
    }
    bool dummy = false;
    std::bitset<8> weekdays; // 0..7, 7 folds onto Sunday
    for (const QString &e :
         {parseField(fields.at(0), 0, 59, {}, 0, &c.m_minutes, &dummy, "minute"),
          parseField(fields.at(1), 0, 23, {}, 0, &c.m_hours, &dummy, "hour"),
          parseField(fields.at(2), 1, 31, {}, 0, &c.m_days, &c.m_dayRestricted, "day of month"),
          parseField(fields.at(3), 1, 12, kMonthNames, 1, &c.m_months, &dummy, "month"),
          parseField(fields.at(4), 0, 7, kDayNames, 0, &weekdays, &c.m_weekdayRestricted,
                     "day of week")}) {
        if (!e.isEmpty() && c.m_error.isEmpty())
            c.m_error = e;
    }
    for (int d = 0; d < 7; ++d)
        c.m_weekdays.set(size_t(d), weekdays.test(size_t(d)));
    if (weekdays.test(7))
        c.m_weekdays.set(0);
    return c;
}

bool CronExpression::matches(const QDateTime &t) const
{
    if (!m_minutes.test(size_t(t.time().minute())) || !m_hours.test(size_t(t.time().hour())) ||
        !m_months.test(size_t(t.date().month())))
        return false;
    const bool day = m_days.test(size_t(t.date().day()));
    const bool weekday = m_weekdays.test(size_t(t.date().dayOfWeek() % 7));
    if (m_dayRestricted && m_weekdayRestricted)
        return day || weekday;
    return day && weekday;
}

QDateTime CronExpression::nextAfter(const QDateTime &after, const QTimeZone &zone) const
{
    if (!isValid())
        return {};
    QDateTime t = after.toTimeZone(zone);
    t = QDateTime(t.date(), QTime(t.time().hour(), t.time().minute()), zone).addSecs(60);
    const QDateTime limit = t.addYears(5);
    while (t < limit) {
        if (!m_months.test(size_t(t.date().month()))) {
            // Jump to the first minute of the next month.
            const QDate first = QDate(t.date().year(), t.date().month(), 1).addMonths(1);
            t = QDateTime(first, QTime(0, 0), zone);
            continue;
        }
        const bool day = m_days.test(size_t(t.date().day()));
        const bool weekday = m_weekdays.test(size_t(t.date().dayOfWeek() % 7));
        const bool dayOk = (m_dayRestricted && m_weekdayRestricted) ? day || weekday
                                                                     : day && weekday;
        if (!dayOk) {
            t = QDateTime(t.date().addDays(1), QTime(0, 0), zone);
            continue;
        }
        if (!m_hours.test(size_t(t.time().hour()))) {
            t = QDateTime(t.date(), QTime(t.time().hour(), 0), zone).addSecs(3600);
            continue;
        }
        if (m_minutes.test(size_t(t.time().minute())))
            return t;
        t = t.addSecs(60);
    }
    return {};
}

} // namespace weft
