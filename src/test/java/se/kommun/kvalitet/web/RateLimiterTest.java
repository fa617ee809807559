package se.kommun.kvalitet.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The token bucket on its own, with a clock the test moves. */
class RateLimiterTest {

    MutableClock clock = new MutableClock();

    @Test
    void allowsTheBurstThenRefusesWithTheSecondsUntilTheNextToken() {
        RateLimiter limiter = new RateLimiter(clock, 30, 3, 1000);

        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        RateLimiter.Decision refused = limiter.tryAcquire("a");

        assertThat(refused.allowed()).isFalse();
        // 30 per minute: one token every 2 seconds.
        assertThat(refused.retryAfterSeconds()).isEqualTo(2);
    }

    @Test
    void refillsAtTheConfiguredRateButNeverAboveTheBurst() {
        RateLimiter limiter = new RateLimiter(clock, 60, 2, 1000);
        limiter.tryAcquire("a");
        limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        clock.advance(Duration.ofMillis(999));
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();

        clock.advance(Duration.ofHours(1));
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        assertThat(limiter.tryAcquire("a").allowed()).as("an idle hour saves up only the burst").isFalse();
    }

    @Test
    void eachClientHasItsOwnBucket() {
        RateLimiter limiter = new RateLimiter(clock, 30, 1, 1000);

        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isTrue();
        assertThat(limiter.tryAcquire("10.0.0.1").allowed()).isFalse();
        assertThat(limiter.tryAcquire("10.0.0.2").allowed()).isTrue();
    }

    @Test
    void retryAfterIsAtLeastOneSecondAndRoundsUp() {
        RateLimiter limiter = new RateLimiter(clock, 7, 1, 1000);
        limiter.tryAcquire("a");

        // 7 per minute: a token every 8.57 s.
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(9);
        clock.advance(Duration.ofMillis(8500));
        assertThat(limiter.tryAcquire("a").retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void reconfiguringAppliesAtOnceToEveryClient() {
        RateLimiter limiter = new RateLimiter(clock, 30, 1, 1000);
        limiter.tryAcquire("a");
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();

        limiter.configure(600, 5);

        assertThat(limiter.requestsPerMinute()).isEqualTo(600);
        assertThat(limiter.burst()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("a").allowed()).isTrue();
        }
        assertThat(limiter.tryAcquire("a").allowed()).isFalse();
    }

    @Test
    void staysBoundedFullBucketsAreSweptAndNewcomersShareTheOverflowBucket() {
        RateLimiter limiter = new RateLimiter(clock, 60, 1, 3);
        limiter.tryAcquire("a");
        limiter.tryAcquire("b");
        limiter.tryAcquire("c");

        // Table full of active clients: d and e share one bucket instead of growing the table.
        assertThat(limiter.tryAcquire("d").allowed()).isTrue();
        assertThat(limiter.tryAcquire("e").allowed()).isFalse();
        assertThat(limiter.trackedClients()).isEqualTo(4);

        // Once a, b, c have refilled they are swept; the newcomer gets its own bucket.
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.tryAcquire("f").allowed()).isTrue();
        assertThat(limiter.trackedClients()).isEqualTo(1);
    }

    @Test
    void refusesALimitBelowOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimiter(clock, 0, 1, 10));
        assertThatIllegalArgumentException().isThrownBy(() -> new RateLimiter(clock, 1, 0, 10));
    }
}
