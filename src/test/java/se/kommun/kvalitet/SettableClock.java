package se.kommun.kvalitet;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * The application's clock in the shared test context: Swedish time, as {@link ClockConfiguration}'s, and the
 * system's instant until a test pins it. A test that pins it resets it afterwards, so the one context every
 * integration test shares sees the real time again. Engine timers are not driven by it: tests fire them by hand.
 */
public final class SettableClock extends Clock {

    private volatile Instant pinned;

    /** From now on the application reads this moment (given in any zone; the clock stays in Swedish time). */
    public void pin(ZonedDateTime moment) {
        pinned = moment.toInstant();
    }

    public void reset() {
        pinned = null;
    }

    @Override
    public ZoneId getZone() {
        return ClockConfiguration.MUNICIPAL_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SettableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant moment = pinned;
        return moment != null ? moment : Clock.systemUTC().instant();
    }
}
