package se.kommun.kvalitet.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The back-off per client address on its own, with a clock the test moves. */
class LoginBackoffTest {

    final MutableClock clock = new MutableClock();

    static LoginThrottleProperties settings(int freeFailures, long maxClients) {
        return new LoginThrottleProperties(true, freeFailures, Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofMinutes(5), maxClients);
    }

    @Test
    void freeFailuresCostNothingThenEachFurtherOneDoublesTheWaitUpToTheMaximum() {
        LoginBackoff backoff = new LoginBackoff(clock, settings(3, 100));
        for (int i = 0; i < 3; i++) {
            assertThat(backoff.recordFailure("a").retryAfterSeconds()).isZero();
            assertThat(backoff.retryAfterSeconds("a")).isZero();
        }

        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (long wait : expected) {
            assertThat(backoff.recordFailure("a").retryAfterSeconds()).isEqualTo(wait);
            assertThat(backoff.retryAfterSeconds("a")).isEqualTo(wait);
            // Waiting it out: the next failure is checked, and counted.
            clock.advance(Duration.ofSeconds(wait));
            assertThat(backoff.retryAfterSeconds("a")).isZero();
        }
    }

    @Test
    void retryAfterCountsDownInWholeSecondsRoundedUp() {
        LoginBackoff backoff = new LoginBackoff(clock, settings(0, 100));
        backoff.recordFailure("a");
        backoff.recordFailure("a");
        assertThat(backoff.retryAfterSeconds("a")).isEqualTo(2);

        clock.advance(Duration.ofMillis(1001));
        assertThat(backoff.retryAfterSeconds("a")).isEqualTo(1);
        clock.advance(Duration.ofMillis(998));
        assertThat(backoff.retryAfterSeconds("a")).isEqualTo(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(backoff.retryAfterSeconds("a")).isZero();
    }

    @Test
    void oneFailureIsForgivenPerPeriodSoAnAddressThatStopsFailingStartsAfresh() {
        LoginBackoff backoff = new LoginBackoff(clock, settings(2, 100));
        for (int i = 0; i < 6; i++) {
            backoff.recordFailure("a");
        }
        assertThat(backoff.retryAfterSeconds("a")).isEqualTo(8);

        // Five minutes forgive one of six failures: the next is the sixth again.
        clock.advance(Duration.ofMinutes(5));
        LoginBackoff.Failure sixth = backoff.recordFailure("a");
        assertThat(sixth.failures()).isEqualTo(6.0);
        assertThat(sixth.retryAfterSeconds()).isEqualTo(8);

        // Half an hour later all are forgiven: two free failures again.
        clock.advance(Duration.ofMinutes(30));
        assertThat(backoff.recordFailure("a").retryAfterSeconds()).isZero();
        assertThat(backoff.recordFailure("a").retryAfterSeconds()).isZero();
        assertThat(backoff.recordFailure("a").retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void oneAddressesFailuresNeverMakeAnotherWait() {
        LoginBackoff backoff = new LoginBackoff(clock, settings(1, 100));
        for (int i = 0; i < 50; i++) {
            backoff.recordFailure("198.51.100.66");
        }

        assertThat(backoff.retryAfterSeconds("198.51.100.66")).isEqualTo(60);
        assertThat(backoff.retryAfterSeconds("203.0.113.10")).isZero();
    }

    @Test
    void staysBoundedForgottenAddressesAreSweptAndNewcomersShareTheOverflowEntry() {
        LoginBackoff backoff = new LoginBackoff(clock, settings(0, 3));
        backoff.recordFailure("a");
        backoff.recordFailure("b");
        backoff.recordFailure("c");

        // Table full of addresses still remembered: d and e share one entry instead of growing the table.
        assertThat(backoff.recordFailure("d").retryAfterSeconds()).isEqualTo(1);
        assertThat(backoff.recordFailure("e").retryAfterSeconds()).isEqualTo(2);
        assertThat(backoff.retryAfterSeconds("f")).as("an unseen address waits with the overflow").isEqualTo(2);
        assertThat(backoff.trackedAddresses()).isEqualTo(4);

        // Once a, b, c and the overflow are forgiven and waited out they are swept; the newcomer gets its own entry.
        clock.advance(Duration.ofMinutes(10));
        assertThat(backoff.recordFailure("g").retryAfterSeconds()).isEqualTo(1);
        assertThat(backoff.trackedAddresses()).isEqualTo(1);
        assertThat(backoff.retryAfterSeconds("f")).isZero();
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottleProperties(true, 5,
                Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(5), 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottleProperties(true, 5,
                Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofMinutes(5), 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottleProperties(true, -1,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5), 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottleProperties(true, 5,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ZERO, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new LoginThrottleProperties(true, 5,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5), 0));
    }
}
