package se.kommun.kvalitet.statistics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.slacalendar.WorkingDayCalendar;

/**
 * The one working-day calendar written out as {@code app.statistics_working_day}, so SQL can count working days
 * between two dates as the difference of their ordinals. Written from the calendar once per start (its settings may
 * have changed) and extended when a query reaches past the end; ordinals count from a fixed first day, so nodes that
 * write concurrently write the same values.
 */
@Component
class WorkingDayTable {

    static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);

    private final WorkingDayCalendar calendar;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private volatile LocalDate coveredUntil;

    WorkingDayTable(WorkingDayCalendar calendar, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            Clock clock) {
        this.calendar = calendar;
        this.jdbc = jdbc;
        // Its own transaction: the figures are read in a read-only one.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Makes sure every day up to {@code last} (and at least two years ahead of today) has its row. */
    void ensureCovers(LocalDate last) {
        LocalDate covered = coveredUntil;
        if (covered != null && !covered.isBefore(last)) {
            return;
        }
        synchronized (this) {
            if (coveredUntil != null && !coveredUntil.isBefore(last)) {
                return;
            }
            LocalDate until = LocalDate.of(Math.max(last.getYear(), LocalDate.now(clock).getYear() + 2), 12, 31);
            List<Object[]> rows = new ArrayList<>();
            int ordinal = 0;
            for (LocalDate day = FIRST_DAY; !day.isAfter(until); day = day.plusDays(1)) {
                boolean working = calendar.isWorkingDay(day);
                if (working) {
                    ordinal++;
                }
                rows.add(new Object[] {Date.valueOf(day), working, ordinal});
            }
            transaction.executeWithoutResult(status -> jdbc.batchUpdate("""
                    insert into app.statistics_working_day (day, working, ordinal) values (?, ?, ?)
                    on conflict (day) do update set working = excluded.working, ordinal = excluded.ordinal
                    where statistics_working_day.ordinal <> excluded.ordinal
                       or statistics_working_day.working <> excluded.working""", rows));
            coveredUntil = until;
        }
    }
}
