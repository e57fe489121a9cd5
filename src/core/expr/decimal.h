#pragma once

#include <QString>
#include <optional>

namespace weft::expr::detail {

/// A MySQL DECIMAL: the value mant / 10^scale, shown with `display` fraction digits.
///
/// MySQL keeps more digits than it shows: 1/3 holds 0.333333333 but prints 0.3333, and
/// 1/3*3 then prints 1.0000 (not 0.9999). We keep both numbers for the same reason. The
/// mantissa is 128 bits (38 digits) instead of MySQL's 65; results that do not fit are an
/// error rather than a silent loss (see docs/expressions.md).
struct Decimal {
    __int128 mant = 0;
    int scale = 0;   ///< fraction digits held
    int display = 0; ///< fraction digits MySQL shows (the expression's "decimals")
};

inline constexpr int kMaxDecimalScale = 38;      // DECIMAL_MAX_SCALE of MariaDB
inline constexpr int kDivPrecisionIncrement = 4; // div_precision_increment default

namespace dec {

Decimal fromInt(qint64 v);
/// Parses a decimal literal ("-12.50", ".5", "1."); nullopt for anything else or overflow.
std::optional<Decimal> parse(QStringView text);
/// Parses the longest numeric prefix like MySQL's string → DECIMAL conversion (exponents
/// are applied); `complete` tells whether the whole text was used.
std::optional<Decimal> parsePrefix(QStringView text, bool *complete = nullptr);
/// The shortest exact decimal of a double (what MySQL does for CAST(double AS DECIMAL)).
std::optional<Decimal> fromDouble(double v);

double toDouble(const Decimal &d);
/// Rounds half away from zero to an integer; nullopt when it does not fit in 64 bits.
std::optional<qint64> toInt(const Decimal &d);

/// Changes the held digits: more digits are exact, fewer round half away from zero
/// (or truncate). nullopt on overflow.
std::optional<Decimal> rescale(const Decimal &d, int scale, bool truncate = false);
/// The value rounded to its display digits (how MySQL compares and prints it).
Decimal displayed(const Decimal &d);

std::optional<Decimal> add(const Decimal &a, const Decimal &b);
std::optional<Decimal> sub(const Decimal &a, const Decimal &b);
std::optional<Decimal> mul(const Decimal &a, const Decimal &b);
/// MySQL division: the quotient truncated to a multiple of 9 digits, shown with
/// a.display + div_precision_increment digits. `b` must not be zero.
std::optional<Decimal> div(const Decimal &a, const Decimal &b);
/// Remainder with the sign of `a`; `b` must not be zero.
std::optional<Decimal> mod(const Decimal &a, const Decimal &b);
/// Integer part of a / b (MySQL DIV), truncated toward zero.
std::optional<Decimal> intDiv(const Decimal &a, const Decimal &b);
Decimal negate(const Decimal &d);
Decimal abs(const Decimal &d);

/// Rounds to `digits` fraction digits (negative: to tens, hundreds…), half away from zero,
/// or truncates. The result shows max(digits, 0) digits.
std::optional<Decimal> round(const Decimal &d, int digits, bool truncate);
std::optional<Decimal> floor(const Decimal &d);
std::optional<Decimal> ceil(const Decimal &d);

/// Compares the displayed values (MariaDB rounds both sides to their decimals first).
int compare(const Decimal &a, const Decimal &b);
/// Compares the exact values.
int compareExact(const Decimal &a, const Decimal &b);
bool isZero(const Decimal &d);
int sign(const Decimal &d);

/// The value with exactly `display` fraction digits, as MySQL prints it ("0.00", never "-0").
QString toString(const Decimal &d);
/// Writes the digits of an unsigned 128-bit value.
QString uint128ToString(unsigned __int128 v);

} // namespace dec
} // namespace weft::expr::detail
