package se.kommun.kvalitet.statistics;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.shared.ClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The improvement view over 2018, which no other test writes: care closes IMP-1 (February) and IMP-2 (March) with
 * root cause ROUTINE_MISSING and IMP-3 (March) with COMMUNICATION; streets closes IMP-4 (March) with ROUTINE_MISSING.
 * The cases behind a row, latest closed first. Who sees them: process owners all, a manager her units', the quality group none (figures only).
 */
@KvalitetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImprovementTest {

    static final String DEMO = "Demo-Kvalitet-2026!";
    static final String YEAR = "from=2018-01-01&to=2018-12-31";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    IdentityService identity;

    @BeforeAll
    void seed() {
        insert("IMP-1", "care", "ELDERLY_CARE", "2018-02-05", "2018-02-12", "ROUTINE_MISSING");
        insert("IMP-2", "care", "ELDERLY_CARE", "2018-03-01", "2018-03-08", "ROUTINE_MISSING");
        insert("IMP-3", "care", "OTHER", "2018-03-05", "2018-03-20", "COMMUNICATION");
        insert("IMP-4", "streets", "OTHER", "2018-03-06", "2018-03-07", "ROUTINE_MISSING");
        user("ines", "streetsManagers");
        user("kim", "qualityCoordinators");
    }

    @AfterAll
    void removeTheDataSet() {
        jdbc.update("delete from app.citizen_case where reference like 'IMP-%'");
        identity.deleteUser("ines");
        identity.deleteUser("kim");
    }

    @Test
    void aProcessOwnerSeesTheRecurringRootCausesOverTimeWithTheCasesBehindThem() throws Exception {
        JsonNode improvement = improvement("per", YEAR);
        assertThat(improvement.get("months").size()).isEqualTo(12);
        JsonNode first = improvement.get("rootCauses").get(0);
        assertThat(first.get("code").asText()).isEqualTo("ROUTINE_MISSING");
        assertThat(first.get("total").asLong()).isEqualTo(3);
        assertThat(first.get("byMonth").toString()).isEqualTo("[0,1,2,0,0,0,0,0,0,0,0,0]");
        assertThat(references(first)).containsExactly("IMP-2", "IMP-4", "IMP-1");
        assertThat(first.get("cases").get(1).get("unit").asText()).isEqualTo("streets");
        JsonNode second = improvement.get("rootCauses").get(1);
        assertThat(second.get("code").asText()).isEqualTo("COMMUNICATION");
        assertThat(second.get("total").asLong()).isEqualTo(1);
        JsonNode categories = improvement.get("categories");
        assertThat(categories.get(0).get("code").asText()).isEqualTo("ELDERLY_CARE");
        assertThat(categories.get(0).get("byMonth").toString()).isEqualTo("[0,1,1,0,0,0,0,0,0,0,0,0]");
        assertThat(improvement.toString()).doesNotContain("Förbättringens ärende", "eva@example.se");

        String page = http.withBasicAuth("per", DEMO).getForEntity("/forbattring?" + YEAR, String.class).getBody();
        assertThat(page).contains("ROUTINE_MISSING", "IMP-1", "3 ärenden",
                "<h1>Förbättringar: återkommande grundorsaker och kategorier</h1>");
        assertThat(http.withBasicAuth("per", DEMO).getForEntity("/forbattring?lang=en&" + YEAR, String.class)
                .getBody()).contains("<h1>Improvement: recurring root causes and categories</h1>", "3 cases",
                        "Root causes (closed cases) by month").doesNotContain("ärenden");
    }

    @Test
    void aManagerSeesHerUnitsCasesAndTheQualityGroupOnlyTheFigures() throws Exception {
        JsonNode streets = improvement("ines", YEAR).get("rootCauses").get(0);
        assertThat(streets.get("total").asLong()).isEqualTo(1);
        assertThat(references(streets)).containsExactly("IMP-4");
        assertThat(http.withBasicAuth("ines", DEMO).getForEntity("/api/improvement?unit=care&" + YEAR, String.class)
                .getStatusCode().value()).isEqualTo(403);

        JsonNode quality = improvement("kim", YEAR).get("rootCauses").get(0);
        assertThat(quality.get("total").asLong()).isEqualTo(3);
        assertThat(quality.get("readableCases").asLong()).isZero();
        assertThat(quality.get("cases").size()).isZero();
        assertThat(http.withBasicAuth("kim", DEMO).getForEntity("/forbattring?" + YEAR, String.class).getBody())
                .contains("ROUTINE_MISSING").doesNotContain("IMP-1");

        assertThat(http.withBasicAuth("anna", DEMO).getForEntity("/api/improvement?" + YEAR, String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity("/api/improvement?" + YEAR, String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(http.withBasicAuth("per", DEMO).getForEntity("/api/improvement?from=2018-13-01&to=2018-12-31",
                String.class).getStatusCode().value()).isEqualTo(400);
    }

    private JsonNode improvement(String user, String query) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, DEMO).getForEntity("/api/improvement?" + query,
                String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static List<String> references(JsonNode row) {
        List<String> references = new ArrayList<>();
        row.get("cases").forEach(c -> references.add(c.get("reference").asText()));
        return references;
    }

    private void insert(String reference, String unit, String category, String received, String closed,
            String rootCause) {
        jdbc.update("""
                insert into app.citizen_case (reference, type, category, description, contact_name, contact_email,
                    language, channel, received_at, registered_at, status, candidate_group, manager_group, due_date,
                    root_cause, closed_at)
                values (?, 'COMPLAINT', ?, 'Förbättringens ärende.', 'Eva', 'eva@example.se', 'sv', 'WEB', ?, ?,
                    'CLOSED', ?, ?, ?, ?, ?)""", reference, category, at(received, 10), at(received, 10),
                unit + "Officers", unit + "Managers", java.sql.Date.valueOf(LocalDate.parse(received).plusDays(14)),
                rootCause, at(closed, 15));
    }

    private void user(String id, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setPassword(DEMO);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
    }

    private static Timestamp at(String day, int hour) {
        return Timestamp.from(LocalDate.parse(day).atTime(LocalTime.of(hour, 0))
                .atZone(ClockConfiguration.MUNICIPAL_ZONE).toInstant());
    }
}
