#pragma once

#include <QString>
#include <optional>

namespace weft::expr::detail::str {

// MySQL counts characters in code points; QString counts UTF-16 units. These helpers bridge
// the two (a fast path skips the work for strings without surrogate pairs).

bool hasSurrogates(QStringView s);
qsizetype codePointCount(QStringView s);
/// UTF-16 offset of code point `index` (clamped to the end).
qsizetype offsetOfCodePoint(QStringView s, qsizetype index);
/// Code points [start, start + count) as a view (clamped).
QStringView midCodePoints(QStringView s, qsizetype start, qsizetype count = -1);
/// Bytes of the text in UTF-8 (MySQL LENGTH()).
qsizetype utf8Length(QStringView s);

/// utf8mb4_general_ci, MySQL's collation for utf8mb4 strings: case- and accent-insensitive,
/// trailing spaces ignored (PAD SPACE).
int compareCi(QStringView a, QStringView b);
/// The weight of one code point under utf8mb4_general_ci.
char32_t weight(char32_t c);
/// `text LIKE pattern ESCAPE escape` under the same collation (no padding rule for LIKE);
/// nullopt when matching would take unreasonably long (many % against a huge text).
std::optional<bool> like(QStringView text, QStringView pattern, char32_t escape = U'\\');
/// 1-based code point position of `needle` in `haystack` at or after code point `from`
/// (1-based), case-insensitively; 0 when absent. LOCATE/INSTR/POSITION.
qsizetype locate(QStringView haystack, QStringView needle, qsizetype from = 1);

/// UPPER()/LOWER(): one-to-one case mapping, like MySQL ('ß' stays 'ß').
QString upper(QStringView s);
QString lower(QStringView s);

} // namespace weft::expr::detail::str
