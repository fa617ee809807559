package se.kommun.kvalitet.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.actionplans.ActionPlanSubmitted;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * Starts a styrkort plan's process ({@code unitActionPlan}) and tells it, in the same transaction, what happened to
 * the plan: handed in, reviewed, verified; and sets up each later round's plan in it. The process reminds and
 * escalates with the shared escalation steps. A plan requested before the process existed has no instance: its steps
 * correlate with nothing and go on as before.
 */
@Component
class UnitActionPlans {

    /** Timers fire at the start of the working day in the municipality's zone. */
    private static final LocalTime MORNING = LocalTime.of(8, 0);

    private final RuntimeService runtimeService;
    private final Organisation organisation;
    private final Clock clock;
    private final Period reminderBefore;
    private final int maxRounds;

    UnitActionPlans(RuntimeService runtimeService, Organisation organisation, Clock clock,
            @Value("${kvalitet.statistics.scorecard.action-plan-reminder-before}") Period reminderBefore,
            @Value("${kvalitet.statistics.scorecard.max-plan-rounds}") int maxRounds) {
        if (reminderBefore.isNegative()) {
            throw new IllegalArgumentException("kvalitet.statistics.scorecard.action-plan-reminder-before must not be "
                    + "negative");
        }
        if (maxRounds < 1) {
            throw new IllegalArgumentException("kvalitet.statistics.scorecard.max-plan-rounds must be at least 1");
        }
        this.runtimeService = runtimeService;
        this.organisation = organisation;
        this.clock = clock;
        this.reminderBefore = reminderBefore;
        this.maxRounds = maxRounds;
    }

    /** In the transaction that requested the plan: a failed start undoes the request and the settlement with it. */
    void start(long planId, Organisation.Unit unit, int year, LocalDate deadline) {
        Map<String, Object> variables = deadlineVariables(deadline);
        variables.put(UnitActionPlanProcess.ACTION_PLAN_ID.name(), planId);
        variables.put(UnitActionPlanProcess.PLAN_ROUND.name(), 1);
        variables.put(UnitActionPlanProcess.MAX_PLAN_ROUNDS.name(), maxRounds);
        variables.put(UnitActionPlanProcess.SCORECARD_PAGE.name(), ScorecardPageController.pageOf(unit.id(), year));
        variables.put(UnitActionPlanProcess.MANAGER_GROUP.name(), unit.managerGroup());
        variables.put(UnitActionPlanProcess.PROCESS_OWNER_GROUP.name(), organisation.processOwnerGroup());
        runtimeService.startProcessInstanceByKey(UnitActionPlanProcess.PROCESS_KEY,
                UnitActionPlanProcess.reference(planId), variables);
    }

    /** In the manager's transaction: if the process cannot take the plan, the plan is not taken either. */
    @EventListener
    void onPlanSubmitted(ActionPlanSubmitted submitted) {
        if (Scorecards.OWNER_KIND.equals(submitted.owner().kind())) {
            correlate(UnitActionPlanProcess.PLAN_SUBMITTED, submitted.planId(), new HashMap<>());
        }
    }

    /** Approved with its follow-up date, or sent back with the revision's deadline. */
    void reviewed(long planId, boolean approved, LocalDate date) {
        Map<String, Object> variables = approved ? new HashMap<>() : deadlineVariables(date);
        variables.put(UnitActionPlanProcess.PLAN_APPROVED.name(), approved);
        if (approved) {
            variables.put(UnitActionPlanProcess.FOLLOW_UP_DATE.name(), morningOf(date));
        }
        correlate(UnitActionPlanProcess.PLAN_REVIEWED, planId, variables);
    }

    void verified(long planId, boolean allRemedied) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(UnitActionPlanProcess.MEASURES_REMEDIED.name(), allRemedied);
        correlate(UnitActionPlanProcess.PLAN_VERIFIED, planId, variables);
    }

    /**
     * "Begär ny handlingsplan": the round's plan takes over the instance (the steps correlate on its id) with its own
     * deadline, timed as the first; the previous round's review and verification answers go, so none routes it.
     */
    void nextRound(DelegateExecution execution, Scorecards.PlanRound round) {
        execution.setVariables(deadlineVariables(round.deadline()));
        UnitActionPlanProcess.ACTION_PLAN_ID.set(execution, round.planId());
        UnitActionPlanProcess.PLAN_ROUND.set(execution, round.round());
        for (var answer : List.of(UnitActionPlanProcess.PLAN_APPROVED, UnitActionPlanProcess.MEASURES_REMEDIED,
                UnitActionPlanProcess.FOLLOW_UP_DATE)) {
            execution.removeVariable(answer.name());
        }
    }

    /** The deadline day itself is still in time: the reminder comes before it, the escalation the morning after. */
    private Map<String, Object> deadlineVariables(LocalDate deadline) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(SlaVariables.DUE_DATE.name(), morningOf(deadline));
        variables.put(SlaVariables.REMINDER_DATE.name(), morningOf(deadline.minus(reminderBefore)));
        variables.put(SlaVariables.ESCALATION_DATE.name(), morningOf(deadline.plusDays(1)));
        return variables;
    }

    private Date morningOf(LocalDate day) {
        return Date.from(day.atTime(MORNING).atZone(clock.getZone()).toInstant());
    }

    private void correlate(String message, long planId, Map<String, Object> variables) {
        runtimeService.createMessageCorrelation(message)
                .processInstanceVariableEquals(UnitActionPlanProcess.ACTION_PLAN_ID.name(), planId)
                .setVariables(variables).correlateAllWithResult();
    }
}
