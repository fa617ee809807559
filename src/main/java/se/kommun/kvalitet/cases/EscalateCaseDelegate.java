package se.kommun.kvalitet.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Påminn" / "Eskalera". Input parameter {@code level}: REMINDER (the assignee, or the unit if nobody took
 * the task), MANAGER (the unit's manager group) or PROCESS_OWNER. Escalation adds the group as a candidate
 * on the open tasks, so the case shows up in their Tasklist, and marks the case.
 */
@Component("escalateCase")
class EscalateCaseDelegate implements JavaDelegate {

    private final CaseEscalation escalation;

    EscalateCaseDelegate(CaseEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.escalate(execution, EscalationLevel.valueOf(String.valueOf(execution.getVariableLocal("level"))));
    }
}
