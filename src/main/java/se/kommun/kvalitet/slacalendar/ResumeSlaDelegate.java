package se.kommun.kvalitet.slacalendar;

import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Återuppta svarstid": moves the due date, reminder and escalations by the working days spent paused.
 * Optional input parameters as for {@code setSlaDueDates}.
 */
@Component("resumeSla")
class ResumeSlaDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    ResumeSlaDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date pausedAt = (Date) execution.getVariable(SlaVariables.PAUSED_AT);
        LocalDate dueDate = slaClock.dateOf((Date) execution.getVariable(SlaVariables.DUE_DATE));
        LocalDate resumed = pausedAt == null ? dueDate : slaClock.resume(dueDate, pausedAt);
        SetSlaDueDatesDelegate.write(execution, slaClock.deadlinesFor(resumed,
                SetSlaDueDatesDelegate.intInput(execution, "reminderDaysBefore", 2),
                SetSlaDueDatesDelegate.intInput(execution, "secondEscalationDaysAfter", 5)));
        execution.removeVariable(SlaVariables.PAUSED_AT);
    }
}
