package se.kommun.kvalitet.cases.process;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.escalation.Escalated;

/**
 * Writes the escalation module's reminders and escalations of synpunkter and felanmälningar into the case's
 * history (REMINDED, ESCALATED_TO_MANAGER, ESCALATED_TO_PROCESS_OWNER) and its escalation level, for officers
 * and statistics. Runs synchronously in the escalating transaction, so a failure here undoes the escalation.
 */
@Component
class CaseEscalationHistory {

    private final CaseWork work;

    CaseEscalationHistory(CaseWork work) {
        this.work = work;
    }

    @EventListener
    void on(Escalated escalated) {
        if (CaseProcess.PROCESS_KEY.equals(escalated.processDefinitionKey())) {
            work.recordEscalation(escalated.reference(), escalated.level(), escalated.dueDate());
        }
    }
}
