package se.kommun.kvalitet.slacalendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Beräkna svarstid". Input parameters, all required: {@code startDate} (Date), {@code workingDays},
 * {@code reminderDaysBefore} and {@code secondEscalationDaysAfter} (working days; in the case process they come
 * from the routing decision). Reads nothing else of the process and writes only {@link SlaVariables}, the
 * offsets included, so a resume after a pause recomputes with the same settings.
 */
@Component("setSlaDueDates")
class SetSlaDueDatesDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    SetSlaDueDatesDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaInputs.write(execution, slaClock.deadlines(
                SlaInputs.requiredDate(execution, "startDate"),
                SlaInputs.requiredInt(execution, "workingDays"),
                SlaInputs.requiredInt(execution, "reminderDaysBefore"),
                SlaInputs.requiredInt(execution, "secondEscalationDaysAfter")));
    }
}
