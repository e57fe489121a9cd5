// Aggregates over an array field or the detail rows of a document, and value maps.

#include "core/expr/evaluator.h"
#include "core/expr/functions.h"
#include "core/expr/valuemaps.h"
#include "core/util/textdistance.h"

#include <QJsonArray>

namespace weft::expr::detail {

namespace {

using K = StaticType::K;

const QString kOutOfRangeHint = QStringLiteral("the result does not fit; check the operands");

bool nullResult(Value &out)
{
    out = Value();
    return true;
}

// ---- aggregates over an array field or the rows of a document ------------------------

bool collect(Evaluator &ev, const Node &n, QList<Value> &values)
{
    const Node &arg = *n.args[0];
    const QList<QJsonObject> *rows = ev.ctx.listRows();
    if (arg.usesList && rows) {
        // SUM({{list.qty}}): the argument once per detail row, like SQL's GROUP BY.
        EvalContext rowCtx = ev.ctx;
        for (const QJsonObject &row : *rows) {
            rowCtx.setListRow(&row);
            Evaluator inner(rowCtx);
            Value v;
            if (!inner.eval(arg, v)) {
                ev.error = inner.error;
                return false;
            }
            values.append(v);
        }
        return true;
    }
    Value v;
    if (!ev.eval(arg, v))
        return false;
    if (v.kind == Kind::Json && v.json.isArray()) {
        for (const QJsonValue &e : v.json.toArray())
            values.append(fromJson(e, false));
    } else {
        values.append(v);
    }
    return true;
}

bool sumImpl(Evaluator &ev, const Node &n, const QList<Value> &values, Value &out, qint64 *count)
{
    bool anyDouble = false, anyDecimal = false;
    *count = 0;
    for (const Value &v : values) {
        if (v.isNull())
            continue;
        ++*count;
        if (v.kind == Kind::Double || v.kind == Kind::String || v.kind == Kind::Json)
            anyDouble = true;
        else if (v.kind == Kind::Decimal || (v.kind == Kind::DateTime && v.dt.fsp > 0))
            anyDecimal = true;
    }
    if (*count == 0)
        return nullResult(out);
    if (anyDouble) {
        double s = 0;
        int decimals = 0;
        for (const Value &v : values) {
            if (v.isNull())
                continue;
            s += toDouble(numericOperand(ev, n, v));
            const int d = doubleDecimals(v);
            decimals = (d < 0 || decimals < 0) ? -1 : std::max(decimals, d);
        }
        out = Value::makeDouble(s, decimals);
        return true;
    }
    Decimal s;
    for (const Value &v : values) {
        if (v.isNull())
            continue;
        auto d = toDecimal(numericOperand(ev, n, v));
        auto r = d ? dec::add(s, *d) : std::nullopt;
        if (!r)
            return ev.fail(n, QStringLiteral("DECIMAL value is out of range in SUM"),
                           kOutOfRangeHint);
        s = *r;
    }
    auto i = dec::toInt(s);
    if (!anyDecimal && i)
        out = Value::makeInt(*i);
    else
        out = Value::makeDecimal(s);
    return true;
}

bool minMax(Evaluator &ev, const Node &n, Value &out, int want)
{
    QList<Value> values;
    if (!collect(ev, n, values))
        return false;
    const Value *best = nullptr;
    StaticType type{K::Null, 0};
    for (const Value &v : values) {
        if (v.isNull())
            continue;
        type = mergeTypes(type, staticTypeOf(v));
        if (!best || compareValues(v, *best).value_or(0) == want)
            best = &v;
    }
    out = best ? castTo(*best, type) : Value();
    return true;
}

} // namespace

bool fnSum(Evaluator &ev, const Node &n, Value &out)
{
    QList<Value> values;
    qint64 count = 0;
    return collect(ev, n, values) && sumImpl(ev, n, values, out, &count);
}

bool fnAvg(Evaluator &ev, const Node &n, Value &out)
{
    QList<Value> values;
    qint64 count = 0;
    Value sum;
    if (!collect(ev, n, values) || !sumImpl(ev, n, values, sum, &count))
        return false;
    if (sum.isNull())
        return nullResult(out);
    if (sum.kind == Kind::Double) {
        out = Value::makeDouble(sum.d / double(count),
                                sum.decimals < 0 ? -1 : sum.decimals + kDivPrecisionIncrement);
        return true;
    }
    auto s = toDecimal(sum);
    auto r = s ? dec::div(*s, dec::fromInt(count)) : std::nullopt;
    if (!r)
        return ev.fail(n, QStringLiteral("DECIMAL value is out of range in AVG"), kOutOfRangeHint);
    out = Value::makeDecimal(*r);
    return true;
}

bool fnCount(Evaluator &ev, const Node &n, Value &out)
{
    if (n.flags & kCountStar) {
        const QList<QJsonObject> *rows = ev.ctx.listRows();
        out = Value::makeInt(rows ? rows->size() : 1);
        return true;
    }
    QList<Value> values;
    if (!collect(ev, n, values))
        return false;
    qint64 count = 0;
    for (const Value &v : values)
        count += v.isNull() ? 0 : 1;
    out = Value::makeInt(count);
    return true;
}

bool fnMin(Evaluator &ev, const Node &n, Value &out)
{
    return minMax(ev, n, out, -1);
}

bool fnMax(Evaluator &ev, const Node &n, Value &out)
{
    return minMax(ev, n, out, 1);
}

// ---- value maps ---------------------------------------------------------------------

bool fnMap(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    const ValueMaps *maps = ev.ctx.valueMaps();
    const QString name = toText(a[0]);
    if (!maps || !maps->contains(name)) {
        const QStringList names = maps ? maps->names() : QStringList();
        const QString nearest = nearestName(name, names);
        return ev.fail(
            n, QStringLiteral("unknown value map '%1'").arg(name),
            !nearest.isEmpty()
                ? QStringLiteral("did you mean '%1'?").arg(nearest)
                : (names.isEmpty()
                       ? QStringLiteral("define it in the project's value maps")
                       : QStringLiteral("maps are: %1").arg(names.join(QStringLiteral(", ")))));
    }
    if (a[1].isNull())
        return nullResult(out);
    const QJsonValue v = maps->value(name, toText(a[1]));
    if (v.isUndefined()) {
        out = a.size() > 2 ? a[2] : Value();
        return true;
    }
    out = fromJson(v, false);
    return true;
}

} // namespace weft::expr::detail
