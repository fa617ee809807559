package se.kommun.kvalitet.qualitypayment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;

/**
 * The one way this module mails a provider, through the notifications module's {@link Mailer}: in Swedish (the
 * templates add English), to the provider's address, with the provider and the period in every model, and an
 * idempotency key of the period's process, the step and the provider, so a retried job never mails it twice.
 */
@Component
class ProviderMails {

    private final Mailer mailer;

    ProviderMails(Mailer mailer) {
        this.mailer = mailer;
    }

    /**
     * @param businessKey the period's process, e.g. {@code KVP-2026-T1-HOME_CARE}
     * @param step        what the mail is, unique within the process, e.g. {@code result} or {@code reminder@2026-05-15}
     * @param reference   the reference in the subject: the decision number or the business key
     * @param details     the template's own values
     */
    void send(String businessKey, String step, String reference, Provider provider, Tertial tertial, String template,
            Map<String, Object> details) {
        Map<String, Object> model = new HashMap<>(details);
        model.put("reference", reference);
        model.put("provider", provider.name());
        model.put("period", tertial.code());
        mailer.send(new OutgoingMail(businessKey + "/" + step + "/" + provider.name(), provider.email(), template,
                Locale.forLanguageTag("sv"), model));
    }
}
