package se.kommun.kvalitet.contracts.register;

/** A refused field: its name, the rule it broke (a stable code) and a message in Swedish / English. */
public record FieldError(String field, String rule, String message) {
}
