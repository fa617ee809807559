package se.kommun.kvalitet.actionplans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan and its measures, one per deficiency.
 *
 * @param followUpOn the day its measures are checked: the latest measure date, fixed on approval
 */
public record ActionPlan(long id, OwnerReference owner, ActionPlanStatus status, LocalDate deadline,
        Instant requestedAt, Instant submittedAt, String reviewComments, String reviewedBy, LocalDate followUpOn,
        int revisions, List<Measure> measures) {

    /**
     * One deficiency and what the author does about it; {@code measure}, {@code responsible} and {@code dueOn}
     * are empty until the plan is handed in, {@code remedied} until it is verified.
     */
    public record Measure(long id, int position, String area, String deficiency, String measure,
            String responsible, LocalDate dueOn, Boolean remedied, String verifiedBy) {
    }
}
