package se.kommun.kvalitet.statistics;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import se.kommun.kvalitet.shared.CsvFile;

/**
 * The figures as CSV for Excel in Swedish ({@link CsvFile#write}: UTF-8 with a byte-order mark, semicolons) with a
 * decimal comma. One row per month and a last row for the whole period.
 */
final class StatisticsCsv {

    static final List<String> HEADER = List.of("period", "received", "closed", "closedWithDueDate",
            "answeredWithinSla", "medianLeadTimeWorkingDays", "reminders", "escalations");

    private StatisticsCsv() {
    }

    static byte[] write(Figures figures, String periodLabel) {
        List<List<String>> rows = new ArrayList<>();
        for (Figures.Month month : figures.byMonth()) {
            rows.add(row(month.month(), month.received(), month.closed(), month.closedWithDueDate(),
                    month.answeredWithinSla(), month.medianLeadTimeWorkingDays(), month.reminders(),
                    month.escalations()));
        }
        rows.add(row(periodLabel, figures.received(), figures.closed(), figures.closedWithDueDate(),
                figures.answeredWithinSla(), figures.medianLeadTimeWorkingDays(), figures.reminders(),
                figures.escalations()));
        return CsvFile.write(HEADER, rows);
    }

    private static List<String> row(String period, long received, long closed, long withDueDate,
            Double withinSla, Double median, long reminders, long escalations) {
        return List.of(period, String.valueOf(received), String.valueOf(closed), String.valueOf(withDueDate),
                decimal(withinSla), decimal(median), String.valueOf(reminders), String.valueOf(escalations));
    }

    private static String decimal(Double value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv")));
        return format.format(value);
    }
}
