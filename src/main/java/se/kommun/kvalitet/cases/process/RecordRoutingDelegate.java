package se.kommun.kvalitet.cases.process;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.slacalendar.SlaClock;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * "Registrera fördelning": takes the routing decision's result (variable {@code routing}, from
 * processes/case-routing.dmn) into typed process variables for the tasks, and onto the case. The groups must
 * be the organisation's: literal ones were checked when the table was deployed, this also covers a rule whose
 * output is an expression.
 */
@Component("recordRouting")
class RecordRoutingDelegate implements JavaDelegate {

    private final CaseWork work;
    private final Organisation organisation;
    private final UnitChoices unitChoices;
    private final SlaClock slaClock;

    RecordRoutingDelegate(CaseWork work, Organisation organisation, UnitChoices unitChoices, SlaClock slaClock) {
        this.work = work;
        this.organisation = organisation;
        this.unitChoices = unitChoices;
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Map<?, ?> routing = CaseProcess.ROUTING.in(execution);
        String candidateGroup = organisation.requireUnitOf((String) routing.get(CaseProcess.CANDIDATE_GROUP.name()))
                .officerGroup();
        String managerGroup = (String) routing.get(CaseProcess.MANAGER_GROUP.name());
        if (!organisation.hasGroup(managerGroup)) {
            throw new IllegalStateException("Fördelningen gav en chefsgrupp som inte finns i organisationen / "
                    + "routing gave a manager group not in the organisation: " + managerGroup);
        }
        String priority = (String) routing.get(CaseProcess.PRIORITY.name());
        CaseProcess.CANDIDATE_GROUP.set(execution, candidateGroup);
        CaseProcess.MANAGER_GROUP.set(execution, managerGroup);
        CaseProcess.PRIORITY.set(execution, priority);
        CaseProcess.TASK_PRIORITY.set(execution, "HIGH".equals(priority) ? 75 : 50);
        unitChoices.offerOthersThan(execution, candidateGroup);
        work.route(CaseProcess.reference(execution), candidateGroup, managerGroup, priority,
                slaClock.dateOf(SlaVariables.DUE_DATE.in(execution)));
    }
}
