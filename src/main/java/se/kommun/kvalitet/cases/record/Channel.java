package se.kommun.kvalitet.cases.record;

/** How the matter reached the municipality. */
public enum Channel {
    WEB,
    API,
    LETTER,
    PHONE,
    VISIT,
    EMAIL
}
