#pragma once

#include "core/expr/ast.h"

#include <QString>
#include <QStringList>

namespace weft::expr::detail {

class Evaluator;

using FunctionImpl = bool (*)(Evaluator &ev, const Node &n, Value &out);
using TypeRule = StaticType (*)(Node &n);

/// One entry of the `_function` library.
struct FunctionInfo {
    const char *name;
    int minArgs;
    int maxArgs; ///< -1: any number
    FunctionImpl impl;
    TypeRule type;         ///< nullptr: known only when evaluated
    const char *signature; ///< for errors and completion: "DATE_FORMAT(date, format)"
};

/// The function called `name` (case-insensitive), or nullptr; *index is its table index.
const FunctionInfo *findFunction(QStringView name, int *index = nullptr);
const FunctionInfo &functionAt(int index);
/// Every function name, upper case, for completion and "did you mean".
QStringList functionNames();

// The implementations behind the table in functions.cpp, by file.

// String functions (stringfunctions.cpp).
bool fnConcat(Evaluator &, const Node &, Value &);
bool fnConcatWs(Evaluator &, const Node &, Value &);
bool fnTrim(Evaluator &, const Node &, Value &);
bool fnLtrim(Evaluator &, const Node &, Value &);
bool fnRtrim(Evaluator &, const Node &, Value &);
bool fnReplace(Evaluator &, const Node &, Value &);
bool fnSubstring(Evaluator &, const Node &, Value &);
bool fnLeft(Evaluator &, const Node &, Value &);
bool fnRight(Evaluator &, const Node &, Value &);
bool fnLocate(Evaluator &, const Node &, Value &);
bool fnInstr(Evaluator &, const Node &, Value &);
bool fnUpper(Evaluator &, const Node &, Value &);
bool fnLower(Evaluator &, const Node &, Value &);
bool fnLength(Evaluator &, const Node &, Value &);
bool fnCharLength(Evaluator &, const Node &, Value &);
bool fnLpad(Evaluator &, const Node &, Value &);
bool fnRpad(Evaluator &, const Node &, Value &);
bool fnReverse(Evaluator &, const Node &, Value &);
bool fnRepeat(Evaluator &, const Node &, Value &);
bool fnSpace(Evaluator &, const Node &, Value &);
bool fnSubstringIndex(Evaluator &, const Node &, Value &);
bool fnFormat(Evaluator &, const Node &, Value &);

// Aggregates and value maps (aggregatefunctions.cpp).
bool fnSum(Evaluator &, const Node &, Value &);
bool fnAvg(Evaluator &, const Node &, Value &);
bool fnCount(Evaluator &, const Node &, Value &);
bool fnMin(Evaluator &, const Node &, Value &);
bool fnMax(Evaluator &, const Node &, Value &);
bool fnMap(Evaluator &, const Node &, Value &);

// Date functions (datefunctions.cpp; date arithmetic in dateadd.cpp).
bool fnNow(Evaluator &ev, const Node &n, Value &out);
bool fnCurDate(Evaluator &ev, const Node &n, Value &out);
bool fnUnixTimestamp(Evaluator &ev, const Node &n, Value &out);
bool fnFromUnixTime(Evaluator &ev, const Node &n, Value &out);
bool fnDateFormat(Evaluator &ev, const Node &n, Value &out);
bool fnStrToDate(Evaluator &ev, const Node &n, Value &out);
bool fnDateDiff(Evaluator &ev, const Node &n, Value &out);
bool fnTimestampDiff(Evaluator &ev, const Node &n, Value &out);
bool fnDate(Evaluator &ev, const Node &n, Value &out);
bool fnDatePart(Evaluator &ev, const Node &n, Value &out);
bool fnLastDay(Evaluator &ev, const Node &n, Value &out);
bool fnExtract(Evaluator &ev, const Node &n, Value &out);
StaticType typeNow(Node &n);
StaticType typeFromUnixTime(Node &n);
StaticType typeUnixTimestamp(Node &n);
StaticType typeStrToDate(Node &n);
/// DATE_ADD / DATE_SUB / + INTERVAL.
bool evalDateAdd(Evaluator &ev, const Node &n, Value &out);
StaticType typeDateAdd(Node &n);
/// CAST / CONVERT to a temporal type, used by the evaluator's cast.
bool castToTemporal(Evaluator &ev, const Node &n, const Value &v, bool withTime, Value &out);

/// Parses an interval unit name (DAY, HOUR_MINUTE…); false when unknown.
bool parseUnit(QStringView name, Unit *unit);
QStringList unitNames();

} // namespace weft::expr::detail
