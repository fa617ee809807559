package se.kommun.kvalitet.cases.record;

/** How the matter reached the municipality. */
public enum Channel {
    WEB,
    API,
    LETTER,
    PHONE,
    VISIT,
    EMAIL,
    /** An app speaking Open311 GeoReport v2 (FixaMinGata, SeeClickFix, ...); the case names which one. */
    OPEN311
}
