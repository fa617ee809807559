package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Handlingsplan inkommen": the supplier's hand-in on the timeline. No input parameters. */
@Component("recordActionPlanSubmitted")
class RecordPlanSubmittedDelegate implements JavaDelegate {

    private final FollowUpWork work;

    RecordPlanSubmittedDelegate(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.recordSubmission(execution);
    }
}
