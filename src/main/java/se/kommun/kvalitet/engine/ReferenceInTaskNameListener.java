package se.kommun.kvalitet.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating a task, puts its process instance's business key after the task's name ("Utreda och dokumentera –
 * SYN-2026-000001"), so every list in Tasklist shows which case, deviation or contract a task is. The diagram keeps
 * the plain name. Tasklist's filter variables cannot do it: candidates may read their tasks, not the process
 * instance's variables. Every process keys its instances by the reference the server gave, never by a client's
 * value. No input parameters.
 */
@Component("referenceInTaskName")
public class ReferenceInTaskNameListener implements TaskListener {

    static final String SEPARATOR = " – ";

    @Override
    public void notify(DelegateTask task) {
        String reference = task.getExecution().getProcessBusinessKey();
        if (reference != null) {
            task.setName(task.getName() + SEPARATOR + reference);
        }
    }
}
