package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On creating "Följa upp åtgärder": the plan's measures, for a verdict on each. */
@Component("offerMeasuresForVerification")
class OfferMeasuresListener implements TaskListener {

    private final FollowUpWork work;

    OfferMeasuresListener(FollowUpWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateTask task) {
        work.offerMeasures(task);
    }
}
