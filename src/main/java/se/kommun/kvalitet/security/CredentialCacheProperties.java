package se.kommun.kvalitet.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long this node trusts a verified password and a user's groups and tenants (ADR 0020, docs/security.md).
 *
 * @param ttl        env {@code KVALITET_SECURITY_CREDENTIALCACHE_TTL}; also how late a change made on another node
 *                   takes effect here; {@code PT0S} switches the cache off
 * @param maxEntries env {@code KVALITET_SECURITY_CREDENTIALCACHE_MAXENTRIES}: users kept per table at most
 */
@ConfigurationProperties("kvalitet.security.credential-cache")
record CredentialCacheProperties(@DefaultValue("PT10S") Duration ttl, @DefaultValue("10000") int maxEntries) {

    CredentialCacheProperties {
        if (ttl.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException(
                    "kvalitet.security.credential-cache: ttl >= 0 and max-entries >= 1 are required");
        }
    }
}
