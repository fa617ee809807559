package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Granska handlingsplan": approval (and the follow-up date) or return with comments. */
@Component("recordActionPlanReview")
class RecordPlanReviewListener implements TaskListener {

    private final FollowUpWork work;

    RecordPlanReviewListener(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateTask task) {
        work.recordReview(task);
    }
}
