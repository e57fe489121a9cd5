// Static types of `_function` nodes: what MySQL knows before evaluating, which decides how
// IF/CASE/COALESCE print a branch (IF(0, 1.5, 2) is "2.0").

#include "core/expr/evaluator.h"
#include "core/expr/functions.h"

namespace weft::expr::detail {

namespace {

using K = StaticType::K;

K numericClass(K k)
{
    switch (k) {
    case K::String:
    case K::Json:
        return K::Double;
    case K::Date:
        return K::Int;
    case K::DateTime:
        return K::Int; // fsp > 0 gives DECIMAL at run time; rare enough to ignore statically
    default:
        return k;
    }
}

int staticDecimals(const StaticType &t)
{
    switch (t.kind) {
    case K::Double:
    case K::Decimal:
        return t.scale;
    case K::String:
    case K::Json:
    case K::Dynamic:
        return -1;
    default:
        return 0;
    }
}

} // namespace

void inferType(Node &n)
{
    auto typeOf = [&](size_t i) { return n.args[i]->type; };
    switch (n.op) {
    case Op::Literal:
        n.type = staticTypeOf(n.literal);
        return;
    case Op::Field:
    case Op::Find:
        n.type = {};
        return;
    case Op::StringTemplate:
        n.type = {K::String, 0};
        return;
    case Op::Neg: {
        const StaticType t = typeOf(0);
        n.type = t.kind == K::Dynamic ? t : StaticType{numericClass(t.kind), t.scale};
        return;
    }
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Mod:
    case Op::Div: {
        const StaticType a = typeOf(0), b = typeOf(1);
        if (a.kind == K::Dynamic || b.kind == K::Dynamic) {
            n.type = {};
            return;
        }
        const K ka = numericClass(a.kind), kb = numericClass(b.kind);
        if (ka == K::Null || kb == K::Null)
            n.type = {K::Null, 0};
        else if (ka == K::Double || kb == K::Double)
            n.type = {K::Double, doubleResultDecimals(n.op, staticDecimals(a), staticDecimals(b))};
        else if (n.op == Op::Div)
            n.type = {K::Decimal, std::min(a.scale + kDivPrecisionIncrement, kMaxDecimalScale)};
        else if (ka == K::Decimal || kb == K::Decimal)
            n.type = {K::Decimal, n.op == Op::Mul ? std::min(a.scale + b.scale, kMaxDecimalScale)
                                                  : std::max(a.scale, b.scale)};
        else
            n.type = {K::Int, 0};
        return;
    }
    case Op::Case: {
        StaticType merged{K::Null, 0};
        bool dynamic = false;
        const size_t first = (n.flags & kHasOperand) ? 1 : 0;
        const size_t pairsEnd = n.args.size() - ((n.flags & kHasElse) ? 1 : 0);
        auto add = [&](const StaticType &t) {
            if (t.kind == K::Dynamic)
                dynamic = true;
            else
                merged = mergeTypes(merged, t);
        };
        for (size_t i = first + 1; i < pairsEnd; i += 2)
            add(typeOf(i));
        if (n.flags & kHasElse)
            add(n.args.back()->type);
        n.branchType = merged;
        n.dynamicBranch = dynamic;
        n.type = dynamic ? StaticType{} : merged;
        return;
    }
    case Op::Call: {
        const FunctionInfo &f = functionAt(n.fn);
        const int count = int(n.args.size());
        // A call with the wrong number of arguments is already an error; its type rule may
        // index arguments that are not there.
        const bool arity = count >= f.minArgs && (f.maxArgs < 0 || count <= f.maxArgs);
        n.type = (f.type && arity) ? f.type(n) : StaticType{};
        return;
    }
    case Op::Cast:
        switch (n.cast.to) {
        case CastSpec::To::Signed:
        case CastSpec::To::Unsigned:
            n.type = {K::Int, 0};
            break;
        case CastSpec::To::Decimal:
            n.type = {K::Decimal, n.cast.scale};
            break;
        case CastSpec::To::Double:
            n.type = {K::Double, -1};
            break;
        case CastSpec::To::Char:
            n.type = {K::String, 0};
            break;
        case CastSpec::To::Date:
            n.type = {K::Date, 0};
            break;
        case CastSpec::To::DateTime:
            n.type = {K::DateTime, n.cast.scale};
            break;
        }
        return;
    case Op::DateAdd:
        n.type = typeDateAdd(n);
        return;
    case Op::IntDiv:
    default:
        n.type = {K::Int, 0}; // comparisons, logic, IS, LIKE, IN, BETWEEN, DIV
        return;
    }
}

} // namespace weft::expr::detail
