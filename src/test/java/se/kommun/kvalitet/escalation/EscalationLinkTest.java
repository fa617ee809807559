package se.kommun.kvalitet.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An escalation's {@code link} is a path on kvalitet, resolved against its public base URL: a model can point the mail
 * at one of kvalitet's pages, never at another site. Without Spring.
 */
class EscalationLinkTest {

    @ParameterizedTest
    @ValueSource(strings = {"/styrkort?unit=care&year=2025", "/styrkort", "/"})
    void aPathOnKvalitetIsTaken(String link) {
        assertThat(escalation(link).link()).isEqualTo(link);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://elsewhere.example/styrkort", "//elsewhere.example/styrkort",
            "/\\elsewhere.example", "styrkort", "/styrkort?unit=care year", "/styrkort\n", "javascript:alert(1)", ""})
    void anythingElseIsRefused(String link) {
        assertThatIllegalArgumentException().isThrownBy(() -> escalation(link)).withMessageContaining("path on kvalitet");
    }

    private static Escalation escalation(String link) {
        return new Escalation("STYRKORT-HP-1", "Handlingsplan för styrkort", EscalationLevel.REMINDER,
                LocalDate.of(2026, 2, 4), "unit-care-managers", null, null, link);
    }
}
