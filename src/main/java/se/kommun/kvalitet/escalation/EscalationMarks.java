package se.kommun.kvalitet.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@code app.escalation_mark}: which levels already happened for a reference and due date. */
@Repository
class EscalationMarks {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EscalationMarks(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Marks the level unless it, or a later level, already happened for this due date: a reminder whose timer
     * fires after the manager was told (a restart, a re-route) is moot. A second caller of the same mark waits on
     * the first one's row and then gets false.
     */
    boolean markOnce(String reference, EscalationLevel level, LocalDate dueDate) {
        boolean reached = jdbc.queryForList("select level from app.escalation_mark where reference = ? and due_date = ?",
                String.class, reference, dueDate).stream()
                .anyMatch(done -> EscalationLevel.valueOf(done).compareTo(level) >= 0);
        return !reached && jdbc.update("""
                insert into app.escalation_mark (reference, level, due_date, marked_at) values (?, ?, ?, ?)
                on conflict (reference, level, due_date) do nothing""",
                reference, level.name(), dueDate, OffsetDateTime.now(clock)) == 1;
    }
}
