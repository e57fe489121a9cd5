// MySQL's numbers as text: literals, string → number prefixes, and how DOUBLE prints.

#include "core/expr/sqlvalue.h"

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

// Length of the numeric prefix of s starting at `from` (sign, digits, fraction, exponent).
qsizetype numericPrefix(QStringView s, qsizetype from, bool *anyDigit)
{
    qsizetype i = from;
    if (i < s.size() && (s[i] == QLatin1Char('-') || s[i] == QLatin1Char('+')))
        ++i;
    bool digits = false;
    while (i < s.size() && isAsciiDigit(s[i])) {
        ++i;
        digits = true;
    }
    if (i < s.size() && s[i] == QLatin1Char('.')) {
        qsizetype j = i + 1;
        bool fracDigits = false;
        while (j < s.size() && isAsciiDigit(s[j])) {
            ++j;
            fracDigits = true;
        }
        if (digits || fracDigits) {
            i = j;
            digits = true;
        }
    }
    if (digits && i < s.size() && (s[i] == QLatin1Char('e') || s[i] == QLatin1Char('E'))) {
        qsizetype j = i + 1;
        if (j < s.size() && (s[j] == QLatin1Char('-') || s[j] == QLatin1Char('+')))
            ++j;
        if (j < s.size() && isAsciiDigit(s[j])) {
            while (j < s.size() && isAsciiDigit(s[j]))
                ++j;
            i = j;
        }
    }
    *anyDigit = digits;
    return i - from;
}

double latin1ToDouble(QStringView s)
{
    QByteArray bytes = s.toLatin1();
    const char *b = bytes.constData();
    const char *e = b + bytes.size();
    bool negative = false;
    if (b != e && (*b == '+' || *b == '-')) {
        negative = *b == '-';
        ++b;
    }
    double v = 0;
    auto res = std::from_chars(b, e, v);
    if (res.ec == std::errc::result_out_of_range) {
        // Overflow clamps like MySQL's my_strtod; underflow is zero.
        bool big = false;
        for (const char *p = b; p != e && *p != 'e' && *p != 'E'; ++p) {
            if (*p >= '1' && *p <= '9') {
                big = true;
                break;
            }
        }
        const char *ep = std::find_if(b, e, [](char c) { return c == 'e' || c == 'E'; });
        if (ep != e && ep + 1 != e && ep[1] == '-')
            big = false;
        v = big ? std::numeric_limits<double>::max() : 0.0;
    }
    return negative ? -v : v;
}

} // namespace

std::optional<Value> parseNumberLiteral(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool anyDigit = false;
    const qsizetype n = numericPrefix(text, 0, &anyDigit);
    if (!anyDigit || n != text.size())
        return std::nullopt;
    const bool hasExponent = text.contains(QLatin1Char('e')) || text.contains(QLatin1Char('E'));
    if (hasExponent)
        return Value::makeDouble(latin1ToDouble(text));
    if (!text.contains(QLatin1Char('.'))) {
        bool ok = false;
        const qint64 i = text.toLongLong(&ok);
        if (ok)
            return Value::makeInt(i);
    }
    if (auto d = dec::parse(text))
        return Value::makeDecimal(*d);
    return Value::makeDouble(latin1ToDouble(text));
}

namespace {

// Fixed notation with `decimals` fraction digits, from the shortest digits (as MariaDB's
// my_fcvt prints a DOUBLE whose decimals are fixed, e.g. the result of ROUND(x, 2)).
QString fixedText(double v, int decimals)
{
    char buf[400];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
    std::string text(buf, res.ptr);
    bool negative = !text.empty() && text.front() == '-';
    if (negative)
        text.erase(0, 1);
    const size_t point = text.find('.');
    std::string whole = point == std::string::npos ? text : text.substr(0, point);
    std::string frac = point == std::string::npos ? std::string() : text.substr(point + 1);
    if (int(frac.size()) > decimals) {
        const bool up = frac[size_t(decimals)] >= '5';
        frac.resize(size_t(decimals));
        if (up) {
            // Carry through the fraction, then the whole part.
            int k = int(frac.size()) - 1;
            for (; k >= 0 && frac[size_t(k)] == '9'; --k)
                frac[size_t(k)] = '0';
            if (k >= 0) {
                ++frac[size_t(k)];
            } else {
                int j = int(whole.size()) - 1;
                for (; j >= 0 && whole[size_t(j)] == '9'; --j)
                    whole[size_t(j)] = '0';
                if (j >= 0)
                    ++whole[size_t(j)];
                else
                    whole.insert(whole.begin(), '1');
            }
        }
    }
    frac.append(size_t(decimals) - frac.size(), '0');
    std::string out = whole;
    if (decimals > 0)
        out += '.' + frac;
    if (out.find_first_not_of("0.") == std::string::npos)
        negative = false; // MySQL prints 0.00, not -0.00
    return QString::fromLatin1((negative ? "-" + out : out).c_str());
}

} // namespace

QString doubleToText(double v, int decimals)
{
    if (decimals >= 0 && std::isfinite(v))
        return fixedText(v, decimals);
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v < 0 ? QStringLiteral("-inf") : QStringLiteral("inf");
    if (v == 0)
        return QStringLiteral("0");
    // Shortest round-trip digits, then MySQL's my_gcvt() choice of fixed or exponent form.
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    const std::string_view sci(buf, res.ptr - buf);
    const bool negative = sci.front() == '-';
    const size_t ePos = sci.find('e');
    std::string digits;
    for (size_t k = negative ? 1 : 0; k < ePos; ++k) {
        if (sci[k] != '.')
            digits += sci[k];
    }
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    int exponent = 0;
    std::from_chars(sci.data() + ePos + 1 + (sci[ePos + 1] == '+' ? 1 : 0), sci.data() + sci.size(),
                    exponent);
    const int decpt = exponent + 1;
    const int len = int(digits.size());
    std::string out;
    if (negative)
        out += '-';
    if (decpt >= -14 && (decpt <= 15 || len > decpt)) {
        if (decpt <= 0) {
            out += "0.";
            out.append(size_t(-decpt), '0');
            out += digits;
        } else if (decpt >= len) {
            out += digits;
            out.append(size_t(decpt - len), '0');
        } else {
            out += digits.substr(0, size_t(decpt));
            out += '.';
            out += digits.substr(size_t(decpt));
        }
    } else {
        out += digits[0];
        if (len > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += std::to_string(decpt - 1);
    }
    return QString::fromLatin1(out.data(), qsizetype(out.size()));
}

double parseDoublePrefix(QStringView text, bool *complete)
{
    qsizetype i = 0;
    while (i < text.size() && isSpace(text[i]))
        ++i;
    bool anyDigit = false;
    const qsizetype n = numericPrefix(text, i, &anyDigit);
    if (!anyDigit) {
        if (complete)
            *complete = false;
        return 0;
    }
    const double v = latin1ToDouble(text.mid(i, n));
    if (complete) {
        qsizetype j = i + n;
        while (j < text.size() && isSpace(text[j]))
            ++j;
        *complete = j == text.size();
    }
    return v;
}

} // namespace weft::expr::detail
