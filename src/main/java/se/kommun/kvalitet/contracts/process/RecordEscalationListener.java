package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Eskalera": the outcome and its reason, a settlement with its amount. */
@Component("recordContractEscalation")
class RecordEscalationListener implements TaskListener {

    private final FollowUpWork work;

    RecordEscalationListener(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateTask task) {
        work.recordEscalation(task);
    }
}
