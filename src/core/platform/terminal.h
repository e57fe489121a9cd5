#pragma once

#include <cstdio>

namespace weft {

/// Whether `stream` (stdout, stderr) goes to an interactive terminal rather than a file or a
/// pipe: weft-run draws its progress bar only there.
bool isTerminal(std::FILE *stream);

} // namespace weft
