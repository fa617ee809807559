package se.kommun.kvalitet.cases.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The public intake contract: what is accepted, every way a request is refused, and idempotency. */
@KvalitetIntegrationTest
class CaseApiTest {

    static final String VALID = """
            {"type":"COMPLAINT","category":"ELDERLY_CARE","description":"Hemtjänsten kom för sent.",
             "contact":{"name":"Eva","email":"eva@example.se","phone":"018-12 34 56"},"language":"sv"}""";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ObjectMapper json;

    @Test
    void acceptsAComplaintAndAnswersWithReferenceLocationAndStatusLink() throws Exception {
        ResponseEntity<String> response = post(VALID, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        JsonNode body = json.readTree(response.getBody());
        String reference = body.get("reference").asText();
        assertThat(reference).matches("SYN-\\d{4}-\\d{6}");
        assertThat(response.getHeaders().getLocation()).hasToString("/api/cases/" + reference);
        assertThat(body.get("statusUrl").asText()).contains("/arende/" + reference + "?token=");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count())
                .isEqualTo(1);
    }

    @Test
    void faultReportsGetTheirOwnSeries() throws Exception {
        ResponseEntity<String> response = post("""
                {"type":"FAULT_REPORT","category":"STREET_LIGHT","description":"Lampan är trasig.",
                 "location":{"address":"Vaksalagatan 5","latitude":59.86,"longitude":17.64}}""", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(response.getBody()).get("reference").asText()).matches("FEL-\\d{4}-\\d{6}");
    }

    static Stream<Arguments> badRequests() {
        String longText = "x".repeat(5001);
        return Stream.of(
                arguments("unknown type", VALID.replace("COMPLAINT", "RANT"), "type", "type"),
                arguments("type as number", VALID.replace("\"COMPLAINT\"", "3"), "type", "type"),
                arguments("missing type", VALID.replace("\"type\":\"COMPLAINT\",", ""), "type", "NotNull"),
                arguments("unknown category", VALID.replace("ELDERLY_CARE", "SPACE"), "category", "category.unknown"),
                arguments("fault category for a complaint", VALID.replace("ELDERLY_CARE", "POTHOLE"), "category",
                        "category.wrongType"),
                arguments("empty description", VALID.replace("Hemtjänsten kom för sent.", "  "), "description",
                        "NotBlank"),
                arguments("description too long", VALID.replace("Hemtjänsten kom för sent.", longText),
                        "description", "Size"),
                arguments("description as number", VALID.replace("\"Hemtjänsten kom för sent.\"", "0"),
                        "description", "type"),
                arguments("invalid e-mail", VALID.replace("eva@example.se", "eva(at)example"), "contact.email",
                        "Email"),
                arguments("invalid phone", VALID.replace("018-12 34 56", "ring mig"), "contact.phone", "Pattern"),
                arguments("unknown language", VALID.replace("\"sv\"", "\"fi\""), "language", "Pattern"),
                arguments("fault report without location", """
                        {"type":"FAULT_REPORT","category":"POTHOLE","description":"Hål i vägen."}""", "location",
                        "location.required"),
                arguments("latitude as string", """
                        {"type":"FAULT_REPORT","category":"POTHOLE","description":"Hål.",
                         "location":{"latitude":"0","longitude":17.6}}""", "location.latitude", "type"),
                arguments("latitude out of range", """
                        {"type":"FAULT_REPORT","category":"POTHOLE","description":"Hål.",
                         "location":{"latitude":91,"longitude":17.6}}""", "location.latitude", "DecimalMax"),
                arguments("only one coordinate", """
                        {"type":"FAULT_REPORT","category":"POTHOLE","description":"Hål.",
                         "location":{"latitude":59.8}}""", "location.latitude", "location.bothCoordinates"),
                arguments("receivedAt from the public", VALID.replace("\"language\":\"sv\"",
                        "\"language\":\"sv\",\"receivedAt\":\"2026-04-02T09:00:00+02:00\""), "receivedAt",
                        "receivedAt.officerOnly"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void refusesBadInputNamingFieldAndRuleAndStoresNothing(String name, String body, String field, String rule)
            throws Exception {
        long casesBefore = caseCount();
        long instancesBefore = runtimeService.createProcessInstanceQuery().count();

        ResponseEntity<String> response = post(body, null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        JsonNode problem = json.readTree(response.getBody());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors")).anySatisfy(error -> {
            assertThat(error.get("field").asText()).isEqualTo(field);
            assertThat(error.get("rule").asText()).isEqualTo(rule);
            assertThat(error.get("message").asText()).isNotBlank();
        });
        assertThat(response.getBody()).doesNotContain("Exception", "at se.", "at org.");
        assertThat(caseCount()).isEqualTo(casesBefore);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    }

    @Test
    void refusesMalformedJson() throws Exception {
        ResponseEntity<String> response = post("{\"type\":\"COMPLAINT\",", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.readTree(response.getBody()).get("type").asText()).endsWith("/invalid-json");
    }

    @Test
    void refusesWrongContentType() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        ResponseEntity<String> response = http.exchange("/api/cases", HttpMethod.POST,
                new HttpEntity<>(VALID, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(response.getBody()).contains("\"status\":415");
    }

    @Test
    void refusesOverLargeBody() {
        long casesBefore = caseCount();

        ResponseEntity<String> response = post(VALID.replace("Hemtjänsten kom för sent.", "x".repeat(200_000)), null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(response.getBody()).contains("\"status\":413");
        assertThat(caseCount()).isEqualTo(casesBefore);
    }

    @Test
    void officerMayGiveAnEarlierReceivedDateButNotAFutureOne() throws Exception {
        String letter = VALID.replace("\"language\":\"sv\"", "\"language\":\"sv\",\"receivedAt\":\"2026-04-02T09:00:00+02:00\"");
        ResponseEntity<String> accepted = http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(letter, jsonHeaders(null)), String.class);
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(accepted.getBody()).get("reference").asText();
        JsonNode details = json.readTree(http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!")
                .getForObject("/api/cases/" + reference, String.class));
        assertThat(details.get("receivedDate").asText()).isEqualTo("2026-04-02");

        String future = VALID.replace("\"language\":\"sv\"", "\"language\":\"sv\",\"receivedAt\":\"2999-01-01T09:00:00+01:00\"");
        ResponseEntity<String> refused = http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!")
                .exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(future, jsonHeaders(null)), String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody()).contains("receivedAt.future");
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheSameCase() throws Exception {
        String first = json.readTree(post(VALID, "key-same-1").getBody()).get("reference").asText();
        ResponseEntity<String> again = post(VALID, "key-same-1");

        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(json.readTree(again.getBody()).get("reference").asText()).isEqualTo(first);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        post(VALID, "key-reused-1");

        ResponseEntity<String> response = post(VALID.replace("för sent", "inte alls"), "key-reused-1");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyCreateOneCase() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> {
                    ResponseEntity<String> response = post(VALID, "key-concurrent-1");
                    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
                    return json.readTree(response.getBody()).get("reference").asText();
                });
            }
            Set<String> references = new HashSet<>();
            for (Future<String> result : pool.invokeAll(calls)) {
                references.add(result.get());
            }
            assertThat(references).hasSize(1);
            assertThat(jdbc.queryForObject("select count(*) from app.citizen_case where idempotency_key = ?",
                    Long.class, "key-concurrent-1")).isEqualTo(1L);
            assertThat(runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(references.iterator().next()).count()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void categoriesHaveSwedishAndEnglishLabels() throws Exception {
        JsonNode categories = json.readTree(http.getForObject("/api/categories", String.class));

        assertThat(categories).anySatisfy(category -> {
            assertThat(category.get("code").asText()).isEqualTo("STREET_LIGHT");
            assertThat(category.get("label").get("sv").asText()).isEqualTo("Gatubelysning");
            assertThat(category.get("label").get("en").asText()).isEqualTo("Street lighting");
        });
    }

    @Test
    void categoriesMayBeCachedAndRevalidatedByTheirEntityTag() {
        ResponseEntity<String> first = http.getForEntity("/api/categories", String.class);
        String etag = first.getHeaders().getETag();

        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        assertThat(first.getHeaders().getCacheControl()).isEqualTo("max-age=300, public");
        HttpHeaders conditional = new HttpHeaders();
        conditional.setIfNoneMatch(etag);
        ResponseEntity<String> again = http.exchange("/api/categories", HttpMethod.GET, new HttpEntity<>(conditional),
                String.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_MODIFIED);
        assertThat(again.getBody()).isNull();
        assertThat(again.getHeaders().getETag()).isEqualTo(etag);
        conditional.setIfNoneMatch("\"other\"");
        assertThat(http.exchange("/api/categories", HttpMethod.GET, new HttpEntity<>(conditional), String.class)
                .getBody()).isEqualTo(first.getBody());
    }

    @Test
    void officersReadOnlyTheirOwnUnitsCases() throws Exception {
        String reference = json.readTree(post(VALID, null).getBody()).get("reference").asText();

        assertThat(http.getForEntity("/api/cases/" + reference, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("anna", "Demo-Kvalitet-2026!").getForEntity("/api/cases/" + reference,
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> own = http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!")
                .getForEntity("/api/cases/" + reference, String.class);
        assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode details = json.readTree(own.getBody());
        assertThat(details.get("unit").asText()).isEqualTo("careOfficers");
        assertThat(details.get("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(details.get("history").get(0).get("kind").asText()).isEqualTo("RECEIVED");
        assertThat(http.withBasicAuth("maria", "Demo-Kvalitet-2026!").getForEntity("/api/cases/" + reference,
                String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!").getForEntity("/api/cases/SYN-1999-000001",
                String.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private ResponseEntity<String> post(String body, String idempotencyKey) {
        return http.exchange("/api/cases", HttpMethod.POST, new HttpEntity<>(body, jsonHeaders(idempotencyKey)),
                String.class);
    }

    private static HttpHeaders jsonHeaders(String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return headers;
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from app.citizen_case", Long.class);
    }
}
