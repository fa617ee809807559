package se.kommun.kvalitet.awards;

/**
 * One criterion of a call, e.g. {@code K1} "Kunden i fokus", with its weight in the ranking (a whole number, 1–10:
 * the jury's chair explains a weight more easily as "counts three times" than as 0.375).
 */
public record Criterion(String code, String title, int weight) {
}
