package se.kommun.kvalitet.cases;

/** The SLA steps, in the order they happen. */
enum EscalationLevel {
    REMINDER(CaseEvent.Kind.REMINDED),
    MANAGER(CaseEvent.Kind.ESCALATED_TO_MANAGER),
    PROCESS_OWNER(CaseEvent.Kind.ESCALATED_TO_PROCESS_OWNER);

    private final CaseEvent.Kind eventKind;

    EscalationLevel(CaseEvent.Kind eventKind) {
        this.eventKind = eventKind;
    }

    CaseEvent.Kind eventKind() {
        return eventKind;
    }
}
