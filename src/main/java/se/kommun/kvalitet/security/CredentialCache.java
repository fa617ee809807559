package se.kommun.kvalitet.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Verified passwords and users' groups and tenants, for {@code kvalitet.security.credential-cache.ttl} (ADR 0020).
 * Every authenticated engine REST request would otherwise read the user and hash the password, then read the
 * user's groups and tenants: three statements and commits for a request that may read nothing else
 * (docs/performance.md).
 * <ul>
 * <li>Only successes are kept, per user as a SHA-256 of a random salt of this process and the password, never the
 * password itself. A password that does not match goes to the database; a failure evicts the user's entry, so
 * Camunda's check (its attempt count) sees the next right password too.</li>
 * <li>An entry lives at most the TTL from its database read, however often it is used: that bounds how late this
 * node sees a change made on another node.</li>
 * <li>A change through this node's identity service ({@link #identityChanged()}) empties everything, again when its
 * transaction ends; a read that began before the change is not stored (the generation count).</li>
 * </ul>
 */
@Component
class CredentialCache {

    private final Clock clock;
    private final long ttlMillis;
    private final int maxEntries;
    private final byte[] salt = new byte[32];
    private final AtomicLong generation = new AtomicLong();
    private final Table<byte[]> passwords = new Table<>();
    private final Table<List<String>> groups = new Table<>();
    private final Table<List<String>> tenants = new Table<>();

    CredentialCache(CredentialCacheProperties settings, Clock clock) {
        this.clock = clock;
        this.ttlMillis = settings.ttl().toMillis();
        this.maxEntries = settings.maxEntries();
        new SecureRandom().nextBytes(salt);
    }

    /** True when the user's password matched a recent check, otherwise the check's answer. */
    boolean checkPassword(String userId, String password, BooleanSupplier check) {
        if (ttlMillis == 0 || userId == null || password == null) {
            return check.getAsBoolean();
        }
        byte[] digest = digest(userId, password);
        byte[] verified = passwords.fresh(userId);
        if (verified != null && MessageDigest.isEqual(verified, digest)) {
            return true;
        }
        long seen = generation.get();
        boolean valid = check.getAsBoolean();
        if (valid) {
            passwords.put(userId, digest, seen);
        } else {
            passwords.entries.remove(userId);
        }
        return valid;
    }

    List<String> groupsOf(String userId, Supplier<List<String>> query) {
        return groups.get(userId, () -> List.copyOf(query.get()));
    }

    List<String> tenantsOf(String userId, Supplier<List<String>> query) {
        return tenants.get(userId, () -> List.copyOf(query.get()));
    }

    /**
     * A user, membership, group or tenant changed: forget everything now, and once more when the surrounding
     * transaction ends, since until its commit other requests still read (and would store) the old state.
     */
    void identityChanged() {
        forgetAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetAll();
                }
            });
        }
    }

    private void forgetAll() {
        // First the generation, then the tables: a read that stores after this sees the new generation and backs out.
        generation.incrementAndGet();
        passwords.entries.clear();
        groups.entries.clear();
        tenants.entries.clear();
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(userId.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            return sha256.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private final class Table<V> {

        private record Entry<V>(V value, long expiresAt) {
        }

        private final ConcurrentMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

        V fresh(String userId) {
            Entry<V> entry = entries.get(userId);
            if (entry == null) {
                return null;
            }
            if (clock.millis() < entry.expiresAt()) {
                return entry.value();
            }
            entries.remove(userId, entry);
            return null;
        }

        V get(String userId, Supplier<V> query) {
            if (ttlMillis == 0) {
                return query.get();
            }
            V value = fresh(userId);
            if (value != null) {
                return value;
            }
            long seen = generation.get();
            value = query.get();
            put(userId, value, seen);
            return value;
        }

        void put(String userId, V value, long seen) {
            long now = clock.millis();
            if (generation.get() != seen || !room(now)) {
                return;
            }
            Entry<V> entry = new Entry<>(value, now + ttlMillis);
            entries.put(userId, entry);
            if (generation.get() != seen) {
                // The identity changed between the check above and the put: the value may be the old state.
                entries.remove(userId, entry);
            }
        }

        private boolean room(long now) {
            if (entries.size() < maxEntries) {
                return true;
            }
            entries.values().removeIf(entry -> entry.expiresAt() <= now);
            // Still full of fresh entries: the newcomer is checked against the database each time until room is made.
            return entries.size() < maxEntries;
        }
    }
}
