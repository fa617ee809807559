package se.kommun.kvalitet.slacalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** Expected dates checked against java.time weekdays, not written from memory. */
class WorkingDayCalendarTest {

    private static final SlaCalendarProperties LEGAL_DEFAULT = new SlaCalendarProperties(
            List.of(ExtraNonWorkingDay.values()), List.of());

    private final WorkingDayCalendar calendar = new WorkingDayCalendar(LEGAL_DEFAULT);

    @ParameterizedTest(name = "{0} {1} is not a working day")
    @CsvSource({
            "2026-04-03, långfredag",
            "2026-04-05, påskdagen",
            "2026-04-06, annandag påsk",
            "2026-05-01, första maj (Friday)",
            "2026-05-14, Kristi himmelfärdsdag",
            "2026-06-06, nationaldagen (Saturday)",
            "2025-06-06, nationaldagen (Friday)",
            "2026-06-19, midsommarafton",
            "2026-06-20, midsommardagen",
            "2026-12-24, julafton (Thursday)",
            "2026-12-25, juldagen",
            "2026-12-26, annandag jul (Saturday)",
            "2025-12-26, annandag jul (Friday)",
            "2026-12-31, nyårsafton (Thursday)",
            "2027-01-01, nyårsdagen",
            "2027-01-06, trettondedag jul",
            "2027-03-26, långfredag 2027",
            "2027-03-28, påskdagen 2027",
            "2027-03-29, annandag påsk 2027",
            "2027-05-06, Kristi himmelfärdsdag 2027",
            "2027-06-25, midsommarafton 2027",
            "2026-03-14, Saturday",
            "2026-03-15, Sunday",
    })
    void closedDays(LocalDate date, String what) {
        assertThat(calendar.isWorkingDay(date)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1} is a working day")
    @CsvSource({
            "2026-03-09, Monday",
            "2026-03-10, Tuesday",
            "2026-03-11, Wednesday",
            "2026-03-12, Thursday",
            "2026-03-13, Friday",
            "2026-04-02, skärtorsdagen",
            "2026-04-07, Tuesday after Easter",
            "2026-04-30, valborgsmässoafton",
            "2026-06-18, day before midsommarafton",
            "2026-12-23, day before julafton",
            "2026-12-30, day before nyårsafton",
            "2027-01-05, trettondagsafton",
            "2027-03-25, skärtorsdagen 2027",
            "2027-06-18, Friday a week before midsommarafton 2027",
    })
    void workingDays(LocalDate date, String what) {
        assertThat(calendar.isWorkingDay(date)).isTrue();
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2} ({3})")
    @CsvSource({
            "2026-03-09,   4, 2026-03-13, normal week",
            "2026-03-09,   5, 2026-03-16, over a weekend",
            "2026-04-01,  10, 2026-04-17, across Easter",
            "2026-06-18,   1, 2026-06-22, across midsommar",
            "2026-12-30,   1, 2027-01-04, across nyårsafton and nyårsdagen",
            "2026-12-30,   3, 2027-01-07, across the year and trettondedag jul",
            "2026-03-09,   0, 2026-03-09, zero on a working day",
            "2026-04-03,   0, 2026-04-07, zero on långfredag rolls to the next working day",
            "2026-04-07,  -2, 2026-04-01, two working days before a due date after Easter",
            "2027-01-07,  -2, 2027-01-04, two working days before, over trettondedag jul",
            "2027-01-04,  -2, 2026-12-29, two working days before, back over the year boundary",
    })
    void addWorkingDays(LocalDate from, int days, LocalDate expected, String what) {
        assertThat(calendar.addWorkingDays(from, days)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "({0}, {1}] has {2} working days ({3})")
    @CsvSource({
            "2026-12-18, 2027-01-08, 10, across Christmas and New Year",
            "2026-12-23, 2026-12-28,  1, julafton to annandag jul closed",
            "2026-03-09, 2026-03-16,  5, one week",
            "2026-03-09, 2026-03-09,  0, empty interval",
    })
    void workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive, int expected, String what) {
        assertThat(calendar.workingDaysBetween(fromExclusive, toInclusive)).isEqualTo(expected);
    }

    @Test
    void workingDaysBetweenRefusesAnEndBeforeTheStart() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> calendar.workingDaysBetween(LocalDate.of(2026, 3, 13), LocalDate.of(2026, 3, 9)));
    }

    @Test
    void evesTurnedOffAreWorkingDaysButTheHolidaysStayClosed() {
        var noEves = new WorkingDayCalendar(new SlaCalendarProperties(List.of(), List.of()));

        assertThat(noEves.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(noEves.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(noEves.isWorkingDay(LocalDate.of(2026, 6, 19))).isTrue();
        assertThat(noEves.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
        assertThat(noEves.isWorkingDay(LocalDate.of(2026, 6, 20))).isFalse();
        assertThat(noEves.workingDaysBetween(LocalDate.of(2026, 12, 18), LocalDate.of(2027, 1, 8))).isEqualTo(12);
    }

    @Test
    void onlyTheConfiguredEvesAreClosed() {
        var christmasEveOnly = new WorkingDayCalendar(
                new SlaCalendarProperties(List.of(ExtraNonWorkingDay.CHRISTMAS_EVE), List.of()));

        assertThat(christmasEveOnly.isWorkingDay(LocalDate.of(2026, 12, 24))).isFalse();
        assertThat(christmasEveOnly.isWorkingDay(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(christmasEveOnly.isWorkingDay(LocalDate.of(2026, 6, 19))).isTrue();
    }

    @Test
    void additionalClosedDatesCloseOnlyThatDate() {
        var withLocalHoliday = new WorkingDayCalendar(
                new SlaCalendarProperties(List.of(ExtraNonWorkingDay.values()), List.of(LocalDate.of(2026, 8, 10))));

        assertThat(withLocalHoliday.isWorkingDay(LocalDate.of(2026, 8, 10))).isFalse();
        assertThat(withLocalHoliday.isWorkingDay(LocalDate.of(2027, 8, 10))).isTrue();
        assertThat(withLocalHoliday.addWorkingDays(LocalDate.of(2026, 8, 7), 1)).isEqualTo(LocalDate.of(2026, 8, 11));
    }

    @ParameterizedTest(name = "KVALITET_SLACALENDAR_EXTRANONWORKINGDAYS=''{0}'' keeps 24 Dec 2026 working: {1}")
    @CsvSource({
            "'', true",
            "'NEW_YEARS_EVE,midsummer-eve', true",
            "CHRISTMAS_EVE, false",
    })
    void evesAreConfigurableByEnvironmentVariable(String value, boolean christmasEveWorks) {
        var environment = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("KVALITET_SLACALENDAR_EXTRANONWORKINGDAYS", value));

        assertThat(new WorkingDayCalendar(bind(environment)).isWorkingDay(LocalDate.of(2026, 12, 24)))
                .isEqualTo(christmasEveWorks);
    }

    @Test
    void allThreeEvesAreClosedWhenNothingIsConfigured() {
        var nothing = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of());

        assertThat(bind(nothing).extraNonWorkingDays()).containsExactlyInAnyOrder(ExtraNonWorkingDay.values());
    }

    private static SlaCalendarProperties bind(SystemEnvironmentPropertySource environment) {
        return new Binder(ConfigurationPropertySources.from(environment))
                .bindOrCreate("kvalitet.sla-calendar", SlaCalendarProperties.class);
    }
}
