set(WEFT_CORE_connectors_SOURCES
    connector.cpp connector.h
    connectorerror.cpp connectorerror.h
    credentialrenewal.cpp credentialrenewal.h
    dingtalk.cpp dingtalk.h
    factory.cpp
    httpclient.cpp httpclient.h
    httpjson.cpp httpjson.h
    jushuitan.cpp jushuitan.h
    kingdeejdy.cpp kingdeejdy.h
    kingdeek3cloud.cpp kingdeek3cloud.h
    localstore.cpp localstore.h
    mysqlbulk.cpp mysqlbulk.h
    mysqlsource.cpp mysqlsource.h
    mysqlsql.cpp mysqlsql.h
    mysqlrowencoder.cpp mysqlrowencoder.h
    mysqltarget.cpp mysqltarget.h
    mysqltargettable.cpp mysqltargettable.h
    mysqlwriteledger.cpp mysqlwriteledger.h
    mysqlwriter.cpp mysqlwriter.h
    projectenvironment.cpp projectenvironment.h
    ratelimiter.cpp ratelimiter.h
    resolvedconnection.cpp resolvedconnection.h
)
