package se.kommun.kvalitet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.kommun.kvalitet.contracts.record.OrganisationNumbers;

/** NNNNNN-NNNN with a Luhn check digit over the first nine digits. */
class OrganisationNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"556016-0680", "202100-2759", "802400-1235", "556000-0019", "556677-8899"})
    void validNumbersPass(String number) {
        assertThat(OrganisationNumbers.valid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"556016-0681", "556016-0689", "5560160680", "556016 0680", "55601-60680", "556016-068",
            "556016-06800", "ABCDEF-GHIJ", "", " 556016-0680"})
    void wrongCheckDigitOrFormatFails(String number) {
        assertThat(OrganisationNumbers.valid(number)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"556000-0010", "556000-0011", "556000-0012", "556000-0013", "556000-0014",
            "556000-0015", "556000-0016", "556000-0017", "556000-0018"})
    void everyOtherCheckDigitThanTheLuhnOneFails(String number) {
        assertThat(OrganisationNumbers.valid(number)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nullFails() {
        assertThat(OrganisationNumbers.valid(null)).isFalse();
    }
}
