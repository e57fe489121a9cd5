#include "core/util/textdistance.h"

#include "core/util/translation.h"

#include <algorithm>
#include <limits>
#include <vector>

namespace weft {

int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    // Optimal string alignment: a swap of two neighbours ("nmae" → "name") is one slip,
    // the most common typo, so it counts as one edit.
    auto fold = [](QChar c) { return c.toCaseFolded(); };
    std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        prev[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        cur[0] = int(i);
        const QChar ca = fold(a.at(i - 1));
        for (qsizetype j = 1; j <= m; ++j) {
            const QChar cb = fold(b.at(j - 1));
            const int cost = ca == cb ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && ca == fold(b.at(j - 2)) && fold(a.at(i - 2)) == cb)
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        std::swap(prev2, prev);
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
    return ProjectText::tr(" (did you mean %1?)").arg(n);
}

} // namespace weft
