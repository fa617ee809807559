package se.kommun.kvalitet.qualitypayment;

/** A refused field: its name, the rule it broke (a stable code) and a message in Swedish / English. */
record ResultError(String field, String rule, String message) {
}
