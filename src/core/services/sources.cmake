set(WEFT_CORE_services_SOURCES
    background.h
    connectionprobe.cpp connectionprobe.h
    mysqlcolumns.cpp mysqlcolumns.h
)
