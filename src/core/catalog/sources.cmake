set(WEFT_CORE_catalog_SOURCES
    catalog.cpp catalog.h
    catalogcheck.cpp catalogcheck.h
    catalogmetadata.cpp catalogmetadata.h
    catalogreader.cpp catalogreader.h
)
