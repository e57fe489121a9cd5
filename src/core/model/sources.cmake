set(WEFT_CORE_model_SOURCES
    adaptermetadata.cpp adaptermetadata.h
    alertrule.cpp alertrule.h
    connection.cpp connection.h
    cronexpression.cpp cronexpression.h
    delivery.cpp delivery.h
    diagnostic.cpp diagnostic.h
    environment.cpp environment.h
    jsonobjectreader.cpp jsonobjectreader.h
    mysqlstatement.cpp mysqlstatement.h
    pinnedsamples.cpp pinnedsamples.h
    project.cpp project.h
    projectio.cpp projectio.h
    projectreader.cpp projectreader.h
    projectvalidator.cpp projectvalidator.h
    projectwriter.cpp projectwriter.h
    scheme.cpp scheme.h
    secretref.cpp secretref.h
    stepjson.cpp stepjson.h
)
