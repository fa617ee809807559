package se.kommun.kvalitet.contracts.process;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The supplier's time for an action plan, in working days, with the reminder before and the second escalation
 * after (kvalitet.contracts.deadlines.*, set once in application.yaml; reasons in docs/avtal.md). Fixed on each
 * contract's process when it starts.
 */
@ConfigurationProperties("kvalitet.contracts.deadlines")
public record ContractDeadlines(int actionPlanWorkingDays, int reminderDaysBefore, int secondEscalationDaysAfter) {

    public ContractDeadlines {
        if (actionPlanWorkingDays < 1) {
            throw new IllegalArgumentException("kvalitet.contracts.deadlines.action-plan-working-days must be at "
                    + "least 1: " + actionPlanWorkingDays);
        }
        if (reminderDaysBefore < 0 || reminderDaysBefore >= actionPlanWorkingDays || secondEscalationDaysAfter < 0) {
            throw new IllegalArgumentException("kvalitet.contracts.deadlines: reminder-days-before must be 0 to "
                    + "action-plan-working-days - 1, second-escalation-days-after not negative");
        }
    }

    /** The process variable {@code deadlines}: what the BPMN's due-date step reads, by name. */
    public Map<String, Integer> asVariable() {
        Map<String, Integer> deadlines = new LinkedHashMap<>();
        deadlines.put("actionPlan", actionPlanWorkingDays);
        deadlines.put("reminderDaysBefore", reminderDaysBefore);
        deadlines.put("secondEscalationDaysAfter", secondEscalationDaysAfter);
        return deadlines;
    }
}
