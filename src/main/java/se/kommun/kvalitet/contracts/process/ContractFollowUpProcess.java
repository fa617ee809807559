package se.kommun.kvalitet.contracts.process;

import static se.kommun.kvalitet.shared.ProcessVariable.client;
import static se.kommun.kvalitet.shared.ProcessVariable.server;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.ProcessVariables;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * Names shared between Java and processes/contract-follow-up.bpmn, declared once. One instance per contract, its
 * business key the contract number, runs a follow-up at each interval for as long as the contract runs. The
 * process carries what it routes and times on; deficiencies, plans and outcomes are moved into the contract's
 * tables by the step that receives them (ADR 0004).
 */
public final class ContractFollowUpProcess {

    public static final String PROCESS_KEY = "contractFollowUp";
    /** Correlated with the business key by {@code POST /api/contracts/{number}/follow-ups}. */
    public static final String FOLLOW_UP_REQUESTED = "contractFollowUpRequested";
    /** Correlated when the supplier hands the plan in through the personal link. */
    public static final String ACTION_PLAN_SUBMITTED = "actionPlanSubmitted";
    /** The actionplans owner kind of a plan that answers a contract follow-up; its id is the follow-up's id. */
    public static final String OWNER_KIND = "CONTRACT_FOLLOW_UP";

    public static final ProcessVariable<String> CONTRACT_NUMBER = server("contractNumber", String.class);
    /** Candidates of every task: the contract managers and the owning committee's officers. */
    public static final ProcessVariable<String> CONTRACT_MANAGER_GROUP = server("contractManagerGroup", String.class);
    public static final ProcessVariable<String> OFFICER_GROUP = server("officerGroup", String.class);
    /** The contract's own manager (a user), to whom a supplier's missed deadline is escalated. */
    public static final ProcessVariable<String> CONTRACT_MANAGER = server("contractManager", String.class);
    /** Working days for the supplier's plan, reminder and second escalation (kvalitet.contracts.*). */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> DEADLINES = server("deadlines", Map.class);
    /** When the next follow-up is due (the timer) and whether the contract still runs. */
    public static final ProcessVariable<Date> NEXT_FOLLOW_UP_DATE = server("nextFollowUpDate", Date.class);
    public static final ProcessVariable<Boolean> CONTRACT_RUNNING = server("contractRunning", Boolean.class);
    /** Who asked for a follow-up by hand (the message's payload), else empty: the timer started it. */
    public static final ProcessVariable<String> REQUESTED_BY = server("requestedBy", String.class);
    public static final ProcessVariable<Long> FOLLOW_UP_ID = server("followUpId", Long.class);
    /** The start of the supplier's deadline: the follow-up's result, or the plan's return for revision. */
    public static final ProcessVariable<Date> DECIDED_DATE = server("decidedDate", Date.class);
    public static final ProcessVariable<Long> ACTION_PLAN_ID = server("actionPlanId", Long.class);
    /** The plan's follow-up date (its latest measure), or the new deadline an escalation gave. */
    public static final ProcessVariable<Date> MEASURES_DUE_DATE = server("measuresDueDate", Date.class);

    /** "Genomföra uppföljning": OK or DEFICIENT, and the deficiencies (a list of {area, description}). */
    public static final ProcessVariable<String> OVERALL_RESULT = client("overallResult", String.class);
    public static final ProcessVariable<Object> DEFICIENCIES = client("deficiencies", Object.class);
    /** "Granska handlingsplan". */
    public static final ProcessVariable<Boolean> PLAN_APPROVED = client("planApproved", Boolean.class);
    public static final ProcessVariable<String> REVIEW_COMMENTS = client("reviewComments", String.class);
    /** "Följa upp åtgärder": the plan's measures as the checklist's options, written when the task is created. */
    public static final ProcessVariable<SpinJsonNode> MEASURE_CHOICES = server("measureChoices", SpinJsonNode.class);
    /** The measures found carried out and remedied, by position; every other measure of the plan is not. */
    public static final ProcessVariable<Object> REMEDIED_MEASURES = client("remediedMeasures", Object.class);
    /** Whether every measure was found remedied: written by the server from the verdicts, routes the gateway. */
    public static final ProcessVariable<Boolean> MEASURES_REMEDIED = server("measuresRemedied", Boolean.class);
    /** "Eskalera": the outcome, its reason, a settlement's amount (SEK) or a new deadline (YYYY-MM-DD). */
    public static final ProcessVariable<String> ESCALATION_OUTCOME = client("escalationOutcome", String.class);
    public static final ProcessVariable<String> ESCALATION_REASON = client("escalationReason", String.class);
    public static final ProcessVariable<Number> SETTLEMENT_AMOUNT = client("settlementAmount", Number.class);
    public static final ProcessVariable<String> NEW_DEADLINE = client("newDeadline", String.class);

    static final List<ProcessVariable<?>> VARIABLES = Stream.of(List.of(CONTRACT_NUMBER, CONTRACT_MANAGER_GROUP,
            OFFICER_GROUP, CONTRACT_MANAGER, DEADLINES, NEXT_FOLLOW_UP_DATE, CONTRACT_RUNNING, REQUESTED_BY, FOLLOW_UP_ID, DECIDED_DATE,
            ACTION_PLAN_ID, MEASURES_DUE_DATE, OVERALL_RESULT, DEFICIENCIES, PLAN_APPROVED, REVIEW_COMMENTS,
            MEASURE_CHOICES, REMEDIED_MEASURES, MEASURES_REMEDIED, ESCALATION_OUTCOME, ESCALATION_REASON, SETTLEMENT_AMOUNT, NEW_DEADLINE,
            Escalations.SLA_MARK), SlaVariables.ALL).flatMap(List::stream).toList();

    private ContractFollowUpProcess() {
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
