#pragma once

// Process identity and liveness are platform code (core/platform/processidentity.h); this
// header keeps the engine's and the state store's includes working until they include it.
#include "core/platform/processidentity.h"
