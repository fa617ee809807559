package se.kommun.kvalitet.deviations.record;

import java.time.Instant;
import java.time.LocalDate;

/** A deviation as stored in {@code app.deviation}. */
public record Deviation(long id, String reference, Area area, String unit, String managerGroup, Instant occurredAt,
        Instant reportedAt, String reportedBy, String place, String description, String immediateMeasures,
        String affectedPersonRef, DeviationStatus status, Integer consequence, Integer likelihood, String riskLevel,
        Boolean lexSarah, Boolean lexMaria, String lexSarahInvestigation, Boolean lexSarahSerious,
        String lexSarahSeriousReason, String lexMariaInvestigation, String rootCauseCategory, String rootCause,
        String measures, String measureOwner, LocalDate measureDueOn, int followUps, Boolean measureEffective,
        String learningSummary, Instant closedAt) {
}
