package se.kommun.kvalitet.escalation;

/** The steps of an overdue SLA, in the order they happen; a later level makes the earlier ones moot. */
public enum EscalationLevel {
    /** Before the due date: the assignee of the open task, or the unit's officers if nobody took it. */
    REMINDER("reminder", "Påmind / reminded", "påminnelsen", "reminder"),
    /** On the due date: the unit's manager group. */
    MANAGER("escalation", "Eskalerad till chef / escalated to manager", "eskaleringen till chef",
            "escalation to the manager"),
    /** After the due date: the organisation's process-owner group. */
    PROCESS_OWNER("escalation", "Eskalerad till processägare / escalated to process owner",
            "eskaleringen till processägare", "escalation to the process owner");

    private final String template;
    private final String mark;
    private final String swedish;
    private final String english;

    EscalationLevel(String template, String mark, String swedish, String english) {
        this.template = template;
        this.mark = mark;
        this.swedish = swedish;
        this.english = english;
    }

    /** Names it in an incident message ("påminnelsen", "the reminder"). */
    String swedish() {
        return swedish;
    }

    String english() {
        return english;
    }

    /** The mail template under templates/mail/. */
    String template() {
        return template;
    }

    /** What Tasklist's list shows in the "SLA" column ({@code slaMark}). */
    public String mark() {
        return mark;
    }
}
