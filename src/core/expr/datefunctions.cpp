// Date and time functions of the `_function` library. Wall-clock values are in the context's
// time zone (Asia/Shanghai by default), as a MySQL session with time_zone='+08:00' sees them.

#include "core/expr/evaluator.h"
#include "core/expr/functions.h"

#include <cmath>

namespace weft::expr::detail {

namespace {

using K = StaticType::K;

// MariaDB 10.11's TIMESTAMP range: Unix times outside it give NULL.
constexpr qint64 kMaxUnixTime = 2147483647;

bool nullResult(Value &out)
{
    out = Value();
    return true;
}

DateTime wallFromUnix(const EvalContext &ctx, qint64 seconds, int micro, int fsp)
{
    return dt::fromEpochSeconds(seconds + ctx.offsetAtUtc(seconds), micro, fsp);
}

DateTime nowWall(const EvalContext &ctx, int fsp)
{
    const qint64 ms = ctx.now().toMSecsSinceEpoch();
    const qint64 seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    int micro = int(ms - seconds * 1000) * 1000;
    static constexpr int kPow[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
    micro = micro / kPow[fsp] * kPow[fsp];
    return wallFromUnix(ctx, seconds, micro, fsp);
}

enum class Arg { Ok, Null, Error };

// A date argument: Null (and `out` = NULL) when it is NULL or not a valid date.
Arg dateArg(Evaluator &ev, const Node &arg, DateTime *d, bool *hasTime, Value &out,
            bool allowZeroParts = false)
{
    Value v;
    if (!ev.eval(arg, v))
        return Arg::Error;
    out = Value();
    if (v.isNull())
        return Arg::Null;
    auto parsed = toDateTime(v, hasTime);
    if (!parsed || (!allowZeroParts && !dt::isValidDate(*parsed))) {
        ev.warn(arg, QStringLiteral("Incorrect datetime value: '%1'").arg(toText(v)));
        return Arg::Null;
    }
    *d = *parsed;
    return Arg::Ok;
}

int staticFsp(const Node &n, size_t arg)
{
    if (n.args.size() <= arg || n.args[arg]->op != Op::Literal)
        return 0;
    return int(std::clamp<qint64>(toInt(n.args[arg]->literal), 0, 6));
}

std::optional<std::pair<int, int>> parseTimeOfDay(const QString &s, int *second)
{
    const QStringList parts = s.trimmed().split(QLatin1Char(':'));
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    bool ok1 = false, ok2 = false, ok3 = true;
    const int h = parts[0].toInt(&ok1);
    const int m = parts[1].toInt(&ok2);
    *second = parts.size() > 2 ? int(parts[2].section(QLatin1Char('.'), 0, 0).toInt(&ok3)) : 0;
    if (!ok1 || !ok2 || !ok3 || m > 59 || *second > 59 || h < 0)
        return std::nullopt;
    return std::make_pair(h, m);
}

// "10:05", "100:00:00": digits then a colon.
bool looksLikeTime(const QString &s)
{
    qsizetype i = 0;
    while (i < s.size() && s[i].isSpace())
        ++i;
    const qsizetype start = i;
    while (i < s.size() && s[i].isDigit())
        ++i;
    return i > start && i < s.size() && s[i] == QLatin1Char(':');
}

} // namespace

StaticType typeNow(Node &n)
{
    return {K::DateTime, staticFsp(n, 0)};
}

StaticType typeFromUnixTime(Node &n)
{
    if (n.args.size() > 1)
        return {K::String, 0};
    const StaticType t = n.args[0]->type;
    if (t.kind == K::Int)
        return {K::DateTime, 0};
    if (t.kind == K::Decimal)
        return {K::DateTime, std::min(t.scale, 6)};
    return {};
}

StaticType typeUnixTimestamp(Node &n)
{
    return n.args.empty() ? StaticType{K::Int, 0} : StaticType{};
}

StaticType typeStrToDate(Node &n)
{
    if (n.args[1]->op != Op::Literal)
        return {};
    int fsp = 0;
    switch (dt::formatKind(toText(n.args[1]->literal), &fsp)) {
    case dt::FormatKind::Date:
        return {K::Date, 0};
    case dt::FormatKind::DateTime:
        return {K::DateTime, fsp};
    case dt::FormatKind::Time:
        return {K::String, 0};
    }
    return {};
}

bool fnNow(Evaluator &ev, const Node &n, Value &out)
{
    int fsp = 0;
    if (!n.args.empty()) {
        Value v;
        if (!ev.eval(*n.args[0], v))
            return false;
        const qint64 p = toInt(v);
        if (p < 0 || p > 6)
            return ev.fail(n, QStringLiteral("too big precision %1 for %2; the maximum is 6")
                                  .arg(p)
                                  .arg(QLatin1String(functionAt(n.fn).name)));
        fsp = int(p);
    }
    out = Value::makeDate(nowWall(ev.ctx, fsp), true);
    return true;
}

bool fnCurDate(Evaluator &ev, const Node &, Value &out)
{
    out = Value::makeDate(nowWall(ev.ctx, 0), false);
    return true;
}

bool fnUnixTimestamp(Evaluator &ev, const Node &n, Value &out)
{
    if (n.args.empty()) {
        out = Value::makeInt(ev.ctx.now().toSecsSinceEpoch());
        return true;
    }
    DateTime d;
    bool hasTime = false;
    if (const Arg r = dateArg(ev, *n.args[0], &d, &hasTime, out); r != Arg::Ok)
        return r == Arg::Null;
    const qint64 utc = ev.ctx.wallToUtc(dt::toEpochSeconds(d));
    if (utc < 0 || utc > kMaxUnixTime)
        return nullResult(out);
    if (d.fsp == 0) {
        out = Value::makeInt(utc);
        return true;
    }
    Decimal r = dec::fromInt(utc);
    auto scaled = dec::rescale(r, 6);
    scaled->mant += d.micro;
    auto shown = dec::rescale(*scaled, d.fsp, true);
    shown->display = d.fsp;
    out = Value::makeDecimal(*shown);
    return true;
}

bool fnFromUnixTime(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (a[0].isNull() || (a.size() > 1 && a[1].isNull()))
        return nullResult(out);
    Value t = a[0];
    int fsp = 0;
    if (t.kind == Kind::String) {
        // Text shows six fraction digits when it has a fraction at all (MariaDB).
        auto d = dec::parsePrefix(t.s);
        t = d ? Value::makeDecimal(*d) : Value::makeInt(0);
        fsp = (d && d->scale > 0) ? 6 : 0;
    } else if (t.kind == Kind::Decimal) {
        fsp = std::min(t.dec.display, 6);
    } else if (t.kind == Kind::Double) {
        fsp = t.d == std::floor(t.d) ? 0 : 6;
    }
    t = numericOperand(ev, n, t);
    qint64 seconds = 0;
    int micro = 0;
    if (t.kind == Kind::Int) {
        seconds = t.i;
    } else if (t.kind == Kind::Decimal) {
        auto whole = dec::round(t.dec, 0, true);
        auto frac = whole ? dec::sub(t.dec, *whole) : std::nullopt;
        auto us = frac ? dec::rescale(*frac, 6, true) : std::nullopt;
        seconds = whole ? dec::toInt(*whole).value_or(-1) : -1;
        micro = us ? int(us->mant) : 0;
    } else {
        const double d = toDouble(t);
        if (!(d >= 0 && d <= double(kMaxUnixTime)))
            return nullResult(out);
        seconds = qint64(std::floor(d));
        micro = int(std::llround((d - std::floor(d)) * 1e6));
        if (micro >= 1000000) {
            ++seconds;
            micro -= 1000000;
        }
    }
    if (seconds < 0 || seconds > kMaxUnixTime || micro < 0)
        return nullResult(out);
    static constexpr int kPow[] = {1000000, 100000, 10000, 1000, 100, 10, 1};
    micro = micro / kPow[fsp] * kPow[fsp];
    const DateTime wall = wallFromUnix(ev.ctx, seconds, micro, fsp);
    if (a.size() > 1) {
        auto text = dt::format(wall, toText(a[1]));
        out = text ? Value::makeString(*text) : Value();
        return true;
    }
    out = Value::makeDate(wall, true);
    return true;
}

bool fnDateFormat(Evaluator &ev, const Node &n, Value &out)
{
    DateTime d;
    bool hasTime = false;
    if (const Arg r = dateArg(ev, *n.args[0], &d, &hasTime, out, true); r != Arg::Ok)
        return r == Arg::Null;
    Value f;
    if (!ev.eval(*n.args[1], f))
        return false;
    if (f.isNull())
        return nullResult(out);
    auto text = dt::format(d, toText(f));
    out = text ? Value::makeString(*text) : Value();
    return true;
}

bool fnStrToDate(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (a[0].isNull() || a[1].isNull())
        return nullResult(out);
    const QString format = toText(a[1]);
    auto d = dt::strToDate(toText(a[0]), format);
    if (!d) {
        ev.warn(n, QStringLiteral("Incorrect datetime value: '%1' for function str_to_date")
                       .arg(toText(a[0])));
        return nullResult(out);
    }
    int fsp = 0;
    switch (dt::formatKind(format, &fsp)) {
    case dt::FormatKind::Date:
        out = Value::makeDate(*d, false);
        break;
    case dt::FormatKind::DateTime:
        d->fsp = fsp;
        out = Value::makeDate(*d, true);
        break;
    case dt::FormatKind::Time:
        // MySQL answers a TIME; its text is what a mapping needs.
        d->fsp = fsp;
        out = Value::makeString(dt::toString(*d, true).mid(11));
        break;
    }
    return true;
}

bool fnDateDiff(Evaluator &ev, const Node &n, Value &out)
{
    DateTime a, b;
    bool t1 = false, t2 = false;
    if (const Arg r = dateArg(ev, *n.args[0], &a, &t1, out); r != Arg::Ok)
        return r == Arg::Null;
    if (const Arg r = dateArg(ev, *n.args[1], &b, &t2, out); r != Arg::Ok)
        return r == Arg::Null;
    out = Value::makeInt(dt::daysFromCivil(a.year, a.month, a.day) -
                         dt::daysFromCivil(b.year, b.month, b.day));
    return true;
}

bool fnTimestampDiff(Evaluator &ev, const Node &n, Value &out)
{
    DateTime a, b;
    bool t1 = false, t2 = false;
    if (const Arg r = dateArg(ev, *n.args[0], &a, &t1, out); r != Arg::Ok)
        return r == Arg::Null;
    if (const Arg r = dateArg(ev, *n.args[1], &b, &t2, out); r != Arg::Ok)
        return r == Arg::Null;
    const qint64 micros =
        (dt::toEpochSeconds(b) - dt::toEpochSeconds(a)) * 1000000 + (b.micro - a.micro);
    qint64 div = 0;
    switch (n.unit) {
    case Unit::Microsecond:
        div = 1;
        break;
    case Unit::Second:
        div = 1000000;
        break;
    case Unit::Minute:
        div = 60000000;
        break;
    case Unit::Hour:
        div = Q_INT64_C(3600000000);
        break;
    case Unit::Day:
        div = Q_INT64_C(86400000000);
        break;
    case Unit::Week:
        div = Q_INT64_C(604800000000);
        break;
    case Unit::Month:
    case Unit::Quarter:
    case Unit::Year: {
        // Whole months between the two, counting a month only once its day and time passed.
        qint64 months = qint64(b.year - a.year) * 12 + (b.month - a.month);
        const qint64 restA =
            qint64(a.day) * 86400000000 + (dt::toEpochSeconds(a) % 86400) * 1000000 + a.micro;
        const qint64 restB =
            qint64(b.day) * 86400000000 + (dt::toEpochSeconds(b) % 86400) * 1000000 + b.micro;
        if (micros > 0 && restB < restA)
            --months;
        else if (micros < 0 && restB > restA)
            ++months;
        const int per = n.unit == Unit::Month ? 1 : (n.unit == Unit::Quarter ? 3 : 12);
        out = Value::makeInt(months / per);
        return true;
    }
    default:
        return ev.fail(n, QStringLiteral("TIMESTAMPDIFF takes a single unit"),
                       QStringLiteral("use SECOND, MINUTE, HOUR, DAY, WEEK, MONTH, QUARTER or "
                                      "YEAR"));
    }
    out = Value::makeInt(micros / div);
    return true;
}

bool fnDate(Evaluator &ev, const Node &n, Value &out)
{
    DateTime d;
    bool hasTime = false;
    if (const Arg r = dateArg(ev, *n.args[0], &d, &hasTime, out, true); r != Arg::Ok)
        return r == Arg::Null;
    out = Value::makeDate(d, false);
    return true;
}

bool fnDatePart(Evaluator &ev, const Node &n, Value &out)
{
    const QLatin1String name(functionAt(n.fn).name);
    const bool timePart = name == QLatin1String("HOUR") || name == QLatin1String("MINUTE") ||
                          name == QLatin1String("SECOND") || name == QLatin1String("MICROSECOND");
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    std::optional<DateTime> d;
    if (timePart && v.kind == Kind::String && looksLikeTime(v.s)) {
        // A time such as '10:05:03' (MySQL reads it as TIME; hours may pass 23).
        int second = 0;
        if (auto hm = parseTimeOfDay(v.s, &second)) {
            DateTime t;
            t.hour = hm->first;
            t.minute = hm->second;
            t.second = second;
            d = t;
        }
    } else {
        d = toDateTime(v);
    }
    if (!d)
        return nullResult(out);
    const bool zero = d->month == 0 || d->day == 0;
    qint64 r = 0;
    if (name == QLatin1String("YEAR"))
        r = d->year;
    else if (name == QLatin1String("QUARTER"))
        r = (d->month + 2) / 3;
    else if (name == QLatin1String("MONTH"))
        r = d->month;
    else if (name == QLatin1String("DAY") || name == QLatin1String("DAYOFMONTH"))
        r = d->day;
    else if (name == QLatin1String("HOUR"))
        r = d->hour;
    else if (name == QLatin1String("MINUTE"))
        r = d->minute;
    else if (name == QLatin1String("SECOND"))
        r = d->second;
    else if (name == QLatin1String("MICROSECOND"))
        r = d->micro;
    else if (zero)
        return nullResult(out);
    else if (name == QLatin1String("DAYOFWEEK"))
        r = (dt::weekday(*d) + 1) % 7 + 1;
    else if (name == QLatin1String("WEEKDAY"))
        r = dt::weekday(*d);
    else
        r = dt::dayOfYear(*d);
    out = Value::makeInt(r);
    return true;
}

bool fnLastDay(Evaluator &ev, const Node &n, Value &out)
{
    DateTime d;
    bool hasTime = false;
    if (const Arg r = dateArg(ev, *n.args[0], &d, &hasTime, out); r != Arg::Ok)
        return r == Arg::Null;
    d.day = dt::daysInMonth(d.year, d.month);
    out = Value::makeDate(d, false);
    return true;
}

bool fnExtract(Evaluator &ev, const Node &n, Value &out)
{
    DateTime d;
    bool hasTime = false;
    if (const Arg r = dateArg(ev, *n.args[0], &d, &hasTime, out, true); r != Arg::Ok)
        return r == Arg::Null;
    qint64 r = 0;
    switch (n.unit) {
    case Unit::Year:
        r = d.year;
        break;
    case Unit::Quarter:
        r = (d.month + 2) / 3;
        break;
    case Unit::Month:
        r = d.month;
        break;
    case Unit::Week: {
        int year;
        r = dt::calcWeek(d, 0, &year);
        break;
    }
    case Unit::Day:
        r = d.day;
        break;
    case Unit::Hour:
        r = d.hour;
        break;
    case Unit::Minute:
        r = d.minute;
        break;
    case Unit::Second:
        r = d.second;
        break;
    case Unit::Microsecond:
        r = d.micro;
        break;
    case Unit::YearMonth:
        r = qint64(d.year) * 100 + d.month;
        break;
    case Unit::DayHour:
        r = qint64(d.day) * 100 + d.hour;
        break;
    case Unit::DayMinute:
        r = (qint64(d.day) * 100 + d.hour) * 100 + d.minute;
        break;
    case Unit::DaySecond:
        r = ((qint64(d.day) * 100 + d.hour) * 100 + d.minute) * 100 + d.second;
        break;
    case Unit::HourMinute:
        r = qint64(d.hour) * 100 + d.minute;
        break;
    case Unit::HourSecond:
        r = (qint64(d.hour) * 100 + d.minute) * 100 + d.second;
        break;
    case Unit::MinuteSecond:
        r = qint64(d.minute) * 100 + d.second;
        break;
    default:
        r = qint64(d.second) * 1000000 + d.micro;
        break;
    }
    out = Value::makeInt(r);
    return true;
}

} // namespace weft::expr::detail
