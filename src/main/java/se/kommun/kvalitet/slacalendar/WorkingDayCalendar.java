package se.kommun.kvalitet.slacalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days for SLA clocks: Monday to Friday, except Swedish public holidays, the configured eves
 * (midsommarafton, julafton, nyårsafton by default) and the configured local closed dates.
 */
@Service
public class WorkingDayCalendar {

    private final HolidayManager holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.SWEDEN));
    private final Set<ExtraNonWorkingDay> extraNonWorkingDays;
    private final Set<LocalDate> additionalClosedDates;
    // Called per case and per clock tick: ask jollyday once per year, not once per date.
    private final Map<Integer, Set<LocalDate>> closedDatesByYear = new ConcurrentHashMap<>();

    WorkingDayCalendar(SlaCalendarProperties properties) {
        this.extraNonWorkingDays = properties.extraNonWorkingDays().isEmpty()
                ? EnumSet.noneOf(ExtraNonWorkingDay.class)
                : EnumSet.copyOf(properties.extraNonWorkingDays());
        this.additionalClosedDates = Set.copyOf(properties.additionalClosedDates());
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY
                && !closedDatesByYear.computeIfAbsent(date.getYear(), this::closedDates).contains(date);
    }

    /**
     * The date {@code days} working days after {@code from} ({@code from} itself not counted); negative
     * counts backwards. Zero gives {@code from} when it is a working day, else the next working day.
     */
    public LocalDate addWorkingDays(LocalDate from, int days) {
        LocalDate date = from;
        if (days == 0) {
            while (!isWorkingDay(date)) {
                date = date.plusDays(1);
            }
            return date;
        }
        int step = Integer.signum(days);
        int remaining = Math.abs(days);
        while (remaining > 0) {
            date = date.plusDays(step);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date;
    }

    /** The number of working days in (fromExclusive, toInclusive]; 0 when both are the same date. */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            // A pause that ends before it starts is a caller bug; a silent 0 would hide it.
            throw new IllegalArgumentException("End " + toInclusive + " is before start " + fromExclusive);
        }
        int count = 0;
        for (LocalDate date = fromExclusive.plusDays(1); !date.isAfter(toInclusive); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                count++;
            }
        }
        return count;
    }

    private Set<LocalDate> closedDates(int year) {
        Set<LocalDate> closed = new HashSet<>();
        // Public holidays only: should jollyday add observances (e.g. Valborgsmässoafton), they stay working days.
        for (Holiday holiday : holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY)) {
            closed.add(holiday.getDate());
        }
        // Jollyday's Swedish calendar lists the three eves as public holidays; whether they close is ours to configure.
        for (ExtraNonWorkingDay eve : ExtraNonWorkingDay.values()) {
            closed.remove(eve.dateIn(year));
        }
        for (ExtraNonWorkingDay eve : extraNonWorkingDays) {
            closed.add(eve.dateIn(year));
        }
        for (LocalDate date : additionalClosedDates) {
            if (date.getYear() == year) {
                closed.add(date);
            }
        }
        return Set.copyOf(closed);
    }
}
