package se.kommun.kvalitet.slacalendar;

/**
 * The process variables the SLA steps write, and the only ones they read back: BPMN timers and task due dates
 * read the dates. Written by the server only; no form or client sets them.
 */
public final class SlaVariables {

    public static final String DUE_DATE = "dueDate";
    public static final String REMINDER_DATE = "reminderDate";
    public static final String ESCALATION_DATE = "escalationDate";
    public static final String SECOND_ESCALATION_DATE = "secondEscalationDate";
    /** The offsets {@code setSlaDueDates} was given, kept so every later recalculation (a resume) uses them too. */
    public static final String REMINDER_DAYS_BEFORE = "slaReminderDaysBefore";
    public static final String SECOND_ESCALATION_DAYS_AFTER = "slaSecondEscalationDaysAfter";
    public static final String PAUSED_AT = "slaPausedAt";
    public static final String PAUSE_DEADLINE = "slaPauseDeadline";

    private SlaVariables() {
    }
}
