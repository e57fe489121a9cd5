#pragma once

#include "core/expr/exprerror.h"
#include "core/expr/fieldref.h"
#include "core/expr/sqlvalue.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <vector>

namespace weft::expr::detail {

/// Node kinds of a compiled `_function` expression.
enum class Op : quint8 {
    Literal,
    Field,          ///< unquoted placeholder {x}: the field's value, typed like a literal
    StringTemplate, ///< 'text {x} text': concatenation of text and field values
    Neg,
    Not, ///< NOT x and !x
    Add,
    Sub,
    Mul,
    Div,
    IntDiv,
    Mod,
    Eq,
    NullSafeEq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    And,
    Or,
    Xor,
    Is,      ///< x IS [NOT] NULL/TRUE/FALSE/UNKNOWN (flags)
    Like,    ///< args: text, pattern[, escape]; flags: negated
    In,      ///< args: value, candidates…; flags: negated
    Between, ///< args: value, low, high; flags: negated
    Case,    ///< flags: has operand / has else; args: [operand] when then … [else]
    Call,    ///< fn: index in the function table
    Cast,
    DateAdd, ///< args: date, amount; unit; flags: subtract
    Find,    ///< _findCollection … _endFind
};

/// Units of INTERVAL, EXTRACT and TIMESTAMPDIFF.
enum class Unit : quint8 {
    Microsecond,
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
    SecondMicrosecond,
    MinuteMicrosecond,
    MinuteSecond,
    HourMicrosecond,
    HourSecond,
    HourMinute,
    DayMicrosecond,
    DaySecond,
    DayMinute,
    DayHour,
    YearMonth,
};

/// Target of CAST / CONVERT.
struct CastSpec {
    enum class To : quint8 { Signed, Unsigned, Decimal, Double, Char, Date, DateTime };
    To to = To::Char;
    int precision = 10;
    int scale = 0;
    int length = -1; ///< CHAR(n)
};

/// One `where` condition of a lookup: field = template.
struct FindCondition {
    QString field;
    QList<TemplatePart> value;
};

struct FindClause {
    QString field;
    QString scheme;
    int schemePos = 0;
    QList<FindCondition> conditions;
};

/// A node of the expression tree; owned by its Program.
struct Node {
    Op op = Op::Literal;
    int pos = 0;
    int len = 0;
    int fn = -1;
    int flags = 0;
    int depth = 1; ///< height of the tree below (bounded so evaluation cannot exhaust the stack)
    Unit unit = Unit::Day;
    bool usesList = false; ///< reads {{list.x}} somewhere below
    StaticType type;
    StaticType branchType;      ///< IF/CASE/COALESCE…: merged type of the static branches
    bool dynamicBranch = false; ///< … and whether some branch is only known when evaluated
    Value literal;
    std::vector<Node *> args;
    std::unique_ptr<FieldRef> field;
    QList<TemplatePart> parts;
    std::unique_ptr<FindClause> find;
    CastSpec cast;
};

// Node::flags bits.
inline constexpr int kNegated = 1;
inline constexpr int kHasOperand = 2;
inline constexpr int kHasElse = 4;
inline constexpr int kSubtract = 8;
inline constexpr int kIsNull = 16;
inline constexpr int kIsTrue = 32;
inline constexpr int kIsFalse = 64;
inline constexpr int kCountStar = 128;

/// A compiled mapping value.
struct Program {
    enum class Kind : quint8 { Literal, Template, Function, Find, Map };
    Kind kind = Kind::Literal;
    QString text;
    QJsonValue literal;
    QList<TemplatePart> parts; ///< Template, and the code template of Map
    QString mapName;           ///< Map
    std::vector<std::unique_ptr<Node>> nodes;
    Node *root = nullptr;
    QList<ExprError> errors;
    QStringList fields; ///< referenced record fields (list.x as "list.x")
    bool usesList = false;

    Node *newNode(Op op, int pos, int len)
    {
        nodes.push_back(std::make_unique<Node>());
        Node *n = nodes.back().get();
        n->op = op;
        n->pos = pos;
        n->len = len;
        return n;
    }
};

} // namespace weft::expr::detail
