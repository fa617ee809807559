package se.kommun.kvalitet.cases.status;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The citizen's personal status link carries HMAC-SHA256(secret, reference): 256 bits nobody can guess,
 * nothing to store, and every node of a cluster can check it with the shared secret.
 */
@Component
public class StatusTokens {

    private final SecretKeySpec key;

    StatusTokens(@Value("${kvalitet.status-token.secret}") String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("kvalitet.status-token.secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String tokenFor(String reference) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(reference));
    }

    /** Constant-time, so response timing reveals nothing about how much of a guessed token was right. */
    boolean matches(String reference, String token) {
        if (token == null || token.length() > 100) {
            return false;
        }
        byte[] expected = tokenFor(reference).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] mac(String reference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(reference.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
