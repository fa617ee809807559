package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Kronor and hours as a Swedish reader writes them: {@code 28 393,50 kr}. */
final class Amounts {

    private Amounts() {
    }

    static String kronor(BigDecimal amount) {
        return number(amount) + " kr";
    }

    static String number(BigDecimal value) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("sv"));
        symbols.setGroupingSeparator(' ');
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat("#,##0.00", symbols);
        return format.format(value.setScale(2, RoundingMode.HALF_UP));
    }
}
