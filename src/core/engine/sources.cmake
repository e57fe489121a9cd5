set(WEFT_CORE_engine_SOURCES
    preview.cpp preview.h
    runner.cpp runner.h
    runtypes.h
    schemerun.cpp schemerun.h
    transform.cpp transform.h
)
