package se.kommun.kvalitet.contracts.record;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The contract's timeline ({@code app.contract_event}): every step of its follow-ups, who, when, what. */
@Repository
public class Timeline {

    /** The actor of a step no person took (timers, the engine). */
    public static final String SYSTEM = "system";
    /** The actor of what arrives through the supplier's personal link. */
    public static final String SUPPLIER = "leverantör";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    Timeline(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Event(Instant at, String actor, String kind, String details, Long followUpId) {
    }

    public void record(long contractId, Long followUpId, String actor, String kind, String details) {
        jdbc.update("""
                insert into app.contract_event (contract_id, follow_up_id, occurred_at, actor, kind, details)
                values (?, ?, ?, ?, ?, ?)""", contractId, followUpId, Timestamp.from(clock.instant()),
                actor == null ? SYSTEM : actor, kind, details);
    }

    public List<Event> of(long contractId) {
        return jdbc.query("select * from app.contract_event where contract_id = ? order by occurred_at, id",
                (row, n) -> new Event(row.getTimestamp("occurred_at").toInstant(), row.getString("actor"),
                        row.getString("kind"), row.getString("details"), row.getObject("follow_up_id", Long.class)),
                contractId);
    }
}
