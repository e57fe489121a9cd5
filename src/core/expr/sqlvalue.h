#pragma once

#include "core/expr/datetime.h"
#include "core/expr/decimal.h"

#include <QJsonValue>
#include <QString>
#include <optional>

namespace weft::expr::detail {

/// The types a `_function` value can have, modelled on MySQL's: the result of `1.5*2` is a
/// DECIMAL that prints "3.0", of `'12.5'*2` a DOUBLE that prints "25". Json holds an array or
/// object taken from a record (for SUM({items.qty}) and for passing objects through).
enum class Kind : quint8 { Null, Int, Decimal, Double, String, Date, DateTime, Json };

/// One value during evaluation.
struct Value {
    Kind kind = Kind::Null;
    qint8 decimals = -1; ///< DOUBLE only: fixed fraction digits MySQL prints; -1: shortest form
    qint64 i = 0;
    double d = 0;
    Decimal dec;
    DateTime dt;
    QString s;
    QJsonValue json;

    static Value makeInt(qint64 v)
    {
        Value r;
        r.kind = Kind::Int;
        r.i = v;
        return r;
    }
    static Value makeDouble(double v, int decimals = -1)
    {
        Value r;
        r.kind = Kind::Double;
        r.d = v;
        r.decimals = qint8(decimals >= 0 && decimals <= 30 ? decimals : -1);
        return r;
    }
    static Value makeDecimal(const Decimal &v)
    {
        Value r;
        r.kind = Kind::Decimal;
        r.dec = v;
        return r;
    }
    static Value makeString(QString v)
    {
        Value r;
        r.kind = Kind::String;
        r.s = std::move(v);
        return r;
    }
    static Value makeDate(const DateTime &v, bool withTime)
    {
        Value r;
        r.kind = withTime ? Kind::DateTime : Kind::Date;
        r.dt = v;
        if (!withTime) {
            r.dt.hour = r.dt.minute = r.dt.second = r.dt.micro = r.dt.fsp = 0;
        }
        return r;
    }
    static Value makeJson(const QJsonValue &v)
    {
        Value r;
        r.kind = Kind::Json;
        r.json = v;
        return r;
    }

    bool isNull() const { return kind == Kind::Null; }
    bool isNumeric() const
    {
        return kind == Kind::Int || kind == Kind::Decimal || kind == Kind::Double;
    }
    bool isTemporal() const { return kind == Kind::Date || kind == Kind::DateTime; }
};

/// A type known before evaluation (of literals, operators, most functions), used where MySQL
/// merges the types of several branches (IF, CASE, COALESCE…): IF(0, 1.5, 2) prints "2.0".
struct StaticType {
    enum class K : quint8 { Dynamic, Null, Int, Decimal, Double, String, Date, DateTime, Json };
    K kind = K::Dynamic;
    int scale = 0; ///< DECIMAL display digits; DOUBLE fixed digits (-1: shortest form)
};

StaticType staticTypeOf(const Value &v);
/// MySQL's result type of several branches; Dynamic branches are skipped.
StaticType mergeTypes(const StaticType &a, const StaticType &b);
/// Converts a branch value to the merged type of all branches.
Value castTo(const Value &v, const StaticType &type);

// ---- conversions with MySQL semantics -------------------------------------------------

/// The text MySQL prints for the value (the client's view); empty for NULL.
QString toText(const Value &v);
/// MySQL's val_real(): strings use their numeric prefix ('12abc' → 12, 'abc' → 0).
double toDouble(const Value &v, bool *truncated = nullptr);
/// MySQL's val_int(): DECIMAL rounds half away from zero, DOUBLE rounds half to even,
/// strings use their integer prefix.
qint64 toInt(const Value &v, bool *truncated = nullptr);
/// MySQL's val_decimal(); nullopt on overflow.
std::optional<Decimal> toDecimal(const Value &v);
/// Truth value of a non-NULL value (a number other than zero).
bool toBool(const Value &v);
/// DATE/DATETIME of a value (strings and numbers are converted like MySQL does); nullopt when
/// it is not a valid date. `hasTime` tells whether the value had a time part.
std::optional<DateTime> toDateTime(const Value &v, bool *hasTime = nullptr);

/// How evaluation results become JSON: integers stay integers, DECIMAL becomes a JSON number
/// when ≤ 15 significant digits make that exact (else its text), dates become text.
QJsonValue toJson(const Value &v);

/// A JSON value as a _function operand, e.g. a field value from the record.
/// `asLiteral` gives the textual-substitution meaning of an unquoted placeholder: a string
/// that is a number literal ("12.5") becomes that number, as it would after substitution.
Value fromJson(const QJsonValue &v, bool asLiteral);

/// The number literal `text` stands for (INT, DECIMAL, or DOUBLE with an exponent), after
/// trimming spaces; nullopt when it is not exactly one number literal.
std::optional<Value> parseNumberLiteral(QStringView text);

/// MySQL's text of a DOUBLE: the shortest exact digits, "1e15" style from 1e15 on; with
/// `decimals` ≥ 0 (ROUND(x, 2) of a DOUBLE), exactly that many fraction digits.
QString doubleToText(double v, int decimals = -1);
/// Fraction digits of a value in DOUBLE arithmetic: fixed ones, or -1 (shortest form).
int doubleDecimals(const Value &v);
/// The value of the longest numeric prefix ('  12.5e1xyz' → 125); `complete` says whether the
/// whole text was a number.
double parseDoublePrefix(QStringView text, bool *complete = nullptr);
/// Text of a JSON value as textual substitution writes it: strings as they are, numbers in
/// their shortest form, null as nothing, arrays and objects as compact JSON.
QString jsonToText(const QJsonValue &v);

} // namespace weft::expr::detail
