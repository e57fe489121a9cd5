set(WEFT_CORE_model_SOURCES
)
