set(WEFT_CORE_state_SOURCES
    backfillstore.cpp backfillstore.h
    contenthash.cpp
    opsstore.cpp opsstore.h
    qualityreport.cpp qualityreport.h
    qualitystore.cpp qualitystore.h
    sqlitewrittenids.cpp sqlitewrittenids.h
    staterecords.cpp staterecords.h
    statestore.cpp statestore.h statestore_p.h
    statestoreops.cpp
    statestorerecords.cpp
    statestorebatches.cpp
    storecopy.cpp storecopy.h
)
