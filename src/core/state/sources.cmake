set(WEFT_CORE_state_SOURCES
)
