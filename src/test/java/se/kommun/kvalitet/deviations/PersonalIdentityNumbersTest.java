package se.kommun.kvalitet.deviations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.kvalitet.deviations.record.PersonalIdentityNumbers;

/**
 * Skatteverket's published test numbers (811218-9876 valid; 701063-2391 a valid samordningsnummer: born the 3rd,
 * day 63) and their near misses. A number is refused in every form a person types it.
 */
class PersonalIdentityNumbersTest {

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = {
            "811218-9876", "8112189876", "811218+9876", "19811218-9876", "198112189876", "20121212-1212",
            "701063-2391", "7010632391", "19701063-2391",
            "Brukaren 811218-9876 föll i korridoren.", "(198112189876)", "pnr:8112189876, rum 4"})
    void findsValidPersonalAndCoordinationNumbers(String text) {
        assertThat(PersonalIdentityNumbers.containsOne(text)).isTrue();
    }

    @ParameterizedTest(name = "let through: {0}")
    @ValueSource(strings = {
            // Wrong check digit.
            "811218-9875", "8112189875", "19811218-9875", "701063-2392",
            // No such month or day (also as a coordination number).
            "811318-9876", "811200-9876", "811292-9876",
            // Longer or shorter digit runs are other numbers (order numbers, phone numbers).
            "08112189876", "81121898760", "811218-987", "070-123 45 67",
            "Fallet skedde 2026-11-30 kl. 14.00 i rum 12.", "", "Boende B12 föll."})
    void letsOtherNumbersThrough(String text) {
        assertThat(PersonalIdentityNumbers.containsOne(text)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nothingIsNoNumber() {
        assertThat(PersonalIdentityNumbers.containsOne(null)).isFalse();
    }
}
