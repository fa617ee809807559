package se.kommun.kvalitet.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlanNotFoundException;
import se.kommun.kvalitet.actionplans.ActionPlanStatus;
import se.kommun.kvalitet.actionplans.ActionPlans;

/**
 * The follow-up of a styrkort's handlingsplan once the unit's manager has handed it in, with the action-plan
 * mechanism's own rules: process owners, the quality group or administrators review it (approve, or send it back with
 * comments and a new deadline) and, from its follow-up date (the latest measure date), verify each measure. Each
 * step is handed to the plan's process in the same transaction ({@link UnitActionPlans}).
 */
@Component
class UnitPlanFollowUp {

    private final ActionPlans actionPlans;
    private final StatisticsAccess access;
    private final UnitActionPlans planProcesses;
    private final Clock clock;
    private final Period revisionDueAfter;

    UnitPlanFollowUp(ActionPlans actionPlans, StatisticsAccess access, UnitActionPlans planProcesses, Clock clock,
            @Value("${kvalitet.statistics.scorecard.action-plan-due-after}") Period revisionDueAfter) {
        this.actionPlans = actionPlans;
        this.access = access;
        this.planProcesses = planProcesses;
        this.clock = clock;
        this.revisionDueAfter = revisionDueAfter;
    }

    /** Approved: returns the follow-up date; sent back: returns the new deadline for the revision. */
    @Transactional
    LocalDate review(long planId, boolean approved, String comments, Authentication reviewer) {
        ActionPlan plan = unitPlan(planId, reviewer);
        if (plan.status() != ActionPlanStatus.SUBMITTED) {
            throw new IllegalStateException("Handlingsplanen är inte inlämnad för granskning / the plan is not "
                    + "submitted for review (" + plan.status() + ")");
        }
        if (approved) {
            LocalDate followUpOn = actionPlans.approve(planId, reviewer.getName());
            planProcesses.reviewed(planId, true, followUpOn);
            return followUpOn;
        }
        actionPlans.sendBack(planId, comments, reviewer.getName());
        LocalDate deadline = LocalDate.now(clock).plus(revisionDueAfter);
        actionPlans.renewDeadline(planId, deadline);
        planProcesses.reviewed(planId, false, deadline);
        return deadline;
    }

    /** Each measure remedied or not, by position; returns whether all are. From the follow-up date on. */
    @Transactional
    boolean verify(long planId, Map<Integer, Boolean> remediedByPosition, Authentication reviewer) {
        ActionPlan plan = unitPlan(planId, reviewer);
        if (plan.status() != ActionPlanStatus.APPROVED) {
            throw new IllegalStateException("Handlingsplanen är inte godkänd / the plan is not approved ("
                    + plan.status() + ")");
        }
        if (LocalDate.now(clock).isBefore(plan.followUpOn())) {
            throw new IllegalStateException("Åtgärderna följs upp från " + plan.followUpOn() + " / the measures are "
                    + "followed up from " + plan.followUpOn());
        }
        boolean allRemedied = actionPlans.verify(planId, remediedByPosition, reviewer.getName());
        planProcesses.verified(planId, allRemedied);
        return allRemedied;
    }

    private ActionPlan unitPlan(long planId, Authentication reviewer) {
        if (!access.reviewsPlans(reviewer)) {
            throw new AccessDeniedException("Only process owners, quality and administrators review unit plans");
        }
        return actionPlans.find(planId).filter(plan -> plan.owner().kind().equals(Scorecards.OWNER_KIND))
                .orElseThrow(() -> new ActionPlanNotFoundException(planId));
    }
}
