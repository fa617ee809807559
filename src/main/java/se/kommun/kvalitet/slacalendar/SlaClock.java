package se.kommun.kvalitet.slacalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * SLA arithmetic on the working-day calendar, for any process: a due date N working days after the matter
 * was received, a reminder before it, escalations on it and after it, and pausing while waiting for someone
 * outside the municipality. Every moment falls at the configured time of day, in Swedish time.
 */
@Service
public class SlaClock {

    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final LocalTime dueTime;

    SlaClock(WorkingDayCalendar calendar, Clock clock, @Value("${kvalitet.sla-calendar.due-time:16:00}") LocalTime dueTime) {
        this.calendar = calendar;
        this.clock = clock;
        this.dueTime = dueTime;
    }

    /**
     * The moments of one SLA: task due date, reminder, first and second escalation, and the offsets in working
     * days the reminder and the second escalation were computed with.
     */
    public record Deadlines(Date due, Date reminder, Date escalation, Date secondEscalation, int reminderDaysBefore,
            int secondEscalationDaysAfter) {
    }

    public Deadlines deadlines(Date received, int workingDays, int reminderDaysBefore, int secondEscalationDaysAfter) {
        LocalDate receivedDate = LocalDate.ofInstant(received.toInstant(), clock.getZone());
        return deadlinesFor(calendar.addWorkingDays(receivedDate, workingDays), reminderDaysBefore,
                secondEscalationDaysAfter);
    }

    public Deadlines deadlinesFor(LocalDate dueDate, int reminderDaysBefore, int secondEscalationDaysAfter) {
        if (reminderDaysBefore < 0 || secondEscalationDaysAfter < 0) {
            throw new IllegalArgumentException("SLA offsets must not be negative: reminder " + reminderDaysBefore
                    + ", second escalation " + secondEscalationDaysAfter);
        }
        return new Deadlines(at(dueDate), at(calendar.addWorkingDays(dueDate, -reminderDaysBefore)), at(dueDate),
                at(calendar.addWorkingDays(dueDate, secondEscalationDaysAfter)), reminderDaysBefore,
                secondEscalationDaysAfter);
    }

    /** The due date moved by the working days that passed while the clock was paused. */
    public LocalDate resume(LocalDate dueDate, Date pausedAt) {
        LocalDate pausedOn = LocalDate.ofInstant(pausedAt.toInstant(), clock.getZone());
        LocalDate today = LocalDate.now(clock);
        int pausedDays = today.isAfter(pausedOn) ? calendar.workingDaysBetween(pausedOn, today) : 0;
        return calendar.addWorkingDays(dueDate, pausedDays);
    }

    /** A moment N working days from now, e.g. how long a citizen has to answer. */
    public Date workingDaysFromNow(int workingDays) {
        return at(calendar.addWorkingDays(LocalDate.now(clock), workingDays));
    }

    /** Working days in (fromExclusive, toInclusive], as {@link WorkingDayCalendar#workingDaysBetween}. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        return calendar.workingDaysBetween(fromExclusive, toInclusive);
    }

    public LocalDate dateOf(Date moment) {
        return LocalDate.ofInstant(moment.toInstant(), clock.getZone());
    }

    public Date now() {
        return Date.from(clock.instant());
    }

    private Date at(LocalDate date) {
        return Date.from(ZonedDateTime.of(date, dueTime, clock.getZone()).toInstant());
    }
}
