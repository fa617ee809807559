package se.kommun.kvalitet.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-off for failed logins per client address (docs/security.md, "Failed logins").
 *
 * @param enabled        env {@code KVALITET_LOGINTHROTTLE_ENABLED}
 * @param freeFailures   failed logins an address may have without waiting
 * @param initialDelay   the wait after the first failure beyond those; each further failure doubles it
 * @param maxDelay       the longest wait, however many failures
 * @param forgiveEvery   one failure of an address is forgotten per this period
 * @param maxClients     addresses kept in memory at most
 */
@ConfigurationProperties("kvalitet.login-throttle")
record LoginThrottleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5") int freeFailures,
        @DefaultValue("PT1S") Duration initialDelay, @DefaultValue("PT5M") Duration maxDelay,
        @DefaultValue("PT5M") Duration forgiveEvery, @DefaultValue("100000") long maxClients) {

    LoginThrottleProperties {
        if (freeFailures < 0 || notPositive(initialDelay) || maxDelay.compareTo(initialDelay) < 0
                || notPositive(forgiveEvery) || maxClients < 1) {
            throw new IllegalArgumentException("kvalitet.login-throttle: free-failures >= 0, 0 < initial-delay <= "
                    + "max-delay, forgive-every > 0 and max-clients >= 1 are required");
        }
    }

    private static boolean notPositive(Duration duration) {
        return duration.isNegative() || duration.isZero();
    }
}
