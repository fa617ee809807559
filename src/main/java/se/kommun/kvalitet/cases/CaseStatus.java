package se.kommun.kvalitet.cases;

/** The status a citizen sees on the status page (labels in the message bundle: status.*). */
enum CaseStatus {
    RECEIVED,
    IN_PROGRESS,
    WAITING_FOR_CITIZEN,
    LINKED,
    CLOSED
}
