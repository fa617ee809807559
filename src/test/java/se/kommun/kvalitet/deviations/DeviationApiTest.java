package se.kommun.kvalitet.deviations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * {@code POST /api/deviations} and {@code GET /api/deviations/{reference}} over HTTP, with the engine REST API for the
 * managers' work, as Tasklist does it. The clock is pinned to Monday 4 May 2026, 10:00 in Stockholm.
 */
@KvalitetIntegrationTest
class DeviationApiTest {

    static final String PASSWORD = "Demo-Kvalitet-2026!";
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);
    /** Manager of Gata och park only: another unit than the deviations' (Vård och omsorg). */
    static final String OTHER_MANAGER = "deviationStreetsManager";

    static final String ELDERLY_CARE_FALL = """
            {"area":"ELDERLY_CARE","unit":"care","occurredAt":"2026-05-04T07:30:00+02:00","place":"Solgården, avd. 2",
             "description":"Boende föll i korridoren nattetid; larmet var avstängt.","immediateMeasures":"Sjuksköterska
             tillkallad.","affectedPersonRef":"SG2-17"}""".replace("\n", " ");

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    SettableClock clock;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    IdentityService identityService;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        clock.pin(NOW);
        if (identityService.createUserQuery().userId(OTHER_MANAGER).count() == 0) {
            User user = identityService.newUser(OTHER_MANAGER);
            user.setFirstName("Gun");
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
            identityService.createMembership(OTHER_MANAGER, "streetsManagers");
        }
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    /** The "Must show". */
    @Test
    void socialServicesDeviationAssessedAsLexSarahReachesTheUnitsManagersWithADueDate() throws Exception {
        ResponseEntity<String> created = post("bjorn", ELDERLY_CARE_FALL);

        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(created.getBody());
        String reference = body.get("reference").asText();
        assertThat(reference).matches("AVV-2026-\\d{6}");
        assertThat(body.get("status").asText()).isEqualTo("REPORTED");
        assertThat(created.getHeaders().getLocation()).isEqualTo(URI.create("/api/deviations/" + reference));

        Task assess = taskService.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey("assessRisk")
                .singleResult();
        ResponseEntity<String> completed = http.withBasicAuth("maria", PASSWORD).postForEntity(
                "/engine-rest/task/" + assess.getId() + "/complete", jsonEntity("""
                        {"variables":{"consequence":{"value":4,"type":"Integer"},"likelihood":{"value":3,"type":"Integer"},
                         "lexSarah":{"value":true,"type":"Boolean"},"lexMaria":{"value":false,"type":"Boolean"}}}"""),
                String.class);
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        Task investigate = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        assertThat(investigate.getTaskDefinitionKey()).isEqualTo("investigateLexSarah");
        assertThat(investigate.getName()).isEqualTo("Utreda lex Sarah – " + reference);
        assertThat(investigate.getDueDate()).isEqualTo(at16(2026, 6, 2));
        assertThat(taskService.getIdentityLinksForTask(investigate.getId()))
                .anyMatch(link -> "careManagers".equals(link.getGroupId()));
        // In Tasklist (engine REST): the unit's manager sees it; an officer and another unit's manager do not.
        assertThat(tasks("maria", reference)).hasSize(1);
        assertThat(tasks("bjorn", reference)).isEmpty();
        assertThat(tasks("anna", reference)).isEmpty();
        assertThat(tasks(OTHER_MANAGER, reference)).isEmpty();
        JsonNode read = json.readTree(http.withBasicAuth("maria", PASSWORD)
                .getForEntity("/api/deviations/" + reference, String.class).getBody());
        assertThat(read.get("riskLevel").asText()).isEqualTo("VERY_HIGH");
        assertThat(read.get("lexSarah").asBoolean()).isTrue();
        assertThat(read.get("description").asText()).contains("larmet var avstängt");
    }

    /** A manager answers the form, never the server's routing: another unit's group or a risk level is refused. */
    @Test
    void theRiskFormTakesItsOwnFieldsOnly() throws Exception {
        String reference = reference(post("bjorn", ELDERLY_CARE_FALL));
        Task assess = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();

        ResponseEntity<String> refused = http.withBasicAuth("maria", PASSWORD).postForEntity(
                "/engine-rest/task/" + assess.getId() + "/complete", jsonEntity("""
                        {"variables":{"consequence":{"value":1,"type":"Integer"},"likelihood":{"value":1,"type":"Integer"},
                         "managerGroup":{"value":"streetsManagers"},"risk":{"value":"LOW"}}}"""), String.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("managerGroup", "risk");
        assertThat(taskService.createTaskQuery().taskId(assess.getId()).count()).isOne();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"maria, 200", "per, 200", "mats, 403", "bjorn, 403", "anna, 403", OTHER_MANAGER + ", 403"})
    void onlyTheUnitsManagersQualityMasForLexMariaAndProcessOwnersReadADeviation(String user, int status) {
        String reference = reference(post("bjorn", ELDERLY_CARE_FALL));

        ResponseEntity<String> response = http.withBasicAuth(user, PASSWORD)
                .getForEntity("/api/deviations/" + reference, String.class);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        if (status == 403) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody()).doesNotContain("larmet");
        }
    }

    @Test
    void anotherUnitsManagerCannotReadTheDeviationsInstanceOrVariables() throws Exception {
        String reference = reference(post("bjorn", ELDERLY_CARE_FALL));

        for (String user : List.of(OTHER_MANAGER, "anna")) {
            ResponseEntity<String> instances = http.withBasicAuth(user, PASSWORD).getForEntity(URI.create(http.getRootUri()
                    + "/engine-rest/process-instance?businessKey=" + reference + "&maxResults=10"), String.class);
            assertThat(instances.getStatusCode()).as(instances.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(instances.getBody())).as(user).isEmpty();
            ResponseEntity<String> variables = http.withBasicAuth(user, PASSWORD).getForEntity(URI.create(http.getRootUri()
                    + "/engine-rest/variable-instance?processInstanceIdIn=" + instanceOf(reference) + "&maxResults=10"),
                    String.class);
            assertThat(variables.getStatusCode()).as(variables.getBody()).isEqualTo(HttpStatus.OK);
            assertThat(json.readTree(variables.getBody())).as(user).isEmpty();
        }
        // The reporting unit's manager reads it, through her unit's own tasks.
        assertThat(tasks("maria", reference)).isNotEmpty();
    }

    private String instanceOf(String reference) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult()
                .getId();
    }

    @Test
    void anonymousCallersAreAskedToLogIn() {
        assertThat(http.postForEntity("/api/deviations", jsonEntity(ELDERLY_CARE_FALL), String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/api/deviations/AVV-2026-000001", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("maria", PASSWORD).getForEntity("/api/deviations/AVV-1999-999999", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    /** Each refusal names the field and its rule, and stores nothing. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown area       | \"area\":\"ELDERLY_CARE\"                       | \"area\":\"SPACE\"                     | area              | unknown",
            "unknown unit       | \"unit\":\"care\"                               | \"unit\":\"moon\"                      | unit              | unknown",
            "missing place      | \"place\":\"Solgården, avd. 2\",               | ''                                   | place             | required",
            "blank description  | \"description\":\"Boende föll i korridoren nattetid; larmet var avstängt.\" | \"description\":\" \" | description | required",
            "future             | 2026-05-04T07:30:00+02:00                      | 2026-05-04T10:30:00+02:00            | occurredAt        | future",
            "not a moment       | 2026-05-04T07:30:00+02:00                      | igår kväll                           | occurredAt        | format",
            "personnummer       | nattetid;                                      | nattetid, 811218-9876;               | description       | personal-identity-number",
            "12 digits          | \"SG2-17\"                                     | \"198112189876\"                       | affectedPersonRef | personal-identity-number",
            "samordningsnummer  | Sjuksköterska                                  | 701063-2391 fick hjälp. Sjuksköterska | immediateMeasures | personal-identity-number",
            "in the place       | Solgården, avd. 2                              | Solgården rum 4, 8112189876          | place             | personal-identity-number",
    })
    void badInputIsRefusedAndNothingIsStored(String what, String replaced, String replacement, String field,
            String rule) throws Exception {
        String body = ELDERLY_CARE_FALL.replace(replaced.strip(), replacement.strip());
        assertThat(body).as("the test changes the request").isNotEqualTo(ELDERLY_CARE_FALL);
        long before = deviations();

        ResponseEntity<String> response = post("bjorn", body);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode errors = json.readTree(response.getBody()).get("errors");
        assertThat(errors).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("rule").asText()).isEqualTo(rule);
        });
        assertThat(deviations()).isEqualTo(before);
    }

    @Test
    void aNumberForATextFieldIsRefusedAsTheWrongType() throws Exception {
        long before = deviations();

        ResponseEntity<String> response = post("bjorn", ELDERLY_CARE_FALL.replace("\"Solgården, avd. 2\"", "42"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("errors").get(0).get("field").asText()).isEqualTo("place");
        assertThat(deviations()).isEqualTo(before);
    }

    private ResponseEntity<String> post(String user, String body) {
        return http.withBasicAuth(user, PASSWORD).postForEntity("/api/deviations", jsonEntity(body), String.class);
    }

    private String reference(ResponseEntity<String> created) {
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        try {
            return json.readTree(created.getBody()).get("reference").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tasks(String user, String reference) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, PASSWORD).getForEntity(
                URI.create(http.getRootUri() + "/engine-rest/task?processInstanceBusinessKey=" + reference
                        + "&maxResults=10"), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(response.getBody());
    }

    private long deviations() {
        return jdbc.queryForObject("select count(*) from app.deviation", Long.class);
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Date at16(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atTime(LocalTime.of(16, 0))
                .atZone(ClockConfiguration.MUNICIPAL_ZONE).toInstant());
    }
}
