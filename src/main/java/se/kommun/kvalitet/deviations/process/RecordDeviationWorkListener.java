package se.kommun.kvalitet.deviations.process;

import java.util.Locale;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing a deviation task: hands the form's answers to {@link DeviationWork} for the step named by the
 * task's input parameter {@code step} (risk, lexSarahInvestigation, ...; see {@link DeviationWork.Step}).
 */
@Component("recordDeviationWork")
class RecordDeviationWorkListener implements TaskListener {

    private final DeviationWork work;

    RecordDeviationWorkListener(DeviationWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateTask task) {
        Object step = task.getVariable("step");
        if (step == null) {
            throw new IllegalArgumentException("recordDeviationWork needs input parameter 'step' on "
                    + task.getTaskDefinitionKey());
        }
        String user = task.getAssignee();
        work.record(DeviationWork.Step.valueOf(step.toString().replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT)), task.getExecution().getProcessBusinessKey(), task, user);
    }
}
