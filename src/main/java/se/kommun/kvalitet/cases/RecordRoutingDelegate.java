package se.kommun.kvalitet.cases;

import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.slacalendar.SlaClock;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * "Registrera fördelning": takes the routing decision's result (variable {@code routing}, from
 * processes/case-routing.dmn) into typed process variables for the tasks, and onto the case.
 */
@Component("recordRouting")
class RecordRoutingDelegate implements JavaDelegate {

    private final CaseWork work;
    private final SlaClock slaClock;

    RecordRoutingDelegate(CaseWork work, SlaClock slaClock) {
        this.work = work;
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        @SuppressWarnings("unchecked")
        Map<String, Object> routing = (Map<String, Object>) execution.getVariable(CaseProcess.ROUTING);
        String candidateGroup = (String) routing.get(CaseProcess.CANDIDATE_GROUP);
        String managerGroup = (String) routing.get(CaseProcess.MANAGER_GROUP);
        String priority = (String) routing.get(CaseProcess.PRIORITY);
        execution.setVariable(CaseProcess.CANDIDATE_GROUP, candidateGroup);
        execution.setVariable(CaseProcess.MANAGER_GROUP, managerGroup);
        execution.setVariable(CaseProcess.PRIORITY, priority);
        execution.setVariable(CaseProcess.TASK_PRIORITY, "HIGH".equals(priority) ? 75 : 50);
        work.route(CaseProcess.reference(execution), candidateGroup, managerGroup, priority,
                slaClock.dateOf((Date) execution.getVariable(SlaVariables.DUE_DATE)));
    }
}
