#include "core/expr/sqlstring.h"

#include <QVarLengthArray>
#include <algorithm>
#include <functional>

namespace weft::expr::detail::str {

namespace {

using CodePoints = QVarLengthArray<char32_t, 64>;

CodePoints toCodePoints(QStringView s)
{
    CodePoints out;
    out.reserve(s.size());
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            out.append(QChar::surrogateToUcs4(c, s[i + 1]));
            ++i;
        } else {
            out.append(c.unicode());
        }
    }
    return out;
}

CodePoints toWeights(QStringView s)
{
    CodePoints out = toCodePoints(s);
    for (char32_t &c : out)
        c = weight(c);
    return out;
}

} // namespace

bool hasSurrogates(QStringView s)
{
    for (QChar c : s) {
        if (c.isSurrogate())
            return true;
    }
    return false;
}

qsizetype codePointCount(QStringView s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        ++n;
    }
    return n;
}

qsizetype offsetOfCodePoint(QStringView s, qsizetype index)
{
    qsizetype i = 0;
    for (qsizetype n = 0; n < index && i < s.size(); ++n) {
        if (s[i].isHighSurrogate() && i + 1 < s.size() && s[i + 1].isLowSurrogate())
            ++i;
        ++i;
    }
    return i;
}

QStringView midCodePoints(QStringView s, qsizetype start, qsizetype count)
{
    if (start < 0)
        start = 0;
    if (!hasSurrogates(s)) {
        if (start >= s.size())
            return {};
        return count < 0 ? s.mid(start) : s.mid(start, std::min(count, s.size() - start));
    }
    const qsizetype from = offsetOfCodePoint(s, start);
    if (count < 0)
        return s.mid(from);
    const qsizetype to = from + offsetOfCodePoint(s.mid(from), count);
    return s.mid(from, to - from);
}

qsizetype utf8Length(QStringView s)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t u = s[i].unicode();
        if (u < 0x80)
            n += 1;
        else if (u < 0x800)
            n += 2;
        else if (QChar::isHighSurrogate(u) && i + 1 < s.size() && s[i + 1].isLowSurrogate()) {
            n += 4;
            ++i;
        } else
            n += 3;
    }
    return n;
}

char32_t weight(char32_t c)
{
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c > 0xFFFF)
        return 0xFFFD; // general_ci gives every supplementary character the same weight
    if (c == 0x00DF)
        return 'S';
    char32_t base = c;
    const QString decomposed = QChar::decomposition(c);
    if (!decomposed.isEmpty() && QChar::decompositionTag(c) == QChar::Canonical)
        base = decomposed.at(0).unicode();
    return QChar::toUpper(base);
}

int compareCi(QStringView a, QStringView b)
{
    qsizetype i = 0, j = 0;
    // Fast path: ASCII on both sides.
    while (i < a.size() && j < b.size()) {
        const char16_t ca = a[i].unicode(), cb = b[j].unicode();
        if (ca >= 0x80 || cb >= 0x80)
            break;
        // A difference may still be trailing spaces: the general loop below decides.
        if (weight(ca) != weight(cb))
            break;
        ++i;
        ++j;
    }
    const CodePoints wa = toWeights(a.mid(i));
    const CodePoints wb = toWeights(b.mid(j));
    const qsizetype n = std::max(wa.size(), wb.size());
    for (qsizetype k = 0; k < n; ++k) {
        const char32_t x = k < wa.size() ? wa[k] : U' ';
        const char32_t y = k < wb.size() ? wb[k] : U' ';
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

std::optional<bool> like(QStringView textView, QStringView patternView, char32_t escape)
{
    const CodePoints text = toWeights(textView);
    const CodePoints rawPattern = toCodePoints(patternView);
    // Pattern items: a weight to match, or the wildcards (with escapes resolved).
    enum : char32_t { kAny = 0xFFFFFFFF, kOne = 0xFFFFFFFE };
    CodePoints pattern;
    for (qsizetype k = 0; k < rawPattern.size(); ++k) {
        const char32_t c = rawPattern[k];
        if (c == escape && k + 1 < rawPattern.size()) {
            pattern.append(weight(rawPattern[++k]));
        } else if (c == U'%') {
            pattern.append(kAny);
        } else if (c == U'_') {
            pattern.append(kOne);
        } else {
            pattern.append(weight(c));
        }
    }
    // Iterative wildcard match with backtracking to the last '%'.
    qsizetype t = 0, p = 0, starP = -1, starT = 0;
    // Backtracking is O(text × pattern) at worst: give up past a budget rather than hang.
    qint64 budget = Q_INT64_C(100000000);
    while (t < text.size()) {
        if (--budget < 0)
            return std::nullopt;
        if (p < pattern.size() && pattern[p] != kAny &&
            (pattern[p] == kOne || pattern[p] == text[t])) {
            ++t;
            ++p;
        } else if (p < pattern.size() && pattern[p] == kAny) {
            starP = p++;
            starT = t;
        } else if (starP >= 0) {
            p = starP + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == kAny)
        ++p;
    return p == pattern.size();
}

qsizetype locate(QStringView haystack, QStringView needle, qsizetype from)
{
    if (from < 1)
        return 0;
    const CodePoints h = toWeights(haystack);
    const CodePoints n = toWeights(needle);
    if (from > h.size() + 1)
        return 0;
    if (n.isEmpty())
        return from;
    const auto it =
        std::search(h.begin() + (from - 1), h.end(), std::boyer_moore_searcher(n.begin(), n.end()));
    return it == h.end() ? 0 : (it - h.begin()) + 1;
}

QString upper(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (const char32_t c : toCodePoints(s)) {
        const char32_t u = c == 0x00DF ? c : QChar::toUpper(c);
        out += QStringView(QChar::fromUcs4(u));
    }
    return out;
}

QString lower(QStringView s)
{
    QString out;
    out.reserve(s.size());
    for (const char32_t c : toCodePoints(s))
        out += QStringView(QChar::fromUcs4(QChar::toLower(c)));
    return out;
}

} // namespace weft::expr::detail::str
