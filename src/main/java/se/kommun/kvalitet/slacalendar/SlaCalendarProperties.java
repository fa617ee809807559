package se.kommun.kvalitet.slacalendar;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param extraNonWorkingDays eves closed on top of the public holidays; all three by default, as in the law
 * @param additionalClosedDates local closed dates, e.g. a municipal holiday; none by default
 */
@ConfigurationProperties("kvalitet.sla-calendar")
record SlaCalendarProperties(
        @DefaultValue({"MIDSUMMER_EVE", "CHRISTMAS_EVE", "NEW_YEARS_EVE"}) List<ExtraNonWorkingDay> extraNonWorkingDays,
        @DefaultValue List<LocalDate> additionalClosedDates) {

    SlaCalendarProperties {
        extraNonWorkingDays = List.copyOf(extraNonWorkingDays);
        additionalClosedDates = List.copyOf(additionalClosedDates);
    }
}
