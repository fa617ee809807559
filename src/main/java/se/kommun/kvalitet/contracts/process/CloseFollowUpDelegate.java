package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Avsluta uppföljning": closes the follow-up and clears its answers before the next. No input parameters. */
@Component("closeContractFollowUp")
class CloseFollowUpDelegate implements JavaDelegate {

    private final FollowUpWork work;

    CloseFollowUpDelegate(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.close(execution);
    }
}
