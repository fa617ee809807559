package se.kommun.kvalitet.notifications;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * One mail to send.
 *
 * @param idempotencyKey unique per process step and recipient, e.g. {@code SYN-2026-000001/acknowledgement};
 *                       the same key is never mailed twice (at most 200 characters)
 * @param recipient      one address, optionally with a display name
 * @param template       name of {@code templates/mail/<template>.html} and {@code .txt}, e.g. {@code feedback}
 * @param locale         language of the mail: Swedish ({@code sv}) or English ({@code en}); the region is dropped
 * @param model          template variables; {@code reference} is required (it is in every subject), other
 *                       values may be null
 */
public record OutgoingMail(String idempotencyKey, String recipient, String template, Locale locale,
                           Map<String, Object> model) {

    static final int MAX_KEY_LENGTH = 200;

    /** Also keeps template names from reaching outside {@code templates/mail/} (no dots, no slashes). */
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*");

    private static final Set<String> LANGUAGES = Set.of("sv", "en");

    public OutgoingMail {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("Idempotency key must be 1-%d characters, not blank: %s"
                    .formatted(MAX_KEY_LENGTH, idempotencyKey));
        }
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("Recipient is missing");
        }
        try {
            // Strict parsing refuses lists and line breaks (header injection) before anything is recorded as sent.
            new InternetAddress(recipient, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("Not one valid e-mail address: " + recipient, e);
        }
        if (template == null || !TEMPLATE_NAME.matcher(template).matches()) {
            throw new IllegalArgumentException("Template name must match " + TEMPLATE_NAME + ": " + template);
        }
        Objects.requireNonNull(locale, "locale");
        if (!LANGUAGES.contains(locale.getLanguage())) {
            throw new IllegalArgumentException("Mail language must be sv or en: " + locale);
        }
        locale = Locale.forLanguageTag(locale.getLanguage());
        Objects.requireNonNull(model, "model");
        Object reference = model.get("reference");
        if (reference == null || reference.toString().isBlank()) {
            throw new IllegalArgumentException("Model needs a 'reference' for the subject line");
        }
        // Map.copyOf refuses null values, and optional values such as forwardedTo may be null.
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }

    String reference() {
        return model.get("reference").toString();
    }

    /**
     * The RFC 5322 Message-ID of this mail: the same for every attempt with this idempotency key, so a mail
     * client folds a resend after a crash (at-least-once delivery) into the original. The key itself may hold
     * characters a msg-id may not ({@code :}, {@code @}, {@code /}), hence its SHA-256 in hex.
     *
     * @param domain the right-hand side, the sender's domain
     */
    String messageId(String domain) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(idempotencyKey.getBytes(StandardCharsets.UTF_8));
            return "<kvalitet." + HexFormat.of().formatHex(digest) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
