package se.kommun.kvalitet.cases;

/**
 * Names shared between Java and processes/case-handling.bpmn, declared once: the process key, the
 * variables the process reads and writes, and its messages.
 */
final class CaseProcess {

    static final String PROCESS_KEY = "caseHandling";
    static final String SUPPLEMENT_RECEIVED_MESSAGE = "supplementReceived";

    /** Set at start (by intake or the registering step). */
    static final String CASE_REFERENCE = "caseReference";
    static final String CASE_TYPE = "caseType";
    static final String CATEGORY = "category";
    static final String RECEIVED_DATE = "receivedDate";
    /** A short, plain summary for task names and forms (the full text stays in the case table). */
    static final String CASE_SUMMARY = "caseSummary";

    /** Start form (officer registration). */
    static final String DESCRIPTION = "description";
    static final String CHANNEL = "channel";
    static final String CONTACT_NAME = "contactName";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String CONTACT_PHONE = "contactPhone";
    static final String ADDRESS = "address";
    static final String LANGUAGE = "language";

    /** Routing decision outputs (processes/case-routing.dmn) and SLA. */
    static final String CANDIDATE_GROUP = "candidateGroup";
    static final String MANAGER_GROUP = "managerGroup";
    static final String PRIORITY = "priority";
    static final String DUE_DATE = "dueDate";

    /** Officer forms. */
    static final String FINDINGS = "findings";
    static final String OUTCOME = "investigationOutcome";
    static final String SUPPLEMENT_QUESTION = "supplementQuestion";
    static final String REROUTE_TO = "rerouteTo";
    static final String FORWARDED_TO = "forwardedTo";
    static final String MEASURES = "measures";
    static final String ROOT_CAUSE = "rootCause";
    static final String FEEDBACK = "feedback";

    /**
     * The units "Till vilken enhet?" offers (the investigate form's {@code valuesKey}), as [{label, value}]:
     * written at routing from the organisation, never by a client (it is no form field).
     */
    static final String UNIT_CHOICES = "unitChoices";

    /** Duplicate check for fault reports. */
    static final String DUPLICATE_OF = "duplicateOf";

    static final int SUMMARY_LENGTH = 300;

    private CaseProcess() {
    }

    static String summary(String description) {
        String oneLine = description.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
