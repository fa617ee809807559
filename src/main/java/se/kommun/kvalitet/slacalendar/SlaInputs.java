package se.kommun.kvalitet.slacalendar;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The SLA steps' input parameters: required, with no fallback, so the model is the one place they are set. */
final class SlaInputs {

    private SlaInputs() {
    }

    static int requiredInt(DelegateExecution execution, String name) {
        Object value = execution.getVariableLocal(name);
        if (value == null) {
            throw new IllegalArgumentException("Input parameter '" + name + "' is required on "
                    + execution.getCurrentActivityId());
        }
        int number = value instanceof Number n ? n.intValue() : Integer.parseInt(value.toString().trim());
        if (number < 0) {
            throw new IllegalArgumentException("Input parameter '" + name + "' must not be negative: " + number);
        }
        return number;
    }

    static Date requiredDate(DelegateExecution execution, String name) {
        if (!(execution.getVariableLocal(name) instanceof Date date)) {
            throw new IllegalArgumentException("Input parameter '" + name + "' must be a date on "
                    + execution.getCurrentActivityId() + ": " + execution.getVariableLocal(name));
        }
        return date;
    }

    /** Writes the deadlines and the offsets they were computed with. */
    static void write(DelegateExecution execution, SlaClock.Deadlines deadlines) {
        SlaVariables.DUE_DATE.set(execution, deadlines.due());
        SlaVariables.REMINDER_DATE.set(execution, deadlines.reminder());
        SlaVariables.ESCALATION_DATE.set(execution, deadlines.escalation());
        SlaVariables.SECOND_ESCALATION_DATE.set(execution, deadlines.secondEscalation());
        SlaVariables.REMINDER_DAYS_BEFORE.set(execution, deadlines.reminderDaysBefore());
        SlaVariables.SECOND_ESCALATION_DAYS_AFTER.set(execution, deadlines.secondEscalationDaysAfter());
    }
}
