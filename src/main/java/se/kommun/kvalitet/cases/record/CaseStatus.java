package se.kommun.kvalitet.cases.record;

/** The status a citizen sees on the status page (labels in the message bundle: status.*). */
public enum CaseStatus {
    RECEIVED,
    IN_PROGRESS,
    WAITING_FOR_CITIZEN,
    LINKED,
    CLOSED
}
