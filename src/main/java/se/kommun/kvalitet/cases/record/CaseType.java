package se.kommun.kvalitet.cases.record;

/** What the citizen sends; the reference series follows from it. */
public enum CaseType {
    COMPLAINT("SYN"),
    SUGGESTION("SYN"),
    PRAISE("SYN"),
    QUESTION("SYN"),
    FAULT_REPORT("FEL");

    private final String referencePrefix;

    CaseType(String referencePrefix) {
        this.referencePrefix = referencePrefix;
    }

    public String referencePrefix() {
        return referencePrefix;
    }

    public Category.Kind categoryKind() {
        return this == FAULT_REPORT ? Category.Kind.FAULT_REPORT : Category.Kind.FEEDBACK;
    }
}
