package se.kommun.kvalitet.awards;

import static se.kommun.kvalitet.shared.ProcessVariable.client;
import static se.kommun.kvalitet.shared.ProcessVariable.server;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.ProcessVariables;

/**
 * Names shared between Java and processes/qualityAward.bpmn, declared once. One instance per call, its business key
 * the call's reference ({@code UTM-2026-000001}). Applications, scores and the decision live in the module's tables
 * (migration V13); the process carries what it times, assigns and shows in Tasklist.
 */
final class AwardProcess {

    static final String PROCESS_KEY = "qualityAward";
    /** Reference prefixes: the call (utlysning) and an application (ansökan). */
    static final String CALL_PREFIX = "UTM";
    static final String APPLICATION_PREFIX = "UTA";

    static final ProcessVariable<String> CALL = server("awardCall", String.class);
    /** The first moment after the closing date (00:00 the day after, Europe/Stockholm): the timer that closes. */
    static final ProcessVariable<Date> CLOSES_AT = server("applicationsCloseAt", Date.class);
    /** When those who started an application but did not hand it in are reminded. */
    static final ProcessVariable<Date> REMINDER_AT = server("applicationReminderAt", Date.class);
    /** When the jury's scoring is due (the closing date plus {@code kvalitet.awards.jury-days}, 09:00): who has not
     * finished is reminded by the escalation step. */
    static final ProcessVariable<Date> JURY_DUE_AT = server("juryDueAt", Date.class);
    /** Whether anything was handed in by the closing date; without applications the jury has nothing to do. */
    static final ProcessVariable<Boolean> APPLICATIONS_RECEIVED = server("applicationsReceived", Boolean.class);
    /** The jury members (user ids), one scoring subprocess each; {@code juryMember} is the engine's element. */
    @SuppressWarnings("rawtypes")
    static final ProcessVariable<List> JURY_MEMBERS = server("juryMembers", List.class);
    static final ProcessVariable<String> JURY_MEMBER = server("juryMember", String.class);
    /** "Anmäla jäv": every submitted application as the checklist's options, written on the task when created. */
    static final ProcessVariable<SpinJsonNode> CONFLICT_CHOICES = server("conflictChoices", SpinJsonNode.class);
    /** The applications ticked as a conflict of interest, by reference. */
    static final ProcessVariable<Object> DECLARED_CONFLICTS = client("declaredConflicts", Object.class);
    /** "Poängsätta ansökningar": the member's applications and the call's criteria, as she reads them. */
    static final ProcessVariable<String> SCORING_SHEET = server("scoringSheet", String.class);
    /** One line per application and criterion, {@code UTA-2026-000001;K1;4;comment}; prefilled with the lines. */
    static final ProcessVariable<String> JURY_SCORES = client("juryScores", String.class);
    /** "Föreslå vinnare": the ranking as the chair reads it. */
    static final ProcessVariable<String> RANKING = server("awardRanking", String.class);
    /** One line per winner, {@code UTA-2026-000001: motivation}; prefilled with each category's first place. */
    static final ProcessVariable<String> WINNER_MOTIVATIONS = client("winnerMotivations", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(CALL, CLOSES_AT, REMINDER_AT, JURY_DUE_AT,
            APPLICATIONS_RECEIVED, JURY_MEMBERS, JURY_MEMBER, CONFLICT_CHOICES, DECLARED_CONFLICTS, SCORING_SHEET,
            JURY_SCORES, RANKING, WINNER_MOTIVATIONS, Escalations.SLA_MARK);

    private AwardProcess() {
    }

    /**
     * What the member submitted for a field the server prefilled on the task: Tasklist's form submission overwrites
     * the task's own value, a plain completion ({@code TaskService.complete}, {@code POST /task/{id}/complete})
     * writes it to the process instead, where it is taken (and removed, so the next member never reads it).
     */
    static String submitted(DelegateTask task, ProcessVariable<String> variable) {
        Object onProcess = task.getExecution().getVariable(variable.name());
        if (onProcess != null) {
            task.getExecution().removeVariable(variable.name());
            return onProcess.toString();
        }
        Object onTask = task.getVariableLocal(variable.name());
        return onTask == null ? null : onTask.toString();
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
