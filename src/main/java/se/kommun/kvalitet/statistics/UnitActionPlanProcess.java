package se.kommun.kvalitet.statistics;

import static se.kommun.kvalitet.shared.ProcessVariable.server;

import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.ProcessVariables;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * Names shared between Java and processes/unit-action-plan.bpmn, declared once. One instance per missed key figure's
 * handlingsplan, its business key the first plan's reference ({@link #reference}), started in the transaction that
 * requests the plan. When the follow-up finds the deficiency not remedied it asks for the next round's plan, a new
 * plan in actionplans whose id replaces {@link #ACTION_PLAN_ID} (the steps correlate on it), until
 * {@link #MAX_PLAN_ROUNDS} rounds are spent; then the process owners are told the deficiency remains. It carries only
 * what it times and routes on; the plans themselves live in actionplans (ADR 0004). Every variable is written by the
 * server: the review and verification come through {@code /api/scorecards/plans}.
 */
final class UnitActionPlanProcess {

    static final String PROCESS_KEY = "unitActionPlan";
    /** Correlated in the transaction that takes the manager's plan in (ActionPlanSubmitted). */
    static final String PLAN_SUBMITTED = "unitActionPlanSubmitted";
    /** Correlated by {@code POST /api/scorecards/plans/{id}/review}: approved, or sent back with a new deadline. */
    static final String PLAN_REVIEWED = "unitActionPlanReviewed";
    /** Correlated by {@code POST /api/scorecards/plans/{id}/verification}. */
    static final String PLAN_VERIFIED = "unitActionPlanVerified";

    /** The current round's plan: the messages are correlated on it. */
    static final ProcessVariable<Long> ACTION_PLAN_ID = server("actionPlanId", Long.class);
    /** The current round, 1 for the year end's plan; "Ny omgång?" compares it with {@link #MAX_PLAN_ROUNDS}. */
    static final ProcessVariable<Integer> PLAN_ROUND = server("planRound", Integer.class);
    /** {@code kvalitet.statistics.scorecard.max-plan-rounds} when the plan was requested: the rounds it may take. */
    static final ProcessVariable<Integer> MAX_PLAN_ROUNDS = server("maxPlanRounds", Integer.class);
    /** The unit's styrkort page for the year ({@code /styrkort?unit=..&year=..}), which the escalation mails open. */
    static final ProcessVariable<String> SCORECARD_PAGE = server("scorecardPage", String.class);
    /** The unit's manager group: the plan's authors, reminded before its deadline. */
    static final ProcessVariable<String> MANAGER_GROUP = server("managerGroup", String.class);
    /** The process owners: they review and verify unit plans, and are reminded to verify on the follow-up date. */
    static final ProcessVariable<String> PROCESS_OWNER_GROUP = server("processOwnerGroup", String.class);
    /** The plan's follow-up date (its latest measure), set on approval. */
    static final ProcessVariable<Date> FOLLOW_UP_DATE = server("followUpDate", Date.class);
    /** The review's outcome, from the review request; routes "Godkänd?". */
    static final ProcessVariable<Boolean> PLAN_APPROVED = server("unitPlanApproved", Boolean.class);
    /** Whether every measure was found remedied, from the verification request; routes "Avhjälpt?". */
    static final ProcessVariable<Boolean> MEASURES_REMEDIED = server("measuresRemedied", Boolean.class);

    /**
     * The plan's deadline ({@code dueDate}, measured against by the escalations), the reminder day before it and the
     * day after it when it is escalated: renewed when a plan is sent back and for each new round.
     */
    static final List<ProcessVariable<?>> VARIABLES = List.of(ACTION_PLAN_ID, PLAN_ROUND, MAX_PLAN_ROUNDS,
            SCORECARD_PAGE, MANAGER_GROUP, PROCESS_OWNER_GROUP, SlaVariables.DUE_DATE, SlaVariables.REMINDER_DATE,
            SlaVariables.ESCALATION_DATE, FOLLOW_UP_DATE, PLAN_APPROVED, MEASURES_REMEDIED, Escalations.SLA_MARK);

    private UnitActionPlanProcess() {
    }

    /** The business key, and the reference the escalation mails and marks name: {@code STYRKORT-HP-12}. */
    static String reference(long planId) {
        return "STYRKORT-HP-" + planId;
    }

    /** The declaration the client guard and the model check read. */
    @Component
    static class Declared implements ProcessVariables {

        @Override
        public String processKey() {
            return PROCESS_KEY;
        }

        @Override
        public List<ProcessVariable<?>> variables() {
            return VARIABLES;
        }
    }
}
