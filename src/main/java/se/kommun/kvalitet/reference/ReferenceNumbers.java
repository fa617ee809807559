package se.kommun.kvalitet.reference;

import java.time.Clock;
import java.time.Year;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out {@code SYN-2026-000001}-style references. The counter row is bumped in its own short
 * transaction: the row lock is held for microseconds instead of the whole intake, at the price of a gap
 * when the caller's transaction later fails (a number is never handed out twice).
 */
@Service
public class ReferenceNumbers {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ReferenceNumbers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(String prefix) {
        if (!prefix.matches("[A-Z]{2,5}")) {
            throw new IllegalArgumentException("Reference prefix must be 2-5 capital letters: " + prefix);
        }
        int year = Year.now(clock).getValue();
        Long value = jdbc.queryForObject("""
                insert into app.reference_counter (prefix, year, last_value) values (?, ?, 1)
                on conflict (prefix, year) do update set last_value = app.reference_counter.last_value + 1
                returning last_value""", Long.class, prefix, year);
        return "%s-%d-%06d".formatted(prefix, year, value);
    }
}
