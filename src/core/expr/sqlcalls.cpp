// Function calls of `_function`, including MySQL's special forms.

#include "core/expr/evaluator.h"
#include "core/expr/functions.h"
#include "core/expr/sqlgrammar.h"
#include "core/expr/sqlparser.h"
#include "core/util/textdistance.h"

namespace weft::expr::detail {

using T = TokenKind;

Node *SqlGrammar::makeCall(const Token &name, std::vector<Node *> args, int endPos)
{
    int index = -1;
    const FunctionInfo *info = findFunction(name.text, &index);
    Node *n =
        m_prog.newNode(Op::Call, name.pos, (endPos < 0 ? name.pos + name.len : endPos) - name.pos);
    n->args = std::move(args);
    if (!info) {
        const QString nearest = nearestName(name.text.toUpper(), functionNames());
        m_prog.errors.append(
            {QStringLiteral("unknown function %1").arg(name.text), name.pos, name.len,
             nearest.isEmpty() ? QStringLiteral("see docs/expressions.md for the list")
                               : QStringLiteral("did you mean %1?").arg(nearest)});
        n->op = Op::Literal; // keeps the tree whole so later errors are found too
        return n;
    }
    n->fn = index;
    const int count = int(n->args.size());
    if (count < info->minArgs || (info->maxArgs >= 0 && count > info->maxArgs)) {
        QString expected;
        if (info->minArgs == info->maxArgs)
            expected = QString::number(info->minArgs);
        else if (info->maxArgs < 0)
            expected = QStringLiteral("at least %1").arg(info->minArgs);
        else
            expected = QStringLiteral("%1 to %2").arg(info->minArgs).arg(info->maxArgs);
        m_prog.errors.append(
            {QStringLiteral("%1 takes %2 argument%3, not %4")
                 .arg(QLatin1String(info->name), expected,
                      info->maxArgs == 1 && info->minArgs == 1 ? QString() : QStringLiteral("s"))
                 .arg(count),
             name.pos, n->len, QStringLiteral("write %1").arg(QLatin1String(info->signature))});
    }
    return n;
}

bool SqlGrammar::parseArgList(std::vector<Node *> &args, const Token &open)
{
    if (acceptPunct(")"))
        return true;
    do {
        Node *a = parseExpr();
        if (!a)
            return false;
        args.push_back(a);
    } while (acceptPunct(","));
    return expectPunct(")", open);
}

Node *SqlGrammar::parseCall(const Token &name, const QString &upper)
{
    const Token &open = take(); // (
    std::vector<Node *> args;
    auto closeAndMake = [&](std::vector<Node *> a) -> Node * {
        const Token &close = peek();
        if (!expectPunct(")", open))
            return nullptr;
        return makeCall(name, std::move(a), close.pos + close.len);
    };
    if (upper == QLatin1String("CAST") || upper == QLatin1String("CONVERT"))
        return parseCast(name, open, upper == QLatin1String("CONVERT"));
    if (upper == QLatin1String("TRIM"))
        return parseTrim(name, open);
    if (upper == QLatin1String("POSITION")) {
        Node *needle = parseAdditive();
        if (!needle)
            return nullptr;
        if (!acceptKeyword("IN"))
            return fail(peek().pos, peek().len, QStringLiteral("expected IN"),
                        QStringLiteral("write POSITION(substr IN str)"));
        Node *hay = parseExpr();
        if (!hay)
            return nullptr;
        Token locate = name;
        locate.text = QStringLiteral("LOCATE");
        const Token &close = peek();
        if (!expectPunct(")", open))
            return nullptr;
        return makeCall(locate, {needle, hay}, close.pos + close.len);
    }
    if (upper == QLatin1String("SUBSTRING") || upper == QLatin1String("SUBSTR") ||
        upper == QLatin1String("MID")) {
        Node *str = parseExpr();
        if (!str)
            return nullptr;
        args.push_back(str);
        if (acceptKeyword("FROM")) {
            Node *pos = parseExpr();
            if (!pos)
                return nullptr;
            args.push_back(pos);
            if (acceptKeyword("FOR")) {
                Node *len = parseExpr();
                if (!len)
                    return nullptr;
                args.push_back(len);
            }
            return closeAndMake(std::move(args));
        }
        while (acceptPunct(",")) {
            Node *a = parseExpr();
            if (!a)
                return nullptr;
            args.push_back(a);
        }
        return closeAndMake(std::move(args));
    }
    if (upper == QLatin1String("EXTRACT")) {
        Unit unit;
        if (!parseUnitToken(&unit))
            return nullptr;
        if (!acceptKeyword("FROM"))
            return fail(peek().pos, peek().len, QStringLiteral("expected FROM"),
                        QStringLiteral("write EXTRACT(YEAR FROM date)"));
        Node *d = parseExpr();
        if (!d)
            return nullptr;
        Node *n = closeAndMake({d});
        if (n)
            n->unit = unit;
        return n;
    }
    if (upper == QLatin1String("TIMESTAMPDIFF") || upper == QLatin1String("TIMESTAMPADD")) {
        Unit unit;
        if (!parseUnitToken(&unit))
            return nullptr;
        while (acceptPunct(",")) {
            Node *a = parseExpr();
            if (!a)
                return nullptr;
            args.push_back(a);
        }
        if (upper == QLatin1String("TIMESTAMPADD")) {
            const Token &close = peek();
            if (!expectPunct(")", open))
                return nullptr;
            if (args.size() != 2)
                return fail(name.pos, close.pos + 1 - name.pos,
                            QStringLiteral("TIMESTAMPADD takes a unit and 2 arguments"),
                            QStringLiteral("write TIMESTAMPADD(DAY, 1, date)"));
            Node *n = m_prog.newNode(Op::DateAdd, name.pos, close.pos + 1 - name.pos);
            n->args = {args[1], args[0]};
            n->unit = unit;
            return n;
        }
        Node *n = closeAndMake(std::move(args));
        if (n)
            n->unit = unit;
        return n;
    }
    const bool add = upper == QLatin1String("DATE_ADD") || upper == QLatin1String("ADDDATE");
    const bool sub = upper == QLatin1String("DATE_SUB") || upper == QLatin1String("SUBDATE");
    if (add || sub) {
        Node *date = parseExpr();
        if (!date)
            return nullptr;
        if (!acceptPunct(","))
            return fail(peek().pos, peek().len, QStringLiteral("expected ,"),
                        QStringLiteral("write %1(date, INTERVAL 1 DAY)").arg(upper));
        Node *n = nullptr;
        if (isKeyword(peek(), "INTERVAL")) {
            const Token &kw = take();
            n = parseIntervalTail(kw, date);
        } else if (upper == QLatin1String("ADDDATE") || upper == QLatin1String("SUBDATE")) {
            Node *days = parseExpr();
            if (!days)
                return nullptr;
            n = m_prog.newNode(Op::DateAdd, date->pos, 0);
            n->args = {date, days};
            n->unit = Unit::Day;
        } else {
            return fail(peek().pos, peek().len, QStringLiteral("expected INTERVAL"),
                        QStringLiteral("write %1(date, INTERVAL 1 DAY)").arg(upper));
        }
        if (!n)
            return nullptr;
        const Token &close = peek();
        if (!expectPunct(")", open))
            return nullptr;
        n->pos = name.pos;
        n->len = close.pos + 1 - name.pos;
        if (sub)
            n->flags |= kSubtract;
        return n;
    }
    if (upper == QLatin1String("COUNT") && isPunct(peek(), "*")) {
        // COUNT(*) counts rows, not values: the star stands as a placeholder argument.
        const Token &star = take();
        Node *rows = literal(star, Value::makeInt(1));
        Node *n = closeAndMake({rows});
        if (n)
            n->flags |= kCountStar;
        return n;
    }
    if (isKeyword(peek(), "DISTINCT"))
        return fail(peek().pos, peek().len, QStringLiteral("DISTINCT is not supported"),
                    QStringLiteral("remove DISTINCT; aggregates see every value"));
    if (!parseArgList(args, open))
        return nullptr;
    const Token &close = m_toks[m_i - 1];
    return makeCall(name, std::move(args), close.pos + close.len);
}

Node *SqlGrammar::parseTrim(const Token &name, const Token &open)
{
    int mode = 3; // 1 leading, 2 trailing, 3 both
    bool explicitMode = true;
    if (acceptKeyword("LEADING"))
        mode = 1;
    else if (acceptKeyword("TRAILING"))
        mode = 2;
    else if (!acceptKeyword("BOTH"))
        explicitMode = false;
    std::vector<Node *> args;
    if (explicitMode && acceptKeyword("FROM")) {
        Node *str = parseExpr();
        if (!str)
            return nullptr;
        args = {str};
    } else {
        Node *first = parseExpr();
        if (!first)
            return nullptr;
        if (acceptKeyword("FROM")) {
            Node *str = parseExpr();
            if (!str)
                return nullptr;
            args = {str, first};
        } else if (explicitMode) {
            return fail(peek().pos, peek().len, QStringLiteral("expected FROM"),
                        QStringLiteral("write TRIM(LEADING 'x' FROM str)"));
        } else {
            args = {first};
        }
    }
    const Token &close = peek();
    if (!expectPunct(")", open))
        return nullptr;
    Node *n = makeCall(name, std::move(args), close.pos + close.len);
    n->flags = mode << 8;
    return n;
}

Node *SqlGrammar::parseCast(const Token &name, const Token &open, bool convert)
{
    Node *v = parseExpr();
    if (!v)
        return nullptr;
    if (convert) {
        if (isKeyword(peek(), "USING"))
            return fail(peek().pos, peek().len,
                        QStringLiteral("CONVERT … USING is not "
                                       "supported"),
                        QStringLiteral("text is always Unicode here"));
        if (!acceptPunct(","))
            return fail(peek().pos, peek().len, QStringLiteral("expected ,"),
                        QStringLiteral("write CONVERT(value, DECIMAL(10,2))"));
    } else if (!acceptKeyword("AS")) {
        return fail(peek().pos, peek().len, QStringLiteral("expected AS"),
                    QStringLiteral("write CAST(value AS DECIMAL(10,2))"));
    }
    const Token &type = take();
    const QString t = type.text.toUpper();
    Node *n = m_prog.newNode(Op::Cast, name.pos, 0);
    n->args = {v};
    CastSpec &c = n->cast;
    auto optionalNumbers = [&](int *a, int *b) -> bool {
        if (!acceptPunct("("))
            return true;
        const Token &first = take();
        if (first.t != T::Number)
            return fail(first.pos, first.len, QStringLiteral("expected a number"),
                        QStringLiteral("e.g. DECIMAL(10,2)")),
                   false;
        *a = first.text.toInt();
        if (b && acceptPunct(",")) {
            const Token &second = take();
            if (second.t != T::Number)
                return fail(second.pos, second.len, QStringLiteral("expected a number"),
                            QStringLiteral("e.g. DECIMAL(10,2)")),
                       false;
            *b = second.text.toInt();
        }
        return expectPunct(")", first);
    };
    if (t == QLatin1String("SIGNED") || t == QLatin1String("INT") ||
        t == QLatin1String("INTEGER")) {
        c.to = CastSpec::To::Signed;
        if (!acceptKeyword("INTEGER"))
            acceptKeyword("INT");
    } else if (t == QLatin1String("UNSIGNED")) {
        c.to = CastSpec::To::Unsigned;
        if (!acceptKeyword("INTEGER"))
            acceptKeyword("INT");
    } else if (t == QLatin1String("DECIMAL")) {
        c.to = CastSpec::To::Decimal;
        if (!optionalNumbers(&c.precision, &c.scale))
            return nullptr;
        if (c.precision < 1 || c.precision > 65 || c.scale < 0 || c.scale > 38 ||
            c.scale > c.precision)
            return fail(type.pos, type.len,
                        QStringLiteral("invalid DECIMAL(%1,%2)").arg(c.precision).arg(c.scale),
                        QStringLiteral("precision 1…65, scale 0…38 and not above the "
                                       "precision"));
    } else if (t == QLatin1String("DOUBLE") || t == QLatin1String("FLOAT") ||
               t == QLatin1String("REAL")) {
        c.to = CastSpec::To::Double;
    } else if (t == QLatin1String("CHAR") || t == QLatin1String("VARCHAR") ||
               t == QLatin1String("NCHAR") || t == QLatin1String("BINARY")) {
        c.to = CastSpec::To::Char;
        if (!optionalNumbers(&c.length, nullptr))
            return nullptr;
    } else if (t == QLatin1String("DATE")) {
        c.to = CastSpec::To::Date;
    } else if (t == QLatin1String("DATETIME")) {
        c.to = CastSpec::To::DateTime;
        c.scale = 0;
        if (!optionalNumbers(&c.scale, nullptr))
            return nullptr;
        c.scale = std::clamp(c.scale, 0, 6);
    } else {
        return fail(type.pos, type.len, QStringLiteral("cannot cast to %1").arg(type.text),
                    QStringLiteral("types are SIGNED, UNSIGNED, DECIMAL(p,s), DOUBLE, "
                                   "CHAR, DATE, DATETIME"));
    }
    const Token &close = peek();
    if (!expectPunct(")", open))
        return nullptr;
    n->len = close.pos + 1 - name.pos;
    return n;
}

} // namespace weft::expr::detail
