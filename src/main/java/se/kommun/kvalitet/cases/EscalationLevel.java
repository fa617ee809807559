package se.kommun.kvalitet.cases;

/** The SLA steps, in the order they happen. */
enum EscalationLevel {
    REMINDER(CaseEvent.Kind.REMINDED, "Påmind / reminded"),
    MANAGER(CaseEvent.Kind.ESCALATED_TO_MANAGER, "Eskalerad till chef / escalated to manager"),
    PROCESS_OWNER(CaseEvent.Kind.ESCALATED_TO_PROCESS_OWNER, "Eskalerad till processägare / escalated to process owner");

    private final CaseEvent.Kind eventKind;
    private final String mark;

    EscalationLevel(CaseEvent.Kind eventKind, String mark) {
        this.eventKind = eventKind;
        this.mark = mark;
    }

    String mark() {
        return mark;
    }

    CaseEvent.Kind eventKind() {
        return eventKind;
    }
}
