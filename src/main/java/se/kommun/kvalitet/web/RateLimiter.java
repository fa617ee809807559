package se.kommun.kvalitet.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A token bucket per client address, in this node's memory: each client may send {@code burst} requests at
 * once and then {@code requestsPerMinute} on average. A cluster of n nodes behind a load balancer therefore
 * lets a client through up to n times as often.
 * <p>
 * Bounded: buckets idle long enough to be full again are swept away (a new one is identical), at most once a
 * minute and whenever the table reaches {@code maxClients}. If it is still full of active clients (requests
 * from more addresses than that within minutes), newcomers share one overflow bucket rather than grow memory.
 */
class RateLimiter {

    /** Allowed, or refused with the whole seconds until the next request would be allowed. */
    record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private static final String OVERFLOW = "";
    private static final long SWEEP_INTERVAL_MILLIS = 60_000;

    private final Clock clock;
    private final long maxClients;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile Limit limit;
    private volatile long lastSweep;

    RateLimiter(Clock clock, int requestsPerMinute, int burst, long maxClients) {
        this.clock = clock;
        this.maxClients = maxClients;
        this.limit = Limit.of(requestsPerMinute, burst);
        this.lastSweep = clock.millis();
    }

    /** Changes the limit for every client at once; buckets start full again. */
    void configure(int requestsPerMinute, int burst) {
        this.limit = Limit.of(requestsPerMinute, burst);
        buckets.clear();
    }

    int requestsPerMinute() {
        return limit.requestsPerMinute();
    }

    int burst() {
        return limit.burst();
    }

    int trackedClients() {
        return buckets.size();
    }

    Decision tryAcquire(String client) {
        Limit current = limit;
        long now = clock.millis();
        if (now - lastSweep >= SWEEP_INTERVAL_MILLIS || (buckets.size() >= maxClients && !buckets.containsKey(client))) {
            sweep(current, now);
        }
        String key = buckets.size() >= maxClients && !buckets.containsKey(client) ? OVERFLOW : client;
        return buckets.computeIfAbsent(key, k -> new Bucket(current.burst(), now)).take(current, now);
    }

    private void sweep(Limit current, long now) {
        lastSweep = now;
        buckets.values().removeIf(bucket -> bucket.fullAt(current, now));
    }

    private record Limit(int requestsPerMinute, int burst) {

        static Limit of(int requestsPerMinute, int burst) {
            if (requestsPerMinute < 1 || burst < 1) {
                throw new IllegalArgumentException("requests-per-minute and burst must be at least 1");
            }
            return new Limit(requestsPerMinute, burst);
        }

        double tokensPerMilli() {
            return requestsPerMinute / 60_000.0;
        }
    }

    private static final class Bucket {

        private double tokens;
        private long updatedAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized boolean fullAt(Limit limit, long now) {
            return tokens + Math.max(0, now - updatedAt) * limit.tokensPerMilli() >= limit.burst();
        }

        synchronized Decision take(Limit limit, long now) {
            tokens = Math.min(limit.burst(), tokens + Math.max(0, now - updatedAt) * limit.tokensPerMilli());
            updatedAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, 0);
            }
            long waitMillis = (long) Math.ceil((1 - tokens) / limit.tokensPerMilli());
            return new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
        }
    }
}
