#include "core/expr/evaluator.h"

#include "core/expr/functions.h"
#include "core/expr/lookup.h"
#include "core/expr/sqlstring.h"

#include <cmath>
#include <limits>

namespace weft::expr::detail {

Value mergeResult(const Node &n, const Value &chosen)
{
    StaticType type = n.branchType;
    if (n.dynamicBranch)
        type = mergeTypes(type, staticTypeOf(chosen));
    return castTo(chosen, type);
}

namespace {

bool evalCase(Evaluator &ev, const Node &n, Value &out)
{
    const bool hasOperand = n.flags & kHasOperand;
    const bool hasElse = n.flags & kHasElse;
    size_t i = 0;
    Value operand;
    if (hasOperand && !ev.eval(*n.args[i++], operand))
        return false;
    const size_t pairsEnd = n.args.size() - (hasElse ? 1 : 0);
    for (; i + 2 <= pairsEnd; i += 2) {
        Value when;
        if (!ev.eval(*n.args[i], when))
            return false;
        bool match;
        if (hasOperand) {
            const auto c = compareValues(operand, when);
            match = c && *c == 0;
        } else {
            match = !when.isNull() && toBool(when);
        }
        if (match) {
            Value v;
            if (!ev.eval(*n.args[i + 1], v))
                return false;
            out = mergeResult(n, v);
            return true;
        }
    }
    if (hasElse) {
        Value v;
        if (!ev.eval(*n.args.back(), v))
            return false;
        out = mergeResult(n, v);
        return true;
    }
    out = Value();
    return true;
}

bool evalCast(Evaluator &ev, const Node &n, const Value &v, Value &out)
{
    const CastSpec &c = n.cast;
    if (v.isNull()) {
        out = Value();
        return true;
    }
    switch (c.to) {
    case CastSpec::To::Signed:
    case CastSpec::To::Unsigned: {
        // val_int(): DECIMAL rounds half away from zero, DOUBLE half to even, text truncates.
        bool truncated = false;
        const qint64 i = toInt(v, &truncated);
        if (truncated)
            ev.warnTruncated(n, v, "INTEGER");
        if (c.to == CastSpec::To::Unsigned && i < 0)
            return ev.fail(n,
                           QStringLiteral("CAST of a negative number to UNSIGNED is not "
                                          "supported"),
                           QStringLiteral("use SIGNED"));
        out = Value::makeInt(i);
        return true;
    }
    case CastSpec::To::Decimal: {
        auto d = toDecimal(v);
        if (!d)
            return ev.fail(n, QStringLiteral("DECIMAL value is out of range"),
                           QStringLiteral("the number has more than 38 digits"));
        auto r = dec::round(*d, c.scale, false);
        if (!r)
            return ev.fail(n, QStringLiteral("DECIMAL value is out of range"),
                           QStringLiteral("the number has more than 38 digits"));
        // Values beyond DECIMAL(p,s) clamp to its largest value, as MySQL does.
        Decimal limit;
        limit.mant = 1;
        for (int k = 0; k < std::min(c.precision, 38); ++k)
            limit.mant *= 10;
        limit.mant -= 1;
        limit.scale = limit.display = c.scale;
        if (dec::compareExact(dec::abs(*r), limit) > 0)
            *r = dec::sign(*r) < 0 ? dec::negate(limit) : limit;
        r->display = c.scale;
        out = Value::makeDecimal(*r);
        return true;
    }
    case CastSpec::To::Double:
        out = Value::makeDouble(toDouble(v));
        return true;
    case CastSpec::To::Char: {
        QString s = toText(v);
        if (c.length >= 0)
            s = str::midCodePoints(s, 0, c.length).toString();
        out = Value::makeString(s);
        return true;
    }
    case CastSpec::To::Date:
    case CastSpec::To::DateTime:
        return castToTemporal(ev, n, v, c.to == CastSpec::To::DateTime, out);
    }
    return true;
}

bool evalFind(Evaluator &ev, const Node &n, Value &out)
{
    auto v = evaluateFind(n, ev.ctx, &ev.error);
    if (!v)
        return false;
    out = fromJson(*v, false);
    return true;
}

} // namespace

std::optional<QJsonValue> evaluateFind(const Node &n, const EvalContext &ctx, ExprError *error)
{
    LookupProvider *provider = ctx.lookupProvider();
    const FindClause &f = *n.find;
    if (!provider) {
        if (error)
            *error = {QStringLiteral("no lookup data for _findCollection from %1").arg(f.scheme),
                      n.pos, n.len,
                      QStringLiteral("lookups read the records scheme '%1' stored; run it "
                                     "first, or load sample records in a preview")
                          .arg(f.scheme)};
        return std::nullopt;
    }
    QList<QPair<QString, QJsonValue>> conditions;
    conditions.reserve(f.conditions.size());
    for (const FindCondition &c : f.conditions) {
        auto v = evaluateTemplate(c.value, ctx, error);
        if (!v)
            return std::nullopt;
        conditions.append({c.field, *v});
    }
    ExprError e;
    const QJsonValue r = provider->find(f.scheme, f.field, conditions, &e);
    if (!e.isEmpty()) {
        if (e.position < 0) {
            e.position = n.pos;
            e.length = n.len;
        }
        if (error)
            *error = e;
        return std::nullopt;
    }
    return r;
}

bool Evaluator::fail(const Node &n, const QString &message, const QString &suggestion)
{
    error = {message, n.pos, n.len, suggestion};
    return false;
}

void Evaluator::warn(const Node &n, const QString &message)
{
    if (QList<ExprError> *sink = ctx.warnings())
        sink->append({message, n.pos, n.len, {}});
}

void Evaluator::warnTruncated(const Node &n, const Value &v, const char *type)
{
    if (ctx.warnings())
        warn(n, QStringLiteral("Truncated incorrect %1 value: '%2'")
                    .arg(QLatin1String(type), toText(v)));
}

bool Evaluator::evalArgs(const Node &n, Args &out)
{
    out.resize(qsizetype(n.args.size()));
    for (size_t i = 0; i < n.args.size(); ++i) {
        if (!eval(*n.args[i], out[qsizetype(i)]))
            return false;
    }
    return true;
}

// eval() recurses once per tree level, so it only dispatches: each operator has its own
// function, and the recursion's stack frame stays small (a deep `a+b+c+…` must fit).
namespace {

Q_NEVER_INLINE bool evalField(Evaluator &ev, const Node &n, Value &out)
{
    const auto v = evaluateFieldRef(*n.field, ev.ctx, &ev.error);
    if (!v)
        return false;
    out = fromJson(*v, true);
    return true;
}

Q_NEVER_INLINE bool evalTemplate(Evaluator &ev, const Node &n, Value &out)
{
    QString text;
    if (!appendTemplateText(n.parts, ev.ctx, text, &ev.error))
        return false;
    out = Value::makeString(std::move(text));
    return true;
}

Q_NEVER_INLINE bool evalUnary(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (n.op == Op::Not) {
        out = v.isNull() ? Value() : Value::makeInt(toBool(v) ? 0 : 1);
        return true;
    }
    if (v.kind == Kind::String || v.kind == Kind::Json)
        v = numericOperand(ev, n, v);
    out = *negateValue(v);
    return true;
}

Q_NEVER_INLINE bool evalArithmetic(Evaluator &ev, const Node &n, Value &out)
{
    Value a, b;
    if (!ev.eval(*n.args[0], a) || !ev.eval(*n.args[1], b))
        return false;
    return arithmetic(ev, n, n.op, a, b, out);
}

Q_NEVER_INLINE bool evalComparison(Evaluator &ev, const Node &n, Value &out)
{
    Value a, b;
    if (!ev.eval(*n.args[0], a) || !ev.eval(*n.args[1], b))
        return false;
    const auto c = compareValues(a, b);
    if (n.op == Op::NullSafeEq) {
        out = Value::makeInt(c ? (*c == 0) : (a.isNull() && b.isNull()));
        return true;
    }
    if (!c) {
        out = Value();
        return true;
    }
    bool r = false;
    switch (n.op) {
    case Op::Eq:
        r = *c == 0;
        break;
    case Op::Ne:
        r = *c != 0;
        break;
    case Op::Lt:
        r = *c < 0;
        break;
    case Op::Le:
        r = *c <= 0;
        break;
    case Op::Gt:
        r = *c > 0;
        break;
    default:
        r = *c >= 0;
        break;
    }
    out = Value::makeInt(r ? 1 : 0);
    return true;
}

Q_NEVER_INLINE bool evalLogic(Evaluator &ev, const Node &n, Value &out)
{
    Value a;
    if (!ev.eval(*n.args[0], a))
        return false;
    if (n.op == Op::Xor) {
        Value b;
        if (!ev.eval(*n.args[1], b))
            return false;
        out = (a.isNull() || b.isNull()) ? Value() : Value::makeInt(toBool(a) != toBool(b) ? 1 : 0);
        return true;
    }
    // Three-valued logic with short circuit: 0 AND x is 0, 1 OR x is 1.
    const bool isAnd = n.op == Op::And;
    if (!a.isNull() && toBool(a) != isAnd) {
        out = Value::makeInt(isAnd ? 0 : 1);
        return true;
    }
    Value b;
    if (!ev.eval(*n.args[1], b))
        return false;
    if (!b.isNull() && toBool(b) != isAnd) {
        out = Value::makeInt(isAnd ? 0 : 1);
        return true;
    }
    out = (a.isNull() || b.isNull()) ? Value() : Value::makeInt(isAnd ? 1 : 0);
    return true;
}

Q_NEVER_INLINE bool evalIs(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    bool r;
    if (n.flags & kIsNull)
        r = v.isNull();
    else if (n.flags & kIsTrue)
        r = !v.isNull() && toBool(v);
    else
        r = !v.isNull() && !toBool(v);
    if (n.flags & kNegated)
        r = !r;
    out = Value::makeInt(r ? 1 : 0);
    return true;
}

Q_NEVER_INLINE bool evalLike(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    if (a[0].isNull() || a[1].isNull() || (a.size() > 2 && a[2].isNull())) {
        out = Value();
        return true;
    }
    char32_t escape = U'\\';
    if (a.size() > 2) {
        const QString e = toText(a[2]);
        if (e.size() > 1)
            return ev.fail(*n.args[2], QStringLiteral("ESCAPE takes one character"),
                           QStringLiteral("e.g. ESCAPE '|'"));
        escape = e.isEmpty() ? U'\\' : e.at(0).unicode();
    }
    const auto r = str::like(toText(a[0]), toText(a[1]), escape);
    if (!r)
        return ev.fail(n, QStringLiteral("LIKE pattern too complex for a text this long"),
                       QStringLiteral("use fewer % wildcards or a shorter text"));
    out = Value::makeInt(*r != bool(n.flags & kNegated) ? 1 : 0);
    return true;
}

Q_NEVER_INLINE bool evalIn(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    if (v.isNull()) {
        out = Value();
        return true;
    }
    bool sawNull = false;
    for (size_t i = 1; i < n.args.size(); ++i) {
        Value c;
        if (!ev.eval(*n.args[i], c))
            return false;
        const auto r = compareValues(v, c);
        if (!r) {
            sawNull = true;
        } else if (*r == 0) {
            out = Value::makeInt((n.flags & kNegated) ? 0 : 1);
            return true;
        }
    }
    out = sawNull ? Value() : Value::makeInt((n.flags & kNegated) ? 1 : 0);
    return true;
}

Q_NEVER_INLINE bool evalBetween(Evaluator &ev, const Node &n, Value &out)
{
    Args a;
    if (!ev.evalArgs(n, a))
        return false;
    const auto low = compareValues(a[0], a[1]);
    const auto high = compareValues(a[0], a[2]);
    // x BETWEEN l AND h is x >= l AND x <= h, NULLs included.
    const bool lowFalse = low && *low < 0;
    const bool highFalse = high && *high > 0;
    if (lowFalse || highFalse)
        out = Value::makeInt((n.flags & kNegated) ? 1 : 0);
    else if (!low || !high)
        out = Value();
    else
        out = Value::makeInt((n.flags & kNegated) ? 0 : 1);
    return true;
}

Q_NEVER_INLINE bool evalCastNode(Evaluator &ev, const Node &n, Value &out)
{
    Value v;
    if (!ev.eval(*n.args[0], v))
        return false;
    return evalCast(ev, n, v, out);
}

} // namespace

bool Evaluator::eval(const Node &n, Value &out)
{
    switch (n.op) {
    case Op::Literal:
        out = n.literal;
        return true;
    case Op::Field:
        return evalField(*this, n, out);
    case Op::StringTemplate:
        return evalTemplate(*this, n, out);
    case Op::Neg:
    case Op::Not:
        return evalUnary(*this, n, out);
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::IntDiv:
    case Op::Mod:
        return evalArithmetic(*this, n, out);
    case Op::Eq:
    case Op::Ne:
    case Op::Lt:
    case Op::Le:
    case Op::Gt:
    case Op::Ge:
    case Op::NullSafeEq:
        return evalComparison(*this, n, out);
    case Op::And:
    case Op::Or:
    case Op::Xor:
        return evalLogic(*this, n, out);
    case Op::Is:
        return evalIs(*this, n, out);
    case Op::Like:
        return evalLike(*this, n, out);
    case Op::In:
        return evalIn(*this, n, out);
    case Op::Between:
        return evalBetween(*this, n, out);
    case Op::Case:
        return evalCase(*this, n, out);
    case Op::Call:
        return functionAt(n.fn).impl(*this, n, out);
    case Op::Cast:
        return evalCastNode(*this, n, out);
    case Op::DateAdd:
        return evalDateAdd(*this, n, out);
    case Op::Find:
        return evalFind(*this, n, out);
    }
    return fail(n, QStringLiteral("internal error: unknown node"));
}

std::optional<int> compareValues(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull())
        return std::nullopt;
    auto sign = [](auto x, auto y) { return x < y ? -1 : (x > y ? 1 : 0); };
    const bool aText = a.kind == Kind::String || a.kind == Kind::Json;
    const bool bText = b.kind == Kind::String || b.kind == Kind::Json;
    if (aText && bText)
        return str::compareCi(toText(a), toText(b));
    if (a.isTemporal() || b.isTemporal()) {
        const Value &other = a.isTemporal() ? b : a;
        if (other.isTemporal() || other.kind == Kind::String) {
            const auto da = toDateTime(a);
            const auto db = toDateTime(b);
            if (da && db) {
                const qint64 sa = dt::toEpochSeconds(*da), sb = dt::toEpochSeconds(*db);
                if (sa != sb)
                    return sign(sa, sb);
                return sign(da->micro, db->micro);
            }
            return str::compareCi(toText(a), toText(b));
        }
        return sign(toDouble(a), toDouble(b));
    }
    if (a.kind == Kind::Int && b.kind == Kind::Int)
        return sign(a.i, b.i);
    if (aText || bText || a.kind == Kind::Double || b.kind == Kind::Double)
        return sign(toDouble(a), toDouble(b));
    const auto da = toDecimal(a);
    const auto db = toDecimal(b);
    if (!da || !db)
        return sign(toDouble(a), toDouble(b));
    return dec::compare(*da, *db);
}

} // namespace weft::expr::detail
