package se.kommun.kvalitet.security;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.MutableClock;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.web.ClientAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The credential cache through the real login paths (engine REST and our API) against the real identity tables:
 * every change through the identity service takes effect with the next request, a wrong password is never taken
 * from it, the login throttle sees and refuses as before, and a change the cache cannot see (another node's) takes
 * effect after the TTL.
 */
@KvalitetIntegrationTest
class CredentialCacheIntegrationTest {

    static final String OLLE = "cacheolle";
    static final String STINA = "cachestina";
    static final String GROUP = "cacheTestGroup";
    static final String OLD_PASSWORD = "Gammalt-Losen-2026!";
    static final String NEW_PASSWORD = "Nytt-Losenord-2026!";
    static final String ATTACKER = "198.51.100.77";

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identityService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ObjectMapper json;

    @Autowired
    SettableClock clock;

    @Autowired
    CredentialCacheProperties settings;

    String authorizationId;

    @BeforeEach
    void olleInAGroupThatMayReadOneResource() {
        createUser(OLLE, OLD_PASSWORD);
        Group group = identityService.newGroup(GROUP);
        identityService.saveGroup(group);
        identityService.createMembership(OLLE, GROUP);
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(GROUP);
        grant.setResource(Resources.USER);
        grant.setResourceId("cache-test");
        grant.addPermission(Permissions.READ);
        authorizationId = authorizationService.saveAuthorization(grant).getId();
    }

    @AfterEach
    void cleanUp() {
        clock.reset();
        authorizationService.deleteAuthorization(authorizationId);
        for (String user : List.of(OLLE, STINA)) {
            if (identityService.createUserQuery().userId(user).count() > 0) {
                identityService.deleteUser(user);
            }
        }
        identityService.deleteGroup(GROUP);
    }

    @Test
    void aPasswordChangeRefusesTheOldPasswordAtOnce() {
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api(OLLE, OLD_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        User olle = identityService.createUserQuery().userId(OLLE).singleResult();
        olle.setPassword(NEW_PASSWORD);
        identityService.saveUser(olle);

        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api(OLLE, OLD_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engineRest(OLLE, NEW_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** As an engine REST client changes its own password: Camunda's resource saves it through the identity service. */
    @Test
    void aPasswordChangeThroughEngineRestRefusesTheOldPasswordAtOnce() {
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);

        HttpHeaders headers = basic(OLLE, OLD_PASSWORD, null);
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> change = http.exchange("/engine-rest/user/" + OLLE + "/credentials", HttpMethod.PUT,
                new HttpEntity<>(Map.of("password", NEW_PASSWORD, "authenticatedUserPassword", OLD_PASSWORD),
                        headers), String.class);
        assertThat(change.getStatusCode()).as(change.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engineRest(OLLE, NEW_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aDeletedUserIsRefusedAtOnce() {
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api(OLLE, OLD_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        identityService.deleteUser(OLLE);

        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api(OLLE, OLD_PASSWORD).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aRemovedMembershipTakesEffectWithTheNextRequest() throws Exception {
        assertThat(mayReadTheResource()).isTrue();
        assertThat(mayReadTheResource()).isTrue();

        identityService.deleteMembership(OLLE, GROUP);
        assertThat(mayReadTheResource()).isFalse();

        identityService.createMembership(OLLE, GROUP);
        assertThat(mayReadTheResource()).isTrue();
    }

    /** Our API's authorities are the user's groups too (administrators read the actuator). */
    @Test
    void aRemovedMembershipTakesEffectOnOurApiWithTheNextRequest() {
        identityService.createMembership(OLLE, WebSecurityConfiguration.ADMIN_GROUP);
        try {
            assertThat(metrics().getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(metrics().getStatusCode()).isEqualTo(HttpStatus.OK);

            identityService.deleteMembership(OLLE, WebSecurityConfiguration.ADMIN_GROUP);
            assertThat(metrics().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        } finally {
            identityService.deleteMembership(OLLE, WebSecurityConfiguration.ADMIN_GROUP);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndCountedThoughTheRightOneIsCached() {
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);
        double failuresBefore = failures();

        for (String wrong : List.of("fel", OLD_PASSWORD + "x", OLD_PASSWORD.toLowerCase(), "")) {
            assertThat(engineRest(OLLE, wrong, null).getStatusCode()).as(wrong).isEqualTo(HttpStatus.UNAUTHORIZED);
        }
        assertThat(engineRest(STINA, OLD_PASSWORD, null).getStatusCode()).as("no such user")
                .isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(failures() - failuresBefore).isEqualTo(5);
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void aThrottledAddressIsRefusedEvenWithACachedPassword() {
        ClientAddress sharedAddresses = throttle.clientAddress();
        LoginBackoff sharedBackoff = throttle.backoff();
        throttle.clientAddress(new ClientAddress(List.of("127.0.0.1")));
        throttle.backoff(new LoginBackoff(new MutableClock(), new LoginThrottleProperties(true, 5,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5), 1000)));
        try {
            assertThat(engineRest(OLLE, OLD_PASSWORD, ATTACKER).getStatusCode()).isEqualTo(HttpStatus.OK);
            for (int i = 0; i < 6; i++) {
                assertThat(engineRest(OLLE, "fel-" + i, ATTACKER).getStatusCode())
                        .isEqualTo(HttpStatus.UNAUTHORIZED);
            }

            assertThat(engineRest(OLLE, OLD_PASSWORD, ATTACKER).getStatusCode())
                    .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
            // A request that slipped past the filter before the back-off began is refused by the identity service.
            throttle.begin(new LoginThrottle.Attempt(ATTACKER, LoginThrottle.Channel.API));
            try {
                assertThat(identityService.checkPassword(OLLE, OLD_PASSWORD)).isFalse();
            } finally {
                throttle.end();
            }
            assertThat(engineRest(OLLE, OLD_PASSWORD, "203.0.113.20").getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            throttle.clientAddress(sharedAddresses);
            throttle.backoff(sharedBackoff);
        }
    }

    /** A change this node's identity service did not make (another node's) is seen once the TTL has passed. */
    @Test
    void aChangeMadeElsewhereTakesEffectAfterTheTtl() {
        createUser(STINA, NEW_PASSWORD);
        ZonedDateTime verified = ZonedDateTime.now(clock);
        clock.pin(verified);
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);

        // Olle's password becomes Stina's, in the database only.
        jdbc.update("update act_id_user set pwd_ = (select pwd_ from act_id_user where id_ = ?), "
                + "salt_ = (select salt_ from act_id_user where id_ = ?) where id_ = ?", STINA, STINA, OLLE);

        clock.pin(verified.plus(settings.ttl()).minusNanos(1_000_000));
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).as("within the TTL")
                .isEqualTo(HttpStatus.OK);
        clock.pin(verified.plus(settings.ttl()));
        assertThat(engineRest(OLLE, OLD_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engineRest(OLLE, NEW_PASSWORD, null).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    private void createUser(String id, String password) {
        User user = identityService.newUser(id);
        user.setFirstName("Olle");
        user.setLastName("Olsson");
        user.setPassword(password);
        identityService.saveUser(user);
    }

    private boolean mayReadTheResource() throws Exception {
        ResponseEntity<String> check = http.exchange("/engine-rest/authorization/check?permissionName=READ"
                + "&resourceName=User&resourceType=1&resourceId=cache-test", HttpMethod.GET,
                new HttpEntity<>(basic(OLLE, OLD_PASSWORD, null)), String.class);
        assertThat(check.getStatusCode()).as(check.getBody()).isEqualTo(HttpStatus.OK);
        return json.readTree(check.getBody()).get("authorized").asBoolean();
    }

    private ResponseEntity<String> metrics() {
        return http.exchange("/actuator/metrics", HttpMethod.GET, new HttpEntity<>(basic(OLLE, OLD_PASSWORD, null)),
                String.class);
    }

    private ResponseEntity<String> engineRest(String user, String password, String address) {
        return http.exchange("/engine-rest/version", HttpMethod.GET, new HttpEntity<>(basic(user, password, address)),
                String.class);
    }

    /** An authenticated request for a case that does not exist: 404, without credentials 401. */
    private ResponseEntity<String> api(String user, String password) {
        return http.exchange("/api/cases/SYN-1999-000001", HttpMethod.GET,
                new HttpEntity<>(basic(user, password, null)), String.class);
    }

    private static HttpHeaders basic(String user, String password, String address) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, password);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        if (address != null) {
            headers.set("X-Forwarded-For", address);
        }
        return headers;
    }

    private double failures() {
        return meters.get(LoginThrottle.FAILURES_METRIC).tag("channel", LoginThrottle.Channel.ENGINE_REST.tag)
                .counter().count();
    }
}
