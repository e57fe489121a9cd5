// MySQL arithmetic: INT, exact DECIMAL and DOUBLE, with MySQL's rules for which one.

#include "core/expr/evaluator.h"

#include <cmath>
#include <limits>

namespace weft::expr::detail {

namespace {

const char *opSymbol(Op op)
{
    switch (op) {
    case Op::Add:
        return "+";
    case Op::Sub:
        return "-";
    case Op::Mul:
        return "*";
    case Op::Div:
        return "/";
    case Op::IntDiv:
        return "DIV";
    default:
        return "%";
    }
}

} // namespace

// Fraction digits a DOUBLE result of `op` prints with (MariaDB: the operands' maximum,
// the dividend's plus div_precision_increment for /); -1 when an operand has none fixed.
int doubleResultDecimals(Op op, int a, int b)
{
    if (a < 0 || b < 0)
        return -1;
    const int d = op == Op::Div ? a + kDivPrecisionIncrement : std::max(a, b);
    return d <= 30 ? d : -1;
}

Value numericOperand(Evaluator &ev, const Node &n, const Value &v)
{
    switch (v.kind) {
    case Kind::Int:
    case Kind::Decimal:
    case Kind::Double:
    case Kind::Null:
        return v;
    case Kind::Date:
    case Kind::DateTime:
        if (v.kind == Kind::DateTime && v.dt.fsp > 0) {
            if (auto d = toDecimal(v))
                return Value::makeDecimal(*d);
        }
        return Value::makeInt(toInt(v));
    case Kind::String:
    case Kind::Json: {
        bool truncated = false;
        const double d = toDouble(v, &truncated);
        if (truncated)
            ev.warnTruncated(n, v, "DOUBLE");
        return Value::makeDouble(d);
    }
    }
    return v;
}

bool arithmetic(Evaluator &ev, const Node &n, Op op, const Value &x, const Value &y, Value &out)
{
    if (x.isNull() || y.isNull()) {
        out = Value();
        return true;
    }
    const Value a = numericOperand(ev, n, x);
    const Value b = numericOperand(ev, n, y);
    auto outOfRange = [&](const char *type) {
        return ev.fail(
            n,
            QStringLiteral("%1 value is out of range in '%2 %3 %4'")
                .arg(QLatin1String(type), toText(a), QLatin1String(opSymbol(op)), toText(b)),
            QStringLiteral("the result does not fit; check the operands"));
    };
    if (a.kind == Kind::Double || b.kind == Kind::Double) {
        const double da = toDouble(a), db = toDouble(b);
        double r = 0;
        switch (op) {
        case Op::Add:
            r = da + db;
            break;
        case Op::Sub:
            r = da - db;
            break;
        case Op::Mul:
            r = da * db;
            break;
        case Op::Div:
            if (db == 0) {
                ev.warn(n, QStringLiteral("Division by 0"));
                out = Value();
                return true;
            }
            r = da / db;
            break;
        case Op::IntDiv: {
            if (db == 0) {
                ev.warn(n, QStringLiteral("Division by 0"));
                out = Value();
                return true;
            }
            const double q = std::trunc(da / db);
            if (!(std::fabs(q) < 9.2233720368547758e18))
                return outOfRange("BIGINT");
            out = Value::makeInt(qint64(q));
            return true;
        }
        default:
            if (db == 0) {
                ev.warn(n, QStringLiteral("Division by 0"));
                out = Value();
                return true;
            }
            r = std::fmod(da, db);
            break;
        }
        if (!std::isfinite(r))
            return outOfRange("DOUBLE");
        out = Value::makeDouble(r, doubleResultDecimals(op, doubleDecimals(x), doubleDecimals(y)));
        return true;
    }
    if (a.kind == Kind::Int && b.kind == Kind::Int && op != Op::Div) {
        qint64 r = 0;
        bool overflow = false;
        switch (op) {
        case Op::Add:
            overflow = __builtin_add_overflow(a.i, b.i, &r);
            break;
        case Op::Sub:
            overflow = __builtin_sub_overflow(a.i, b.i, &r);
            break;
        case Op::Mul:
            overflow = __builtin_mul_overflow(a.i, b.i, &r);
            break;
        case Op::IntDiv:
        case Op::Mod:
            if (b.i == 0) {
                ev.warn(n, QStringLiteral("Division by 0"));
                out = Value();
                return true;
            }
            if (b.i == -1) {
                // INT64_MIN / -1 overflows; the remainder is always 0.
                if (op == Op::Mod) {
                    r = 0;
                } else {
                    overflow = a.i == std::numeric_limits<qint64>::min();
                    r = overflow ? 0 : -a.i;
                }
            } else {
                r = op == Op::IntDiv ? a.i / b.i : a.i % b.i;
            }
            break;
        default:
            break;
        }
        if (overflow)
            return outOfRange("BIGINT");
        out = Value::makeInt(r);
        return true;
    }
    auto da = toDecimal(a);
    auto db = toDecimal(b);
    if (!da || !db)
        return outOfRange("DECIMAL");
    std::optional<Decimal> r;
    switch (op) {
    case Op::Add:
        r = dec::add(*da, *db);
        break;
    case Op::Sub:
        r = dec::sub(*da, *db);
        break;
    case Op::Mul:
        r = dec::mul(*da, *db);
        break;
    case Op::Div:
    case Op::IntDiv:
    case Op::Mod:
        if (dec::isZero(*db)) {
            ev.warn(n, QStringLiteral("Division by 0"));
            out = Value();
            return true;
        }
        if (op == Op::Div) {
            r = dec::div(*da, *db);
        } else if (op == Op::Mod) {
            r = dec::mod(*da, *db);
        } else {
            r = dec::intDiv(*da, *db);
            if (r) {
                auto i = dec::toInt(*r);
                if (!i)
                    return outOfRange("BIGINT");
                out = Value::makeInt(*i);
                return true;
            }
        }
        break;
    default:
        break;
    }
    if (!r)
        return outOfRange("DECIMAL");
    out = Value::makeDecimal(*r);
    return true;
}

std::optional<Value> negateValue(const Value &v)
{
    switch (v.kind) {
    case Kind::Null:
        return v;
    case Kind::Int:
        if (v.i == std::numeric_limits<qint64>::min())
            return Value::makeDecimal(dec::negate(dec::fromInt(v.i)));
        return Value::makeInt(-v.i);
    case Kind::Decimal:
        return Value::makeDecimal(dec::negate(v.dec));
    case Kind::Double:
        return Value::makeDouble(-v.d, v.decimals);
    case Kind::Date:
    case Kind::DateTime:
        if (v.kind == Kind::DateTime && v.dt.fsp > 0) {
            if (auto d = toDecimal(v))
                return Value::makeDecimal(dec::negate(*d));
        }
        return Value::makeInt(-toInt(v));
    default:
        return Value::makeDouble(-toDouble(v));
    }
}

} // namespace weft::expr::detail
