package se.kommun.kvalitet.cases.process;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.escalation.Escalation;
import se.kommun.kvalitet.escalation.EscalationLevel;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * For running cases only: versions of caseHandling deployed before the escalation module call
 * {@code ${escalateCase}} with just {@code level}. This gives the escalation module what today's model passes
 * to {@code ${escalate}} as input parameters. New models use {@code ${escalate}}; remove this once no instance of
 * such a version runs (migrate them with {@code POST /api/admin/migrations/caseHandling}).
 */
@Component("escalateCase")
class EscalateCaseDelegate implements JavaDelegate {

    private final Escalations escalations;
    private final Clock clock;

    EscalateCaseDelegate(Escalations escalations, Clock clock) {
        this.escalations = escalations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date dueDate = SlaVariables.DUE_DATE.in(execution);
        escalations.escalate(execution, new Escalation(
                CaseProcess.reference(execution),
                "FAULT_REPORT".equals(CaseProcess.CASE_TYPE.in(execution)) ? "Felanmälan" : "Synpunkt",
                EscalationLevel.valueOf(String.valueOf(execution.getVariableLocal("level"))),
                LocalDate.ofInstant(dueDate.toInstant(), clock.getZone()),
                CaseProcess.CANDIDATE_GROUP.in(execution),
                CaseProcess.MANAGER_GROUP.in(execution)));
    }
}
