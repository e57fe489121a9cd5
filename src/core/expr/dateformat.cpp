// DATE_FORMAT and STR_TO_DATE: MySQL's format specifiers in both directions.

#include "core/expr/datetime.h"

namespace weft::expr::detail::dt {

namespace {

constexpr const char *kMonthNames[] = {"January",   "February", "March",    "April",
                                       "May",       "June",     "July",     "August",
                                       "September", "October",  "November", "December"};
constexpr const char *kDayNames[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                     "Friday", "Saturday", "Sunday"};

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

void appendNumber(QString &out, qint64 v, int width)
{
    const QString digits = QString::number(v);
    for (qsizetype i = digits.size(); i < width; ++i)
        out += QLatin1Char('0');
    out += digits;
}

// Matches a (case-insensitive) English name at s[i…]; returns 1-based index or 0.
int matchWord(QStringView s, qsizetype &i, const char *const *names, int count, int prefix)
{
    for (int n = 0; n < count; ++n) {
        QLatin1StringView name(names[n]);
        if (prefix > 0)
            name = name.left(prefix);
        if (s.mid(i).startsWith(name, Qt::CaseInsensitive)) {
            i += name.size();
            return n + 1;
        }
    }
    return 0;
}

} // namespace

std::optional<QString> format(const DateTime &d, QStringView fmt)
{
    QString out;
    out.reserve(fmt.size() + 16);
    const bool zeroDate = d.month == 0 || d.day == 0;
    for (qsizetype i = 0; i < fmt.size(); ++i) {
        const QChar c = fmt[i];
        if (c != QLatin1Char('%') || i + 1 == fmt.size()) {
            out += c;
            continue;
        }
        const QChar spec = fmt[++i];
        switch (spec.unicode()) {
        case 'M':
            if (d.month == 0)
                return std::nullopt;
            out += QLatin1StringView(kMonthNames[d.month - 1]);
            break;
        case 'b':
            if (d.month == 0)
                return std::nullopt;
            out += QLatin1StringView(kMonthNames[d.month - 1]).left(3);
            break;
        case 'W':
        case 'a':
            if (zeroDate)
                return std::nullopt;
            out += spec == QLatin1Char('W') ? QLatin1StringView(kDayNames[weekday(d)])
                                            : QLatin1StringView(kDayNames[weekday(d)]).left(3);
            break;
        case 'D': {
            appendNumber(out, d.day, 0);
            const int mod100 = d.day % 100;
            if (mod100 >= 11 && mod100 <= 13)
                out += QLatin1String("th");
            else if (d.day % 10 == 1)
                out += QLatin1String("st");
            else if (d.day % 10 == 2)
                out += QLatin1String("nd");
            else if (d.day % 10 == 3)
                out += QLatin1String("rd");
            else
                out += QLatin1String("th");
            break;
        }
        case 'Y':
            appendNumber(out, d.year, 4);
            break;
        case 'y':
            appendNumber(out, d.year % 100, 2);
            break;
        case 'm':
            appendNumber(out, d.month, 2);
            break;
        case 'c':
            appendNumber(out, d.month, 0);
            break;
        case 'd':
            appendNumber(out, d.day, 2);
            break;
        case 'e':
            appendNumber(out, d.day, 0);
            break;
        case 'f':
            appendNumber(out, d.micro, 6);
            break;
        case 'H':
            appendNumber(out, d.hour, 2);
            break;
        case 'k':
            appendNumber(out, d.hour, 0);
            break;
        case 'h':
        case 'I':
            appendNumber(out, (d.hour % 24 + 11) % 12 + 1, 2);
            break;
        case 'l':
            appendNumber(out, (d.hour % 24 + 11) % 12 + 1, 0);
            break;
        case 'i':
            appendNumber(out, d.minute, 2);
            break;
        case 'j':
            if (zeroDate)
                return std::nullopt;
            appendNumber(out, dayOfYear(d), 3);
            break;
        case 'p':
            out += d.hour % 24 >= 12 ? QLatin1String("PM") : QLatin1String("AM");
            break;
        case 'r':
            appendNumber(out, (d.hour % 24 + 11) % 12 + 1, 2);
            out += QLatin1Char(':');
            appendNumber(out, d.minute, 2);
            out += QLatin1Char(':');
            appendNumber(out, d.second, 2);
            out += d.hour % 24 >= 12 ? QLatin1String(" PM") : QLatin1String(" AM");
            break;
        case 'S':
        case 's':
            appendNumber(out, d.second, 2);
            break;
        case 'T':
            appendNumber(out, d.hour, 2);
            out += QLatin1Char(':');
            appendNumber(out, d.minute, 2);
            out += QLatin1Char(':');
            appendNumber(out, d.second, 2);
            break;
        case 'U':
        case 'u': {
            if (zeroDate)
                return std::nullopt;
            int year;
            appendNumber(out, calcWeek(d, spec == QLatin1Char('U') ? 4 : 1, &year), 2);
            break;
        }
        case 'V':
        case 'v': {
            if (zeroDate)
                return std::nullopt;
            int year;
            appendNumber(out, calcWeek(d, spec == QLatin1Char('V') ? 6 : 3, &year), 2);
            break;
        }
        case 'X':
        case 'x': {
            if (zeroDate)
                return std::nullopt;
            int year;
            calcWeek(d, spec == QLatin1Char('X') ? 6 : 3, &year);
            appendNumber(out, year, 4);
            break;
        }
        case 'w':
            if (zeroDate)
                return std::nullopt;
            appendNumber(out, (weekday(d) + 1) % 7, 0);
            break;
        default:
            out += spec; // %% and unknown specifiers print the character itself
            break;
        }
    }
    return out;
}

FormatKind formatKind(QStringView fmt, int *fsp)
{
    bool date = false, time = false, frac = false;
    for (qsizetype i = 0; i + 1 < fmt.size(); ++i) {
        if (fmt[i] != QLatin1Char('%'))
            continue;
        const char16_t c = fmt[++i].unicode();
        if (QStringView(u"aDdjmMbcYyUuVvWwXxe").contains(QChar(c)))
            date = true;
        else if (QStringView(u"HhIiklrSsTp").contains(QChar(c)))
            time = true;
        else if (c == 'f')
            time = frac = true;
    }
    if (fsp)
        *fsp = frac ? 6 : 0;
    if (date && time)
        return FormatKind::DateTime;
    return time ? FormatKind::Time : (date ? FormatKind::Date : FormatKind::DateTime);
}

namespace {

// extract_date_time() of MySQL, without week numbers (those give NULL here).
bool extract(QStringView val, qsizetype &v, QStringView fmt, DateTime &t, bool &usaTime,
             int &daypart, int &yearday)
{
    for (qsizetype p = 0; p < fmt.size() && v < val.size(); ++p) {
        while (v < val.size() && isSpace(val[v]))
            ++v;
        if (v >= val.size())
            break;
        if (fmt[p] == QLatin1Char('%') && p + 1 < fmt.size()) {
            const char16_t spec = fmt[++p].unicode();
            int n = 0;
            switch (spec) {
            case 'Y': {
                const qsizetype start = v;
                n = readNumber(val, v, 4);
                if (n < 0)
                    return false;
                t.year = v - start <= 2 ? twoDigitYear(n) : n;
                break;
            }
            case 'y':
                if ((n = readNumber(val, v, 2)) < 0)
                    return false;
                t.year = twoDigitYear(n);
                break;
            case 'm':
            case 'c':
                if ((t.month = readNumber(val, v, 2)) < 0)
                    return false;
                break;
            case 'M':
                if ((t.month = matchWord(val, v, kMonthNames, 12, 0)) <= 0)
                    return false;
                break;
            case 'b':
                if ((t.month = matchWord(val, v, kMonthNames, 12, 3)) <= 0)
                    return false;
                break;
            case 'd':
            case 'e':
                if ((t.day = readNumber(val, v, 2)) < 0)
                    return false;
                break;
            case 'D':
                if ((t.day = readNumber(val, v, 2)) < 0)
                    return false;
                v = std::min(v + 2, val.size());
                break;
            case 'h':
            case 'I':
            case 'l':
                usaTime = true;
                [[fallthrough]];
            case 'k':
            case 'H':
                if ((t.hour = readNumber(val, v, 2)) < 0)
                    return false;
                break;
            case 'i':
                if ((t.minute = readNumber(val, v, 2)) < 0)
                    return false;
                break;
            case 's':
            case 'S':
                if ((t.second = readNumber(val, v, 2)) < 0)
                    return false;
                break;
            case 'f': {
                const qsizetype start = v;
                if ((n = readNumber(val, v, 6)) < 0)
                    return false;
                for (qsizetype k = v - start; k < 6; ++k)
                    n *= 10;
                t.micro = n;
                break;
            }
            case 'p':
                if (val.size() - v < 2 || !usaTime)
                    return false;
                if (val.mid(v, 2).compare(u"PM", Qt::CaseInsensitive) == 0)
                    daypart = 12;
                else if (val.mid(v, 2).compare(u"AM", Qt::CaseInsensitive) != 0)
                    return false;
                v += 2;
                break;
            case 'W':
                if (matchWord(val, v, kDayNames, 7, 0) <= 0)
                    return false;
                break;
            case 'a':
                if (matchWord(val, v, kDayNames, 7, 3) <= 0)
                    return false;
                break;
            case 'w':
                if ((n = readNumber(val, v, 1)) < 0 || n >= 7)
                    return false;
                break;
            case 'j':
                if ((yearday = readNumber(val, v, 3)) < 0)
                    return false;
                break;
            case 'r':
                if (!extract(val, v, u"%I:%i:%S %p", t, usaTime, daypart, yearday))
                    return false;
                break;
            case 'T':
                if (!extract(val, v, u"%H:%i:%S", t, usaTime, daypart, yearday))
                    return false;
                break;
            case '.':
                while (v < val.size() && isPunct(val[v]))
                    ++v;
                break;
            case '@':
                while (v < val.size() && val[v].isLetter())
                    ++v;
                break;
            case '#':
                while (v < val.size() && isDigit(val[v]))
                    ++v;
                break;
            default:
                return false; // week numbers and unknown specifiers
            }
        } else if (!isSpace(fmt[p])) {
            if (val[v] != fmt[p])
                return false;
            ++v;
        }
    }
    return true;
}

} // namespace

std::optional<DateTime> strToDate(QStringView text, QStringView fmt)
{
    DateTime t;
    bool usaTime = false;
    int daypart = 0;
    int yearday = -1;
    qsizetype v = 0;
    if (!extract(text, v, fmt, t, usaTime, daypart, yearday))
        return std::nullopt;
    if (usaTime) {
        if (t.hour > 12 || t.hour < 1)
            return std::nullopt;
        t.hour = t.hour % 12 + daypart;
    }
    if (yearday > 0) {
        const qint64 days = daysFromCivil(t.year, 1, 1) + yearday - 1;
        civilFromDays(days, t.year, t.month, t.day);
    }
    // Unlike other conversions, STR_TO_DATE only checks ranges: '2023-02-30' passes.
    if (t.year > 9999 || t.month > 12 || t.day > 31 || t.hour > 23 || t.minute > 59 ||
        t.second > 59)
        return std::nullopt;
    int fsp = 0;
    formatKind(fmt, &fsp);
    t.fsp = fsp;
    return t;
}

} // namespace weft::expr::detail::dt
