// String functions of the `_function` library, with MySQL's character (not UTF-16) counts.

#include "core/expr/evaluator.h"
#include "core/expr/functions.h"
#include "core/expr/sqlstring.h"

#include <QVarLengthArray>

namespace weft::expr::detail {

namespace {

bool nullResult(Value &out)
{
    out = Value();
    return true;
}

bool anyNull(const Args &a)
{
    for (const Value &v : a) {
        if (v.isNull())
            return true;
    }
    return false;
}

// Results longer than max_allowed_packet are NULL in MySQL (with a warning).
bool tooLong(Evaluator &ev, const Node &n, qsizetype length, Value &out)
{
    if (length <= kMaxStringLength)
        return false;
    ev.warn(n, QStringLiteral("Result of %1() was larger than max_allowed_packet (16777216)")
                   .arg(QLatin1String(functionAt(n.fn).name)));
    out = Value();
    return true;
}

qint64 intArg(Evaluator &ev, const Node &n, int i, const Value &v)
{
    bool truncated = false;
    const qint64 r = toInt(v, &truncated);
    if (truncated)
        ev.warnTruncated(*n.args[size_t(i)], v, "INTEGER");
    return r;
}

} // namespace

bool fnConcat(Evaluator &ev, const Node &n, Value &out)
{
    QString s;
    for (const Node *a : n.args) {
        Value v;
        if (!ev.eval(*a, v))
            return false;
        if (v.isNull())
            return nullResult(out);
        s += toText(v);
        if (tooLong(ev, n, s.size(), out))
            return true;
    }
    out = Value::makeString(std::move(s));
    return true;
}

bool fnConcatWs(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (a[0].isNull())
        return nullResult(out);
    const QString sep = toText(a[0]);
    QString s;
    bool first = true;
    for (qsizetype i = 1; i < a.size(); ++i) {
        if (a[i].isNull())
            continue;
        if (!first)
            s += sep;
        s += toText(a[i]);
        first = false;
        if (tooLong(ev, n, s.size(), out))
            return true;
    }
    out = Value::makeString(std::move(s));
    return true;
}

bool fnTrim(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const int mode = (n.flags >> 8) & 3;
    const QString s = toText(a[0]);
    const QString rem = a.size() > 1 ? toText(a[1]) : QStringLiteral(" ");
    QStringView v(s);
    if (!rem.isEmpty()) {
        if (mode & 1) {
            while (v.startsWith(rem))
                v = v.mid(rem.size());
        }
        if (mode & 2) {
            while (v.endsWith(rem))
                v.chop(rem.size());
        }
    }
    out = Value::makeString(v.toString());
    return true;
}

bool fnLtrim(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    const QString s = toText(v);
    qsizetype i = 0;
    while (i < s.size() && s[i] == QLatin1Char(' '))
        ++i;
    out = Value::makeString(s.mid(i));
    return true;
}

bool fnRtrim(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    QString s = toText(v);
    qsizetype end = s.size();
    while (end > 0 && s[end - 1] == QLatin1Char(' '))
        --end;
    s.truncate(end);
    out = Value::makeString(s);
    return true;
}

bool fnReplace(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    QString s = toText(a[0]);
    const QString from = toText(a[1]);
    const QString to = toText(a[2]);
    if (!from.isEmpty()) {
        // Bound the result before building it: REPLACE of a long text can explode.
        const qsizetype count = s.count(from);
        if (tooLong(ev, n, s.size() + count * (to.size() - from.size()), out))
            return true;
        s.replace(from, to, Qt::CaseSensitive);
    }
    out = Value::makeString(s);
    return true;
}

bool fnSubstring(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const QString s = toText(a[0]);
    const qint64 pos = intArg(ev, n, 1, a[1]);
    const qint64 len = a.size() > 2 ? intArg(ev, n, 2, a[2]) : std::numeric_limits<qint64>::max();
    const qint64 chars = str::codePointCount(s);
    qint64 start;
    if (pos > 0)
        start = pos - 1;
    else if (pos < 0)
        start = chars + pos;
    else
        start = chars; // position 0 gives ''
    if (len <= 0 || start < 0 || start >= chars) {
        out = Value::makeString(QString());
        return true;
    }
    out = Value::makeString(str::midCodePoints(s, start, std::min(len, chars - start)).toString());
    return true;
}

bool fnLeft(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const qint64 len = intArg(ev, n, 1, a[1]);
    const QString s = toText(a[0]);
    out = Value::makeString(len <= 0 ? QString() : str::midCodePoints(s, 0, len).toString());
    return true;
}

bool fnRight(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const qint64 len = intArg(ev, n, 1, a[1]);
    const QString s = toText(a[0]);
    const qint64 chars = str::codePointCount(s);
    if (len <= 0)
        out = Value::makeString(QString());
    else
        out = Value::makeString(str::midCodePoints(s, std::max<qint64>(0, chars - len)).toString());
    return true;
}

bool fnLocate(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const qint64 from = a.size() > 2 ? intArg(ev, n, 2, a[2]) : 1;
    out = Value::makeInt(str::locate(toText(a[1]), toText(a[0]), from));
    return true;
}

bool fnInstr(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    out = Value::makeInt(str::locate(toText(a[0]), toText(a[1]), 1));
    return true;
}

/// A function of one text argument: NULL gives NULL, anything else is taken as text.
template <typename Apply>
bool ofText(Evaluator &ev, const Node &n, Value &out, Apply apply)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    out = v.isNull() ? Value() : apply(toText(v));
    return true;
}

bool fnUpper(Evaluator &ev, const Node &n, Value &out)
{
    return ofText(ev, n, out, [](const QString &t) { return Value::makeString(str::upper(t)); });
}

bool fnLower(Evaluator &ev, const Node &n, Value &out)
{
    return ofText(ev, n, out, [](const QString &t) { return Value::makeString(str::lower(t)); });
}

bool fnLength(Evaluator &ev, const Node &n, Value &out)
{
    return ofText(ev, n, out, [](const QString &t) { return Value::makeInt(str::utf8Length(t)); });
}

bool fnCharLength(Evaluator &ev, const Node &n, Value &out)
{
    return ofText(ev, n, out,
                  [](const QString &t) { return Value::makeInt(str::codePointCount(t)); });
}

static bool pad(Evaluator &ev, const Node &n, Value &out, bool left)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const QString s = toText(a[0]);
    const qint64 len = intArg(ev, n, 1, a[1]);
    const QString padText = toText(a[2]);
    if (len < 0)
        return nullResult(out);
    const qint64 chars = str::codePointCount(s);
    if (chars >= len) {
        out = Value::makeString(str::midCodePoints(s, 0, len).toString());
        return true;
    }
    if (padText.isEmpty())
        return nullResult(out);
    if (tooLong(ev, n, len, out))
        return true;
    const qint64 padChars = str::codePointCount(padText);
    qint64 need = len - chars;
    QString fill;
    fill.reserve(qsizetype(need) * (padText.size() / std::max<qint64>(padChars, 1) + 1));
    while (need >= padChars) {
        fill += padText;
        need -= padChars;
    }
    fill += str::midCodePoints(padText, 0, need);
    out = Value::makeString(left ? fill + s : s + fill);
    return true;
}

bool fnLpad(Evaluator &ev, const Node &n, Value &out)
{
    return pad(ev, n, out, true);
}
bool fnRpad(Evaluator &ev, const Node &n, Value &out)
{
    return pad(ev, n, out, false);
}

bool fnReverse(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    const QString s = toText(v);
    QString r;
    r.reserve(s.size());
    for (qsizetype i = s.size(); i > 0;) {
        --i;
        if (s[i].isLowSurrogate() && i > 0 && s[i - 1].isHighSurrogate()) {
            r += s[i - 1];
            r += s[i];
            --i;
        } else {
            r += s[i];
        }
    }
    out = Value::makeString(r);
    return true;
}

bool fnRepeat(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const QString s = toText(a[0]);
    const qint64 count = intArg(ev, n, 1, a[1]);
    if (count <= 0 || s.isEmpty()) {
        out = Value::makeString(QString());
        return true;
    }
    if (count > kMaxStringLength || tooLong(ev, n, s.size() * count, out)) {
        if (count > kMaxStringLength)
            tooLong(ev, n, kMaxStringLength + 1, out);
        return true;
    }
    out = Value::makeString(s.repeated(count));
    return true;
}

bool fnSpace(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    const qint64 count = intArg(ev, n, 0, v);
    if (tooLong(ev, n, count, out))
        return true;
    out = Value::makeString(QString(qsizetype(std::max<qint64>(count, 0)), QLatin1Char(' ')));
    return true;
}

bool fnSubstringIndex(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const QString s = toText(a[0]);
    const QString delim = toText(a[1]);
    const qint64 count = intArg(ev, n, 2, a[2]);
    if (delim.isEmpty() || count == 0) {
        out = Value::makeString(QString());
        return true;
    }
    if (count > 0) {
        qsizetype at = -delim.size();
        for (qint64 k = 0; k < count; ++k) {
            at = s.indexOf(delim, at + delim.size());
            if (at < 0) {
                out = Value::makeString(s);
                return true;
            }
        }
        out = Value::makeString(s.left(at));
    } else {
        qsizetype at = s.size();
        for (qint64 k = 0; k > count; --k) {
            if (at == 0) {
                at = -1;
                break;
            }
            at = s.lastIndexOf(delim, at - 1);
            if (at < 0)
                break;
        }
        out = Value::makeString(at < 0 ? s : s.mid(at + delim.size()));
    }
    return true;
}

bool fnFormat(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (a[0].isNull() || a[1].isNull())
        return nullResult(out);
    const int digits = int(std::clamp<qint64>(toInt(a[1]), 0, 30));
    auto d = toDecimal(numericOperand(ev, n, a[0]));
    auto r = d ? dec::round(*d, digits, false) : std::nullopt;
    if (!r)
        return ev.fail(n, QStringLiteral("DECIMAL value is out of range in FORMAT"),
                       QStringLiteral("the number has more than 38 digits"));
    r->display = digits;
    QString text = dec::toString(*r);
    const bool negative = text.startsWith(QLatin1Char('-'));
    if (negative)
        text.remove(0, 1);
    const qsizetype point = text.indexOf(QLatin1Char('.'));
    qsizetype intEnd = point < 0 ? text.size() : point;
    for (qsizetype i = intEnd - 3; i > 0; i -= 3)
        text.insert(i, QLatin1Char(','));
    if (negative)
        text.prepend(QLatin1Char('-'));
    out = Value::makeString(text);
    return true;
}

} // namespace weft::expr::detail
