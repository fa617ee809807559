package se.kommun.kvalitet.security;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.web.ClientAddress;

/**
 * The one place every password check of a request passes (OWASP ASVS 2.2.1: anti-automation without locking
 * accounts). {@link LoginThrottleFilter} names the client address of each request and refuses requests with a
 * password while that address is in back-off; the engine's identity service ({@link LoginThrottlePlugin})
 * reports each check here, so failures on our API and pages, the engine REST API and the webapps' login all
 * count alike. Failures are logged (address, user id, never the password) and counted as Micrometer metrics.
 */
@Component
class LoginThrottle {

    static final String FAILURES_METRIC = "kvalitet.login.failures";
    static final String THROTTLED_METRIC = "kvalitet.login.throttled";

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_LOGGED_USER_ID = 64;

    /** Where a login came from, as the metrics' {@code channel} tag. */
    enum Channel {
        API("api"), ENGINE_REST("engine-rest"), WEBAPP("webapp");

        final String tag;

        Channel(String tag) {
            this.tag = tag;
        }
    }

    record Attempt(String address, Channel channel) {
    }

    private final ThreadLocal<Attempt> current = new ThreadLocal<>();
    private final boolean enabled;
    private final Map<Channel, Counter> failures = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> throttled = new EnumMap<>(Channel.class);
    private volatile ClientAddress clientAddress;
    private volatile LoginBackoff backoff;

    LoginThrottle(LoginThrottleProperties settings, ClientAddress clientAddress, Clock clock, MeterRegistry meters) {
        this.enabled = settings.enabled();
        this.clientAddress = clientAddress;
        this.backoff = new LoginBackoff(clock, settings);
        for (Channel channel : Channel.values()) {
            failures.put(channel, Counter.builder(FAILURES_METRIC).tag("channel", channel.tag)
                    .description("Failed logins: wrong password or unknown user").register(meters));
            throttled.put(channel, Counter.builder(THROTTLED_METRIC).tag("channel", channel.tag)
                    .description("Logins refused unchecked because their client address was in back-off")
                    .register(meters));
        }
    }

    String addressOf(HttpServletRequest request) {
        return clientAddress.of(request);
    }

    /** Seconds until the address's next password is checked; 0 when it may try now (or throttling is off). */
    long retryAfterSeconds(String address) {
        return enabled ? backoff.retryAfterSeconds(address) : 0;
    }

    void refused(Attempt attempt) {
        throttled.get(attempt.channel()).increment();
    }

    /** The request this thread works on, until {@link #end()}; password checks outside a request are not counted. */
    void begin(Attempt attempt) {
        current.set(attempt);
    }

    void end() {
        current.remove();
    }

    /** Runs the engine's password check for the current request, or refuses it unchecked during a back-off. */
    boolean checkPassword(String userId, BooleanSupplier check) {
        Attempt attempt = current.get();
        if (attempt == null) {
            return check.getAsBoolean();
        }
        if (retryAfterSeconds(attempt.address()) > 0) {
            // Passed the filter just before its address's back-off began (parallel requests): not checked either.
            refused(attempt);
            return false;
        }
        boolean valid = check.getAsBoolean();
        if (!valid) {
            failed(attempt, userId);
        }
        return valid;
    }

    private void failed(Attempt attempt, String userId) {
        failures.get(attempt.channel()).increment();
        LoginBackoff.Failure failure = backoff.recordFailure(attempt.address());
        String wait = enabled && failure.retryAfterSeconds() > 0
                ? "; väntetid / back-off " + failure.retryAfterSeconds() + " s" : "";
        log.warn("Misslyckad inloggning / failed login: user '{}' from {} via {} ({} failures from this address{})",
                printable(userId), attempt.address(), attempt.channel().tag,
                String.format(Locale.ROOT, "%.1f", failure.failures()), wait);
    }

    /** A user id is whatever a stranger typed: no line breaks or other control characters into the log. */
    private static String printable(String userId) {
        if (userId == null) {
            return "";
        }
        String cleaned = userId.replaceAll("\\p{Cntrl}", "?");
        return cleaned.length() > MAX_LOGGED_USER_ID ? cleaned.substring(0, MAX_LOGGED_USER_ID) + "…" : cleaned;
    }

    // Replaceable like the rate limiter's limit, so that a test can use its own addresses, settings and clock.

    ClientAddress clientAddress() {
        return clientAddress;
    }

    void clientAddress(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    LoginBackoff backoff() {
        return backoff;
    }

    void backoff(LoginBackoff backoff) {
        this.backoff = backoff;
    }
}
