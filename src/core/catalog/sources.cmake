set(WEFT_CORE_catalog_SOURCES
    catalog.cpp catalog.h
    catalogcheck.cpp catalogcheck.h
    catalogmetadata.cpp catalogmetadata.h
    catalogreader.cpp catalogreader.h
    fieldmatch.cpp fieldmatch.h
    integrationdraft.cpp integrationdraft.h
    tableproposal.cpp tableproposal.h
)
