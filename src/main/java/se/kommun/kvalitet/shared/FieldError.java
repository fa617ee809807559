package se.kommun.kvalitet.shared;

/**
 * One refused input field: its name (e.g. {@code number}, {@code answers.K2}), the rule it broke (a stable code
 * clients may switch on) and a message in Swedish first, then English.
 */
public record FieldError(String field, String rule, String message) {
}
