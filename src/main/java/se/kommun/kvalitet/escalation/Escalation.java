package se.kommun.kvalitet.escalation;

import java.time.LocalDate;
import java.util.regex.Pattern;

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
 * @param link         optional: the page of kvalitet the mail links to, as a path on its public base URL (e.g.
 *                     {@code /styrkort?unit=care&year=2025}), for work that has no Tasklist task; never a full URL, so
 *                     a model cannot send staff elsewhere. Without it the mail links to Tasklist.
 */
public record Escalation(String reference, String kind, EscalationLevel level, LocalDate dueDate,
        String officerGroup, String managerGroup, String managerUser, String link) {

    /** A path on kvalitet itself: one leading slash, then no slash, backslash, whitespace or control character. */
    private static final Pattern SERVER_PATH = Pattern.compile("/(?![/\\\\])[^\\\\\\s\\p{Cntrl}]*");

    public Escalation(String reference, String kind, EscalationLevel level, LocalDate dueDate, String officerGroup,
            String managerGroup) {
        this(reference, kind, level, dueDate, officerGroup, managerGroup, null, null);
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
        if (link != null && !SERVER_PATH.matcher(link).matches()) {
            throw new IllegalArgumentException("An escalation's link must be a path on kvalitet such as /styrkort, not "
                    + "'" + link + "'");
        }
    }

    private static void require(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An escalation needs '" + name + "'");
        }
    }
}
