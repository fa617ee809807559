package se.kommun.kvalitet.slacalendar;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Pausa svarstid" while waiting for someone outside. Input parameter {@code maxWorkingDays} (required): how
 * long to wait at most; written to {@code slaPauseDeadline} for the waiting timer.
 */
@Component("pauseSla")
class PauseSlaDelegate implements JavaDelegate {

    private final SlaClock slaClock;

    PauseSlaDelegate(SlaClock slaClock) {
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SlaVariables.PAUSED_AT.set(execution, slaClock.now());
        SlaVariables.PAUSE_DEADLINE.set(execution,
                slaClock.workingDaysFromNow(SlaInputs.requiredInt(execution, "maxWorkingDays")));
    }
}
