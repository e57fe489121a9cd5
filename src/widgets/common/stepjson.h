#pragma once

// The step JSON lives in the core (core/model/stepjson.h); this header keeps the canvas's
// include of both working until it includes them itself.
#include "core/model/stepjson.h"
#include "widgets/common/stepsummary.h"
