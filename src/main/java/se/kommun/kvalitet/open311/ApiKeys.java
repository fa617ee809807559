package se.kommun.kvalitet.open311;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One key per client application. The key is 32 random bytes, shown once; only its SHA-256 is stored, so a
 * copy of the database opens nothing. A random key of that length needs no slow password hash.
 */
@Service
class ApiKeys {

    private static final String PREFIX = "o311_";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The calling application, as the case and statistics name it. */
    record Client(long id, String name) {
    }

    /** Public, with a public accessor, for the admin page's expressions. */
    public record CreatedKey(long id, String name, String apiKey) {
    }

    public record KeyInfo(long id, String name, Instant createdAt, String createdBy, Instant revokedAt,
            String revokedBy) {

        public boolean active() {
            return revokedAt == null;
        }
    }

    @Transactional
    CreatedKey create(String name, String administrator) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String apiKey = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Long id = jdbc.queryForObject("""
                insert into app.open311_api_key (name, key_hash, created_at, created_by) values (?, ?, ?, ?)
                returning id""", Long.class, name, HexFormat.of().formatHex(sha256(apiKey)),
                Timestamp.from(Instant.now(clock)), administrator);
        return new CreatedKey(id, name, apiKey);
    }

    /** @return false if there is no such key or it was revoked already */
    @Transactional
    boolean revoke(long id, String administrator) {
        return jdbc.update("update app.open311_api_key set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null",
                Timestamp.from(Instant.now(clock)), administrator, id) == 1;
    }

    List<KeyInfo> all() {
        return jdbc.query("select * from app.open311_api_key order by id", (rs, row) -> new KeyInfo(rs.getLong("id"),
                rs.getString("name"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant(),
                rs.getString("revoked_by")));
    }

    /**
     * The active key's application. Looked up by the hash, which tells an attacker nothing about a key's
     * characters; the hashes are then compared in constant time all the same.
     */
    Optional<Client> authenticate(String apiKey) {
        if (apiKey == null || !apiKey.startsWith(PREFIX) || apiKey.length() > 100) {
            return Optional.empty();
        }
        byte[] hash = sha256(apiKey);
        return jdbc.query("select id, name, key_hash from app.open311_api_key where key_hash = ? and revoked_at is null",
                (rs, row) -> MessageDigest.isEqual(hash, HexFormat.of().parseHex(rs.getString("key_hash")))
                        ? new Client(rs.getLong("id"), rs.getString("name")) : null,
                HexFormat.of().formatHex(hash)).stream().filter(java.util.Objects::nonNull).findFirst();
    }

    private static byte[] sha256(String apiKey) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
