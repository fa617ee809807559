package se.kommun.kvalitet.cases;

/** How the matter reached the municipality. */
enum Channel {
    WEB,
    API,
    LETTER,
    PHONE,
    VISIT,
    EMAIL
}
