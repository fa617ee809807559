package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Öppna uppföljning": a follow-up row on the contract, by the timer or on request. No input parameters. */
@Component("openContractFollowUp")
class OpenFollowUpDelegate implements JavaDelegate {

    private final FollowUpWork work;

    OpenFollowUpDelegate(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.open(execution);
    }
}
