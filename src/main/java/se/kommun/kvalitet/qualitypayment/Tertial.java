package se.kommun.kvalitet.qualitypayment;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tertial, the period of quality payment: {@code 2026-T1} January–April, T2 May–August, T3 September–December. */
record Tertial(int year, int number) implements Comparable<Tertial> {

    private static final Pattern FORMAT = Pattern.compile("(20\\d\\d)-T([123])");

    static Optional<Tertial> parse(String text) {
        Matcher matcher = text == null ? null : FORMAT.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Tertial(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    LocalDate first() {
        return LocalDate.of(year, (number - 1) * 4 + 1, 1);
    }

    LocalDate last() {
        return first().plusMonths(4).minusDays(1);
    }

    Tertial previous() {
        return number == 1 ? new Tertial(year - 1, 3) : new Tertial(year, number - 1);
    }

    String code() {
        return year + "-T" + number;
    }

    @Override
    public int compareTo(Tertial other) {
        return Integer.compare(year * 10 + number, other.year * 10 + other.number);
    }

    @Override
    public String toString() {
        return code();
    }
}
