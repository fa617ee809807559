package se.kommun.kvalitet.statistics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** Reads the query parameters every statistics endpoint shares, with a clear refusal per wrong parameter. */
@Component
class StatisticsFilters {

    /** The case types a filter may name (cases.record.CaseType, by name: the module reads no other module's types). */
    static final Set<String> TYPES = Set.of("COMPLAINT", "SUGGESTION", "PRAISE", "QUESTION", "FAULT_REPORT");
    /** A period longer than this is refused: the figures answer per month, not per decade. */
    static final int MAX_DAYS = 3 * 366;

    StatisticsFilter parse(String from, String to, List<String> unitIds, String type, String category) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidStatisticsFilterException("to", "'to' före 'from' / 'to' is before 'from'");
        }
        if (start.plusDays(MAX_DAYS).isBefore(end)) {
            throw new InvalidStatisticsFilterException("to", "Högst tre år åt gången / at most three years at a time");
        }
        if (type != null && !type.isBlank() && !TYPES.contains(type)) {
            throw new InvalidStatisticsFilterException("type", "Okänd typ / unknown type '" + type + "'; typer / types: "
                    + String.join(", ", TYPES.stream().sorted().toList()));
        }
        if (category != null && !category.isBlank() && !category.matches("[A-Z_]{1,40}")) {
            throw new InvalidStatisticsFilterException("category", "Ogiltig kategori / invalid category");
        }
        return new StatisticsFilter(start, end, unitIds, blankToNull(type), blankToNull(category));
    }

    private static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidStatisticsFilterException(parameter, "Ange '" + parameter + "' som ÅÅÅÅ-MM-DD / give '"
                    + parameter + "' as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidStatisticsFilterException(parameter, "'" + parameter
                    + "' ska vara ett datum ÅÅÅÅ-MM-DD / must be a date YYYY-MM-DD");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
