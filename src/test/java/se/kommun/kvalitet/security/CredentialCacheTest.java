package se.kommun.kvalitet.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The cache on its own, with a clock the test moves: what it answers without the database, and when it asks again.
 * {@code CredentialCacheIntegrationTest} shows the same through the application's login paths and real identity.
 */
class CredentialCacheTest {

    static final Duration TTL = Duration.ofSeconds(10);

    final MutableClock clock = new MutableClock();
    final CredentialCache cache = new CredentialCache(new CredentialCacheProperties(TTL, 100), clock);
    final AtomicInteger checks = new AtomicInteger();

    @Test
    void aVerifiedPasswordIsAnsweredWithoutTheDatabaseUntilItsTtlFromTheCheck() {
        assertThat(check(cache, "anna", "rätt", "rätt")).isTrue();
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            assertThat(check(cache, "anna", "rätt", "rätt")).isTrue();
        }
        assertThat(checks).hasValue(1);

        // Use does not extend it: 10 s after the database said yes, the database is asked again.
        clock.advance(Duration.ofSeconds(4).plusMillis(999));
        assertThat(check(cache, "anna", "rätt", "rätt")).isTrue();
        assertThat(checks).hasValue(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(check(cache, "anna", "rätt", "nytt")).as("changed on another node").isFalse();
        assertThat(checks).hasValue(2);
    }

    @Test
    void aWrongPasswordIsNeverAnsweredFromTheCacheAndEvictsTheUser() {
        check(cache, "anna", "rätt", "rätt");

        assertThat(check(cache, "anna", "fel", "rätt")).isFalse();
        assertThat(check(cache, "anna", "rätt-men-längre", "rätt")).isFalse();
        assertThat(check(cache, "bertil", "rätt", "rätt")).as("another user's password").isTrue();
        assertThat(checks).hasValue(4);
        // Evicted by the failure: Camunda sees the next right password (and resets its attempt count).
        assertThat(check(cache, "anna", "rätt", "rätt")).isTrue();
        assertThat(checks).hasValue(5);
    }

    @Test
    void failuresAreNotKept() {
        for (int i = 0; i < 3; i++) {
            assertThat(check(cache, "anna", "fel", "rätt")).isFalse();
        }
        assertThat(checks).hasValue(3);
    }

    @Test
    void anIdentityChangeForgetsPasswordsGroupsAndTenants() {
        check(cache, "anna", "rätt", "rätt");
        List<String> annasGroups = new ArrayList<>(List.of("careOfficers"));
        assertThat(cache.groupsOf("anna", () -> copy(annasGroups))).containsExactly("careOfficers");
        assertThat(cache.tenantsOf("anna", () -> copy(List.of()))).isEmpty();
        annasGroups.clear();
        assertThat(cache.groupsOf("anna", () -> copy(annasGroups))).containsExactly("careOfficers");

        cache.identityChanged();

        assertThat(cache.groupsOf("anna", () -> copy(annasGroups))).isEmpty();
        assertThat(cache.tenantsOf("anna", () -> copy(List.of("t1")))).containsExactly("t1");
        assertThat(check(cache, "anna", "rätt", "rätt")).isTrue();
        assertThat(checks).as("2 group, 2 tenant and 2 password reads").hasValue(6);
    }

    /** A check that read the old password before a change committed must not store it after the change. */
    @Test
    void aCheckThatRanDuringAChangeIsNotKept() {
        assertThat(cache.checkPassword("anna", "gammalt", () -> {
            checks.incrementAndGet();
            cache.identityChanged();
            return true;
        })).isTrue();

        assertThat(check(cache, "anna", "gammalt", "nytt")).isFalse();
        assertThat(cache.groupsOf("anna", () -> {
            cache.identityChanged();
            return copy(List.of("careOfficers"));
        })).containsExactly("careOfficers");
        assertThat(cache.groupsOf("anna", () -> copy(List.of()))).isEmpty();
    }

    @Test
    void aFullTableMakesNewcomersGoToTheDatabaseUntilEntriesExpire() {
        CredentialCache small = new CredentialCache(new CredentialCacheProperties(TTL, 2), clock);
        check(small, "anna", "a", "a");
        check(small, "bertil", "b", "b");
        check(small, "cecilia", "c", "c");
        check(small, "cecilia", "c", "c");
        assertThat(checks).hasValue(4);
        check(small, "anna", "a", "a");
        assertThat(checks).as("the first two stay").hasValue(4);

        clock.advance(TTL);
        check(small, "cecilia", "c", "c");
        check(small, "cecilia", "c", "c");
        assertThat(checks).as("the expired ones made room").hasValue(5);
    }

    @Test
    void aTtlOfZeroSwitchesItOff() {
        CredentialCache off = new CredentialCache(new CredentialCacheProperties(Duration.ZERO, 100), clock);
        check(off, "anna", "rätt", "rätt");
        check(off, "anna", "rätt", "rätt");
        off.groupsOf("anna", () -> copy(List.of()));
        off.groupsOf("anna", () -> copy(List.of()));
        assertThat(checks).hasValue(4);
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new CredentialCacheProperties(Duration.ofSeconds(-1), 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCacheProperties(TTL, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The database's answer: the password is the user's. */
    private boolean check(CredentialCache on, String userId, String password, String stored) {
        return on.checkPassword(userId, password, () -> {
            checks.incrementAndGet();
            return password.equals(stored);
        });
    }

    private List<String> copy(List<String> stored) {
        checks.incrementAndGet();
        return new ArrayList<>(stored);
    }
}
