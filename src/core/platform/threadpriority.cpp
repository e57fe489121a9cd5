#include "core/platform/threadpriority.h"

#include <QtGlobal>

#if defined(Q_OS_LINUX)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <windows.h>
#endif

namespace weft {

void lowerThisThreadPriority(int niceIncrement)
{
#if defined(Q_OS_LINUX)
    // On Linux a nice value belongs to a thread: PRIO_PROCESS with a thread id sets only it.
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), niceIncrement);
#elif defined(Q_OS_WIN)
    // Windows has a few priority levels, not nice steps: any lowering is one level down.
    if (niceIncrement > 0)
        SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_BELOW_NORMAL);
#else
    Q_UNUSED(niceIncrement);
#endif
}

} // namespace weft
