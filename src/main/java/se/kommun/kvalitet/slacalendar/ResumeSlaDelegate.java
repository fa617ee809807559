package se.kommun.kvalitet.slacalendar;

import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.shared.ProcessVariable;

/**
 * "Återuppta svarstid": moves the due date by the working days spent paused and recomputes reminder and
 * escalations with the offsets {@code setSlaDueDates} stored. No input parameters: it reads only
 * {@link SlaVariables}.
 */
@Component("resumeSla")
class ResumeSlaDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    ResumeSlaDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date pausedAt = SlaVariables.PAUSED_AT.find(execution).orElse(null);
        LocalDate dueDate = slaClock.dateOf(SlaVariables.DUE_DATE.in(execution));
        LocalDate resumed = pausedAt == null ? dueDate : slaClock.resume(dueDate, pausedAt);
        SlaInputs.write(execution, slaClock.deadlinesFor(resumed, offset(execution, dueDate,
                SlaVariables.REMINDER_DAYS_BEFORE, SlaVariables.REMINDER_DATE),
                offset(execution, dueDate, SlaVariables.SECOND_ESCALATION_DAYS_AFTER,
                        SlaVariables.SECOND_ESCALATION_DATE)));
        execution.removeVariable(SlaVariables.PAUSED_AT.name());
    }

    /**
     * The stored offset. Instances whose dates were set before the offsets were stored (started on an earlier
     * release) carry them only in their dates: read back the working days between the date and the due date.
     */
    private int offset(DelegateExecution execution, LocalDate dueDate, ProcessVariable<Integer> offsetVariable,
            ProcessVariable<Date> dateVariable) {
        Optional<Integer> stored = offsetVariable.find(execution);
        if (stored.isPresent()) {
            return stored.get();
        }
        LocalDate date = slaClock.dateOf(dateVariable.in(execution));
        return date.isBefore(dueDate) ? slaClock.workingDaysBetween(date, dueDate)
                : slaClock.workingDaysBetween(dueDate, date);
    }
}
