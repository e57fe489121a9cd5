// Date arithmetic: DATE_ADD/DATE_SUB, date ± INTERVAL, TIMESTAMPADD, CAST to a date type.

#include "core/expr/evaluator.h"
#include "core/expr/functions.h"

#include <limits>

namespace weft::expr::detail {

namespace {

using K = StaticType::K;

struct UnitInfo {
    const char *name;
    Unit unit;
};
constexpr UnitInfo kUnits[] = {
    {"MICROSECOND", Unit::Microsecond},
    {"SECOND", Unit::Second},
    {"MINUTE", Unit::Minute},
    {"HOUR", Unit::Hour},
    {"DAY", Unit::Day},
    {"WEEK", Unit::Week},
    {"MONTH", Unit::Month},
    {"QUARTER", Unit::Quarter},
    {"YEAR", Unit::Year},
    {"SECOND_MICROSECOND", Unit::SecondMicrosecond},
    {"MINUTE_MICROSECOND", Unit::MinuteMicrosecond},
    {"MINUTE_SECOND", Unit::MinuteSecond},
    {"HOUR_MICROSECOND", Unit::HourMicrosecond},
    {"HOUR_SECOND", Unit::HourSecond},
    {"HOUR_MINUTE", Unit::HourMinute},
    {"DAY_MICROSECOND", Unit::DayMicrosecond},
    {"DAY_SECOND", Unit::DaySecond},
    {"DAY_MINUTE", Unit::DayMinute},
    {"DAY_HOUR", Unit::DayHour},
    {"YEAR_MONTH", Unit::YearMonth},
};

// a × b, saturated: an interval that overflows is out of the calendar anyway.
qint64 scaled(qint64 a, qint64 b)
{
    qint64 r;
    if (__builtin_mul_overflow(a, b, &r))
        return (a < 0) != (b < 0) ? std::numeric_limits<qint64>::min()
                                  : std::numeric_limits<qint64>::max();
    return r;
}

bool nullResult(Value &out)
{
    out = Value();
    return true;
}

bool isDateUnit(Unit u)
{
    return u == Unit::Day || u == Unit::Week || u == Unit::Month || u == Unit::Quarter ||
           u == Unit::Year || u == Unit::YearMonth;
}

// The fields of a compound interval ('1:30' HOUR_MINUTE), right-aligned like MySQL.
bool compoundInterval(const QString &text, Unit unit, qint64 *months, qint64 *micros)
{
    // Field order: years, months, days, hours, minutes, seconds, microseconds.
    int first = 0, count = 0;
    switch (unit) {
    case Unit::YearMonth:
        first = 0;
        count = 2;
        break;
    case Unit::DayHour:
        first = 2;
        count = 2;
        break;
    case Unit::DayMinute:
        first = 2;
        count = 3;
        break;
    case Unit::DaySecond:
        first = 2;
        count = 4;
        break;
    case Unit::DayMicrosecond:
        first = 2;
        count = 5;
        break;
    case Unit::HourMinute:
        first = 3;
        count = 2;
        break;
    case Unit::HourSecond:
        first = 3;
        count = 3;
        break;
    case Unit::HourMicrosecond:
        first = 3;
        count = 4;
        break;
    case Unit::MinuteSecond:
        first = 4;
        count = 2;
        break;
    case Unit::MinuteMicrosecond:
        first = 4;
        count = 3;
        break;
    case Unit::SecondMicrosecond:
        first = 5;
        count = 2;
        break;
    default:
        return false;
    }
    QStringView s = QStringView(text).trimmed();
    bool negative = false;
    if (s.startsWith(QLatin1Char('-'))) {
        negative = true;
        s = s.mid(1);
    }
    QList<qint64> values;
    QList<int> digits;
    for (qsizetype i = 0; i < s.size();) {
        if (!s[i].isDigit()) {
            ++i;
            continue;
        }
        qint64 v = 0;
        int d = 0;
        while (i < s.size() && s[i].isDigit()) {
            v = std::min<qint64>(v * 10 + (s[i].unicode() - '0'), Q_INT64_C(1000000000000));
            ++d;
            ++i;
        }
        values.append(v);
        digits.append(d);
    }
    if (values.size() > count)
        return false;
    qint64 fields[7] = {0, 0, 0, 0, 0, 0, 0};
    const int offset = first + count - int(values.size());
    for (qsizetype k = 0; k < values.size(); ++k) {
        qint64 v = values[k];
        const int field = offset + int(k);
        if (field == 6) { // microseconds are the digits of a fraction: .5 is 500000
            for (int d = digits[k]; d < 6; ++d)
                v *= 10;
        }
        fields[field] = std::min<qint64>(v, Q_INT64_C(100000000));
    }
    // Each field is below 10^8, so these cannot overflow.
    *months = fields[0] * 12 + fields[1];
    *micros = ((fields[2] * 24 + fields[3]) * 60 + fields[4]) * 60 * 1000000 + fields[5] * 1000000 +
              fields[6];
    if (negative) {
        *months = -*months;
        *micros = -*micros;
    }
    return true;
}

} // namespace

bool parseUnit(QStringView name, Unit *unit)
{
    for (const UnitInfo &u : kUnits) {
        if (name.compare(QLatin1String(u.name), Qt::CaseInsensitive) == 0) {
            *unit = u.unit;
            return true;
        }
    }
    return false;
}

QStringList unitNames()
{
    QStringList names;
    for (const UnitInfo &u : kUnits)
        names << QLatin1String(u.name);
    return names;
}

StaticType typeDateAdd(Node &n)
{
    const StaticType t = n.args[0]->type;
    switch (t.kind) {
    case K::Date:
        return isDateUnit(n.unit) ? t : StaticType{K::DateTime, 0};
    case K::DateTime:
        return t;
    case K::String:
        return t;
    case K::Null:
        return t;
    default:
        return {};
    }
}

bool evalDateAdd(Evaluator &ev, const Node &n, Value &out)
{
    Value base;
    if (!ev.eval(*n.args[0], base))
        return false;
    Value amount;
    if (!ev.eval(*n.args[1], amount))
        return false;
    if (base.isNull() || amount.isNull())
        return nullResult(out);
    bool hasTime = false;
    auto d = toDateTime(base, &hasTime);
    if (!d || !dt::isValidDate(*d)) {
        ev.warn(n, QStringLiteral("Incorrect datetime value: '%1'").arg(toText(base)));
        return nullResult(out);
    }
    qint64 months = 0, micros = 0;
    int fsp = hasTime ? d->fsp : 0;
    switch (n.unit) {
    case Unit::Microsecond:
        micros = toInt(amount);
        fsp = 6;
        break;
    case Unit::Second:
        if (amount.kind == Kind::Int || amount.kind == Kind::String) {
            micros = scaled(toInt(amount), 1000000);
        } else {
            // Fractional seconds count: INTERVAL 1.5 SECOND is 1.5 s.
            const Value x = numericOperand(ev, n, amount);
            auto dd = toDecimal(x);
            auto us = dd ? dec::rescale(*dd, 6) : std::nullopt;
            if (!us || us->mant > Q_INT64_C(400000000000000000) ||
                us->mant < -Q_INT64_C(400000000000000000))
                return nullResult(out);
            micros = qint64(us->mant);
            if (x.kind == Kind::Decimal)
                fsp = std::max(fsp, std::min(x.dec.display, 6));
            else
                fsp = 6;
        }
        break;
    case Unit::Minute:
        micros = scaled(toInt(amount), 60000000);
        break;
    case Unit::Hour:
        micros = scaled(toInt(amount), Q_INT64_C(3600000000));
        break;
    case Unit::Day:
        micros = scaled(toInt(amount), Q_INT64_C(86400000000));
        break;
    case Unit::Week:
        micros = scaled(toInt(amount), Q_INT64_C(604800000000));
        break;
    case Unit::Month:
        months = toInt(amount);
        break;
    case Unit::Quarter:
        months = scaled(toInt(amount), 3);
        break;
    case Unit::Year:
        months = scaled(toInt(amount), 12);
        break;
    default:
        if (!compoundInterval(toText(amount), n.unit, &months, &micros))
            return nullResult(out);
        if (n.unit == Unit::SecondMicrosecond || n.unit == Unit::MinuteMicrosecond ||
            n.unit == Unit::HourMicrosecond || n.unit == Unit::DayMicrosecond)
            fsp = 6;
        break;
    }
    // Huge amounts (possibly overflowed above) are out of the calendar anyway.
    constexpr qint64 kMaxMicros = Q_INT64_C(400000000000000000); // about 12 700 years
    if (months > 12 * 10000 || months < -12 * 10000 || micros > kMaxMicros || micros < -kMaxMicros)
        return nullResult(out);
    if (n.flags & kSubtract) {
        months = -months;
        micros = -micros;
    }
    std::optional<DateTime> r = *d;
    if (months != 0)
        r = dt::addMonths(*r, months);
    if (r && micros != 0)
        r = dt::addMicros(*r, micros);
    if (!r || r->year < 1) {
        ev.warn(n, QStringLiteral("Datetime function: datetime field overflow"));
        return nullResult(out);
    }
    const bool dateOnly = !hasTime && isDateUnit(n.unit);
    r->fsp = fsp;
    if (base.kind == Kind::String) {
        out = Value::makeString(dt::toString(*r, !dateOnly));
        return true;
    }
    out = Value::makeDate(*r, !dateOnly);
    return true;
}

bool castToTemporal(Evaluator &ev, const Node &n, const Value &v, bool withTime, Value &out)
{
    bool hasTime = false;
    auto d = toDateTime(v, &hasTime);
    if (!d) {
        ev.warn(n, QStringLiteral("Incorrect datetime value: '%1'").arg(toText(v)));
        return nullResult(out);
    }
    if (withTime) {
        const int fsp = n.cast.scale;
        static constexpr int kPow[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
        d->micro = d->micro / kPow[fsp] * kPow[fsp];
        d->fsp = fsp;
    }
    out = Value::makeDate(*d, withTime);
    return true;
}

} // namespace weft::expr::detail
