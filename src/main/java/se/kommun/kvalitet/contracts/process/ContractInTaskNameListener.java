package se.kommun.kvalitet.contracts.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The contract number in the task's name: candidates see which contract in Tasklist's list. */
@Component("contractInTaskName")
class ContractInTaskNameListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        task.setName(task.getName() + " – " + ContractFollowUpProcess.CONTRACT_NUMBER.in(task));
    }
}
