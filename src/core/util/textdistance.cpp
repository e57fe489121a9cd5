#include "core/util/textdistance.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace weft {

int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<int> prev(m + 1), cur(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        const QChar ca = a.at(i - 1).toCaseFolded();
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = ca == b.at(j - 1).toCaseFolded() ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
        }
        std::swap(prev, cur);
    }
    return prev[m];
}

QString nearestName(const QString &word, const QStringList &candidates)
{
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &c : candidates) {
        const int d = editDistance(word, c);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    // A suggestion must be plausibly the same word: at most a third of it differs
    // (DATE_FROMAT → DATE_FORMAT is 2 of 11), and always allow one slip in short words.
    const int allowed = std::max<int>(1, int(word.size()) / 3);
    return bestDistance <= allowed ? best : QString();
}

QString didYouMean(const QString &word, const QStringList &candidates)
{
    const QString n = nearestName(word, candidates);
    if (n.isEmpty() || n == word)
        return {};
    return QStringLiteral(" (did you mean %1?)").arg(n);
}

} // namespace weft
