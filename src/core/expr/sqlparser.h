#pragma once

#include "core/expr/ast.h"

namespace weft::expr::detail {

/// Parses prog.text from `start` to the end as a `_function` expression. Returns the root, or
/// nullptr after a syntax error (appended to prog.errors). Unknown functions and similar
/// mistakes are reported without stopping, so one compile lists them all.
Node *parseFunction(Program &prog, int start);

/// Parses `find <field> from <scheme> where a={{x}} b={{y}}` in prog.text[start, end) into a
/// Find node positioned at `nodePos`.
Node *parseFindClause(Program &prog, int start, int end, int nodePos);

/// Collects referenced fields, list use and static types below `root` (parseFunction does
/// this itself; a top-level _findCollection needs it separately).
void finalizeTree(Node *root, Program &prog);

/// Depth limit of nested parentheses and calls while parsing, and of the resulting tree
/// (`1+1+…` is flat to parse but deep to evaluate): deeper input is an error, not a stack
/// overflow.
inline constexpr int kMaxDepth = 200;
inline constexpr int kMaxTreeDepth = 1000;

} // namespace weft::expr::detail
