#pragma once

#include "core/expr/ast.h"

#include <vector>

namespace weft::expr::detail {

enum class TokenKind : quint8 { End, Number, String, Ident, QuotedIdent, Field, Punct, Find };

/// One token of a `_function` expression; positions are offsets in the whole value text.
struct Token {
    TokenKind t = TokenKind::End;
    int pos = 0;
    int len = 0;
    QString text;
    QList<TemplatePart> parts; ///< String: literal text and placeholders
    bool templated = false;
    FieldRef field;
    int innerStart = 0; ///< Find: the clause between the keywords
    int innerEnd = 0;
};

/// Splits prog.text from `start` into tokens (ending with an End token). Placeholders and the
/// templates inside string literals are parsed here; a `_findCollection … _endFind` is one
/// token. Returns false after an error (appended to prog.errors).
bool tokenize(Program &prog, int start, std::vector<Token> &out);

} // namespace weft::expr::detail
