package se.kommun.kvalitet.awards;

/** One jury member's score (1–5) of one application on one criterion, with her comment. */
public record Score(String member, String application, String criterion, int value, String comment) {
}
