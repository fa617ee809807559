package se.kommun.kvalitet.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.MutableClock;
import se.kommun.kvalitet.security.LoginThrottle.Channel;
import se.kommun.kvalitet.web.ClientAddress;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed logins are throttled per client address and never lock an account, on all three login paths. The
 * shared test context runs with a throttle that never starts (every test client is 127.0.0.1); this test puts
 * the production settings, a clock it moves, and 127.0.0.1 as a trusted proxy (so that X-Forwarded-For names
 * the client) on the bean, and restores them afterwards.
 */
@KvalitetIntegrationTest
class LoginThrottleTest {

    static final String ATTACKER = "198.51.100.66";
    static final String ANNA_AT_WORK = "203.0.113.10";
    static final int FREE_FAILURES = 5;

    @Autowired
    TestRestTemplate http;

    @Autowired
    LoginThrottle throttle;

    @Autowired
    IdentityService identityService;

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ObjectMapper json;

    @Value("${kvalitet.demo.password}")
    String demoPassword;

    @Value("${camunda.bpm.admin-user.id}")
    String adminId;

    @Value("${camunda.bpm.admin-user.password}")
    String adminPassword;

    final MutableClock clock = new MutableClock();
    ClientAddress sharedAddresses;
    LoginBackoff sharedBackoff;

    @BeforeEach
    void throttleAsInProduction() {
        sharedAddresses = throttle.clientAddress();
        sharedBackoff = throttle.backoff();
        throttle.clientAddress(new ClientAddress(List.of("127.0.0.1")));
        throttle.backoff(new LoginBackoff(clock, new LoginThrottleProperties(true, FREE_FAILURES,
                Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5), 1000)));
    }

    @AfterEach
    void restoreTheSharedThrottle() {
        throttle.clientAddress(sharedAddresses);
        throttle.backoff(sharedBackoff);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void fiftyWrongPasswordsFromOneAddressDoNotStopTheRightOneFromAnother(Channel channel) throws Exception {
        double failuresBefore = count(LoginThrottle.FAILURES_METRIC, channel);
        double throttledBefore = count(LoginThrottle.THROTTLED_METRIC, channel);

        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(login(channel, ATTACKER, "anna", "fel-" + i));
        }

        // The first failure beyond the free ones starts the back-off; from then on nothing is checked.
        assertThat(answers.subList(0, FREE_FAILURES + 1)).extracting(ResponseEntity::getStatusCode)
                .containsOnly(HttpStatus.UNAUTHORIZED);
        assertThat(answers.subList(FREE_FAILURES + 1, 50)).extracting(ResponseEntity::getStatusCode)
                .containsOnly(HttpStatus.TOO_MANY_REQUESTS);
        ResponseEntity<String> throttledAnswer = answers.get(49);
        assertThat(throttledAnswer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThrottledShape(channel, throttledAnswer);
        // Camunda saw only the checked ones: the 44 refused requests never reached the password check.
        assertThat(anna().getAttempts()).isEqualTo(FREE_FAILURES + 1);
        assertNotLocked(anna());
        // Even the right password waits at the attacking address.
        assertThat(login(channel, ATTACKER, "anna", demoPassword).getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        // Anna, from her own address, logs in at once.
        assertThat(login(channel, ANNA_AT_WORK, "anna", demoPassword).getStatusCode()).isEqualTo(success(channel));
        assertThat(anna().getAttempts()).isZero();

        assertThat(count(LoginThrottle.FAILURES_METRIC, channel) - failuresBefore).isEqualTo(FREE_FAILURES + 1);
        assertThat(count(LoginThrottle.THROTTLED_METRIC, channel) - throttledBefore).isEqualTo(50 - FREE_FAILURES);
    }

    @ParameterizedTest
    @EnumSource(Channel.class)
    void theAttackingAddressRecoversAfterItsBackOffWhichDoublesWithEachFailure(Channel channel) {
        for (int i = 0; i <= FREE_FAILURES; i++) {
            login(channel, ATTACKER, "anna", "fel");
        }
        assertThat(login(channel, ATTACKER, "anna", "fel").getHeaders().getFirst(HttpHeaders.RETRY_AFTER))
                .isEqualTo("1");

        clock.advance(Duration.ofSeconds(1));
        // Checked again: one more failure, and twice the wait.
        assertThat(login(channel, ATTACKER, "anna", "fel").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> waiting = login(channel, ATTACKER, "anna", demoPassword);
        assertThat(waiting.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(waiting.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");

        clock.advance(Duration.ofSeconds(2));
        assertThat(login(channel, ATTACKER, "anna", demoPassword).getStatusCode()).isEqualTo(success(channel));
    }

    /** Camunda's own lockout (ten failures) and delay are off: failures from many addresses lock nobody. */
    @Test
    void wrongPasswordsFromManyAddressesNeverLockTheAccount() {
        for (int i = 1; i <= 30; i++) {
            assertThat(login(Channel.ENGINE_REST, "198.51.100." + i, "anna", "fel").getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(anna().getAttempts()).isEqualTo(30);
        assertNotLocked(anna());
        // No delay either: right after a failure, the right password works.
        assertThat(login(Channel.API, "198.51.100.200", "anna", "fel").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(login(Channel.API, ANNA_AT_WORK, "anna", demoPassword).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(anna().getAttempts()).isZero();
        assertThat(anna().getLockExpirationTime()).isNull();
    }

    @Test
    void unknownUsersCountAsFailuresToo() {
        for (int i = 0; i <= FREE_FAILURES; i++) {
            assertThat(login(Channel.API, ATTACKER, "finns-inte-" + i, "fel").getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        assertThat(login(Channel.API, ATTACKER, "anna", demoPassword).getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void aBrowserWaitingAtOurPagesGetsTheErrorPageWithRetryAfter() {
        for (int i = 0; i <= FREE_FAILURES; i++) {
            login(Channel.API, ATTACKER, "anna", "fel");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", ATTACKER);
        headers.setBasicAuth("anna", demoPassword);
        headers.setAccept(List.of(MediaType.TEXT_HTML));

        ResponseEntity<String> page = http.exchange("/admin/mail", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(page.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<html");
    }

    /** Parallel requests may all pass the filter before the back-off begins: the password check refuses them too. */
    @Test
    void aRequestThatSlippedPastTheFilterIsNotCheckedDuringTheBackOff() {
        for (int i = 0; i <= FREE_FAILURES; i++) {
            login(Channel.API, ATTACKER, "anna", "fel");
        }
        int attempts = anna().getAttempts();

        throttle.begin(new LoginThrottle.Attempt(ATTACKER, Channel.API));
        try {
            assertThat(identityService.checkPassword("anna", demoPassword)).isFalse();
        } finally {
            throttle.end();
        }
        assertThat(anna().getAttempts()).as("Camunda never saw the check").isEqualTo(attempts);
        // Outside a request (the application's own calls) nothing is throttled.
        assertThat(identityService.checkPassword("anna", demoPassword)).isTrue();
    }

    @Test
    void failuresAndThrottledLoginsAreActuatorMetrics() throws Exception {
        for (int i = 0; i <= FREE_FAILURES + 1; i++) {
            login(Channel.API, ATTACKER, "anna", "fel");
        }

        for (String metric : List.of(LoginThrottle.FAILURES_METRIC, LoginThrottle.THROTTLED_METRIC)) {
            ResponseEntity<String> response = http.withBasicAuth(adminId, adminPassword)
                    .getForEntity("/actuator/metrics/" + metric + "?tag=channel:api", String.class);
            assertThat(response.getStatusCode()).as(metric).isEqualTo(HttpStatus.OK);
            JsonNode measurement = json.readTree(response.getBody()).get("measurements").get(0);
            assertThat(measurement.get("value").asDouble()).as(metric)
                    .isEqualTo(count(metric, Channel.API)).isGreaterThanOrEqualTo(1);
        }
    }

    private ResponseEntity<String> login(Channel channel, String address, String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.set("X-Forwarded-For", address);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return switch (channel) {
            case API -> {
                headers.setBasicAuth(user, password);
                yield http.exchange("/api/cases/SYN-1999-000001", HttpMethod.GET, new HttpEntity<>(headers),
                        String.class);
            }
            case ENGINE_REST -> {
                headers.setBasicAuth(user, password);
                yield http.exchange("/engine-rest/task/count", HttpMethod.GET, new HttpEntity<>(headers),
                        String.class);
            }
            case WEBAPP -> {
                // As Tasklist does: a session and its CSRF token from the page first.
                ResponseEntity<String> page = http.getForEntity("/camunda/app/tasklist/default/", String.class);
                List<String> cookies = page.getHeaders().getOrDefault(HttpHeaders.SET_COOKIE, List.of()).stream()
                        .map(cookie -> cookie.split(";", 2)[0]).toList();
                cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN=")).findFirst()
                        .ifPresent(token -> headers.set("X-XSRF-TOKEN", token.substring("XSRF-TOKEN=".length())));
                headers.set(HttpHeaders.COOKIE, String.join("; ", cookies));
                headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
                MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
                form.add("username", user);
                form.add("password", password);
                yield http.postForEntity("/camunda/api/admin/auth/user/" + processEngine.getName()
                        + "/login/tasklist", new HttpEntity<>(form, headers), String.class);
            }
        };
    }

    /** The right password's answer: the API's case does not exist (authenticated: 404), the others 200. */
    private static HttpStatus success(Channel channel) {
        return channel == Channel.API ? HttpStatus.NOT_FOUND : HttpStatus.OK;
    }

    private void assertThrottledShape(Channel channel, ResponseEntity<String> answer) throws Exception {
        JsonNode body = json.readTree(answer.getBody());
        if (channel == Channel.API) {
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .isTrue();
            assertThat(body.get("status").asInt()).isEqualTo(429);
            assertThat(body.get("type").asText()).endsWith("/login-throttled");
            assertThat(body.get("title").asText()).isEqualTo("För många misslyckade inloggningar");
        } else {
            // Camunda's error shape, which Tasklist and engine REST clients read.
            assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
            assertThat(body.get("type").asText()).isEqualTo("RestException");
            assertThat(body.get("message").asText()).contains("Försök igen om 1 sekunder", "Try again in 1 seconds");
        }
    }

    private UserEntity anna() {
        return (UserEntity) identityService.createUserQuery().userId("anna").singleResult();
    }

    /** Camunda refuses a user whose attempts reached its maximum or whose lock time lies ahead. */
    private void assertNotLocked(UserEntity user) {
        int maxAttempts = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getLoginMaxAttempts();
        assertThat(user.getAttempts()).isLessThan(maxAttempts);
        if (user.getLockExpirationTime() != null) {
            assertThat(user.getLockExpirationTime()).isBeforeOrEqualTo(ClockUtil.getCurrentTime());
        }
    }

    private double count(String metric, Channel channel) {
        return meters.get(metric).tag("channel", channel.tag).counter().count();
    }
}
