package se.kommun.kvalitet.cases.survey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A survey link's token: HMAC-SHA256 over the mail step that sent it, with a key derived from the status-link
 * secret for this purpose only. Deterministic, so a retried mail job (whose first attempt may have mailed the link
 * and then rolled back) writes the same survey row the mailed link points to; unguessable without the secret.
 * Only the token's SHA-256 is stored.
 */
@Component
class SurveyTokens {

    private final SecretKeySpec key;

    SurveyTokens(@Value("${kvalitet.status-token.secret}") String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("kvalitet.status-token.secret must be at least 32 characters");
        }
        byte[] derived = hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"),
                "kvalitet-survey-link");
        this.key = new SecretKeySpec(derived, "HmacSHA256");
    }

    String tokenFor(String mailStepKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, mailStepKey));
    }

    /** What the table holds and is searched by; a malformed token is never looked up. */
    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    private static byte[] hmac(SecretKeySpec key, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
