package se.kommun.kvalitet.contracts.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** One follow-up of a contract: its result, deficiencies, action plan and, where measures failed, the outcome. */
public record FollowUp(long id, long contractId, Instant startedAt, String startedBy, String overallResult,
        String performedBy, Instant performedAt, Long actionPlanId, EscalationOutcome outcome, String outcomeReason,
        BigDecimal settlementAmount, Instant closedAt, List<Finding> deficiencies) {

    /** A deficiency found: an area and what was seen. */
    public record Finding(String area, String description) {
    }
}
