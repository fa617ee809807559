package se.kommun.kvalitet.contracts.record;

import java.util.regex.Pattern;

/**
 * Swedish organisation numbers (organisationsnummer): {@code NNNNNN-NNNN}, the last digit a Luhn (mod 10) check
 * digit over the first nine, as Bolagsverket and Skatteverket compute it.
 */
public final class OrganisationNumbers {

    private static final Pattern FORMAT = Pattern.compile("\\d{6}-\\d{4}");

    private OrganisationNumbers() {
    }

    public static boolean valid(String number) {
        if (number == null || !FORMAT.matcher(number).matches()) {
            return false;
        }
        String digits = number.replace("-", "");
        return checkDigit(digits.substring(0, 9)) == digits.charAt(9) - '0';
    }

    /** Luhn over nine digits: every other digit from the first doubled, digit sums added, ten's complement. */
    static int checkDigit(String nineDigits) {
        int sum = 0;
        for (int i = 0; i < nineDigits.length(); i++) {
            int digit = nineDigits.charAt(i) - '0';
            int weighted = i % 2 == 0 ? digit * 2 : digit;
            sum += weighted > 9 ? weighted - 9 : weighted;
        }
        return (10 - sum % 10) % 10;
    }
}
