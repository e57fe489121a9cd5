#include "core/expr/functions.h"

#include "core/expr/evaluator.h"
#include "core/expr/valuemaps.h"
#include "core/util/textdistance.h"

#include <QHash>
#include <QJsonArray>
#include <cmath>
#include <limits>

namespace weft::expr::detail {

namespace {

using K = StaticType::K;

const QString kOutOfRangeHint = QStringLiteral("the result does not fit; check the operands");

StaticType typeString(Node &)
{
    return {K::String, 0};
}
StaticType typeInt(Node &)
{
    return {K::Int, 0};
}
StaticType typeDouble(Node &)
{
    return {K::Double, -1};
}
StaticType typeDate(Node &)
{
    return {K::Date, 0};
}

// The merged type of the branches [from, to) of a node (IF, IFNULL, COALESCE…).
StaticType mergeBranches(Node &n, size_t from, size_t to)
{
    StaticType merged{K::Null, 0};
    bool dynamic = false;
    for (size_t i = from; i < to && i < n.args.size(); ++i) {
        const StaticType t = n.args[i]->type;
        if (t.kind == K::Dynamic)
            dynamic = true;
        else
            merged = mergeTypes(merged, t);
    }
    n.branchType = merged;
    n.dynamicBranch = dynamic;
    return dynamic ? StaticType{} : merged;
}

StaticType typeIf(Node &n)
{
    return mergeBranches(n, 1, 3);
}
StaticType typeAll(Node &n)
{
    return mergeBranches(n, 0, n.args.size());
}
StaticType typeFirst(Node &n)
{
    n.branchType = n.args.empty() ? StaticType{} : n.args[0]->type;
    n.dynamicBranch = n.branchType.kind == K::Dynamic;
    return n.branchType;
}

StaticType typeGreatest(Node &n)
{
    // MariaDB compares a mix of numbers and strings as numbers and answers a DOUBLE.
    bool anyString = false, anyNumber = false;
    for (Node *a : n.args) {
        const K k = a->type.kind;
        anyString = anyString || k == K::String || k == K::Json;
        anyNumber = anyNumber || k == K::Int || k == K::Decimal || k == K::Double;
    }
    if (anyString && anyNumber) {
        n.branchType = {K::Double, -1};
        n.dynamicBranch = false;
        return n.branchType;
    }
    return typeAll(n);
}

// ROUND/TRUNCATE/ABS/FLOOR/CEIL keep the argument's numeric type; strings become DOUBLE.
StaticType typeNumericArg(Node &n)
{
    const StaticType t = n.args.empty() ? StaticType{} : n.args[0]->type;
    switch (t.kind) {
    case K::Int:
    case K::Decimal:
    case K::Double:
    case K::Null:
    case K::Dynamic:
        return t;
    case K::Date:
    case K::DateTime:
        return {K::Int, 0};
    default:
        return {K::Double, -1};
    }
}

// Fraction digits ROUND(double, d) prints with: d, 0 for negative d, none past 30.
int roundedDecimals(qint64 d)
{
    return d < 0 ? 0 : (d <= 30 ? int(d) : -1);
}

StaticType typeRound(Node &n)
{
    StaticType t = typeNumericArg(n);
    if (t.kind == K::Decimal) {
        int digits = 0;
        if (n.args.size() > 1) {
            const Node *d = n.args[1];
            if (d->op != Op::Literal)
                return {};
            digits = int(toInt(d->literal));
        }
        t.scale = std::clamp(digits, 0, kMaxDecimalScale);
    } else if (t.kind == K::Double) {
        if (n.args.size() < 2)
            t.scale = 0;
        else if (n.args[1]->op != Op::Literal)
            t.scale = -1;
        else
            t.scale = roundedDecimals(toInt(n.args[1]->literal));
    }
    return t;
}

StaticType typeFloor(Node &n)
{
    const StaticType t = typeNumericArg(n);
    return t.kind == K::Decimal ? StaticType{K::Int, 0} : t;
}

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

// ---- control flow -------------------------------------------------------------------

bool fnIf(Evaluator &ev, const Node &n, Value &out)
{
    Value c;
    if (!ev.eval(*n.args[0], c))
        return false;
    Value v;
    if (!ev.eval(*n.args[!c.isNull() && toBool(c) ? 1 : 2], v))
        return false;
    out = mergeResult(n, v);
    return true;
}

bool fnCoalesce(Evaluator &ev, const Node &n, Value &out)
{
    for (const Node *a : n.args) {
        Value v;
        if (!ev.eval(*a, v))
            return false;
        if (!v.isNull()) {
            out = mergeResult(n, v);
            return true;
        }
    }
    return nullResult(out);
}

bool fnNullIf(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    const auto c = compareValues(a[0], a[1]);
    out = (c && *c == 0) ? Value() : a[0];
    return true;
}

bool fnIsNull(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    out = Value::makeInt(v.isNull() ? 1 : 0);
    return true;
}

bool greatestOrLeast(Evaluator &ev, const Node &n, Value &out, int want)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const bool asNumbers = n.branchType.kind == K::Double && !n.dynamicBranch;
    qsizetype best = 0;
    for (qsizetype i = 1; i < a.size(); ++i) {
        int c;
        if (asNumbers) {
            const double x = toDouble(a[i]), y = toDouble(a[best]);
            c = x < y ? -1 : (x > y ? 1 : 0);
        } else {
            c = compareValues(a[i], a[best]).value_or(0);
        }
        if (c == want)
            best = i;
    }
    out = mergeResult(n, a[best]);
    return true;
}

bool fnGreatest(Evaluator &ev, const Node &n, Value &out)
{
    return greatestOrLeast(ev, n, out, 1);
}
bool fnLeast(Evaluator &ev, const Node &n, Value &out)
{
    return greatestOrLeast(ev, n, out, -1);
}

// ---- numbers ------------------------------------------------------------------------

double roundDouble(double value, qint64 dec, bool truncate)
{
    // my_double_round() of MariaDB, including its pre-computed divisions.
    const bool negative = dec < 0;
    const qint64 absDec = negative ? -dec : dec;
    const double tmp = std::pow(10.0, double(std::min<qint64>(absDec, 400)));
    volatile double divided = value / tmp;
    volatile double multiplied = value * tmp;
    if (negative && std::isinf(tmp))
        return 0.0;
    if (!negative && std::isinf(multiplied))
        return value;
    if (truncate) {
        if (value >= 0)
            return negative ? std::floor(divided) * tmp : std::floor(multiplied) / tmp;
        return negative ? std::ceil(divided) * tmp : std::ceil(multiplied) / tmp;
    }
    return negative ? std::rint(divided) * tmp : std::rint(multiplied) / tmp;
}

bool roundImpl(Evaluator &ev, const Node &n, Value &out, bool truncate)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const qint64 digits = a.size() > 1 ? std::clamp<qint64>(toInt(a[1]), -1000, 1000) : 0;
    Value x = numericOperand(ev, *n.args[0], a[0]);
    switch (x.kind) {
    case Kind::Int: {
        if (digits >= 0) {
            out = x;
            return true;
        }
        if (digits < -18) {
            out = Value::makeInt(0);
            return true;
        }
        auto r = dec::round(dec::fromInt(x.i), int(digits), truncate);
        auto i = r ? dec::toInt(*r) : std::nullopt;
        if (!i)
            return ev.fail(n, QStringLiteral("BIGINT value is out of range in ROUND"),
                           kOutOfRangeHint);
        out = Value::makeInt(*i);
        return true;
    }
    case Kind::Decimal: {
        auto r =
            dec::round(x.dec, int(std::clamp<qint64>(digits, -100, kMaxDecimalScale)), truncate);
        if (!r)
            return ev.fail(n, QStringLiteral("DECIMAL value is out of range in ROUND"),
                           kOutOfRangeHint);
        out = Value::makeDecimal(*r);
        return true;
    }
    default:
        out =
            Value::makeDouble(roundDouble(toDouble(x), digits, truncate), roundedDecimals(digits));
        return true;
    }
}

bool fnRound(Evaluator &ev, const Node &n, Value &out)
{
    return roundImpl(ev, n, out, false);
}
bool fnTruncate(Evaluator &ev, const Node &n, Value &out)
{
    return roundImpl(ev, n, out, true);
}

bool floorCeil(Evaluator &ev, const Node &n, Value &out, bool ceil)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    const Value x = numericOperand(ev, n, v);
    if (x.kind == Kind::Int) {
        out = x;
    } else if (x.kind == Kind::Decimal) {
        auto r = ceil ? dec::ceil(x.dec) : dec::floor(x.dec);
        auto i = r ? dec::toInt(*r) : std::nullopt;
        out = i ? Value::makeInt(*i) : Value::makeDecimal(*r);
    } else {
        out = Value::makeDouble(ceil ? std::ceil(toDouble(x)) : std::floor(toDouble(x)));
    }
    return true;
}

bool fnFloor(Evaluator &ev, const Node &n, Value &out)
{
    return floorCeil(ev, n, out, false);
}
bool fnCeil(Evaluator &ev, const Node &n, Value &out)
{
    return floorCeil(ev, n, out, true);
}

bool fnAbs(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    const Value x = numericOperand(ev, n, v);
    if (x.kind == Kind::Int) {
        if (x.i == std::numeric_limits<qint64>::min())
            return ev.fail(n, QStringLiteral("BIGINT value is out of range in ABS"),
                           kOutOfRangeHint);
        out = Value::makeInt(x.i < 0 ? -x.i : x.i);
    } else if (x.kind == Kind::Decimal) {
        out = Value::makeDecimal(dec::abs(x.dec));
    } else {
        out = Value::makeDouble(std::fabs(toDouble(x)), x.kind == Kind::Double ? x.decimals : -1);
    }
    return true;
}

bool fnMod(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    return arithmetic(ev, n, Op::Mod, a[0], a[1], out);
}

bool fnSign(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull())
        return nullResult(out);
    const Value x = numericOperand(ev, n, v);
    int s;
    if (x.kind == Kind::Int)
        s = x.i < 0 ? -1 : (x.i > 0 ? 1 : 0);
    else if (x.kind == Kind::Decimal)
        s = dec::sign(x.dec);
    else
        s = toDouble(x) < 0 ? -1 : (toDouble(x) > 0 ? 1 : 0);
    out = Value::makeInt(s);
    return true;
}

bool fnPow(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (anyNull(a))
        return nullResult(out);
    const double r = std::pow(toDouble(a[0]), toDouble(a[1]));
    if (std::isnan(r))
        return nullResult(out);
    if (!std::isfinite(r))
        return ev.fail(n, QStringLiteral("DOUBLE value is out of range in POW"), kOutOfRangeHint);
    out = Value::makeDouble(r);
    return true;
}

bool fnSqrt(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    const double d = toDouble(v);
    if (v.isNull() || d < 0)
        return nullResult(out);
    out = Value::makeDouble(std::sqrt(d));
    return true;
}

// The library. Aliases share an implementation. Keep the names upper case.
const FunctionInfo kFunctions[] = {
    {"IF", 3, 3, fnIf, typeIf, "IF(condition, then, else)"},
    {"IFNULL", 2, 2, fnCoalesce, typeAll, "IFNULL(value, fallback)"},
    {"COALESCE", 1, -1, fnCoalesce, typeAll, "COALESCE(a, b, …)"},
    {"NULLIF", 2, 2, fnNullIf, typeFirst, "NULLIF(a, b)"},
    {"ISNULL", 1, 1, fnIsNull, typeInt, "ISNULL(value)"},
    {"GREATEST", 2, -1, fnGreatest, typeGreatest, "GREATEST(a, b, …)"},
    {"LEAST", 2, -1, fnLeast, typeGreatest, "LEAST(a, b, …)"},
    {"CONCAT", 1, -1, fnConcat, typeString, "CONCAT(a, b, …)"},
    {"CONCAT_WS", 2, -1, fnConcatWs, typeString, "CONCAT_WS(separator, a, b, …)"},
    {"TRIM", 1, 2, fnTrim, typeString, "TRIM([BOTH|LEADING|TRAILING [chars] FROM] text)"},
    {"LTRIM", 1, 1, fnLtrim, typeString, "LTRIM(text)"},
    {"RTRIM", 1, 1, fnRtrim, typeString, "RTRIM(text)"},
    {"REPLACE", 3, 3, fnReplace, typeString, "REPLACE(text, from, to)"},
    {"SUBSTRING", 2, 3, fnSubstring, typeString, "SUBSTRING(text, position[, length])"},
    {"SUBSTR", 2, 3, fnSubstring, typeString, "SUBSTR(text, position[, length])"},
    {"MID", 2, 3, fnSubstring, typeString, "MID(text, position[, length])"},
    {"LEFT", 2, 2, fnLeft, typeString, "LEFT(text, length)"},
    {"RIGHT", 2, 2, fnRight, typeString, "RIGHT(text, length)"},
    {"LOCATE", 2, 3, fnLocate, typeInt, "LOCATE(substring, text[, start])"},
    {"INSTR", 2, 2, fnInstr, typeInt, "INSTR(text, substring)"},
    {"UPPER", 1, 1, fnUpper, typeString, "UPPER(text)"},
    {"UCASE", 1, 1, fnUpper, typeString, "UCASE(text)"},
    {"LOWER", 1, 1, fnLower, typeString, "LOWER(text)"},
    {"LCASE", 1, 1, fnLower, typeString, "LCASE(text)"},
    {"LENGTH", 1, 1, fnLength, typeInt, "LENGTH(text)"},
    {"OCTET_LENGTH", 1, 1, fnLength, typeInt, "OCTET_LENGTH(text)"},
    {"CHAR_LENGTH", 1, 1, fnCharLength, typeInt, "CHAR_LENGTH(text)"},
    {"CHARACTER_LENGTH", 1, 1, fnCharLength, typeInt, "CHARACTER_LENGTH(text)"},
    {"LPAD", 3, 3, fnLpad, typeString, "LPAD(text, length, pad)"},
    {"RPAD", 3, 3, fnRpad, typeString, "RPAD(text, length, pad)"},
    {"REVERSE", 1, 1, fnReverse, typeString, "REVERSE(text)"},
    {"REPEAT", 2, 2, fnRepeat, typeString, "REPEAT(text, count)"},
    {"SPACE", 1, 1, fnSpace, typeString, "SPACE(count)"},
    {"SUBSTRING_INDEX", 3, 3, fnSubstringIndex, typeString,
     "SUBSTRING_INDEX(text, delimiter, count)"},
    {"FORMAT", 2, 3, fnFormat, typeString, "FORMAT(number, decimals)"},
    {"ROUND", 1, 2, fnRound, typeRound, "ROUND(number[, decimals])"},
    {"TRUNCATE", 2, 2, fnTruncate, typeRound, "TRUNCATE(number, decimals)"},
    {"FLOOR", 1, 1, fnFloor, typeFloor, "FLOOR(number)"},
    {"CEIL", 1, 1, fnCeil, typeFloor, "CEIL(number)"},
    {"CEILING", 1, 1, fnCeil, typeFloor, "CEILING(number)"},
    {"ABS", 1, 1, fnAbs, typeNumericArg, "ABS(number)"},
    {"MOD", 2, 2, fnMod, nullptr, "MOD(a, b)"},
    {"SIGN", 1, 1, fnSign, typeInt, "SIGN(number)"},
    {"POW", 2, 2, fnPow, typeDouble, "POW(base, exponent)"},
    {"POWER", 2, 2, fnPow, typeDouble, "POWER(base, exponent)"},
    {"SQRT", 1, 1, fnSqrt, typeDouble, "SQRT(number)"},
    {"SUM", 1, 1, fnSum, nullptr, "SUM({items.qty}) or SUM({{list.qty}})"},
    {"AVG", 1, 1, fnAvg, nullptr, "AVG({items.price})"},
    {"COUNT", 1, 1, fnCount, typeInt, "COUNT({items}) or COUNT(*)"},
    {"MIN", 1, 1, fnMin, nullptr, "MIN({items.price})"},
    {"MAX", 1, 1, fnMax, nullptr, "MAX({items.price})"},
    {"MAP", 2, 3, fnMap, nullptr, "MAP('map name', code[, default])"},
    {"NOW", 0, 1, fnNow, typeNow, "NOW([fraction digits])"},
    {"SYSDATE", 0, 1, fnNow, typeNow, "SYSDATE()"},
    {"CURRENT_TIMESTAMP", 0, 1, fnNow, typeNow, "CURRENT_TIMESTAMP()"},
    {"LOCALTIME", 0, 1, fnNow, typeNow, "LOCALTIME()"},
    {"LOCALTIMESTAMP", 0, 1, fnNow, typeNow, "LOCALTIMESTAMP()"},
    {"CURDATE", 0, 0, fnCurDate, typeDate, "CURDATE()"},
    {"CURRENT_DATE", 0, 0, fnCurDate, typeDate, "CURRENT_DATE()"},
    {"UNIX_TIMESTAMP", 0, 1, fnUnixTimestamp, typeUnixTimestamp, "UNIX_TIMESTAMP([date])"},
    {"FROM_UNIXTIME", 1, 2, fnFromUnixTime, typeFromUnixTime,
     "FROM_UNIXTIME(unix seconds[, format])"},
    {"DATE_FORMAT", 2, 2, fnDateFormat, typeString, "DATE_FORMAT(date, format)"},
    {"STR_TO_DATE", 2, 2, fnStrToDate, typeStrToDate, "STR_TO_DATE(text, format)"},
    {"DATEDIFF", 2, 2, fnDateDiff, typeInt, "DATEDIFF(date1, date2)"},
    {"TIMESTAMPDIFF", 2, 2, fnTimestampDiff, typeInt, "TIMESTAMPDIFF(unit, from, to)"},
    {"DATE", 1, 1, fnDate, typeDate, "DATE(datetime)"},
    {"YEAR", 1, 1, fnDatePart, typeInt, "YEAR(date)"},
    {"QUARTER", 1, 1, fnDatePart, typeInt, "QUARTER(date)"},
    {"MONTH", 1, 1, fnDatePart, typeInt, "MONTH(date)"},
    {"DAY", 1, 1, fnDatePart, typeInt, "DAY(date)"},
    {"DAYOFMONTH", 1, 1, fnDatePart, typeInt, "DAYOFMONTH(date)"},
    {"DAYOFWEEK", 1, 1, fnDatePart, typeInt, "DAYOFWEEK(date)"},
    {"WEEKDAY", 1, 1, fnDatePart, typeInt, "WEEKDAY(date)"},
    {"DAYOFYEAR", 1, 1, fnDatePart, typeInt, "DAYOFYEAR(date)"},
    {"HOUR", 1, 1, fnDatePart, typeInt, "HOUR(datetime)"},
    {"MINUTE", 1, 1, fnDatePart, typeInt, "MINUTE(datetime)"},
    {"SECOND", 1, 1, fnDatePart, typeInt, "SECOND(datetime)"},
    {"MICROSECOND", 1, 1, fnDatePart, typeInt, "MICROSECOND(datetime)"},
    {"LAST_DAY", 1, 1, fnLastDay, typeDate, "LAST_DAY(date)"},
    {"EXTRACT", 1, 1, fnExtract, typeInt, "EXTRACT(unit FROM date)"},
};

const QHash<QString, int> &functionIndex()
{
    static const QHash<QString, int> index = [] {
        QHash<QString, int> h;
        for (int i = 0; i < int(std::size(kFunctions)); ++i)
            h.insert(QLatin1String(kFunctions[i].name), i);
        return h;
    }();
    return index;
}

} // namespace

const FunctionInfo *findFunction(QStringView name, int *index)
{
    const auto &h = functionIndex();
    const auto it = h.constFind(name.toString().toUpper());
    if (it == h.cend())
        return nullptr;
    if (index)
        *index = it.value();
    return &kFunctions[it.value()];
}

const FunctionInfo &functionAt(int index)
{
    return kFunctions[index];
}

QStringList functionNames()
{
    QStringList names;
    for (const FunctionInfo &f : kFunctions)
        names << QLatin1String(f.name);
    return names;
}

} // namespace weft::expr::detail
