#pragma once

#include <QString>
#include <QStringList>

namespace weft {

/// Edit distance (insertions, deletions, substitutions, swaps of neighbours),
/// case-insensitive.
int editDistance(QStringView a, QStringView b);

/// The candidate closest to `word`, or an empty string when none is close enough to be a
/// plausible typo. Used for every "did you mean …?" in Weft's error messages.
QString nearestName(const QString &word, const QStringList &candidates);

/// " (did you mean X?)" when a near candidate exists, otherwise an empty string.
QString didYouMean(const QString &word, const QStringList &candidates);

} // namespace weft
