package se.kommun.kvalitet.deviations.record;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer: day + 60)
 * in free text, so that a deviation report never stores one: the affected person is named only by a pseudonymous
 * reference. A match is 10 digits (YYMMDDNNNC) or 12 (YYYYMMDDNNNC), with or without {@code -} or {@code +} before
 * the last four, standing alone (no digit right before or after), with a possible month and day, and a check digit
 * that passes the Luhn algorithm over the last ten digits. Numbers that fail the check digit are not numbers of
 * anyone and are let through (an order number, a phone number).
 */
public final class PersonalIdentityNumbers {

    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<!\\d)((?:18|19|20)?\\d{2})(\\d{2})(\\d{2})[-+]?(\\d{4})(?!\\d)");

    private PersonalIdentityNumbers() {
    }

    /** Whether the text holds at least one valid personal identity or coordination number. */
    public static boolean containsOne(String text) {
        if (text == null) {
            return false;
        }
        Matcher candidate = CANDIDATE.matcher(text);
        while (candidate.find()) {
            if (valid(candidate.group(1), candidate.group(2), candidate.group(3), candidate.group(4))) {
                return true;
            }
        }
        return false;
    }

    private static boolean valid(String year, String month, String day, String lastFour) {
        int monthNumber = Integer.parseInt(month);
        int dayNumber = Integer.parseInt(day);
        // A coordination number adds 60 to the day of birth.
        int dayOfMonth = dayNumber > 60 ? dayNumber - 60 : dayNumber;
        if (monthNumber < 1 || monthNumber > 12 || dayOfMonth < 1 || dayOfMonth > 31) {
            return false;
        }
        String tenDigits = year.substring(year.length() - 2) + month + day + lastFour;
        return luhnValid(tenDigits);
    }

    /** Luhn (mod 10) over the ten digits: weights 2, 1, 2, 1, ... from the left; the sum is a multiple of 10. */
    static boolean luhnValid(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return sum % 10 == 0;
    }
}
