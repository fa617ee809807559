package se.kommun.kvalitet.cases.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.security.RefusedInput;
import se.kommun.kvalitet.slacalendar.SlaClock;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * "Omfördela": the officer sent the case to another unit ({@code rerouteTo}); the SLA clock keeps running. The
 * value comes from a form, so it is checked against the organisation: an unknown unit is refused as the
 * officer's input (400) and rolls the task completion back.
 */
@Component("rerouteCase")
class RerouteCaseDelegate implements JavaDelegate {

    private final CaseWork work;
    private final Organisation organisation;
    private final UnitChoices unitChoices;
    private final SlaClock slaClock;

    RerouteCaseDelegate(CaseWork work, Organisation organisation, UnitChoices unitChoices, SlaClock slaClock) {
        this.work = work;
        this.organisation = organisation;
        this.unitChoices = unitChoices;
        this.slaClock = slaClock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String target = CaseProcess.REROUTE_TO.find(execution).orElse(null);
        // Refused as the officer's input (400, the completion rolls back), not as a server error.
        Organisation.Unit unit = organisation.unitOf(target).orElseThrow(() -> RefusedInput.field(
                CaseProcess.REROUTE_TO.name(), "välj den enhet som ska ta över ärendet",
                "choose the unit that is to take over the case"));
        CaseProcess.CANDIDATE_GROUP.set(execution, unit.officerGroup());
        CaseProcess.MANAGER_GROUP.set(execution, unit.managerGroup());
        unitChoices.offerOthersThan(execution, unit.officerGroup());
        work.route(CaseProcess.reference(execution), unit.officerGroup(),
                unit.managerGroup(), CaseProcess.PRIORITY.in(execution),
                slaClock.dateOf(SlaVariables.DUE_DATE.in(execution)));
    }
}
