package se.kommun.kvalitet.statistics;

import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * The figures as CSV for Excel in Swedish: UTF-8 with a byte-order mark (else Excel reads å, ä, ö as Latin-1),
 * semicolons between fields and a decimal comma. One row per month and a last row for the whole period.
 */
final class StatisticsCsv {

    static final String HEADER = "period;received;closed;closedWithDueDate;answeredWithinSla;"
            + "medianLeadTimeWorkingDays;reminders;escalations";
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StatisticsCsv() {
    }

    static byte[] write(Figures figures, String periodLabel) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Figures.Month month : figures.byMonth()) {
            row(csv, month.month(), month.received(), month.closed(), month.closedWithDueDate(),
                    month.answeredWithinSla(), month.medianLeadTimeWorkingDays(), month.reminders(),
                    month.escalations());
        }
        row(csv, periodLabel, figures.received(), figures.closed(), figures.closedWithDueDate(),
                figures.answeredWithinSla(), figures.medianLeadTimeWorkingDays(), figures.reminders(),
                figures.escalations());
        byte[] text = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, out, 0, BOM.length);
        System.arraycopy(text, 0, out, BOM.length, text.length);
        return out;
    }

    private static void row(StringBuilder csv, String period, long received, long closed, long withDueDate,
            Double withinSla, Double median, long reminders, long escalations) {
        csv.append(period).append(';').append(received).append(';').append(closed).append(';').append(withDueDate)
                .append(';').append(decimal(withinSla)).append(';').append(decimal(median)).append(';')
                .append(reminders).append(';').append(escalations).append("\r\n");
    }

    private static String decimal(Double value) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv")));
        return format.format(value);
    }
}
