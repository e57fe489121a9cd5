#pragma once

#include <functional>

namespace weft {

/// Calls `onRequest` (once, on the main thread, from its event loop) when the process is
/// asked to stop: SIGINT (Ctrl+C) or SIGTERM (kill, systemd stop). The handler itself only
/// sets a flag — nothing else is safe in a signal handler — and a timer on the main thread
/// polls it every 100 ms. Needs a QCoreApplication. On Windows Ctrl+C arrives as SIGINT too;
/// closing the console window (CTRL_CLOSE_EVENT) is not handled (docs/building.md).
void onTerminationRequest(std::function<void()> onRequest);

/// Ends this process the way `kill -9` or a power cut would: no handler, no flushing, no
/// destructor runs (SIGKILL; elsewhere an immediate _Exit). The crash points' way out
/// (util/crashpoint.h).
[[noreturn]] void killThisProcess();

} // namespace weft
