# The mapping language (docs/expressions.md). Kept free of anything but Qt Core and
# core/util, so tests/fuzz can compile it on its own.
set(WEFT_CORE_expr_SOURCES
    aggregatefunctions.cpp
    arithmetic.cpp
    ast.h
    dateadd.cpp
    dateformat.cpp
    datefunctions.cpp
    datetime.cpp datetime.h
    decimal.cpp decimal.h
    evalcontext.cpp evalcontext.h
    evaluator.cpp evaluator.h
    exprerror.cpp exprerror.h
    expression.cpp expression.h
    fieldref.cpp fieldref.h
    functions.cpp functions.h
    lookup.cpp lookup.h
    mapping.cpp mapping.h
    numbertext.cpp
    recordview.cpp recordview.h
    parser.cpp parser.h
    shaping.cpp shaping.h
    sqlcalls.cpp
    sqlgrammar.cpp sqlgrammar.h
    sqllexer.cpp sqllexer.h
    sqlparser.cpp sqlparser.h
    sqlstring.cpp sqlstring.h
    sqlvalue.cpp sqlvalue.h
    stringfunctions.cpp
    typeinference.cpp
    valuemaps.cpp valuemaps.h
)
