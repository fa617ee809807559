package se.kommun.kvalitet.deviations.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating a deviation task, puts the reference after its name ("Bedöma risk – AVV-2026-000001"), so every list
 * in Tasklist shows which deviation a task is: the quality and MAS groups may read their tasks, not the process
 * instance's variables. The diagram keeps the plain name. No input parameters.
 */
@Component("deviationReferenceInTaskName")
class DeviationReferenceInTaskNameListener implements TaskListener {

    static final String SEPARATOR = " – ";

    @Override
    public void notify(DelegateTask task) {
        DeviationProcess.DEVIATION_REFERENCE.find(task)
                .ifPresent(reference -> task.setName(task.getName() + SEPARATOR + reference));
    }
}
