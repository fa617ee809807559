package se.kommun.kvalitet.slacalendar;

import static se.kommun.kvalitet.shared.ProcessVariable.server;

import java.util.Date;
import java.util.List;

import se.kommun.kvalitet.shared.ProcessVariable;

/**
 * The process variables the SLA steps write, and the only ones they read back: BPMN timers and task due dates
 * read the dates. Written by the server only; a process that uses the SLA steps declares {@link #ALL}.
 */
public final class SlaVariables {

    public static final ProcessVariable<Date> DUE_DATE = server("dueDate", Date.class);
    public static final ProcessVariable<Date> REMINDER_DATE = server("reminderDate", Date.class);
    public static final ProcessVariable<Date> ESCALATION_DATE = server("escalationDate", Date.class);
    public static final ProcessVariable<Date> SECOND_ESCALATION_DATE = server("secondEscalationDate", Date.class);
    /** The offsets {@code setSlaDueDates} was given, kept so every later recalculation (a resume) uses them too. */
    public static final ProcessVariable<Integer> REMINDER_DAYS_BEFORE = server("slaReminderDaysBefore", Integer.class);
    public static final ProcessVariable<Integer> SECOND_ESCALATION_DAYS_AFTER =
            server("slaSecondEscalationDaysAfter", Integer.class);
    public static final ProcessVariable<Date> PAUSED_AT = server("slaPausedAt", Date.class);
    public static final ProcessVariable<Date> PAUSE_DEADLINE = server("slaPauseDeadline", Date.class);

    public static final List<ProcessVariable<?>> ALL = List.of(DUE_DATE, REMINDER_DATE, ESCALATION_DATE,
            SECOND_ESCALATION_DATE, REMINDER_DAYS_BEFORE, SECOND_ESCALATION_DAYS_AFTER, PAUSED_AT, PAUSE_DEADLINE);

    private SlaVariables() {
    }
}
