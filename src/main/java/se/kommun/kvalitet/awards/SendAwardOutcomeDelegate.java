package se.kommun.kvalitet.awards;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Meddela de sökande": each applicant the outcome, a winner with the jury's motivation. Async with retries; the
 * mail's key is per application. No input parameters.
 */
@Component("sendAwardOutcome")
class SendAwardOutcomeDelegate implements JavaDelegate {

    private final AwardJury jury;

    SendAwardOutcomeDelegate(AwardJury jury) {
        this.jury = jury;
    }

    @Override
    public void execute(DelegateExecution execution) {
        jury.sendOutcome(AwardProcess.CALL.in(execution));
    }
}
