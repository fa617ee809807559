package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On creating an officer's task, puts the case reference after the task's name ("Utreda och dokumentera –
 * SYN-2026-000001"), so every list in Tasklist shows which case a task is. The diagram keeps the plain name.
 * Tasklist's filter variable "Referens" cannot do it for officers: they may read their unit's tasks, not the
 * process instance's variables (unit isolation). The reference is the server's, written at intake or registration.
 */
@Component("caseReferenceInTaskName")
class CaseReferenceInTaskNameListener implements TaskListener {

    static final String SEPARATOR = " – ";

    @Override
    public void notify(DelegateTask task) {
        CaseProcess.CASE_REFERENCE.find(task).ifPresent(reference -> task.setName(task.getName() + SEPARATOR + reference));
    }
}
