set(WEFT_CORE_engine_SOURCES
    accountlimits.cpp accountlimits.h
    alerts.cpp alerts.h
    backfillworker.cpp backfillworker.h
    opsoverview.cpp opsoverview.h
    opsreporter.cpp opsreporter.h
    preview.cpp preview.h
    runner.cpp runner.h
    runtypes.h
    scheduler.cpp scheduler.h
    statelocation.cpp statelocation.h
    schedulercontrol.cpp
    storelookup.cpp storelookup.h
    schemerun.cpp schemerun.h
    schemerunoutput.cpp
    syncwindows.cpp syncwindows.h
    schemetransform.h
    transform.cpp transform.h
    transformapply.cpp
    transformtrace.cpp
    validaterules.cpp validaterules.h
)
