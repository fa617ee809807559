package se.kommun.kvalitet.slacalendar;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Beräkna svarstid". Input parameters: {@code startDate} (Date), {@code workingDays}, and optionally
 * {@code reminderDaysBefore} (default 2) and {@code secondEscalationDaysAfter} (default 5). Writes
 * {@link SlaVariables} to the process.
 */
@Component("setSlaDueDates")
class SetSlaDueDatesDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    SetSlaDueDatesDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaClock.Deadlines deadlines = slaClock.deadlines(
                (Date) execution.getVariableLocal("startDate"),
                intInput(execution, "workingDays", null),
                intInput(execution, "reminderDaysBefore", 2),
                intInput(execution, "secondEscalationDaysAfter", 5));
        write(execution, deadlines);
    }

    static void write(DelegateExecution execution, SlaClock.Deadlines deadlines) {
        execution.setVariable(SlaVariables.DUE_DATE, deadlines.due());
        execution.setVariable(SlaVariables.REMINDER_DATE, deadlines.reminder());
        execution.setVariable(SlaVariables.ESCALATION_DATE, deadlines.escalation());
        execution.setVariable(SlaVariables.SECOND_ESCALATION_DATE, deadlines.secondEscalation());
    }

    static int intInput(DelegateExecution execution, String name, Integer fallback) {
        Object value = execution.getVariableLocal(name);
        if (value == null) {
            if (fallback == null) {
                throw new IllegalArgumentException("Input parameter '" + name + "' is required");
            }
            return fallback;
        }
        return value instanceof Number number ? number.intValue() : Integer.parseInt(value.toString().trim());
    }
}
