package se.kommun.kvalitet.statistics;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

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
import static org.assertj.core.api.Assertions.within;

/**
 * Figures over a data set in 2019 whose right answers follow from its construction (no other test writes 2019):
 * Vård och omsorg (care) has nine cases, Gata och park (streets) one. Lead times in working days, (received, closed]:
 * <pre>
 * A  COMPLAINT  Thu 18 Apr - Tue 23 Apr  1  (Good Friday, Easter Monday)  due 25 Apr: on time  ROUTINE_MISSING
 * B  COMPLAINT  Wed 17 Apr - Fri 26 Apr  5  (Easter)                      due 24 Apr: late     ROUTINE_MISSING
 * C  COMPLAINT  Fri 20 Dec - Mon 30 Dec  3  (julafton, juldagen, annandag) due 27 Dec: late    COMMUNICATION, anonymous
 * D  COMPLAINT  Mon 23 Dec - Fri 27 Dec  1  (Christmas)                   due 8 Jan: on time   forwarded
 * E  QUESTION by e-mail Mon 4 Mar - Wed 6 Mar  2 (within 2)               on time
 * F  QUESTION by e-mail Tue 5 Mar - Fri 8 Mar  3 (not within 2)           on time
 * G  QUESTION by e-mail Mon 11 Mar, still open, due 25 Mar: overdue now
 * H  PRAISE     Mon 3 Jun, closed the same day  0  no due date
 * I  COMPLAINT  Tue 4 Jun, linked to another case: received, neither closed nor open
 * J  streets    Thu 2 May - Fri 3 May  1
 * </pre>
 * Closed in care: lead times 0 1 1 2 3 3 5: median 2, 90th percentile 3.8; on time 4 of the 6 with a due date;
 * KKiK 1 of 3 e-mailed questions within 2 working days.
 */
@KvalitetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsTest {

    static final String DEMO = "Demo-Kvalitet-2026!";
    static final String YEAR = "from=2019-01-01&to=2019-12-31";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    IdentityService identity;

    long openBefore;
    long overdueBefore;

    @BeforeAll
    void seed() throws Exception {
        JsonNode before = statistics("per", "unit=care&" + YEAR);
        openBefore = before.get("openNow").asLong();
        overdueBefore = before.get("overdueNow").asLong();
        long a = insert("A", "COMPLAINT", "WEB", "care", "2019-04-18", "2019-04-23", "2019-04-25", "ROUTINE_MISSING", true, null);
        long b = insert("B", "COMPLAINT", "WEB", "care", "2019-04-17", "2019-04-26", "2019-04-24", "ROUTINE_MISSING", true, null);
        long c = insert("C", "COMPLAINT", "LETTER", "care", "2019-12-20", "2019-12-30", "2019-12-27", "COMMUNICATION", false, null);
        insert("D", "COMPLAINT", "WEB", "care", "2019-12-23", "2019-12-27", "2020-01-08", null, true, "Trafikverket");
        insert("E", "QUESTION", "EMAIL", "care", "2019-03-04", "2019-03-06", "2019-03-18", null, true, null);
        insert("F", "QUESTION", "EMAIL", "care", "2019-03-05", "2019-03-08", "2019-03-19", null, true, null);
        insert("G", "QUESTION", "EMAIL", "care", "2019-03-11", null, "2019-03-25", null, true, null);
        insert("H", "PRAISE", "WEB", "care", "2019-06-03", "2019-06-03", null, null, true, null);
        long i = insert("I", "COMPLAINT", "WEB", "care", "2019-06-04", null, null, null, true, null);
        jdbc.update("update app.citizen_case set status = 'LINKED', closed_at = received_at where id = ?", i);
        insert("J", "COMPLAINT", "WEB", "streets", "2019-05-02", "2019-05-03", "2019-05-10", null, true, null);
        event(b, "REMINDED", "2019-04-23");
        event(b, "ESCALATED_TO_MANAGER", "2019-04-25");
        event(c, "ESCALATED_TO_MANAGER", "2019-12-27");
        event(c, "MAIL_SENT", "2019-12-27");
        survey(a, true);
        survey(b, false);
        long deviation = deviation("1", "HIGH");
        deviation("2", null);
        jdbc.update("""
                insert into app.deviation_ivo_report (deviation_id, track, sent_on, sent_by, ivo_reference, recorded_at)
                values (?, 'LEX_SARAH', date '2019-05-20', 'Chef', 'IVO-1', now())""", deviation);
        if (identity.createUserQuery().userId("stina").count() == 0) {
            User stina = identity.newUser("stina");
            stina.setPassword(DEMO);
            identity.saveUser(stina);
            identity.createMembership("stina", "streetsManagers");
        }
    }

    @AfterAll
    void removeTheDataSet() {
        jdbc.update("delete from app.case_survey where case_id in (select id from app.citizen_case where reference like 'STAT-%')");
        jdbc.update("delete from app.citizen_case where reference like 'STAT-%'");
        jdbc.update("delete from app.deviation_ivo_report where deviation_id in (select id from app.deviation where reference like 'STATD-%')");
        jdbc.update("delete from app.deviation where reference like 'STATD-%'");
        identity.deleteUser("stina");
    }

    @Test
    void theFiguresOfTheDataSetAreTheKnownOnes() throws Exception {
        JsonNode figures = statistics("per", "unit=care&" + YEAR);

        assertThat(figures.get("received").asLong()).isEqualTo(9);
        assertThat(figures.get("closed").asLong()).isEqualTo(7);
        assertThat(figures.get("anonymous").asLong()).isEqualTo(1);
        assertThat(figures.get("forwarded").asLong()).isEqualTo(1);
        assertThat(figures.get("closedWithDueDate").asLong()).isEqualTo(6);
        assertThat(figures.get("answeredWithinSla").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(figures.get("questionsByEmail").asLong()).isEqualTo(3);
        assertThat(figures.get("questionsAnsweredWithin2WorkingDays").asDouble()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(figures.get("medianLeadTimeWorkingDays").asDouble()).isEqualTo(2.0);
        assertThat(figures.get("p90LeadTimeWorkingDays").asDouble()).isCloseTo(3.8, within(1e-9));
        assertThat(figures.get("openNow").asLong() - openBefore).isEqualTo(1);
        assertThat(figures.get("overdueNow").asLong() - overdueBefore).isEqualTo(1);
        assertThat(figures.get("reminders").asLong()).isEqualTo(1);
        assertThat(figures.get("escalations").asLong()).isEqualTo(2);
        assertThat(json.writeValueAsString(figures.get("topRootCauses")))
                .isEqualTo("[{\"category\":\"ROUTINE_MISSING\",\"count\":2},{\"category\":\"COMMUNICATION\",\"count\":1}]");
        assertThat(figures.get("deviations").get("byRiskLevel").get("HIGH").asLong()).isEqualTo(1);
        assertThat(figures.get("deviations").get("byRiskLevel").get("NOT_ASSESSED").asLong()).isEqualTo(1);
        assertThat(figures.get("deviations").get("lexSarahReports").asLong()).isEqualTo(1);
        assertThat(figures.get("deviations").get("lexMariaReports").asLong()).isZero();
        assertThat(figures.get("surveys").get("answers").asLong()).isEqualTo(2);
        assertThat(figures.get("surveys").get("shareSatisfied").asDouble()).isEqualTo(0.5);
    }

    @Test
    void byMonthCountsEachCaseInTheMonthOfItsStep() throws Exception {
        JsonNode months = statistics("per", "unit=care&" + YEAR).get("byMonth");

        assertThat(months).hasSize(12);
        JsonNode march = months.get(2);
        assertThat(march.get("month").asText()).isEqualTo("2019-03");
        assertThat(march.get("received").asLong()).isEqualTo(3);
        assertThat(march.get("closed").asLong()).isEqualTo(2);
        assertThat(march.get("answeredWithinSla").asDouble()).isEqualTo(1.0);
        assertThat(march.get("medianLeadTimeWorkingDays").asDouble()).isEqualTo(2.5);
        JsonNode april = months.get(3);
        assertThat(april.get("closed").asLong()).isEqualTo(2);
        assertThat(april.get("answeredWithinSla").asDouble()).isEqualTo(0.5);
        assertThat(april.get("medianLeadTimeWorkingDays").asDouble()).isEqualTo(3.0);
        assertThat(april.get("reminders").asLong()).isEqualTo(1);
        assertThat(april.get("escalations").asLong()).isEqualTo(1);
        JsonNode december = months.get(11);
        assertThat(december.get("received").asLong()).isEqualTo(2);
        assertThat(december.get("medianLeadTimeWorkingDays").asDouble()).isEqualTo(2.0);
        assertThat(months.get(0).get("received").asLong()).isZero();
        assertThat(months.get(0).get("answeredWithinSla").isNull()).isTrue();
    }

    @Test
    void typeAndCategoryFilterTheCases() throws Exception {
        JsonNode questions = statistics("per", "unit=care&type=QUESTION&" + YEAR);
        assertThat(questions.get("received").asLong()).isEqualTo(3);
        assertThat(questions.get("closed").asLong()).isEqualTo(2);
        assertThat(statistics("per", "unit=care&category=SCHOOL&" + YEAR).get("received").asLong()).isZero();
    }

    @Test
    void aManagerSeesHerUnitsAndProcessOwnersAll() throws Exception {
        assertThat(statistics("stina", YEAR).get("received").asLong()).isEqualTo(1);
        assertThat(statistics("stina", YEAR).get("medianLeadTimeWorkingDays").asDouble()).isEqualTo(1.0);
        assertThat(get("stina", "/api/statistics?unit=care&" + YEAR).getStatusCode().value()).isEqualTo(403);
        assertThat(statistics("maria", "unit=care&" + YEAR).get("received").asLong()).isEqualTo(9);
        assertThat(statistics("per", YEAR).get("received").asLong()).isEqualTo(10);
        assertThat(get("anna", "/api/statistics?" + YEAR).getStatusCode().value()).isEqualTo(403);
        assertThat(http.getForEntity("/api/statistics?" + YEAR, String.class).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aWrongFilterIsAClearProblem() throws Exception {
        ResponseEntity<String> noDates = get("per", "/api/statistics");
        assertThat(noDates.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(noDates.getBody()).get("parameter").asText()).isEqualTo("from");
        ResponseEntity<String> wrongType = get("per", "/api/statistics?type=COMPLAIN&" + YEAR);
        assertThat(json.readTree(wrongType.getBody()).get("detail").asText()).contains("COMPLAIN", "QUESTION");
        ResponseEntity<String> unknownUnit = get("per", "/api/statistics?unit=moon&" + YEAR);
        assertThat(unknownUnit.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(unknownUnit.getBody()).get("detail").asText()).contains("moon", "care");
        assertThat(get("per", "/api/statistics?from=2019-12-31&to=2019-01-01").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theCsvHasABomAndReadsBackAsTheSameFigures() throws Exception {
        ResponseEntity<byte[]> response = http.withBasicAuth("per", DEMO)
                .getForEntity("/api/statistics.csv?unit=care&" + YEAR, byte[].class);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/csv");
        byte[] body = response.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(";", StatisticsCsv.HEADER));
        JsonNode figures = statistics("per", "unit=care&" + YEAR);
        assertThat(lines).hasSize(1 + 12 + 1);
        for (int m = 0; m < 12; m++) {
            assertRow(lines.get(1 + m), figures.get("byMonth").get(m), figures.get("byMonth").get(m).get("month").asText());
        }
        assertRow(lines.get(13), figures, "2019-01-01–2019-12-31");
    }

    @Test
    void insynSuppressesCountsAndSharesBelowFive() throws Exception {
        // March and April in care: received E F G A B = 5 (shown), closed E F A B = 4 (suppressed).
        JsonNode insyn = json.readTree(http.getForEntity("/api/insyn?unit=care&from=2019-03-01&to=2019-04-30",
                String.class).getBody());
        assertThat(insyn.get("received").get("value").asLong()).isEqualTo(5);
        assertThat(insyn.get("received").get("suppressed").asBoolean()).isFalse();
        assertThat(insyn.get("closed").get("value").isNull()).isTrue();
        assertThat(insyn.get("closed").get("suppressed").asBoolean()).isTrue();
        assertThat(insyn.get("answeredWithinSla").get("suppressed").asBoolean()).isTrue();
        assertThat(insyn.get("medianLeadTimeWorkingDays").get("suppressed").asBoolean()).isTrue();
        assertThat(insyn.get("questionsAnsweredWithin2WorkingDays").get("suppressed").asBoolean()).isTrue();
        // The whole year: 7 closed, 6 with a due date: the share is shown.
        JsonNode year = json.readTree(http.getForEntity("/api/insyn?unit=care&" + YEAR, String.class).getBody());
        assertThat(year.get("closed").get("value").asLong()).isEqualTo(7);
        assertThat(year.get("answeredWithinSla").get("value").asDouble()).isCloseTo(4.0 / 6, within(1e-9));
        assertThat(year.get("anonymous").get("suppressed").asBoolean()).isTrue();
        assertThat(year.toString()).doesNotContainPattern("\"value\":[1-4](,|\\})")
                .doesNotContain("Trafikverket", "STAT-");
    }

    @Test
    void theInsynPageShowsNoCountBetweenOneAndFour() {
        ResponseEntity<String> page = http.getForEntity("/insyn?unit=care&from=2019-03-01&to=2019-04-30", String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("färre än 5", "<td>5</td>");
        assertThat(Pattern.compile("<td>\\s*[1-4]\\s*</td>").matcher(page.getBody()).find()).isFalse();
        assertThat(http.getForEntity("/insyn?lang=en&" + YEAR, String.class).getBody()).contains("fewer than 5");
    }

    @Test
    void theManagersPageShowsTheFiguresAndLinksTheCsvAndTheChartLibrary() {
        ResponseEntity<String> page = get("per", "/statistik?unit=care&" + YEAR);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<td>9</td>", "/api/statistics.csv?from=2019-01-01&amp;to=2019-12-31&amp;unit=care",
                "/webjars/echarts/5.3.1/dist/echarts.min.js", "&quot;month&quot;:&quot;2019-04&quot;");
        assertThat(http.withBasicAuth("per", DEMO).getForEntity("/webjars/echarts/5.3.1/dist/echarts.min.js",
                String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(get("stina", "/statistik?unit=care&" + YEAR).getStatusCode().value()).isEqualTo(403);
        assertThat(get("anna", "/statistik").getStatusCode().value()).isEqualTo(403);
    }

    private void assertRow(String line, JsonNode expected, String period) {
        String[] fields = line.split(";", -1);
        assertThat(fields[0]).isEqualTo(period);
        assertThat(Long.parseLong(fields[1])).isEqualTo(expected.get("received").asLong());
        assertThat(Long.parseLong(fields[2])).isEqualTo(expected.get("closed").asLong());
        assertThat(Long.parseLong(fields[3])).isEqualTo(expected.get("closedWithDueDate").asLong());
        assertThat(decimal(fields[4])).isEqualTo(rounded(expected.get("answeredWithinSla")));
        assertThat(decimal(fields[5])).isEqualTo(rounded(expected.get("medianLeadTimeWorkingDays")));
        assertThat(Long.parseLong(fields[6])).isEqualTo(expected.get("reminders").asLong());
        assertThat(Long.parseLong(fields[7])).isEqualTo(expected.get("escalations").asLong());
    }

    private static Double decimal(String field) {
        return field.isEmpty() ? null : Double.valueOf(field.replace(',', '.'));
    }

    /** The CSV keeps four decimals. */
    private static Double rounded(JsonNode value) {
        return value.isNull() ? null : Math.round(value.asDouble() * 10_000) / 10_000.0;
    }

    private JsonNode statistics(String user, String query) throws Exception {
        ResponseEntity<String> response = get(user, "/api/statistics?" + query);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private ResponseEntity<String> get(String user, String path) {
        return http.withBasicAuth(user, DEMO).getForEntity(path, String.class);
    }

    private long insert(String name, String type, String channel, String unit, String received, String closed,
            String due, String rootCause, boolean contact, String forwardedTo) {
        return jdbc.queryForObject("""
                insert into app.citizen_case (reference, type, category, description, contact_name, contact_email,
                    language, channel, received_at, registered_at, status, candidate_group, manager_group, due_date,
                    root_cause, forwarded_to, closed_at)
                values (?, ?, 'OTHER', 'Statistikens ärende.', ?, ?, 'sv', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                returning id""", Long.class, "STAT-" + name, type, contact ? "Eva" : null,
                contact ? "eva@example.se" : null, channel, at(received, 10), at(received, 10),
                closed == null ? "IN_PROGRESS" : "CLOSED", unit + "Officers", unit + "Managers",
                due == null ? null : java.sql.Date.valueOf(due), rootCause, forwardedTo,
                closed == null ? null : at(closed, 15));
    }

    private void event(long caseId, String kind, String day) {
        jdbc.update("insert into app.case_event (case_id, occurred_at, kind) values (?, ?, ?)", caseId, at(day, 9), kind);
    }

    private void survey(long caseId, boolean satisfied) {
        jdbc.update("""
                insert into app.case_survey (case_id, token_hash, sent_at, valid_until, answered_at, satisfied, unit,
                    category)
                values (?, ?, ?, ?, ?, ?, 'careOfficers', 'OTHER')""", caseId, "stat-" + caseId,
                at("2019-05-01", 8), at("2019-05-15", 8), at("2019-05-02", 8), satisfied);
    }

    private long deviation(String name, String risk) {
        return jdbc.queryForObject("""
                insert into app.deviation (reference, area, unit, manager_group, occurred_at, reported_at, place,
                    description, status, risk_level)
                values (?, 'ELDERLY_CARE', 'care', 'careManagers', ?, ?, 'Avd. 1', 'Statistikens avvikelse.', 'CLOSED', ?)
                returning id""", Long.class, "STATD-" + name, at("2019-05-20", 8), at("2019-05-20", 9), risk);
    }

    private static Timestamp at(String day, int hour) {
        return Timestamp.from(LocalDate.parse(day).atTime(LocalTime.of(hour, 0))
                .atZone(ClockConfiguration.MUNICIPAL_ZONE).toInstant());
    }
}
