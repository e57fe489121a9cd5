set(WEFT_CORE_engine_SOURCES
)
