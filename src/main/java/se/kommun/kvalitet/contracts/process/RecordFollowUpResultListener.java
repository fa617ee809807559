package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Genomföra uppföljning": result and deficiencies into the contract's tables. */
@Component("recordContractFollowUpResult")
class RecordFollowUpResultListener implements TaskListener {

    private final FollowUpWork work;

    RecordFollowUpResultListener(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateTask task) {
        work.recordResult(task);
    }
}
