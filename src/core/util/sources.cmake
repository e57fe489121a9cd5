set(WEFT_CORE_util_SOURCES
    envexpand.cpp envexpand.h
    jsonlocator.cpp jsonlocator.h
    jsontape.cpp jsontape.h
    jsonwriter.cpp jsonwriter.h
    bloomfilter.cpp bloomfilter.h
    crashpoint.cpp crashpoint.h
    scalartext.h
    textdistance.cpp textdistance.h
    translation.cpp translation.h
)
