#pragma once

#include "core/model/scheme.h"

#include <QString>

namespace weft {

/// A short, one-line summary of a step's settings for the canvas ("items", the condition…).
QString stepSummary(const Step &step);

} // namespace weft
