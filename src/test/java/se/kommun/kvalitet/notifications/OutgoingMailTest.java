package se.kommun.kvalitet.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutgoingMailTest {

    static final Map<String, Object> MODEL = Map.of("reference", "SYN-2026-000001");

    static OutgoingMail mail(String key, String recipient, String template, Locale locale) {
        return new OutgoingMail(key, recipient, template, locale, MODEL);
    }

    @Test
    void keepsOnlyTheLanguageOfTheLocale() {
        assertThat(mail("k", "a@example.org", "feedback", Locale.forLanguageTag("sv-SE")).locale())
                .isEqualTo(Locale.forLanguageTag("sv"));
        assertThat(mail("k", "a@example.org", "feedback", Locale.UK).locale()).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void refusesOtherLanguages() {
        assertThatIllegalArgumentException().isThrownBy(() -> mail("k", "a@example.org", "feedback", Locale.GERMAN));
    }

    @Test
    void idempotencyKeyIsRequiredAndAtMost200Characters() {
        assertThat(mail("x".repeat(200), "a@example.org", "feedback", Locale.ENGLISH).idempotencyKey()).hasSize(200);
        assertThatIllegalArgumentException().isThrownBy(() -> mail("x".repeat(201), "a@example.org", "feedback", Locale.ENGLISH));
        assertThatIllegalArgumentException().isThrownBy(() -> mail(" ", "a@example.org", "feedback", Locale.ENGLISH));
        assertThatIllegalArgumentException().isThrownBy(() -> mail(null, "a@example.org", "feedback", Locale.ENGLISH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not an address", "a@example.org, b@example.org", "a@example.org\r\nBcc: b@example.org"})
    void recipientMustBeOneAddress(String recipient) {
        assertThatIllegalArgumentException().isThrownBy(() -> mail("k", recipient, "feedback", Locale.ENGLISH));
    }

    @Test
    void recipientMayHaveADisplayName() {
        assertThat(mail("k", "Åsa Öberg <asa@example.org>", "feedback", Locale.ENGLISH).recipient())
                .isEqualTo("Åsa Öberg <asa@example.org>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Feedback", "../secret", "mail/feedback", "feedback.txt", "1st", "feed back"})
    void templateNameCannotLeaveTheMailFolder(String template) {
        assertThatIllegalArgumentException().isThrownBy(() -> mail("k", "a@example.org", template, Locale.ENGLISH));
    }

    @Test
    void modelNeedsAReferenceAndMayHoldNullValues() {
        Map<String, Object> model = new HashMap<>(MODEL);
        model.put("forwardedTo", null);
        OutgoingMail mail = new OutgoingMail("k", "a@example.org", "feedback", Locale.ENGLISH, model);
        model.put("reference", "changed later");

        assertThat(mail.model()).containsEntry("forwardedTo", null).containsEntry("reference", "SYN-2026-000001");
        assertThatIllegalArgumentException().isThrownBy(
                () -> new OutgoingMail("k", "a@example.org", "feedback", Locale.ENGLISH, Map.of("x", 1)));
    }
}
