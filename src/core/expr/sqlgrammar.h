#pragma once

#include "core/expr/ast.h"
#include "core/expr/sqllexer.h"

#include <vector>

namespace weft::expr::detail {

/// Recursive-descent parser of `_function` expressions with MySQL's operator precedence
/// (sqlgrammar.cpp: operators and primaries; sqlcalls.cpp: function calls and their special
/// forms such as CAST(x AS …) and TRIM(LEADING … FROM …)).
class SqlGrammar
{
public:
    SqlGrammar(Program &prog, std::vector<Token> tokens);
    Node *parseAll();

private:
    struct DepthGuard {
        explicit DepthGuard(int &d)
            : depth(++d)
            , ref(d)
        {
        }
        ~DepthGuard() { --ref; }
        int depth;
        int &ref;
    };

    const Token &peek(size_t k = 0) const;
    const Token &take();
    static bool isKeyword(const Token &t, const char *kw);
    static bool isPunct(const Token &t, const char *p);
    bool acceptKeyword(const char *kw);
    bool acceptPunct(const char *p);
    Node *fail(int pos, int len, QString message, QString suggestion = {});
    Node *unexpected(const Token &t);
    bool expectPunct(const char *p, const Token &opener);
    // Every node passes through here once its arguments are set.
    Node *checkDepth(Node *n);
    Node *binary(Op op, Node *a, Node *b);
    Node *parseExpr();
    Node *parseOr() { return checkDepth(parseOrImpl()); }
    Node *parseOrImpl();
    Node *parseXor() { return checkDepth(parseXorImpl()); }
    Node *parseXorImpl();
    Node *parseAnd() { return checkDepth(parseAndImpl()); }
    Node *parseAndImpl();
    Node *parseNot() { return checkDepth(parseNotImpl()); }
    Node *parseNotImpl();
    Node *parsePredicate() { return checkDepth(parsePredicateImpl()); }
    Node *parsePredicateImpl();
    Node *parseAdditive() { return checkDepth(parseAdditiveImpl()); }
    Node *parseAdditiveImpl();
    // `… INTERVAL <expr> <unit>`: the date operand is `date`.
    Node *parseIntervalTail(const Token &kw, Node *date);
    bool parseUnitToken(Unit *unit);
    Node *parseMultiplicative() { return checkDepth(parseMultiplicativeImpl()); }
    Node *parseMultiplicativeImpl();
    Node *parseUnary() { return checkDepth(parseUnaryImpl()); }
    Node *parseUnaryImpl();
    Node *literal(const Token &t, Value v);
    Node *parsePrimary() { return checkDepth(parsePrimaryImpl()); }
    Node *parsePrimaryImpl();
    Node *parseStrings(const Token &first);
    Node *parseIdentifier(const Token &t);
    Node *parseCase(const Token &t);
    Node *makeCall(const Token &name, std::vector<Node *> args, int endPos = -1);
    bool parseArgList(std::vector<Node *> &args, const Token &open);
    Node *parseCall(const Token &name, const QString &upper);
    Node *parseTrim(const Token &name, const Token &open);
    Node *parseCast(const Token &name, const Token &open, bool convert);
    Program &m_prog;
    std::vector<Token> m_toks;
    size_t m_i = 0;
    int m_depth = 0;
};

} // namespace weft::expr::detail
