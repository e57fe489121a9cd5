set(WEFT_CORE_state_SOURCES
    contenthash.cpp
    staterecords.cpp staterecords.h
    statestore.cpp statestore.h statestore_p.h
    statestoreops.cpp
    statestorerecords.cpp
)
