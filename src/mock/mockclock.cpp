#include "mockclock.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <algorithm>

namespace weft::mock {

namespace {

// Howard Hinnant's civil-date algorithms: formatting thousands of timestamps per page through
// QDateTime would dominate the cost of a page.
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

struct Civil
{
    qint64 year;
    unsigned month, day, hour, minute, second, millis;
};

Civil civilFromMs(qint64 ms)
{
    qint64 days = ms >= 0 ? ms / 86400000 : (ms - 86399999) / 86400000;
    qint64 rest = ms - days * 86400000;
    Civil c{};
    c.hour = unsigned(rest / 3600000);
    c.minute = unsigned(rest / 60000 % 60);
    c.second = unsigned(rest / 1000 % 60);
    c.millis = unsigned(rest % 1000);
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    c.day = doy - (153 * mp + 2) / 5 + 1;
    c.month = mp < 10 ? mp + 3 : mp - 9;
    c.year = qint64(yoe) + era * 400 + (c.month <= 2);
    return c;
}

void put(QChar *&p, unsigned v, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        p[i] = QChar(u'0' + v % 10);
        v /= 10;
    }
    p += width;
}

} // namespace

MockClock::MockClock(qint64 anchorSecs, int utcOffsetMinutes)
    : m_anchorMs(anchorSecs * 1000)
    , m_offsetMin(utcOffsetMinutes)
{}

qint64 MockClock::wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 MockClock::monotonicMs()
{
    static const QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}

qint64 MockClock::touchMs() const
{
    return std::max(wallMs(), m_anchorMs);
}

QString MockClock::dateTime(qint64 ms) const
{
    const Civil c = civilFromMs(ms + qint64(m_offsetMin) * 60000);
    QString s(19, Qt::Uninitialized);
    QChar *p = s.data();
    put(p, unsigned(c.year), 4);
    *p++ = u'-';
    put(p, c.month, 2);
    *p++ = u'-';
    put(p, c.day, 2);
    *p++ = u' ';
    put(p, c.hour, 2);
    *p++ = u':';
    put(p, c.minute, 2);
    *p++ = u':';
    put(p, c.second, 2);
    return s;
}

QString MockClock::date(qint64 ms) const
{
    return dateTime(ms).left(10);
}

QString MockClock::month(qint64 ms) const
{
    return dateTime(ms).left(7);
}

QString MockClock::isoDateTime(qint64 ms) const
{
    const Civil c = civilFromMs(ms + qint64(m_offsetMin) * 60000);
    QString s = dateTime(ms);
    s[10] = u'T';
    s += u'.';
    s += QString::number(c.millis).rightJustified(3, u'0');
    return s;
}

std::optional<qint64> MockClock::parse(const QString &text) const
{
    const QString t = text.trimmed();
    if (t.size() < 8)
        return std::nullopt;
    // Fields in order: year, month, day, hour, minute, second, fraction.
    qint64 f[7] = {0, 0, 0, 0, 0, 0, 0};
    int field = 0;
    int digits = 0;
    int fracDigits = 0;
    for (qsizetype i = 0; i <= t.size(); ++i) {
        const QChar ch = i < t.size() ? t.at(i) : QChar(u'\0');
        if (ch.isDigit()) {
            if (field == 6) {
                if (fracDigits < 3) {
                    f[6] = f[6] * 10 + ch.digitValue();
                    ++fracDigits;
                }
            } else {
                f[field] = f[field] * 10 + ch.digitValue();
            }
            ++digits;
            continue;
        }
        if (digits == 0)
            return std::nullopt;
        const bool dateSep = field < 2 && (ch == u'-' || ch == u'/');
        const bool dtSep = field == 2 && (ch == u' ' || ch == u'T');
        const bool timeSep = (field == 3 || field == 4) && ch == u':';
        const bool fracSep = field == 5 && ch == u'.';
        if (ch == u'\0') {
            ++field;
            break;
        }
        if (!(dateSep || dtSep || timeSep || fracSep))
            return std::nullopt;
        ++field;
        digits = 0;
    }
    if (field < 3)
        return std::nullopt;
    while (fracDigits > 0 && fracDigits < 3) {
        f[6] *= 10;
        ++fracDigits;
    }
    if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] > 23 || f[4] > 59 || f[5] > 60)
        return std::nullopt;
    const qint64 days = daysFromCivil(f[0], unsigned(f[1]), unsigned(f[2]));
    const qint64 ms = days * 86400000 + f[3] * 3600000 + f[4] * 60000 + f[5] * 1000 + f[6];
    return ms - qint64(m_offsetMin) * 60000;
}

} // namespace weft::mock
