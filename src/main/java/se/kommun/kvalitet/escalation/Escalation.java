package se.kommun.kvalitet.escalation;

import java.time.LocalDate;

/**
 * One reminder or escalation of something with a due date.
 *
 * @param reference    what is escalated, e.g. {@code SYN-2026-000001}; marks and mails are per reference
 * @param kind         what it is, in Swedish, for the mail: "Synpunkt", "Felanmälan", "Avvikelse"
 * @param level        who is reminded or escalated to
 * @param dueDate      the due date it is measured against: each level happens once per due date
 * @param officerGroup the unit's officer group; needed for {@link EscalationLevel#REMINDER}
 * @param managerGroup the unit's manager group; needed for {@link EscalationLevel#MANAGER}
 * @param managerUser  optional: the one manager responsible (e.g. a contract's manager), who is escalated to
 *                     instead of the whole group; the group is the fallback when she has no e-mail address
 */
public record Escalation(String reference, String kind, EscalationLevel level, LocalDate dueDate,
        String officerGroup, String managerGroup, String managerUser) {

    public Escalation(String reference, String kind, EscalationLevel level, LocalDate dueDate, String officerGroup,
            String managerGroup) {
        this(reference, kind, level, dueDate, officerGroup, managerGroup, null);
    }

    public Escalation {
        require("reference", reference);
        require("kind", kind);
        if (level == null || dueDate == null) {
            throw new IllegalArgumentException("An escalation needs a level and a due date: " + level + ", " + dueDate);
        }
        if (level == EscalationLevel.REMINDER) {
            require("officerGroup", officerGroup);
        }
        if (level == EscalationLevel.MANAGER) {
            require("managerGroup", managerGroup);
        }
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An escalation needs '" + name + "'");
        }
    }
}
