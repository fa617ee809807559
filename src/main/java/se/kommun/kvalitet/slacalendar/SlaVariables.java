package se.kommun.kvalitet.slacalendar;

/** The process variables the SLA steps write; BPMN timers and task due dates read them. */
public final class SlaVariables {

    public static final String DUE_DATE = "dueDate";
    public static final String REMINDER_DATE = "reminderDate";
    public static final String ESCALATION_DATE = "escalationDate";
    public static final String SECOND_ESCALATION_DATE = "secondEscalationDate";
    public static final String PAUSED_AT = "slaPausedAt";
    public static final String PAUSE_DEADLINE = "slaPauseDeadline";

    private SlaVariables() {
    }
}
