#include "widgets/common/resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside a namespace.
static void initWeftResources()
{
    Q_INIT_RESOURCE(weft);
}

namespace weft {

void initWidgetsResources()
{
    static const bool done = [] {
        initWeftResources();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace weft
