set(WEFT_CORE_log_SOURCES
    logging.cpp logging.h
)
