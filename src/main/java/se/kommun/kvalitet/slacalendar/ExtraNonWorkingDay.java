package se.kommun.kvalitet.slacalendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;

/** Days that are not public holidays but count as such under lagen (1930:173) om beräkning av lagstadgad tid. */
enum ExtraNonWorkingDay {

    /** Midsommarafton: the Friday between 19 and 25 June. */
    MIDSUMMER_EVE {
        @Override
        LocalDate dateIn(int year) {
            return LocalDate.of(year, Month.JUNE, 19).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
        }
    },
    /** Julafton. */
    CHRISTMAS_EVE {
        @Override
        LocalDate dateIn(int year) {
            return LocalDate.of(year, Month.DECEMBER, 24);
        }
    },
    /** Nyårsafton. */
    NEW_YEARS_EVE {
        @Override
        LocalDate dateIn(int year) {
            return LocalDate.of(year, Month.DECEMBER, 31);
        }
    };

    abstract LocalDate dateIn(int year);
}
