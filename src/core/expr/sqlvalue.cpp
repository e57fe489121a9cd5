#include "core/expr/sqlvalue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <charconv>
#include <cmath>
#include <limits>

namespace weft::expr::detail {

namespace {

bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == '\v';
}

bool isAsciiDigit(QChar c)
{
    return c.unicode() >= '0' && c.unicode() <= '9';
}

qint64 temporalNumber(const Value &v)
{
    return dt::toNumber(v.dt, v.kind == Kind::DateTime);
}

} // namespace

StaticType staticTypeOf(const Value &v)
{
    using K = StaticType::K;
    switch (v.kind) {
    case Kind::Null:
        return {K::Null, 0};
    case Kind::Int:
        return {K::Int, 0};
    case Kind::Decimal:
        return {K::Decimal, v.dec.display};
    case Kind::Double:
        return {K::Double, v.decimals};
    case Kind::String:
        return {K::String, 0};
    case Kind::Date:
        return {K::Date, 0};
    case Kind::DateTime:
        return {K::DateTime, v.dt.fsp};
    case Kind::Json:
        return {K::Json, 0};
    }
    return {};
}

StaticType mergeTypes(const StaticType &a, const StaticType &b)
{
    using K = StaticType::K;
    if (a.kind == K::Dynamic || a.kind == K::Null)
        return b.kind == K::Dynamic ? a : b;
    if (b.kind == K::Dynamic || b.kind == K::Null)
        return a;
    if (a.kind == K::Double || b.kind == K::Double) {
        auto numeric = [](K k) { return k == K::Int || k == K::Decimal || k == K::Double; };
        if (numeric(a.kind) && numeric(b.kind)) {
            const bool shortest =
                (a.kind == K::Double && a.scale < 0) || (b.kind == K::Double && b.scale < 0);
            return {K::Double, shortest ? -1 : std::max(a.scale, b.scale)};
        }
    }
    if (a.kind == b.kind)
        return {a.kind, std::max(a.scale, b.scale)};
    auto temporal = [](K k) { return k == K::Date || k == K::DateTime; };
    auto numeric = [](K k) { return k == K::Int || k == K::Decimal || k == K::Double; };
    if (temporal(a.kind) && temporal(b.kind))
        return {K::DateTime, std::max(a.scale, b.scale)};
    if (numeric(a.kind) && numeric(b.kind)) {
        return {K::Decimal, std::max(a.scale, b.scale)};
    }
    return {K::String, 0};
}

Value castTo(const Value &v, const StaticType &type)
{
    using K = StaticType::K;
    if (v.isNull())
        return v;
    switch (type.kind) {
    case K::String:
        if (v.kind == Kind::String)
            return v;
        return Value::makeString(toText(v));
    case K::Decimal:
        if (v.kind == Kind::Int) {
            Decimal d = dec::fromInt(v.i);
            d.display = type.scale;
            return Value::makeDecimal(d);
        }
        if (v.kind == Kind::Decimal) {
            Value r = v;
            r.dec.display = std::max(v.dec.display, type.scale);
            return r;
        }
        return v;
    case K::Double:
        if (v.isNumeric())
            return Value::makeDouble(toDouble(v), type.scale);
        return v;
    case K::DateTime:
        if (v.kind == Kind::Date) {
            Value r = v;
            r.kind = Kind::DateTime;
            return r;
        }
        return v;
    default:
        return v;
    }
}

QString toText(const Value &v)
{
    switch (v.kind) {
    case Kind::Null:
        return {};
    case Kind::Int:
        return QString::number(v.i);
    case Kind::Decimal:
        return dec::toString(v.dec);
    case Kind::Double:
        return doubleToText(v.d, v.decimals);
    case Kind::String:
        return v.s;
    case Kind::Date:
        return dt::toString(v.dt, false);
    case Kind::DateTime:
        return dt::toString(v.dt, true);
    case Kind::Json:
        return jsonToText(v.json);
    }
    return {};
}

double toDouble(const Value &v, bool *truncated)
{
    switch (v.kind) {
    case Kind::Null:
        return 0;
    case Kind::Int:
        return double(v.i);
    case Kind::Decimal:
        return dec::toDouble(v.dec);
    case Kind::Double:
        return v.d;
    case Kind::String: {
        bool complete = true;
        const double d = parseDoublePrefix(v.s, &complete);
        if (truncated && !complete)
            *truncated = true;
        return d;
    }
    case Kind::Date:
    case Kind::DateTime:
        return double(temporalNumber(v)) + v.dt.micro / 1e6;
    case Kind::Json:
        if (truncated)
            *truncated = true;
        return parseDoublePrefix(jsonToText(v.json));
    }
    return 0;
}

qint64 toInt(const Value &v, bool *truncated)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    constexpr qint64 kMin = std::numeric_limits<qint64>::min();
    switch (v.kind) {
    case Kind::Null:
        return 0;
    case Kind::Int:
        return v.i;
    case Kind::Decimal: {
        auto i = dec::toInt(v.dec);
        if (i)
            return *i;
        return dec::sign(v.dec) < 0 ? kMin : kMax;
    }
    case Kind::Double: {
        const double r = std::rint(v.d);
        if (r >= 9.2233720368547758e18)
            return kMax;
        if (r <= -9.2233720368547758e18)
            return kMin;
        return qint64(r);
    }
    case Kind::String:
    case Kind::Json: {
        const QString text = v.kind == Kind::String ? v.s : jsonToText(v.json);
        qsizetype i = 0;
        while (i < text.size() && isSpace(text[i]))
            ++i;
        bool negative = false;
        if (i < text.size() && (text[i] == QLatin1Char('-') || text[i] == QLatin1Char('+'))) {
            negative = text[i] == QLatin1Char('-');
            ++i;
        }
        const qsizetype start = i;
        unsigned __int128 acc = 0;
        while (i < text.size() && isAsciiDigit(text[i])) {
            if (acc < (unsigned __int128)(1) << 64)
                acc = acc * 10 + (text[i].unicode() - '0');
            ++i;
        }
        if (truncated && (i == start || i != text.size()))
            *truncated = true;
        if (negative)
            return acc > (unsigned __int128)(kMax) + 1 ? kMin : qint64(-acc);
        return acc > (unsigned __int128)(kMax) ? kMax : qint64(acc);
    }
    case Kind::Date:
    case Kind::DateTime:
        return temporalNumber(v);
    }
    return 0;
}

std::optional<Decimal> toDecimal(const Value &v)
{
    switch (v.kind) {
    case Kind::Null:
        return Decimal{};
    case Kind::Int:
        return dec::fromInt(v.i);
    case Kind::Decimal:
        return v.dec;
    case Kind::Double:
        return dec::fromDouble(v.d);
    case Kind::String:
        return dec::parsePrefix(v.s);
    case Kind::Json:
        return dec::parsePrefix(jsonToText(v.json));
    case Kind::Date:
    case Kind::DateTime: {
        Decimal d = dec::fromInt(temporalNumber(v));
        if (v.kind == Kind::DateTime && v.dt.fsp > 0) {
            auto scaled = dec::rescale(d, 6);
            if (!scaled)
                return std::nullopt;
            scaled->mant += v.dt.micro;
            auto shown = dec::rescale(*scaled, v.dt.fsp, true);
            if (!shown)
                return std::nullopt;
            shown->display = v.dt.fsp;
            return shown;
        }
        return d;
    }
    }
    return std::nullopt;
}

bool toBool(const Value &v)
{
    switch (v.kind) {
    case Kind::Null:
        return false;
    case Kind::Int:
        return v.i != 0;
    case Kind::Decimal:
        return !dec::isZero(v.dec);
    case Kind::Double:
        return v.d != 0;
    case Kind::String:
        return parseDoublePrefix(v.s) != 0;
    case Kind::Date:
    case Kind::DateTime:
        return temporalNumber(v) != 0 || v.dt.micro != 0;
    case Kind::Json:
        return parseDoublePrefix(jsonToText(v.json)) != 0;
    }
    return false;
}

std::optional<DateTime> toDateTime(const Value &v, bool *hasTime)
{
    switch (v.kind) {
    case Kind::Date:
    case Kind::DateTime:
        if (hasTime)
            *hasTime = v.kind == Kind::DateTime;
        return v.dt;
    case Kind::String:
        return dt::parse(v.s, hasTime);
    case Kind::Int:
        return dt::fromNumber(v.i, hasTime);
    case Kind::Decimal:
    case Kind::Double: {
        const double d = toDouble(v);
        if (!(d >= 0) || d >= 1e15)
            return std::nullopt;
        const qint64 whole = qint64(d);
        auto r = dt::fromNumber(whole, hasTime);
        if (r && v.kind == Kind::Decimal && v.dec.scale > 0) {
            auto frac = dec::sub(v.dec, dec::fromInt(whole));
            if (frac) {
                auto micro = dec::rescale(*frac, 6, true);
                r->micro = micro ? int(micro->mant) : 0;
                r->fsp = std::min(v.dec.display, 6);
            }
        }
        return r;
    }
    default:
        return std::nullopt;
    }
}

QJsonValue toJson(const Value &v)
{
    switch (v.kind) {
    case Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Kind::Int:
        return QJsonValue(v.i);
    case Kind::Decimal: {
        const Decimal shown = dec::displayed(v.dec);
        const QString text = dec::toString(v.dec);
        int significant = 0;
        bool leading = true;
        for (QChar c : text) {
            if (!isAsciiDigit(c))
                continue;
            if (leading && c == QLatin1Char('0'))
                continue;
            leading = false;
            ++significant;
        }
        if (significant > 15)
            return QJsonValue(text);
        if (auto i = dec::toInt(shown); i && dec::compareExact(shown, dec::fromInt(*i)) == 0)
            return QJsonValue(*i);
        return QJsonValue(dec::toDouble(shown));
    }
    case Kind::Double:
        if (!std::isfinite(v.d))
            return QJsonValue(QJsonValue::Null);
        return QJsonValue(v.d == 0 ? 0.0 : v.d);
    case Kind::String:
        return QJsonValue(v.s);
    case Kind::Date:
    case Kind::DateTime:
        return QJsonValue(toText(v));
    case Kind::Json:
        return v.json;
    }
    return QJsonValue(QJsonValue::Null);
}

Value fromJson(const QJsonValue &v, bool asLiteral)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return Value::makeInt(v.toBool() ? 1 : 0);
    case QJsonValue::Double: {
        constexpr qint64 kSentinel = std::numeric_limits<qint64>::min();
        const qint64 i = v.toInteger(kSentinel);
        if (i != kSentinel)
            return Value::makeInt(i);
        const double d = v.toDouble();
        char buf[64];
        auto res = std::to_chars(buf, buf + sizeof buf, d);
        const QString text = QString::fromLatin1(buf, res.ptr - buf);
        if (auto lit = parseNumberLiteral(text))
            return *lit;
        return Value::makeDouble(d);
    }
    case QJsonValue::String:
        if (asLiteral) {
            if (auto lit = parseNumberLiteral(v.toString()))
                return *lit;
        }
        return Value::makeString(v.toString());
    case QJsonValue::Array:
    case QJsonValue::Object:
        return Value::makeJson(v);
    }
    return {};
}

int doubleDecimals(const Value &v)
{
    switch (v.kind) {
    case Kind::Double:
        return v.decimals;
    case Kind::Decimal:
        return v.dec.display;
    case Kind::String:
    case Kind::Json:
        return -1;
    case Kind::DateTime:
        return v.dt.fsp;
    default:
        return 0;
    }
}

QString jsonToText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        constexpr qint64 kSentinel = std::numeric_limits<qint64>::min();
        const qint64 i = v.toInteger(kSentinel);
        char buf[64];
        if (i != kSentinel) { // QString::number(i)'s digits, without QLocale's machinery
            const auto end = std::to_chars(buf, buf + sizeof buf, i).ptr;
            return QString::fromLatin1(buf, end - buf);
        }
        auto res = std::to_chars(buf, buf + sizeof buf, v.toDouble());
        return QString::fromLatin1(buf, res.ptr - buf);
    }
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

} // namespace weft::expr::detail
