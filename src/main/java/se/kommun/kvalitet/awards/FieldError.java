package se.kommun.kvalitet.awards;

/** One refused field: where (e.g. {@code answers.K2}), which rule, and a message in Swedish for the applicant. */
public record FieldError(String field, String rule, String message) {
}
