#pragma once

namespace weft {

/// Lowers the scheduling priority of the calling thread by `niceIncrement` steps (Linux: its
/// nice value; threads it starts afterwards inherit it). The designer's engine thread yields
/// this way to the GUI thread. Windows: one priority level below normal. A no-op elsewhere.
void lowerThisThreadPriority(int niceIncrement);

} // namespace weft
