package se.kommun.kvalitet.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled           env {@code KVALITET_RATELIMIT_ENABLED}; outside tools rely on this name
 * @param requestsPerMinute sustained rate per client address and node
 * @param burst             requests a client may send at once
 * @param maxClients        client buckets kept in memory at most
 * @param apiKeyRequestsPerMinute sustained rate per Open311 api_key and node (on top of the address's limit)
 * @param apiKeyBurst       requests one api_key may send at once
 */
@ConfigurationProperties("kvalitet.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30") int requestsPerMinute,
        @DefaultValue("10") int burst, @DefaultValue("100000") long maxClients,
        @DefaultValue("60") int apiKeyRequestsPerMinute, @DefaultValue("20") int apiKeyBurst) {
}
