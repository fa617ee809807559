package se.kommun.kvalitet.statistics;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.actionplans.ActionPlan;
import se.kommun.kvalitet.actionplans.ActionPlanStatus;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.OwnerReference;
import se.kommun.kvalitet.actionplans.ProposedMeasure;
import se.kommun.kvalitet.shared.ClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The styrkort of Vård och omsorg (care) for 2016, which no other test writes, with made-up Kolada values of our
 * municipality (0999): U99001 is 88 against "at least 90" (missed), U99002 61 against "at most 70" (met), U99003 has no
 * value yet, and our own measure "answered on time" has no closed case in 2016 (no data).
 */
@KvalitetIntegrationTest
class ScorecardTest {

    static final String DEMO = "Demo-Kvalitet-2026!";
    static final String GOAL = """
            {"unit":"care","year":2016,"title":"Snabba och bra svar","keyFigures":[
              {"kpi":"U99001","target":90,"direction":"AT_LEAST"},
              {"kpi":"U99002","target":70,"direction":"AT_MOST"},
              {"kpi":"U99003","target":1,"direction":"AT_LEAST"},
              {"measure":"ANSWERED_WITHIN_SLA","target":80,"direction":"AT_LEAST"}]}""";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    Scorecards scorecards;

    @Autowired
    ActionPlans actionPlans;

    @Autowired
    SettableClock clock;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    HistoryService historyService;

    @AfterEach
    void removeTheScorecard() {
        clock.reset();
        List<Long> plans = jdbc.queryForList("""
                select kf.action_plan_id from app.scorecard_key_figure kf join app.scorecard_goal g on g.id = kf.goal_id
                where g.year = 2016 and kf.action_plan_id is not null""", Long.class);
        jdbc.update("delete from app.scorecard_goal where year = 2016");
        plans.forEach(id -> {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(UnitActionPlanProcess.reference(id))
                    .list().forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test done"));
            jdbc.update("delete from app.sent_mail where idempotency_key like ?", "styrkort/plan-" + id + "/%");
            jdbc.update("delete from app.action_plan_measure where plan_id = ?", id);
            jdbc.update("delete from app.action_plan where id = ?", id);
        });
        jdbc.update("delete from app.kolada_value where kpi in ('U99001', 'U99002', 'U99003')");
    }

    @Test
    void aMissedTargetStartsExactlyOnePlanForTheUnitAndARerunNoSecond() throws Exception {
        kolada("U99001", 88.0);
        kolada("U99002", 61.0);
        ResponseEntity<String> created = post("maria", GOAL);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        assertThat(statuses(get("maria"))).containsExactly("NOT_MET preliminary", "MET preliminary",
                "NO_DATA preliminary", "NO_DATA preliminary");

        // A goal of a unit the organisation no longer has cannot be settled; it must not stop the others.
        Long gone = jdbc.queryForObject("insert into app.scorecard_goal (unit, year, title, created_by, created_at)"
                + " values ('closedUnit', 2016, 'Nedlagd enhet', 'test', now()) returning id", Long.class);
        jdbc.update("insert into app.scorecard_key_figure (goal_id, kpi, target, direction)"
                + " values (?, 'U99001', 90, 'AT_LEAST')", gone);

        // The year's end on two nodes at once, then again the next night.
        LocalDate afterTheYear = LocalDate.of(2017, 1, 2);
        CompletableFuture<List<Long>> first = CompletableFuture.supplyAsync(() -> scorecards.settleEndedYears(afterTheYear));
        CompletableFuture<List<Long>> second = CompletableFuture.supplyAsync(() -> scorecards.settleEndedYears(afterTheYear));
        List<Long> started = new ArrayList<>(first.get());
        started.addAll(second.get());
        assertThat(started).hasSize(1);
        assertThat(scorecards.settleEndedYears(afterTheYear.plusDays(1))).isEmpty();
        assertThat(jdbc.queryForObject("select outcome from app.scorecard_key_figure where goal_id = ?", String.class,
                gone)).isNull();

        long planId = started.get(0);
        // The plan's process started with it, once, in the settling transaction; it waits for the manager's plan.
        HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(UnitActionPlanProcess.PROCESS_KEY).variableValueEquals("actionPlanId", planId)
                .singleResult();
        assertThat(process.getBusinessKey()).isEqualTo(UnitActionPlanProcess.reference(planId));
        assertThat(runtimeService.createExecutionQuery().processInstanceId(process.getId()).activityId("awaitPlan")
                .count()).isEqualTo(1);
        // The unit's manager (maria, the demo manager of every unit) gets the plan's personal link once.
        assertThat(jdbc.queryForList("select idempotency_key || ' ' || recipient from app.sent_mail"
                + " where idempotency_key like ?", String.class, "styrkort/plan-" + planId + "/%"))
                .contains("styrkort/plan-" + planId + "/maria maria@kommun.example");
        assertThat(actionPlans.forOwner(new OwnerReference("UNIT", "care"))).extracting(ActionPlan::id)
                .containsOnlyOnce(planId);
        ActionPlan plan = actionPlans.require(planId);
        assertThat(plan.status()).isEqualTo(ActionPlanStatus.REQUESTED);
        assertThat(plan.deadline()).isEqualTo(afterTheYear.plusDays(30));
        assertThat(plan.measures()).singleElement().satisfies(measure -> {
            assertThat(measure.area()).isEqualTo("Styrkort 2016, Vård och omsorg");
            assertThat(measure.deficiency()).contains("Snabba och bra svar", "U99001", "Utfall 88.0", "minst 90");
        });

        JsonNode managers = get("maria");
        assertThat(statuses(managers)).containsExactly("NOT_MET settled", "MET settled", "NO_DATA preliminary",
                "NO_DATA preliminary");
        JsonNode missed = managers.get("goals").get(0).get("keyFigures").get(0);
        assertThat(missed.get("actionPlan").get("id").asLong()).isEqualTo(planId);
        assertThat(missed.get("actionPlan").get("link").asText()).contains("/handlingsplan/" + planId + "?token=");
        // A process owner sees the plan but not the manager's personal link.
        assertThat(get("per").get("goals").get(0).get("keyFigures").get(0).get("actionPlan").get("link").isNull())
                .isTrue();

        // Kolada publishes U99003 later: the next run settles it, met, with no plan.
        kolada("U99003", 5.0);
        assertThat(scorecards.settleEndedYears(afterTheYear.plusMonths(4))).isEmpty();
        assertThat(statuses(get("maria"))).containsExactly("NOT_MET settled", "MET settled", "MET settled",
                "NO_DATA preliminary");
        assertThat(jdbc.queryForObject("select count(*) from app.scorecard_key_figure where action_plan_id is not null"
                + " and goal_id in (select id from app.scorecard_goal where year = 2016)", Integer.class)).isEqualTo(1);

        assertThat(page("maria")).contains("Snabba och bra svar", "Ej uppnått", "Uppnått",
                "Uppgift saknas (preliminärt)",
                "Begärd, senast 2017-02-01", "/handlingsplan/" + planId);
        assertThat(page("maria")).contains("<h1>Styrkort 2016</h1>", "<th scope=\"col\">Målvärde</th>");
        assertThat(http.withBasicAuth("maria", DEMO).getForEntity("/styrkort?unit=care&year=2016&lang=en",
                String.class).getBody()).contains("<h1>Scorecard 2016</h1>", "<th scope=\"col\">Target</th>",
                "Not met", "No data (preliminary)", "Requested, due 2017-02-01").doesNotContain("Uppnått");

        // The manager hands it in through her link in January 2017; a process owner approves it and, from the
        // latest measure date, verifies each measure.
        String link = missed.get("actionPlan").get("link").asText();
        clock.pin(ZonedDateTime.of(2017, 1, 10, 9, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        actionPlans.submit(planId, link.substring(link.indexOf("token=") + 6), List.of(new ProposedMeasure(1,
                "Svarsrutin med bevakning i Tasklist", "Maria Lind", LocalDate.of(2017, 3, 1))));
        assertThat(page("per")).contains("Svarsrutin med bevakning i Tasklist (Maria Lind, 2017-03-01)", "Godkänn");
        assertThat(page("maria")).doesNotContain("Godkänn");
        assertThat(postJson("maria", "/api/scorecards/plans/" + planId + "/review", "{\"approved\":true}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(postJson("per", "/api/scorecards/plans/" + planId + "/review", "{}").getStatusCode().value())
                .isEqualTo(400);
        ResponseEntity<String> approved = postJson("per", "/api/scorecards/plans/" + planId + "/review",
                "{\"approved\":true}");
        assertThat(approved.getBody()).contains("\"followUpOn\":\"2017-03-01\"");
        assertThat(postJson("per", "/api/scorecards/plans/" + planId + "/verification",
                "{\"remedied\":{\"1\":true}}").getStatusCode().value()).isEqualTo(409);
        assertThat(page("per")).doesNotContain("Spara uppföljningen");
        clock.pin(ZonedDateTime.of(2017, 3, 1, 9, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        assertThat(page("per")).contains("följs upp 2017-03-01", "Spara uppföljningen");
        ResponseEntity<String> verified = postJson("per", "/api/scorecards/plans/" + planId + "/verification",
                "{\"remedied\":{\"1\":true}}");
        assertThat(verified.getBody()).contains("\"allRemedied\":true");
        assertThat(actionPlans.require(planId).status()).isEqualTo(ActionPlanStatus.VERIFIED);
        // Handed in, approved and verified remedied through the styrkort's API: the plan's one process has ended.
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(UnitActionPlanProcess.PROCESS_KEY).variableValueEquals("actionPlanId", planId)
                .singleResult().getEndTime()).isNotNull();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(process.getId())
                .activityId("deficiencyRemedied").count()).isEqualTo(1);
        clock.reset();
        assertThat(get("maria").get("goals").get(0).get("keyFigures").get(0).get("actionPlan").get("status").asText())
                .isEqualTo("VERIFIED");
        assertThat(postJson("per", "/api/scorecards/plans/999999/review", "{\"approved\":true}").getStatusCode()
                .value()).isEqualTo(404);
    }

    @Test
    void aGoalIsRefusedNamingEachWrongFieldAndOnlyTheUnitsReadersSeeIt() throws Exception {
        ResponseEntity<String> refused = post("maria", """
                {"unit":"care","year":1999,"title":"","keyFigures":[
                  {"kpi":"U99001","measure":"RECEIVED","target":1,"direction":"AT_LEAST"},
                  {"measure":"NO_SUCH","direction":"UP"}]}""");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        json.readTree(refused.getBody()).get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactly("year", "title", "keyFigures[0]", "keyFigures[1].measure",
                "keyFigures[1].target", "keyFigures[1].direction");
        assertThat(jdbc.queryForObject("select count(*) from app.scorecard_goal where unit = 'care'", Integer.class))
                .isZero();

        assertThat(post("anna", GOAL).getStatusCode().value()).isEqualTo(403);
        assertThat(http.withBasicAuth("anna", DEMO).getForEntity("/styrkort", String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(http.getForEntity("/api/scorecards?unit=care", String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    private void kolada(String kpi, double value) {
        jdbc.update("""
                insert into app.kolada_value (kpi, municipality, period, gender, value, imported_at, imported_by)
                values (?, '0999', 2016, 'T', ?, now(), 'test')""", kpi, value);
    }

    private String page(String user) {
        return http.withBasicAuth(user, DEMO).getForEntity("/styrkort?unit=care&year=2016", String.class).getBody();
    }

    private JsonNode get(String user) throws Exception {
        ResponseEntity<String> response = http.withBasicAuth(user, DEMO)
                .getForEntity("/api/scorecards?unit=care&year=2016", String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return json.readTree(response.getBody());
    }

    private static List<String> statuses(JsonNode scorecard) {
        List<String> statuses = new ArrayList<>();
        scorecard.get("goals").forEach(goal -> goal.get("keyFigures").forEach(figure -> statuses.add(
                figure.get("status").asText() + (figure.get("settled").asBoolean() ? " settled" : " preliminary"))));
        return statuses;
    }

    private ResponseEntity<String> post(String user, String body) {
        return postJson(user, "/api/scorecards/goals", body);
    }

    private ResponseEntity<String> postJson(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, DEMO).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }
}
