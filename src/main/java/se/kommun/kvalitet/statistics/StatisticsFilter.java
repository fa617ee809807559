package se.kommun.kvalitet.statistics;

import java.time.LocalDate;
import java.util.List;

/**
 * What the figures are over: the period {@code from}..{@code to} (both days included, Swedish dates), the units (ids;
 * empty means all) and optionally one case type and one category.
 */
record StatisticsFilter(LocalDate from, LocalDate to, List<String> unitIds, String type, String category) {

    boolean allUnits() {
        return unitIds.isEmpty();
    }

    /** Whether the day is in the period; no day (a case not closed) is not. */
    boolean includes(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
