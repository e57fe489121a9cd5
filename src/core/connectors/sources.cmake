set(WEFT_CORE_connectors_SOURCES
)
