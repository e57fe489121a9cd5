#include "core/expr/decimal.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace weft::expr::detail::dec {

namespace {

using i128 = __int128;
using u128 = unsigned __int128;

constexpr int kMaxDigits = 38;

constexpr std::array<i128, 39> makePowers()
{
    std::array<i128, 39> p{};
    p[0] = 1;
    for (int i = 1; i < 39; ++i)
        p[i] = p[i - 1] * 10;
    return p;
}
constexpr std::array<i128, 39> kPow10 = makePowers();
constexpr i128 kMaxMant = kPow10[38] - 1;

i128 absValue(i128 v)
{
    return v < 0 ? -v : v;
}

bool fits(i128 v)
{
    return v <= kMaxMant && v >= -kMaxMant;
}

// Multiplies by 10^n; false on overflow of the 38-digit range.
bool scaleUp(i128 &m, int n)
{
    if (m == 0 || n == 0)
        return true;
    if (n > kMaxDigits)
        return false;
    i128 r;
    if (__builtin_mul_overflow(m, kPow10[n], &r) || !fits(r))
        return false;
    m = r;
    return true;
}

// Divides by 10^n, rounding half away from zero unless `truncate`.
i128 scaleDown(i128 m, int n, bool truncate)
{
    if (n <= 0)
        return m;
    if (n > kMaxDigits)
        return 0; // |m| < 10^38 < 10^n / 2: rounds to zero either way
    const i128 p = kPow10[n];
    i128 q = m / p;
    const i128 r = m % p;
    // |r| * 2 >= p, written so it cannot overflow (p may be 10^38, near i128's limit).
    if (!truncate && absValue(r) >= p - absValue(r))
        q += m < 0 ? -1 : 1;
    return q;
}

// Brings both to a common number of held digits. When the larger scale overflows one
// side, fall back to the displayed digits (what MySQL would show anyway).
bool align(Decimal &a, Decimal &b)
{
    const int s = std::max(a.scale, b.scale);
    i128 am = a.mant, bm = b.mant;
    if (scaleUp(am, s - a.scale) && scaleUp(bm, s - b.scale)) {
        a.mant = am;
        b.mant = bm;
        a.scale = b.scale = s;
        return true;
    }
    const int d = std::max(a.display, b.display);
    auto ra = rescale(a, std::min(a.scale, std::max(d, a.display)));
    auto rb = rescale(b, std::min(b.scale, std::max(d, b.display)));
    if (!ra || !rb)
        return false;
    const int s2 = std::max(ra->scale, rb->scale);
    auto xa = rescale(*ra, s2);
    auto xb = rescale(*rb, s2);
    if (!xa || !xb)
        return false;
    a = *xa;
    b = *xb;
    return true;
}

QString exactString(const Decimal &d)
{
    QString digits = uint128ToString(u128(absValue(d.mant)));
    if (d.scale > 0) {
        if (digits.size() <= d.scale)
            digits.prepend(QString(d.scale - digits.size() + 1, QLatin1Char('0')));
        digits.insert(digits.size() - d.scale, QLatin1Char('.'));
    }
    if (d.mant < 0)
        digits.prepend(QLatin1Char('-'));
    return digits;
}

bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == ' ' || u == '\t' || u == '\n' || u == '\r' || u == '\f' || u == '\v';
}

} // namespace

Decimal fromInt(qint64 v)
{
    Decimal d;
    d.mant = v;
    return d;
}

std::optional<Decimal> parse(QStringView text)
{
    bool complete = false;
    auto d = parsePrefix(text, &complete);
    if (!d || !complete || text.isEmpty())
        return std::nullopt;
    // A literal has no exponent and no surrounding space: parsePrefix accepts both.
    for (QChar c : text) {
        if (c == QLatin1Char('e') || c == QLatin1Char('E') || isSpace(c))
            return std::nullopt;
    }
    return d;
}

std::optional<Decimal> parsePrefix(QStringView text, bool *complete)
{
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n && isSpace(text[i]))
        ++i;
    bool negative = false;
    if (i < n && (text[i] == QLatin1Char('-') || text[i] == QLatin1Char('+'))) {
        negative = text[i] == QLatin1Char('-');
        ++i;
    }
    i128 mant = 0;
    int scale = 0;
    int significant = 0;
    int dropped = 0; // integer digits beyond what fits (only possible with overflow)
    bool anyDigit = false;
    bool overflow = false;
    auto addDigit = [&](int digit, bool fraction) {
        anyDigit = true;
        if (significant == 0 && digit == 0) {
            if (fraction)
                ++scale;
            return;
        }
        if (significant >= kMaxDigits) {
            if (!fraction)
                overflow = true;
            ++dropped;
            return;
        }
        mant = mant * 10 + digit;
        ++significant;
        if (fraction)
            ++scale;
    };
    while (i < n && text[i].isDigit() && text[i].unicode() < 128)
        addDigit(text[i++].unicode() - '0', false);
    if (i < n && text[i] == QLatin1Char('.')) {
        ++i;
        while (i < n && text[i].unicode() >= '0' && text[i].unicode() <= '9')
            addDigit(text[i++].unicode() - '0', true);
    }
    if (!anyDigit) {
        if (complete)
            *complete = false;
        return Decimal{};
    }
    if (i < n && (text[i] == QLatin1Char('e') || text[i] == QLatin1Char('E'))) {
        qsizetype j = i + 1;
        bool expNegative = false;
        if (j < n && (text[j] == QLatin1Char('-') || text[j] == QLatin1Char('+'))) {
            expNegative = text[j] == QLatin1Char('-');
            ++j;
        }
        if (j < n && text[j].unicode() >= '0' && text[j].unicode() <= '9') {
            int exp = 0;
            while (j < n && text[j].unicode() >= '0' && text[j].unicode() <= '9') {
                exp = std::min(exp * 10 + (text[j].unicode() - '0'), 100000);
                ++j;
            }
            i = j;
            scale += expNegative ? exp : -exp;
        }
    }
    if (overflow)
        return std::nullopt;
    while (i < n && isSpace(text[i]))
        ++i;
    if (complete)
        *complete = i == n;
    if (mant == 0)
        scale = std::clamp(scale, 0, kMaxDecimalScale);
    if (scale < 0) {
        if (!scaleUp(mant, -scale))
            return std::nullopt;
        scale = 0;
    }
    if (scale > kMaxDecimalScale) {
        mant = scaleDown(mant, scale - kMaxDecimalScale, false);
        scale = kMaxDecimalScale;
    }
    Decimal d;
    d.mant = negative ? -mant : mant;
    d.scale = scale;
    d.display = scale;
    return d;
}

std::optional<Decimal> fromDouble(double v)
{
    if (!std::isfinite(v))
        return std::nullopt;
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return parsePrefix(QString::fromLatin1(buf, res.ptr - buf));
}

double toDouble(const Decimal &d)
{
    const QByteArray text = exactString(d).toLatin1();
    double v = 0;
    std::from_chars(text.constData(), text.constData() + text.size(), v);
    return v;
}

std::optional<qint64> toInt(const Decimal &d)
{
    const i128 v = scaleDown(d.mant, d.scale, false);
    if (v > std::numeric_limits<qint64>::max() || v < std::numeric_limits<qint64>::min())
        return std::nullopt;
    return qint64(v);
}

std::optional<Decimal> rescale(const Decimal &d, int scale, bool truncate)
{
    Decimal r = d;
    if (scale > d.scale) {
        if (!scaleUp(r.mant, scale - d.scale))
            return std::nullopt;
    } else {
        r.mant = scaleDown(d.mant, d.scale - scale, truncate);
    }
    r.scale = scale;
    return r;
}

Decimal displayed(const Decimal &d)
{
    if (d.scale <= d.display)
        return d;
    Decimal r = d;
    r.mant = scaleDown(d.mant, d.scale - d.display, false);
    r.scale = d.display;
    return r;
}

std::optional<Decimal> add(const Decimal &a, const Decimal &b)
{
    Decimal x = a, y = b;
    if (!align(x, y))
        return std::nullopt;
    Decimal r;
    if (__builtin_add_overflow(x.mant, y.mant, &r.mant) || !fits(r.mant))
        return std::nullopt;
    r.scale = x.scale;
    r.display = std::max(a.display, b.display);
    return r;
}

std::optional<Decimal> sub(const Decimal &a, const Decimal &b)
{
    return add(a, negate(b));
}

std::optional<Decimal> mul(const Decimal &a, const Decimal &b)
{
    const int display = std::min(a.display + b.display, kMaxDecimalScale);
    // First exactly; then with the operands cut to the digits they show, which is what a
    // long chain of divisions would otherwise overflow on.
    for (int attempt = 0; attempt < 2; ++attempt) {
        Decimal x = a, y = b;
        if (attempt == 1) {
            x = displayed(a);
            y = displayed(b);
        }
        i128 m;
        if (__builtin_mul_overflow(x.mant, y.mant, &m) || !fits(m))
            continue;
        Decimal r;
        r.mant = m;
        r.scale = x.scale + y.scale;
        r.display = display;
        if (r.scale > kMaxDecimalScale) {
            r.mant = scaleDown(r.mant, r.scale - kMaxDecimalScale, true);
            r.scale = kMaxDecimalScale;
        }
        return r;
    }
    return std::nullopt;
}

std::optional<Decimal> div(const Decimal &a, const Decimal &b)
{
    if (b.mant == 0)
        return std::nullopt;
    // decimal.c do_div_mod: digits are counted in groups of nine.
    auto up9 = [](int digits) { return (digits + 8) / 9 * 9; };
    const int f1 = up9(a.scale);
    const int f2 = up9(b.scale);
    int incr = kDivPrecisionIncrement - (f1 - a.scale) - (f2 - b.scale);
    if (incr < 0)
        incr = 0;
    int frac = up9(f1 + f2 + incr);
    const int display = std::min(a.display + kDivPrecisionIncrement, kMaxDecimalScale);
    frac = std::min(frac, kMaxDecimalScale);
    const bool negative = (a.mant < 0) != (b.mant < 0);
    const u128 num = u128(absValue(a.mant));
    const u128 den = u128(absValue(b.mant));
    // Long division, one digit at a time: the remainder stays below the divisor, so nothing
    // overflows before the quotient itself does.
    for (int want = frac; want >= std::min(display, frac); --want) {
        const int e = want - a.scale + b.scale;
        if (e < 0)
            continue;
        u128 q = num / den;
        u128 r = num % den;
        bool ok = q <= u128(kMaxMant);
        for (int i = 0; ok && i < e; ++i) {
            if (r > u128(kMaxMant) / 10 || q > u128(kMaxMant) / 10) {
                ok = false;
                break;
            }
            r *= 10;
            q = q * 10 + r / den;
            r %= den;
            ok = q <= u128(kMaxMant);
        }
        if (!ok)
            continue;
        Decimal res;
        res.mant = negative ? -i128(q) : i128(q);
        res.scale = want;
        res.display = display;
        return res;
    }
    return std::nullopt;
}

std::optional<Decimal> mod(const Decimal &a, const Decimal &b)
{
    Decimal x = a, y = b;
    if (y.mant == 0 || !align(x, y))
        return std::nullopt;
    Decimal r;
    r.mant = x.mant % y.mant;
    r.scale = x.scale;
    r.display = std::max(a.display, b.display);
    return r;
}

std::optional<Decimal> intDiv(const Decimal &a, const Decimal &b)
{
    Decimal x = a, y = b;
    if (y.mant == 0 || !align(x, y))
        return std::nullopt;
    Decimal r;
    r.mant = x.mant / y.mant;
    return r;
}

Decimal negate(const Decimal &d)
{
    Decimal r = d;
    r.mant = -d.mant;
    return r;
}

Decimal abs(const Decimal &d)
{
    Decimal r = d;
    r.mant = absValue(d.mant);
    return r;
}

std::optional<Decimal> round(const Decimal &d, int digits, bool truncate)
{
    digits = std::clamp(digits, -kMaxDigits - 1, kMaxDecimalScale);
    Decimal r = d;
    r.display = std::max(digits, 0);
    if (digits >= d.scale)
        return r;
    if (digits >= 0) {
        r.mant = scaleDown(d.mant, d.scale - digits, truncate);
        r.scale = digits;
        return r;
    }
    // To tens, hundreds…: round away the fraction and -digits integer digits, then put the
    // zeros back.
    r.mant = scaleDown(d.mant, d.scale - digits, truncate);
    r.scale = 0;
    if (!scaleUp(r.mant, -digits)) {
        if (r.mant != 0)
            return std::nullopt;
    }
    return r;
}

std::optional<Decimal> floor(const Decimal &d)
{
    Decimal r;
    r.mant = scaleDown(d.mant, d.scale, true);
    if (d.mant < 0 && d.scale > 0 && d.mant % kPow10[std::min(d.scale, kMaxDigits)] != 0)
        r.mant -= 1;
    return r;
}

std::optional<Decimal> ceil(const Decimal &d)
{
    Decimal r;
    r.mant = scaleDown(d.mant, d.scale, true);
    if (d.mant > 0 && d.scale > 0 && d.mant % kPow10[std::min(d.scale, kMaxDigits)] != 0)
        r.mant += 1;
    return r;
}

int compareExact(const Decimal &a, const Decimal &b)
{
    Decimal x = a, y = b;
    x.display = x.scale;
    y.display = y.scale;
    if (!align(x, y)) {
        const double da = toDouble(a), db = toDouble(b);
        return da < db ? -1 : (da > db ? 1 : 0);
    }
    return x.mant < y.mant ? -1 : (x.mant > y.mant ? 1 : 0);
}

int compare(const Decimal &a, const Decimal &b)
{
    return compareExact(displayed(a), displayed(b));
}

bool isZero(const Decimal &d)
{
    return d.mant == 0;
}

int sign(const Decimal &d)
{
    return d.mant < 0 ? -1 : (d.mant > 0 ? 1 : 0);
}

QString toString(const Decimal &d)
{
    Decimal v = displayed(d);
    if (v.scale < v.display) {
        auto padded = rescale(v, v.display);
        if (padded)
            v = *padded;
    }
    if (v.mant == 0)
        v.mant = 0; // never "-0.00": MySQL has no negative zero decimal
    return exactString(v);
}

QString uint128ToString(u128 v)
{
    if (v == 0)
        return QStringLiteral("0");
    char buf[48];
    int pos = sizeof buf;
    while (v > 0) {
        buf[--pos] = char('0' + int(v % 10));
        v /= 10;
    }
    return QString::fromLatin1(buf + pos, sizeof buf - pos);
}

} // namespace weft::expr::detail::dec
