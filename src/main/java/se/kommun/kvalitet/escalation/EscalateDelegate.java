package se.kommun.kvalitet.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Påminn" / "Eskalera", for any process, behind a timer. Input parameters: {@code level} (REMINDER, MANAGER,
 * PROCESS_OWNER), {@code kind} (what is escalated, e.g. "Avvikelse"), {@code dueDate} (Date), the unit's
 * {@code officerGroup} (for REMINDER) and {@code managerGroup} (for MANAGER), and optionally {@code managerUser}
 * (one responsible manager, escalated to instead of the group), {@code reference} (default: the process's
 * business key, which the server sets) and {@code link} (a path on kvalitet the mail opens instead of Tasklist, for
 * work without a task, e.g. {@code /styrkort?unit=care&year=2025}). Reads nothing else of the process.
 */
@Component("escalate")
class EscalateDelegate implements JavaDelegate {

    private final Escalations escalations;
    private final Clock clock;

    EscalateDelegate(Escalations escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object reference = execution.getVariableLocal("reference");
        if (!(execution.getVariableLocal("dueDate") instanceof Date dueDate)) {
            throw new IllegalArgumentException("Input parameter 'dueDate' must be a date on "
                    + execution.getCurrentActivityId() + ": " + execution.getVariableLocal("dueDate"));
        }
        escalations.escalate(execution, new Escalation(
                reference == null ? execution.getProcessBusinessKey() : reference.toString(),
                text(execution, "kind"),
                level(execution),
                LocalDate.ofInstant(dueDate.toInstant(), clock.getZone()),
                text(execution, "officerGroup"),
                text(execution, "managerGroup"),
                text(execution, "managerUser"),
                text(execution, "link")));
    }

    private static EscalationLevel level(DelegateExecution execution) {
        String level = text(execution, "level");
        try {
            return EscalationLevel.valueOf(String.valueOf(level));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Input parameter 'level' must be REMINDER, MANAGER or PROCESS_OWNER on "
                    + execution.getCurrentActivityId() + ": " + level, e);
        }
    }

    private static String text(DelegateExecution execution, String input) {
        Object value = execution.getVariableLocal(input);
        return value == null ? null : value.toString();
    }
}
