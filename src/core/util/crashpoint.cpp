#include "core/util/crashpoint.h"

#include "core/platform/terminationsignal.h"

#include <QByteArray>
#include <QtGlobal>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <mutex>

#include <cstdlib>

namespace weft::crashpoint {

namespace {

struct Armed {
    QByteArray point; ///< empty: no crash point (the normal case)
    int nth = 1;
    std::atomic_int hits{0};
};

Armed &armedPoint()
{
    static Armed *a = [] {
        auto *result = new Armed; // never freed: read until the process ends
        const QByteArray spec = qgetenv("WEFT_CRASH_AT");
        if (spec.isEmpty())
            return result;
        const qsizetype at = spec.indexOf('@');
        result->point = at < 0 ? spec : spec.left(at);
        if (at >= 0)
            result->nth = std::max(1, spec.mid(at + 1).toInt());
        bool known = false;
        for (const char *p : kCrashPoints)
            known = known || result->point == p;
        if (!known) {
            // A test that names a point the code does not have would wait for a crash that
            // never comes: say so loudly and stop.
            std::fprintf(stderr, "WEFT_CRASH_AT: unknown crash point '%s'\n",
                         result->point.constData());
            std::_Exit(70);
        }
        return result;
    }();
    return *a;
}

bool hitNow(const char *point)
{
    Armed &a = armedPoint();
    if (a.point.isEmpty() || std::strcmp(a.point.constData(), point) != 0)
        return false;
    return a.hits.fetch_add(1) + 1 == a.nth;
}

} // namespace

void reach(const char *point)
{
    if (!hitNow(point))
        return;
    std::fprintf(stderr, "WEFT_CRASH_AT: killing the process at '%s'\n", point);
    std::fflush(stderr);
    killThisProcess();
}

bool armed(const char *point)
{
    const Armed &a = armedPoint();
    return !a.point.isEmpty() && std::strcmp(a.point.constData(), point) == 0;
}

bool fires(const char *point)
{
    return hitNow(point);
}

} // namespace weft::crashpoint
