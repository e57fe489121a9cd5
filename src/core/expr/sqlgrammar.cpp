// The operators and primaries of `_function` (function calls: sqlcalls.cpp).

#include "core/expr/sqlgrammar.h"

#include "core/expr/evaluator.h"
#include "core/expr/functions.h"
#include "core/expr/sqlparser.h"
#include "core/util/textdistance.h"

namespace weft::expr::detail {

using T = TokenKind;

SqlGrammar::SqlGrammar(Program &prog, std::vector<Token> tokens)
    : m_prog(prog)
    , m_toks(std::move(tokens))
{
}

Node *SqlGrammar::parseAll()
{
    Node *root = parseExpr();
    if (!root)
        return nullptr;
    if (peek().t != T::End)
        return unexpected(peek());
    return root;
}

const Token &SqlGrammar::peek(size_t k) const
{
    return m_toks[std::min(m_i + k, m_toks.size() - 1)];
}

const Token &SqlGrammar::take()
{
    const Token &t = peek();
    if (m_i < m_toks.size() - 1)
        ++m_i;
    return t;
}

bool SqlGrammar::isKeyword(const Token &t, const char *kw)
{
    return t.t == T::Ident && t.text.compare(QLatin1String(kw), Qt::CaseInsensitive) == 0;
}

bool SqlGrammar::isPunct(const Token &t, const char *p)
{
    return t.t == T::Punct && t.text == QLatin1String(p);
}

bool SqlGrammar::acceptKeyword(const char *kw)
{
    if (!isKeyword(peek(), kw))
        return false;
    take();
    return true;
}

bool SqlGrammar::acceptPunct(const char *p)
{
    if (!isPunct(peek(), p))
        return false;
    take();
    return true;
}

Node *SqlGrammar::fail(int pos, int len, QString message, QString suggestion)
{
    m_prog.errors.append({std::move(message), pos, len, std::move(suggestion)});
    return nullptr;
}

Node *SqlGrammar::unexpected(const Token &t)
{
    if (t.t == T::End)
        return fail(t.pos, 0, QStringLiteral("the expression ends too early"),
                    QStringLiteral("complete it, e.g. close every ( with )"));
    const QString what = t.t == T::String  ? QStringLiteral("string")
                         : t.t == T::Field ? QStringLiteral("field ") + t.field.source
                                           : t.text;
    QString hint = QStringLiteral("is an operator or a comma missing before it?");
    if (t.t == T::Punct && t.text == QLatin1String(";"))
        hint = QStringLiteral("a mapping value is one expression; remove the ;");
    else if (t.t == T::Punct && (t.text == QLatin1String(")") || t.text == QLatin1String(",")))
        hint = QStringLiteral("a value is missing before %1").arg(t.text);
    else if (t.t == T::Punct)
        hint = QStringLiteral("a value is expected here");
    return fail(t.pos, t.len, QStringLiteral("unexpected %1").arg(what), hint);
}

bool SqlGrammar::expectPunct(const char *p, const Token &opener)
{
    if (acceptPunct(p))
        return true;
    const Token &t = peek();
    if (t.t == T::End && QLatin1String(p) == QLatin1String(")"))
        fail(opener.pos, opener.len, QStringLiteral("unclosed parenthesis"),
             QStringLiteral("add ) at the end"));
    else
        fail(t.pos, t.len,
             QStringLiteral("expected %1 but found %2")
                 .arg(QLatin1String(p), t.t == T::End ? QStringLiteral("the end") : t.text),
             QStringLiteral("insert %1 here").arg(QLatin1String(p)));
    return false;
}

Node *SqlGrammar::checkDepth(Node *n)
{
    if (!n)
        return nullptr;
    int d = 0;
    for (const Node *a : n->args)
        d = std::max(d, a->depth);
    n->depth = d + 1;
    if (n->depth > kMaxTreeDepth)
        return fail(n->pos, 1, QStringLiteral("the expression is nested too deeply"),
                    QStringLiteral("split it or simplify it"));
    return n;
}

Node *SqlGrammar::binary(Op op, Node *a, Node *b)
{
    if (!a || !b)
        return nullptr;
    Node *n = m_prog.newNode(op, a->pos, (b->pos + b->len) - a->pos);
    n->args = {a, b};
    return checkDepth(n);
}

Node *SqlGrammar::parseExpr()
{
    DepthGuard guard(m_depth);
    if (guard.depth > kMaxDepth)
        return fail(peek().pos, 1, QStringLiteral("the expression is nested too deeply"),
                    QStringLiteral("split it or simplify it"));
    return parseOr();
}

Node *SqlGrammar::parseOrImpl()
{
    Node *left = parseXor();
    while (left && (isKeyword(peek(), "OR") || isPunct(peek(), "||"))) {
        take();
        left = binary(Op::Or, left, parseXor());
    }
    return left;
}

Node *SqlGrammar::parseXorImpl()
{
    Node *left = parseAnd();
    while (left && isKeyword(peek(), "XOR")) {
        take();
        left = binary(Op::Xor, left, parseAnd());
    }
    return left;
}

Node *SqlGrammar::parseAndImpl()
{
    Node *left = parseNot();
    while (left && (isKeyword(peek(), "AND") || isPunct(peek(), "&&"))) {
        take();
        left = binary(Op::And, left, parseNot());
    }
    return left;
}

Node *SqlGrammar::parseNotImpl()
{
    DepthGuard guard(m_depth);
    if (guard.depth > kMaxDepth)
        return fail(peek().pos, 1, QStringLiteral("the expression is nested too deeply"),
                    QStringLiteral("split it or simplify it"));
    if (isKeyword(peek(), "NOT")) {
        const Token &op = take();
        Node *arg = parseNot();
        if (!arg)
            return nullptr;
        Node *n = m_prog.newNode(Op::Not, op.pos, arg->pos + arg->len - op.pos);
        n->args = {arg};
        return n;
    }
    return parsePredicate();
}

Node *SqlGrammar::parsePredicateImpl()
{
    Node *left = parseAdditive();
    while (left) {
        const Token &t = peek();
        static const std::pair<const char *, Op> kCompare[] = {
            {"=", Op::Eq}, {"<=>", Op::NullSafeEq}, {"<>", Op::Ne}, {"!=", Op::Ne},
            {"<", Op::Lt}, {"<=", Op::Le},          {">", Op::Gt},  {">=", Op::Ge}};
        bool matched = false;
        for (const auto &[text, op] : kCompare) {
            if (isPunct(t, text)) {
                take();
                left = binary(op, left, parseAdditive());
                matched = true;
                break;
            }
        }
        if (matched)
            continue;
        if (isKeyword(t, "IS")) {
            take();
            const bool negated = acceptKeyword("NOT");
            const Token &what = take();
            Node *n = m_prog.newNode(Op::Is, left->pos, what.pos + what.len - left->pos);
            n->args = {left};
            n->flags = negated ? kNegated : 0;
            if (isKeyword(what, "NULL") || isKeyword(what, "UNKNOWN"))
                n->flags |= kIsNull;
            else if (isKeyword(what, "TRUE"))
                n->flags |= kIsTrue;
            else if (isKeyword(what, "FALSE"))
                n->flags |= kIsFalse;
            else
                return fail(what.pos, what.len,
                            QStringLiteral("expected NULL, TRUE or FALSE after IS"),
                            QStringLiteral("write IS NULL, IS NOT NULL, IS TRUE or IS "
                                           "FALSE; to compare, use ="));
            left = checkDepth(n);
            if (!left)
                return nullptr;
            continue;
        }
        bool negated = false;
        size_t k = 0;
        if (isKeyword(t, "NOT")) {
            negated = true;
            k = 1;
        }
        const Token &kw = peek(k);
        if (isKeyword(kw, "LIKE")) {
            m_i += k + 1;
            Node *pattern = parseAdditive();
            if (!pattern)
                return nullptr;
            Node *n = m_prog.newNode(Op::Like, left->pos, 0);
            n->args = {left, pattern};
            if (acceptKeyword("ESCAPE")) {
                Node *esc = parseAdditive();
                if (!esc)
                    return nullptr;
                n->args.push_back(esc);
            }
            n->len = n->args.back()->pos + n->args.back()->len - n->pos;
            n->flags = negated ? kNegated : 0;
            left = checkDepth(n);
        } else if (isKeyword(kw, "IN")) {
            m_i += k + 1;
            const Token &open = peek();
            if (!expectPunct("(", open))
                return nullptr;
            Node *n = m_prog.newNode(Op::In, left->pos, 0);
            n->args = {left};
            do {
                Node *v = parseExpr();
                if (!v)
                    return nullptr;
                n->args.push_back(v);
            } while (acceptPunct(","));
            const Token &close = peek();
            if (!expectPunct(")", open))
                return nullptr;
            n->len = close.pos + close.len - n->pos;
            n->flags = negated ? kNegated : 0;
            left = checkDepth(n);
        } else if (isKeyword(kw, "BETWEEN")) {
            m_i += k + 1;
            Node *low = parseAdditive();
            if (!low)
                return nullptr;
            if (!acceptKeyword("AND"))
                return fail(peek().pos, peek().len, QStringLiteral("BETWEEN needs AND"),
                            QStringLiteral("write x BETWEEN low AND high"));
            Node *high = parseAdditive();
            if (!high)
                return nullptr;
            Node *n = m_prog.newNode(Op::Between, left->pos, high->pos + high->len - left->pos);
            n->args = {left, low, high};
            n->flags = negated ? kNegated : 0;
            left = checkDepth(n);
        } else if (isKeyword(kw, "REGEXP") || isKeyword(kw, "RLIKE")) {
            return fail(kw.pos, kw.len, QStringLiteral("REGEXP is not supported"),
                        QStringLiteral("use LIKE with % and _"));
        } else {
            break;
        }
    }
    return left;
}

Node *SqlGrammar::parseAdditiveImpl()
{
    Node *left = parseMultiplicative();
    while (left && (isPunct(peek(), "+") || isPunct(peek(), "-"))) {
        const Token &op = take();
        if (isKeyword(peek(), "INTERVAL")) {
            const Token &kw = take();
            Node *n = parseIntervalTail(kw, left);
            if (!n)
                return nullptr;
            if (op.text == QLatin1String("-"))
                n->flags |= kSubtract;
            left = checkDepth(n);
            if (!left)
                return nullptr;
            continue;
        }
        left = binary(op.text == QLatin1String("+") ? Op::Add : Op::Sub, left,
                      parseMultiplicative());
    }
    if (left) {
        for (const char *bad : {"|", "&", "^", "<<", ">>"}) {
            if (isPunct(peek(), bad))
                return fail(
                    peek().pos, peek().len,
                    QStringLiteral("the bit operator %1 is not supported").arg(QLatin1String(bad)),
                    bad == QLatin1String("|")
                        ? QStringLiteral("for text concatenation use CONCAT(a, b)")
                        : QStringLiteral("bit operations have no use in mappings; "
                                         "remove it"));
        }
    }
    return left;
}

Node *SqlGrammar::parseIntervalTail(const Token &kw, Node *date)
{
    Node *amount = parseExpr();
    if (!amount)
        return nullptr;
    Unit unit;
    if (!parseUnitToken(&unit))
        return nullptr;
    Node *n = m_prog.newNode(Op::DateAdd, date->pos, 0);
    n->args = {date, amount};
    n->unit = unit;
    n->len = std::max(kw.pos + kw.len, amount->pos + amount->len) - n->pos + 1;
    return n;
}

bool SqlGrammar::parseUnitToken(Unit *unit)
{
    const Token &t = peek();
    if (t.t == T::Ident && parseUnit(t.text, unit)) {
        take();
        return true;
    }
    const QString nearest = t.t == T::Ident ? nearestName(t.text, unitNames()) : QString();
    fail(t.pos, t.len,
         t.t == T::Ident ? QStringLiteral("unknown interval unit %1").arg(t.text)
                         : QStringLiteral("expected an interval unit such as DAY"),
         nearest.isEmpty()
             ? QStringLiteral("units are %1").arg(unitNames().join(QStringLiteral(", ")))
             : QStringLiteral("did you mean %1?").arg(nearest));
    return false;
}

Node *SqlGrammar::parseMultiplicativeImpl()
{
    Node *left = parseUnary();
    while (left) {
        const Token &t = peek();
        Op op;
        if (isPunct(t, "*"))
            op = Op::Mul;
        else if (isPunct(t, "/"))
            op = Op::Div;
        else if (isPunct(t, "%") || isKeyword(t, "MOD"))
            op = Op::Mod;
        else if (isKeyword(t, "DIV"))
            op = Op::IntDiv;
        else
            break;
        take();
        left = binary(op, left, parseUnary());
    }
    return left;
}

Node *SqlGrammar::parseUnaryImpl()
{
    DepthGuard guard(m_depth);
    if (guard.depth > kMaxDepth)
        return fail(peek().pos, 1, QStringLiteral("the expression is nested too deeply"),
                    QStringLiteral("split it or simplify it"));
    const Token &t = peek();
    if (isPunct(t, "-") || isPunct(t, "!")) {
        take();
        Node *arg = parseUnary();
        if (!arg)
            return nullptr;
        Node *n =
            m_prog.newNode(isPunct(t, "-") ? Op::Neg : Op::Not, t.pos, arg->pos + arg->len - t.pos);
        n->args = {arg};
        return n;
    }
    if (isPunct(t, "+")) {
        take();
        return parseUnary();
    }
    if (isPunct(t, "~"))
        return fail(t.pos, t.len, QStringLiteral("the bit operator ~ is not supported"),
                    QStringLiteral("bit operations have no use in mappings; remove it"));
    return parsePrimary();
}

Node *SqlGrammar::literal(const Token &t, Value v)
{
    Node *n = m_prog.newNode(Op::Literal, t.pos, t.len);
    n->literal = std::move(v);
    return n;
}

Node *SqlGrammar::parsePrimaryImpl()
{
    const Token &t = take();
    switch (t.t) {
    case T::Number: {
        auto v = parseNumberLiteral(t.text);
        if (!v)
            return fail(t.pos, t.len, QStringLiteral("invalid number %1").arg(t.text),
                        QStringLiteral("write digits with an optional . and exponent"));
        return literal(t, *v);
    }
    case T::String:
        return parseStrings(t);
    case T::Field: {
        Node *n = m_prog.newNode(Op::Field, t.pos, t.len);
        n->field = std::make_unique<FieldRef>(t.field);
        return n;
    }
    case T::Find:
        return parseFindClause(m_prog, t.innerStart, t.innerEnd, t.pos);
    case T::QuotedIdent:
        return fail(
            t.pos, t.len,
            QStringLiteral("`%1` is a column reference, which a mapping has not").arg(t.text),
            QStringLiteral("write {%1} for the field's value").arg(t.text));
    case T::Punct:
        if (t.text == QLatin1String("(")) {
            Node *inner = parseExpr();
            if (!inner)
                return nullptr;
            if (isPunct(peek(), ","))
                return fail(peek().pos, 1, QStringLiteral("row values (a, b) are not supported"),
                            QStringLiteral("put one value in the parentheses"));
            if (!expectPunct(")", t))
                return nullptr;
            return inner;
        }
        return unexpected(t);
    case T::End:
        return unexpected(t);
    case T::Ident:
        return parseIdentifier(t);
    }
    return unexpected(t);
}

Node *SqlGrammar::parseStrings(const Token &first)
{
    // Adjacent literals concatenate, as in MySQL: 'a' 'b' is 'ab'.
    QList<TemplatePart> parts = first.parts;
    bool templated = first.templated;
    int end = first.pos + first.len;
    while (peek().t == T::String) {
        const Token &next = take();
        parts += next.parts;
        templated = templated || next.templated;
        end = next.pos + next.len;
    }
    if (!templated) {
        QString text;
        for (const TemplatePart &p : parts)
            text += p.literal;
        Node *n = literal(first, Value::makeString(text));
        n->len = end - first.pos;
        return n;
    }
    Node *n = m_prog.newNode(Op::StringTemplate, first.pos, end - first.pos);
    n->parts = std::move(parts);
    return n;
}

Node *SqlGrammar::parseIdentifier(const Token &t)
{
    const QString upper = t.text.toUpper();
    if (upper == QLatin1String("NULL"))
        return literal(t, Value());
    if (upper == QLatin1String("TRUE"))
        return literal(t, Value::makeInt(1));
    if (upper == QLatin1String("FALSE"))
        return literal(t, Value::makeInt(0));
    if (upper == QLatin1String("CASE"))
        return parseCase(t);
    if (upper == QLatin1String("INTERVAL")) {
        // INTERVAL n unit + date
        Node *amount = parseExpr();
        if (!amount)
            return nullptr;
        Unit unit;
        if (!parseUnitToken(&unit))
            return nullptr;
        if (!acceptPunct("+"))
            return fail(peek().pos, peek().len,
                        QStringLiteral("INTERVAL … must be added to a date"),
                        QStringLiteral("write date + INTERVAL 1 DAY"));
        Node *date = parseMultiplicative();
        if (!date)
            return nullptr;
        Node *n = m_prog.newNode(Op::DateAdd, t.pos, date->pos + date->len - t.pos);
        n->args = {date, amount};
        n->unit = unit;
        return n;
    }
    if ((upper == QLatin1String("DATE") || upper == QLatin1String("TIMESTAMP")) &&
        peek().t == T::String && !peek().templated) {
        const Token &s = take();
        bool hasTime = false;
        auto d = dt::parse(s.text, &hasTime);
        if (!d || !dt::isValidDate(*d))
            return fail(s.pos, s.len, QStringLiteral("invalid %1 literal '%2'").arg(upper, s.text),
                        QStringLiteral("write 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MM:SS'"));
        Node *n = literal(t, Value::makeDate(*d, upper == QLatin1String("TIMESTAMP")));
        n->len = s.pos + s.len - t.pos;
        return n;
    }
    if (upper == QLatin1String("CURRENT_TIME") || upper == QLatin1String("CURTIME"))
        return fail(t.pos, t.len,
                    QStringLiteral("%1 (the time of day) is not supported").arg(upper),
                    QStringLiteral("for the Unix time write {CURRENT_TIME}; for the time "
                                   "of day DATE_FORMAT(NOW(), '%T')"));
    if (!isPunct(peek(), "(")) {
        static const char *const kNiladic[] = {"CURRENT_DATE", "CURRENT_TIMESTAMP", "LOCALTIME",
                                               "LOCALTIMESTAMP"};
        for (const char *name : kNiladic) {
            if (upper == QLatin1String(name))
                return makeCall(t, {});
        }
        if (findFunction(upper))
            return fail(t.pos, t.len, QStringLiteral("%1 needs parentheses").arg(upper),
                        QStringLiteral("write %1(…)").arg(upper));
        return fail(t.pos, t.len, QStringLiteral("unknown name %1").arg(t.text),
                    QStringLiteral("a field's value is written {%1}").arg(t.text));
    }
    return parseCall(t, upper);
}

Node *SqlGrammar::parseCase(const Token &t)
{
    Node *n = m_prog.newNode(Op::Case, t.pos, 0);
    if (!isKeyword(peek(), "WHEN")) {
        Node *operand = parseExpr();
        if (!operand)
            return nullptr;
        n->args.push_back(operand);
        n->flags |= kHasOperand;
    }
    if (!isKeyword(peek(), "WHEN"))
        return fail(peek().pos, peek().len, QStringLiteral("CASE needs WHEN"),
                    QStringLiteral("write CASE WHEN condition THEN value … END"));
    while (acceptKeyword("WHEN")) {
        Node *when = parseExpr();
        if (!when)
            return nullptr;
        if (!acceptKeyword("THEN"))
            return fail(peek().pos, peek().len, QStringLiteral("expected THEN"),
                        QStringLiteral("write WHEN condition THEN value"));
        Node *then = parseExpr();
        if (!then)
            return nullptr;
        n->args.push_back(when);
        n->args.push_back(then);
    }
    if (acceptKeyword("ELSE")) {
        Node *otherwise = parseExpr();
        if (!otherwise)
            return nullptr;
        n->args.push_back(otherwise);
        n->flags |= kHasElse;
    }
    const Token &end = peek();
    if (!acceptKeyword("END"))
        return fail(t.pos, 4, QStringLiteral("CASE is not closed"),
                    QStringLiteral("end it with END"));
    n->len = end.pos + end.len - t.pos;
    return n;
}

} // namespace weft::expr::detail
