package se.kommun.kvalitet.actionplans.link;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The author's personal link carries {@code <expiry epoch second>.<HMAC-SHA256(secret, "plan:" id ":" expiry)>}:
 * nothing to store, unguessable, and it stops working at its expiry even if forwarded (the idea of
 * cases.status.StatusTokens, with an expiry; its own secret, so that one leaked secret opens one kind of page).
 */
@Component
public class PlanLinks {

    private final SecretKeySpec key;
    private final Clock clock;

    PlanLinks(@Value("${kvalitet.action-plans.link-secret}") String secret, Clock clock) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException("kvalitet.action-plans.link-secret must be at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.clock = clock;
    }

    public String tokenFor(long planId, Instant expires) {
        long expiry = expires.getEpochSecond();
        return expiry + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(planId, expiry));
    }

    /** Constant-time on the signature; an expired, malformed or forged token is simply not valid. */
    public boolean valid(long planId, String token) {
        if (token == null || token.length() > 120) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot < 1) {
            return false;
        }
        long expiry;
        try {
            expiry = Long.parseLong(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return false;
        }
        byte[] expected = tokenFor(planId, Instant.ofEpochSecond(expiry)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
                && clock.instant().isBefore(Instant.ofEpochSecond(expiry));
    }

    private byte[] mac(long planId, long expiry) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("plan:" + planId + ":" + expiry).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
