#include "core/expr/datetime.h"

#include <algorithm>

namespace weft::expr::detail::dt {

namespace {

bool isDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == '\v';
}

bool isPunct(QChar c)
{
    return c.unicode() < 128 && c.isPunct();
}

bool isDelimiter(QChar c)
{
    return c.unicode() < 128 && (c.isPunct() || c.isSymbol());
}

// Reads up to `maxDigits` digits at `i`; -1 when there is none.
int readNumber(QStringView s, qsizetype &i, int maxDigits)
{
    qsizetype start = i;
    qint64 v = 0;
    while (i < s.size() && isDigit(s[i]) && i - start < maxDigits) {
        v = v * 10 + (s[i].unicode() - '0');
        ++i;
    }
    return i == start ? -1 : int(std::min<qint64>(v, 1000000000));
}

int twoDigitYear(int y)
{
    return y < 70 ? 2000 + y : 1900 + y;
}

bool validParts(const DateTime &d)
{
    if (d.year > 9999 || d.month > 12 || d.day > 31 || d.hour > 23 || d.minute > 59 ||
        d.second > 59)
        return false;
    if (d.month > 0 && d.day > 0 && d.day > daysInMonth(d.year, d.month))
        return false;
    return true;
}

void appendNumber(QString &out, qint64 v, int width)
{
    const QString digits = QString::number(v);
    for (qsizetype i = digits.size(); i < width; ++i)
        out += QLatin1Char('0');
    out += digits;
}

} // namespace

qint64 daysFromCivil(qint64 y, int m, int d)
{
    // Howard Hinnant's days_from_civil.
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(qint64 z, int &year, int &month, int &day)
{
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const qint64 doe = z - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 y = yoe + era * 400;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    day = int(doy - (153 * mp + 2) / 5 + 1);
    month = int(mp < 10 ? mp + 3 : mp - 9);
    year = int(y + (month <= 2));
}

bool isLeap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int daysInMonth(int year, int month)
{
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 31;
    return month == 2 && isLeap(year) ? 29 : kDays[month - 1];
}

bool isValidDate(const DateTime &d)
{
    return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= daysInMonth(d.year, d.month);
}

bool hasZeroPart(const DateTime &d)
{
    return d.month == 0 || d.day == 0;
}

qint64 toEpochSeconds(const DateTime &d)
{
    return daysFromCivil(d.year, d.month, d.day) * 86400 + d.hour * 3600 + d.minute * 60 + d.second;
}

DateTime fromEpochSeconds(qint64 seconds, int micro, int fsp)
{
    qint64 days = seconds / 86400;
    qint64 rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    DateTime d;
    civilFromDays(days, d.year, d.month, d.day);
    d.hour = int(rest / 3600);
    d.minute = int(rest / 60 % 60);
    d.second = int(rest % 60);
    d.micro = micro;
    d.fsp = fsp;
    return d;
}

std::optional<DateTime> parse(QStringView s, bool *hasTime)
{
    qsizetype i = 0;
    while (i < s.size() && isSpace(s[i]))
        ++i;
    qsizetype digitsEnd = i;
    while (digitsEnd < s.size() && isDigit(s[digitsEnd]))
        ++digitsEnd;
    const qsizetype run = digitsEnd - i;
    DateTime d;
    bool withTime = false;
    const bool compactEnd = digitsEnd == s.size() || isSpace(s[digitsEnd]) ||
                            s[digitsEnd] == QLatin1Char('.') || s[digitsEnd] == QLatin1Char('T');
    if (compactEnd && (run == 6 || run == 8 || run == 12 || run == 14)) {
        // YYMMDD, YYYYMMDD, YYMMDDHHMMSS, YYYYMMDDHHMMSS
        const int yearDigits = (run == 8 || run == 14) ? 4 : 2;
        d.year = readNumber(s, i, yearDigits);
        if (yearDigits == 2)
            d.year = twoDigitYear(d.year);
        d.month = readNumber(s, i, 2);
        d.day = readNumber(s, i, 2);
        if (run >= 12) {
            withTime = true;
            d.hour = readNumber(s, i, 2);
            d.minute = readNumber(s, i, 2);
            d.second = readNumber(s, i, 2);
        }
    } else {
        const qsizetype yearStart = i;
        d.year = readNumber(s, i, 4);
        if (d.year < 0)
            return std::nullopt;
        if (i - yearStart <= 2)
            d.year = twoDigitYear(d.year);
        int *dateParts[] = {&d.month, &d.day};
        for (int *part : dateParts) {
            if (i >= s.size() || !isDelimiter(s[i]))
                return std::nullopt;
            while (i < s.size() && isDelimiter(s[i]))
                ++i;
            *part = readNumber(s, i, 2);
            if (*part < 0)
                return std::nullopt;
        }
        // The time part: after 'T', spaces, or any delimiter, when digits follow.
        qsizetype j = i;
        if (j < s.size() && (s[j] == QLatin1Char('T') || isSpace(s[j]) || isDelimiter(s[j]))) {
            ++j;
            while (j < s.size() && isSpace(s[j]))
                ++j;
            if (j < s.size() && isDigit(s[j])) {
                i = j;
                withTime = true;
                d.hour = readNumber(s, i, 2);
                int *timeParts[] = {&d.minute, &d.second};
                for (int *part : timeParts) {
                    if (i + 1 < s.size() && isPunct(s[i]) && isDigit(s[i + 1])) {
                        ++i;
                        *part = readNumber(s, i, 2);
                    } else {
                        break;
                    }
                }
            }
        }
    }
    if (withTime && i + 1 < s.size() && s[i] == QLatin1Char('.') && isDigit(s[i + 1])) {
        ++i;
        int digits = 0;
        int micro = 0;
        while (i < s.size() && isDigit(s[i])) {
            if (digits < 6) {
                micro = micro * 10 + (s[i].unicode() - '0');
                ++digits;
            }
            ++i;
        }
        d.fsp = digits;
        for (int k = digits; k < 6; ++k)
            micro *= 10;
        d.micro = micro;
    }
    if (!validParts(d))
        return std::nullopt;
    if (hasTime)
        *hasTime = withTime;
    return d;
}

std::optional<DateTime> fromNumber(qint64 nr, bool *hasTime)
{
    // number_to_datetime() of MySQL: the ranges decide between YYMMDD, YYYYMMDD,
    // YYMMDDHHMMSS and YYYYMMDDHHMMSS.
    if (nr < 0)
        return std::nullopt;
    bool withTime = false;
    if (nr == 0) {
        if (hasTime)
            *hasTime = false;
        return DateTime{};
    }
    if (nr < 101)
        return std::nullopt;
    if (nr <= 691231)
        nr = (nr + 20000000) * 1000000;
    else if (nr < 700101)
        return std::nullopt;
    else if (nr <= 991231)
        nr = (nr + 19000000) * 1000000;
    else if (nr < 10000101)
        return std::nullopt;
    else if (nr <= 99991231)
        nr = nr * 1000000;
    else if (nr < 101000000)
        return std::nullopt;
    else if (nr <= Q_INT64_C(691231235959)) {
        nr += Q_INT64_C(20000000000000);
        withTime = true;
    } else if (nr < Q_INT64_C(700101000000))
        return std::nullopt;
    else if (nr <= Q_INT64_C(991231235959)) {
        nr += Q_INT64_C(19000000000000);
        withTime = true;
    } else {
        withTime = true;
    }
    if (nr > Q_INT64_C(99991231235959))
        return std::nullopt;
    DateTime d;
    d.second = int(nr % 100);
    d.minute = int(nr / 100 % 100);
    d.hour = int(nr / 10000 % 100);
    d.day = int(nr / 1000000 % 100);
    d.month = int(nr / 100000000 % 100);
    d.year = int(nr / Q_INT64_C(10000000000));
    if (!validParts(d))
        return std::nullopt;
    if (hasTime)
        *hasTime = withTime;
    return d;
}

QString toString(const DateTime &d, bool withTime)
{
    QString out;
    out.reserve(26);
    appendNumber(out, d.year, 4);
    out += QLatin1Char('-');
    appendNumber(out, d.month, 2);
    out += QLatin1Char('-');
    appendNumber(out, d.day, 2);
    if (withTime) {
        out += QLatin1Char(' ');
        appendNumber(out, d.hour, 2);
        out += QLatin1Char(':');
        appendNumber(out, d.minute, 2);
        out += QLatin1Char(':');
        appendNumber(out, d.second, 2);
        if (d.fsp > 0) {
            out += QLatin1Char('.');
            QString frac;
            appendNumber(frac, d.micro, 6);
            out += frac.left(d.fsp);
        }
    }
    return out;
}

qint64 toNumber(const DateTime &d, bool withTime)
{
    const qint64 date = qint64(d.year) * 10000 + d.month * 100 + d.day;
    if (!withTime)
        return date;
    return date * 1000000 + d.hour * 10000 + d.minute * 100 + d.second;
}

int weekday(const DateTime &d)
{
    const qint64 days = daysFromCivil(d.year, d.month, d.day);
    return int(((days + 3) % 7 + 7) % 7); // 1970-01-01 was a Thursday
}

int dayOfYear(const DateTime &d)
{
    return int(daysFromCivil(d.year, d.month, d.day) - daysFromCivil(d.year, 1, 1) + 1);
}

int calcWeek(const DateTime &d, int behaviour, int *year)
{
    // MySQL's calc_week(): 1 = Monday first, 2 = week year, 4 = first weekday.
    const bool mondayFirst = behaviour & 1;
    bool weekYear = behaviour & 2;
    const bool firstWeekday = behaviour & 4;
    const qint64 daynr = daysFromCivil(d.year, d.month, d.day);
    qint64 firstDaynr = daysFromCivil(d.year, 1, 1);
    auto weekdayOf = [](qint64 days, bool sundayFirst) {
        const int w = int(((days + 3) % 7 + 7) % 7);
        return sundayFirst ? (w + 1) % 7 : w;
    };
    int wd = weekdayOf(firstDaynr, !mondayFirst);
    *year = d.year;
    if (d.month == 1 && d.day <= 7 - wd) {
        if (!weekYear && ((firstWeekday && wd != 0) || (!firstWeekday && wd >= 4)))
            return 0;
        weekYear = true;
        --*year;
        const int days = isLeap(*year) ? 366 : 365;
        firstDaynr -= days;
        wd = (wd + 53 * 7 - days) % 7;
    }
    qint64 days;
    if ((firstWeekday && wd != 0) || (!firstWeekday && wd >= 4))
        days = daynr - (firstDaynr + (7 - wd));
    else
        days = daynr - (firstDaynr - wd);
    if (weekYear && days >= 52 * 7) {
        wd = (wd + (isLeap(*year) ? 366 : 365)) % 7;
        if ((!firstWeekday && wd < 4) || (firstWeekday && wd == 0)) {
            ++*year;
            return 1;
        }
    }
    return int(days / 7 + 1);
}

std::optional<DateTime> addMonths(const DateTime &d, qint64 months)
{
    const qint64 total = qint64(d.year) * 12 + (d.month - 1) + months;
    if (total < 0 || total >= 10000 * 12)
        return std::nullopt;
    DateTime r = d;
    r.year = int(total / 12);
    r.month = int(total % 12) + 1;
    r.day = std::min(d.day, daysInMonth(r.year, r.month));
    return r;
}

std::optional<DateTime> addMicros(const DateTime &d, qint64 micros)
{
    // Whole seconds and the fraction separately: 9999 years of microseconds fit in 64 bits,
    // but an arbitrary interval may not.
    constexpr qint64 kMaxSeconds = Q_INT64_C(400000000000);
    qint64 secs = micros / 1000000;
    qint64 frac = micros % 1000000;
    if (secs > kMaxSeconds || secs < -kMaxSeconds)
        return std::nullopt;
    qint64 total = toEpochSeconds(d) + secs;
    qint64 micro = d.micro + frac;
    if (micro < 0) {
        micro += 1000000;
        --total;
    } else if (micro >= 1000000) {
        micro -= 1000000;
        ++total;
    }
    DateTime r = fromEpochSeconds(total, int(micro), d.fsp);
    if (r.year < 0 || r.year > 9999)
        return std::nullopt;
    return r;
}

} // namespace weft::expr::detail::dt
