package se.kommun.kvalitet.escalation;

import java.time.LocalDate;

/**
 * Published once per reminder or escalation that happened (not for a repeat that was skipped), synchronously and
 * inside the escalating transaction: a listener that fails rolls the escalation back, so history and mark agree.
 * The module owning {@code processDefinitionKey} records it in its own history.
 */
public record Escalated(String processDefinitionKey, String processInstanceId, String reference,
        EscalationLevel level, LocalDate dueDate) {
}
