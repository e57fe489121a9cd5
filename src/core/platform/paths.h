#pragma once

#include <QString>

namespace weft {

/// Where weft-studio writes its log file: the per-user application data directory —
/// ~/.local/share/Weft/weft-studio on Linux, %LOCALAPPDATA%\Weft\weft-studio on Windows —
/// created if missing; "" when there is none. Needs the application's organisation and name
/// set first.
QString userLogDirectory();

} // namespace weft
