package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Följa upp åtgärder": each measure verified. */
@Component("recordMeasureVerification")
class RecordVerificationListener implements TaskListener {

    private final FollowUpWork work;

    RecordVerificationListener(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateTask task) {
        work.recordVerification(task);
    }
}
