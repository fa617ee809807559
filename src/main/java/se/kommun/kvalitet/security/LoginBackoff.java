package se.kommun.kvalitet.security;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Failed logins per client address, in this node's memory, and how long an address must wait before its next
 * password is checked. The first {@code freeFailures} cost nothing; each further one doubles the wait, from
 * {@code initialDelay} up to {@code maxDelay}. Failures are forgiven one per {@code forgiveEvery}, so an
 * address that stops failing is soon treated as new. Nothing here knows about accounts: a stranger's failures
 * never make another address wait.
 * <p>
 * Bounded like the rate limiter: addresses with nothing left to remember (no failure, no wait) are swept away
 * at most once a minute and whenever the table reaches {@code maxClients}; if it is still full (failures from
 * more addresses than that within minutes), newcomers share one overflow entry rather than grow memory.
 */
class LoginBackoff {

    /** After a failure: the address's failures now (forgiven ones taken off) and its wait in seconds (0: none). */
    record Failure(double failures, long retryAfterSeconds) {
    }

    private static final String OVERFLOW = "";
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;
    /** 2^40 times the initial delay exceeds any sensible maximum; the cap keeps the arithmetic finite. */
    private static final int MAX_DOUBLINGS = 40;

    private final Clock clock;
    private final LoginThrottleProperties settings;
    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    LoginBackoff(Clock clock, LoginThrottleProperties settings) {
        this.clock = clock;
        this.settings = settings;
        this.lastSweep = clock.millis();
    }

    /** Seconds until the address's next password is checked; 0 when it may try now. */
    long retryAfterSeconds(String address) {
        Entry entry = entries.get(key(address));
        return entry == null ? 0 : entry.retryAfterSeconds(clock.millis());
    }

    Failure recordFailure(String address) {
        long now = clock.millis();
        if (now - lastSweep >= SWEEP_INTERVAL_MILLIS || (isFull() && !entries.containsKey(address))) {
            sweep(now);
        }
        return entries.computeIfAbsent(key(address), k -> new Entry(now)).fail(settings, now);
    }

    int trackedAddresses() {
        return entries.size();
    }

    private String key(String address) {
        return isFull() && !entries.containsKey(address) ? OVERFLOW : address;
    }

    private boolean isFull() {
        return entries.size() >= settings.maxClients();
    }

    private void sweep(long now) {
        lastSweep = now;
        entries.values().removeIf(entry -> entry.forgotten(settings, now));
    }

    private static final class Entry {

        private double failures;
        private long updatedAt;
        private long blockedUntil;

        Entry(long now) {
            this.updatedAt = now;
        }

        synchronized long retryAfterSeconds(long now) {
            long waitMillis = blockedUntil - now;
            return waitMillis <= 0 ? 0 : (waitMillis + 999) / 1000;
        }

        synchronized Failure fail(LoginThrottleProperties settings, long now) {
            failures = failuresAt(settings, now) + 1;
            updatedAt = now;
            double beyondFree = failures - settings.freeFailures();
            if (beyondFree > 0) {
                int doublings = (int) Math.min(MAX_DOUBLINGS, Math.ceil(beyondFree) - 1);
                long delay = (long) Math.min(settings.maxDelay().toMillis(),
                        settings.initialDelay().toMillis() * Math.pow(2, doublings));
                blockedUntil = Math.max(blockedUntil, now + delay);
            }
            return new Failure(failures, retryAfterSeconds(now));
        }

        /** Nothing to remember: a new entry would behave the same. */
        synchronized boolean forgotten(LoginThrottleProperties settings, long now) {
            return failuresAt(settings, now) == 0 && blockedUntil <= now;
        }

        private double failuresAt(LoginThrottleProperties settings, long now) {
            double forgiven = Math.max(0, now - updatedAt) / (double) settings.forgiveEvery().toMillis();
            return Math.max(0, failures - forgiven);
        }
    }
}
