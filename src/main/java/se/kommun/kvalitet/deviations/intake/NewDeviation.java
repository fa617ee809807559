package se.kommun.kvalitet.deviations.intake;

/**
 * A deviation as reported through {@code POST /api/deviations} or Tasklist's start form. Every field is text so that
 * a wrong value is refused with the field's name and rule, not as unreadable JSON.
 */
public record NewDeviation(String area, String unit, String occurredAt, String place, String description,
        String immediateMeasures, String affectedPersonRef) {
}
