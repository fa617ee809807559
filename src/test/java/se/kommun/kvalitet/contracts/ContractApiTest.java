package se.kommun.kvalitet.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.shared.ClockConfiguration;

/** The register through its REST API: bad input refused field by field, nothing stored; search; follow-up by hand. */
@KvalitetIntegrationTest
class ContractApiTest {

    static final String DEMO = "Demo-Kvalitet-2026!";

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    SettableClock clock;

    @BeforeEach
    void pin() {
        clock.pin(ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void aContractIsRegisteredReadWithItsTimelineAndFoundBySearch() throws Exception {
        String number = unique("API");
        ResponseEntity<String> created = post(body(number, "556016-0680", "HOME_CARE", "vardOmsorgNamnd",
                "2026-01-01", "2027-12-31"));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasPath("/api/contracts/" + number);

        JsonNode read = json.readTree(manager().getForEntity("/api/contracts/" + number, String.class).getBody());
        assertThat(read.at("/contract/organisationNumber").asText()).isEqualTo("556016-0680");
        assertThat(read.at("/contract/followUpInterval").asText()).isEqualTo("P6M");
        assertThat(read.at("/timeline/0/kind").asText()).isEqualTo("REGISTERED");
        assertThat(read.at("/timeline/0/actor").asText()).isEqualTo("klara");

        ResponseEntity<String> search = manager().getForEntity("/api/contracts?supplier=i norr"
                + "&area=HOME_CARE&committee=vardOmsorgNamnd&strategic=true&activeFrom=2026-06-01&activeTo=2026-06-30",
                String.class);
        assertThat(search.getStatusCode().value()).as(search.getBody()).isEqualTo(200);
        assertThat(json.readTree(search.getBody()).findValuesAsText("number")).contains(number);
        JsonNode notFound = json.readTree(manager().getForEntity("/api/contracts?area=SCHOOL_TRANSPORT&supplier=Norr",
                String.class).getBody());
        assertThat(notFound.findValuesAsText("number")).doesNotContain(number);
    }

    @Test
    void eachBadFieldIsRefusedWithItsRuleAndNothingIsStored() throws Exception {
        String number = unique("BAD");
        ResponseEntity<String> refused = post(body(number, "556016-0681", "CANTEEN", "kulturNamnd", "2026-06-01",
                "2026-01-01"));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        JsonNode errors = json.readTree(refused.getBody()).get("errors");
        assertThat(errors.findValuesAsText("rule")).contains("organisation-number", "unknown-area",
                "unknown-committee", "end-before-start");
        assertThat(jdbc.queryForObject("select count(*) from app.contract where number = ?", Integer.class, number))
                .isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void aDuplicateNumberIsRefused() throws Exception {
        String number = unique("DUP");
        assertThat(post(body(number, "556016-0680", "OTHER", "socialNamnd", "2026-01-01", "2026-12-31"))
                .getStatusCode().value()).isEqualTo(201);

        ResponseEntity<String> again = post(body(number, "556016-0680", "OTHER", "socialNamnd", "2026-01-01",
                "2026-12-31"));

        assertThat(again.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(again.getBody()).get("errors").findValuesAsText("rule")).containsExactly("duplicate");
    }

    @Test
    void aFollowUpByHandStartsNowAndASecondIsAConflict() {
        String number = unique("NOW");
        post(body(number, "556016-0680", "OTHER", "socialNamnd", "2026-01-01", "2026-12-31"));

        ResponseEntity<String> started = manager().postForEntity("/api/contracts/" + number + "/follow-ups", null,
                String.class);
        assertThat(started.getStatusCode().value()).isEqualTo(202);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("conductFollowUp");

        assertThat(manager().postForEntity("/api/contracts/" + number + "/follow-ups", null, String.class)
                .getStatusCode().value()).isEqualTo(409);
        assertThat(manager().postForEntity("/api/contracts/NOSUCH-1/follow-ups", null, String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void csvWithBomAndSemicolonsReportsEachRowAndStoresTheGoodOnes() throws Exception {
        String a = unique("CSV");
        String b = unique("CSV");
        String csv = "\uFEFF" + String.join(";", CSV_HEADER) + "\n"
                + row(';', a, "Hemtjänst Öst", "556016-0680", "HOME_CARE", "vardOmsorgNamnd", "ja", "2026-01-01",
                        "2027-12-31")
                + row(';', b, "Felaktig", "556016-0681", "HOME_CARE", "vardOmsorgNamnd", "nej", "2026-01-01",
                        "2025-12-31")
                + row(';', a, "Samma nummer", "556016-0680", "HOME_CARE", "vardOmsorgNamnd", "true", "2026-01-01",
                        "2027-12-31")
                + "kort;rad\n";

        JsonNode report = json.readTree(upload(csv).getBody());

        assertThat(report.get("stored").asInt()).isEqualTo(1);
        assertThat(report.get("refused").asInt()).isEqualTo(3);
        JsonNode rows = report.get("rows");
        assertThat(rows.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(rows.get(0).get("stored").asBoolean()).isTrue();
        assertThat(rows.get(1).get("row").asInt()).isEqualTo(3);
        assertThat(rows.get(1).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("organisationNumber",
                "end");
        assertThat(rows.get(2).get("errors").findValuesAsText("rule")).containsExactly("duplicate");
        assertThat(rows.get(3).get("errors").findValuesAsText("rule")).containsExactly("columns");
        assertThat(jdbc.queryForObject("select title from app.contract where number = ?", String.class, a))
                .isEqualTo("Hemtjänst Öst");
        assertThat(jdbc.queryForObject("select count(*) from app.contract where number = ?", Integer.class, b)).isZero();
    }

    @Test
    void csvWithCommasAndQuotesWithoutBomIsReadToo() throws Exception {
        String a = unique("COMMA");
        String csv = String.join(",", CSV_HEADER) + "\r\n"
                + row(',', a, "\"Skolskjuts, särskilda behov\"", "802400-1235", "SCHOOL_TRANSPORT", "utbildningNamnd",
                        "false", "2025-01-01", "2026-12-31");

        JsonNode report = json.readTree(upload(csv).getBody());

        assertThat(report.get("stored").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select title from app.contract where number = ?", String.class, a))
                .isEqualTo("Skolskjuts, särskilda behov");
        assertThat(jdbc.queryForObject("select strategic from app.contract where number = ?", Boolean.class, a))
                .isFalse();
    }

    @Test
    void aFileWithAWrongHeaderOrNotInUtf8IsRefusedAsAWhole() throws Exception {
        ResponseEntity<String> header = upload("nummer;titel\nA;B\n");
        assertThat(header.getStatusCode().value()).isEqualTo(400);
        assertThat(header.getBody()).contains("organisationNumber");

        ResponseEntity<String> latin1 = upload(new String(new byte[] {'a', (byte) 0xE5, '\n'}, StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1);
        assertThat(latin1.getStatusCode().value()).isEqualTo(400);
        assertThat(latin1.getBody()).contains("UTF-8");
    }

    @Test
    void theImportPageShowsTheReportInSwedish() {
        ResponseEntity<String> page = manager().getForEntity("/avtal/import", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("Importera avtal från CSV-fil").contains(String.join(";", CSV_HEADER));
        assertThat(http.withBasicAuth("anna", DEMO).getForEntity("/avtal/import", String.class).getStatusCode().value())
                .isEqualTo(403);
    }

    // --- helpers ---

    static final List<String> CSV_HEADER = List.of("number", "title", "supplier", "organisationNumber", "area",
            "committee", "strategic", "start", "end", "contactEmail", "contractManager", "followUpInterval");

    static String row(char separator, String number, String title, String organisationNumber, String area,
            String committee, String strategic, String start, String end) {
        List<String> fields = new ArrayList<>(List.of(number, title, "Leverantör " + number, organisationNumber, area,
                committee, strategic, start, end, "kontakt@leverantor.example", Contracts.MANAGER, "P6M"));
        return String.join(String.valueOf(separator), fields) + "\n";
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private TestRestTemplate manager() {
        return http.withBasicAuth(Contracts.MANAGER, DEMO);
    }

    private ResponseEntity<String> post(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return manager().exchange("/api/contracts", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> upload(String csv) {
        return upload(csv, StandardCharsets.UTF_8);
    }

    ResponseEntity<String> upload(String csv, java.nio.charset.Charset charset) {
        return upload(manager(), csv.getBytes(charset));
    }

    static ResponseEntity<String> upload(TestRestTemplate client, byte[] csv) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(csv) {
            @Override
            public String getFilename() {
                return "avtal.csv";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return client.postForEntity("/api/contracts/import", new HttpEntity<>(parts, headers), String.class);
    }

    private static String body(String number, String organisationNumber, String area, String committee, String start,
            String end) {
        return """
                {"number":"%s","title":"Hemtjänst Norr","supplier":"Omsorg i Norr AB","organisationNumber":"%s",
                 "area":"%s","committee":"%s","strategic":true,"start":"%s","end":"%s",
                 "contactEmail":"avtal@omsorg-norr.example","contractManager":"klara","followUpInterval":"P6M"}"""
                .formatted(number, organisationNumber, area, committee, start, end);
    }
}
