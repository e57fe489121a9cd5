#pragma once

#include "core/expr/ast.h"
#include "core/expr/evalcontext.h"

#include <QVarLengthArray>
#include <optional>

namespace weft::expr::detail {

using Args = QVarLengthArray<Value, 4>;

/// Walks a compiled `_function` tree for one evaluation. Errors stop the walk: every step
/// returns false after filling `error`.
class Evaluator
{
public:
    explicit Evaluator(const EvalContext &ctx)
        : ctx(ctx)
    {
    }

    bool eval(const Node &n, Value &out);
    /// Evaluates every argument of `n` in order.
    bool evalArgs(const Node &n, Args &out);
    /// Records an error about node `n`; always returns false.
    bool fail(const Node &n, const QString &message, const QString &suggestion = {});
    /// A MySQL warning: noted in the context's warning list (if any), evaluation goes on.
    void warn(const Node &n, const QString &message);
    /// Warns about a string that was not fully a number in numeric context.
    void warnTruncated(const Node &n, const Value &v, const char *type);

    const EvalContext &ctx;
    ExprError error;
};

/// + - * / DIV % with MySQL's types: INT, DECIMAL (exact, more digits held than shown) or
/// DOUBLE (when a string or a DOUBLE takes part). Division by zero gives NULL.
bool arithmetic(Evaluator &ev, const Node &n, Op op, const Value &a, const Value &b, Value &out);
/// The number a value stands for in arithmetic (dates become YYYYMMDD…, strings DOUBLE).
Value numericOperand(Evaluator &ev, const Node &n, const Value &v);

/// The raw JSON a lookup finds (Undefined when nothing matches); nullopt and *error on failure.
std::optional<QJsonValue> evaluateFind(const Node &n, const EvalContext &ctx, ExprError *error);

/// Unary minus (INT's smallest value becomes DECIMAL, as in MySQL).
std::optional<Value> negateValue(const Value &v);
/// Fraction digits a DOUBLE result of `op` prints with, from the operands' (-1: shortest).
int doubleResultDecimals(Op op, int a, int b);
/// IF/CASE/COALESCE…: the chosen branch converted to the type of all branches together.
Value mergeResult(const Node &n, const Value &chosen);

/// MySQL comparison of two values; nullopt when either is NULL.
std::optional<int> compareValues(const Value &a, const Value &b);

/// Sets n.type from its operator, function and arguments (the parser calls it bottom-up).
void inferType(Node &n);

/// Longest string a function may build (MySQL's max_allowed_packet gives NULL beyond it).
inline constexpr qsizetype kMaxStringLength = 16 * 1024 * 1024;

} // namespace weft::expr::detail
