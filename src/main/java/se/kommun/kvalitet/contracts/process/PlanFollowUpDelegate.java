package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Planera uppföljning": the next follow-up date and whether the contract still runs. No input parameters. */
@Component("planContractFollowUp")
class PlanFollowUpDelegate implements JavaDelegate {

    private final FollowUpWork work;

    PlanFollowUpDelegate(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.plan(execution);
    }
}
