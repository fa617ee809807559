package se.kommun.kvalitet.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
import se.kommun.kvalitet.actionplans.Deficiency;
import se.kommun.kvalitet.actionplans.OwnerReference;
import se.kommun.kvalitet.actionplans.ProposedMeasure;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * One test per path through processes/unit-action-plan.bpmn. The clock is pinned to Monday 5 January 2026, 10:00 in
 * Stockholm, when the year end asks Vård och omsorg (care) for a plan due 4 February for a key figure of its 2025
 * styrkort; maria manages care, per is a process owner. Engine timers are not driven by the clock: the tests fire them
 * by hand. Review and verification go through the styrkort's own API, as on /styrkort. The mails link to the unit's
 * styrkort page, not Tasklist.
 */
@KvalitetIntegrationTest
class UnitActionPlanProcessTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);
    static final LocalDate DEADLINE = LocalDate.of(2026, 2, 4);
    static final LocalDate MEASURE_DATE = LocalDate.of(2026, 3, 2);
    static final String DEMO = "Demo-Kvalitet-2026!";
    static final String MANAGER = "maria@kommun.example";
    static final String PROCESS_OWNER = "per@kommun.example";
    static final int YEAR = 2025;
    static final String TITLE = "Processtest av handlingsplanens omgångar";

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ActionPlans actionPlans;

    @Autowired
    UnitActionPlans unitActionPlans;

    @Autowired
    Organisation organisation;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SettableClock clock;

    @Value("${kvalitet.public-base-url}")
    String publicBaseUrl;

    final List<Long> plans = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        BpmnAwareTests.init(processEngine);
        mailCatcher.purgeEmailFromAllMailboxes();
        clock.pin(NOW);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
        for (long id : plans) {
            runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(UnitActionPlanProcess.reference(id))
                    .list().forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), "test done"));
        }
        // Every round's plan, the later ones requested by the process itself.
        plans.addAll(rounds());
        jdbc.update("delete from app.scorecard_goal where title = ?", TITLE);
        for (long id : plans) {
            jdbc.update("delete from app.sent_mail where idempotency_key like ?", "styrkort/plan-" + id + "/%");
            jdbc.update("delete from app.action_plan_measure where plan_id = ?", id);
            jdbc.update("delete from app.action_plan where id = ?", id);
        }
    }

    @Test
    void aPlanHandedInInTimeIsApprovedAndWaitsForItsFollowUpDate() {
        ProcessInstance pi = requested();
        assertThat(pi).hasPassed("planRequested", "planAwaited").isWaitingAt("awaitPlan");
        assertThat(date(pi, "reminderDate")).isEqualTo(morning(DEADLINE.minusDays(7)));
        assertThat(date(pi, "dueDate")).isEqualTo(morning(DEADLINE));
        assertThat(date(pi, "escalationDate")).isEqualTo(morning(DEADLINE.plusDays(1)));

        submit(pi);
        assertThat(pi).hasPassed("awaitPlan").isWaitingAt("awaitReview");

        assertThat(review(pi, "{\"approved\":true}").getStatusCode().value()).isEqualTo(200);
        assertThat(pi).hasPassed("planApprovedGateway").isWaitingAt("awaitVerification")
                .hasNotPassed("remindManagers", "escalatePlan");
        assertThat(date(pi, "followUpDate")).isEqualTo(morning(MEASURE_DATE));
        assertThat(mailsTo(MANAGER)).isEmpty();
        assertThat(mailsTo(PROCESS_OWNER)).isEmpty();
    }

    @Test
    void theManagersAreRemindedBeforeTheDeadlineAndThenHandItIn() throws Exception {
        ProcessInstance pi = requested();

        execute(job("planReminderDue", pi));
        execute(job("remindManagers", pi));

        assertThat(pi).hasPassed("managersReminded").isWaitingAt("awaitPlan");
        MimeMessage reminder = onlyMailTo(MANAGER);
        assertThat(reminder.getSubject()).isEqualTo("Påminnelse: ärende " + pi.getBusinessKey() + " ska besvaras snart");
        assertThat(text(reminder)).contains(scorecardPage()).doesNotContain("tasklist");
        submit(pi);
        assertThat(pi).isWaitingAt("awaitReview").hasNotPassed("escalatePlan");
    }

    @Test
    void aMissedDeadlineIsEscalatedToTheProcessOwnersOnce() throws Exception {
        ProcessInstance pi = requested();

        execute(job("planDeadlinePassed", pi));
        execute(job("escalatePlan", pi));

        assertThat(pi).hasPassed("planEscalated").isWaitingAt("awaitPlan");
        MimeMessage escalation = onlyMailTo(PROCESS_OWNER);
        assertThat(escalation.getSubject()).isEqualTo("Försenat ärende " + pi.getBusinessKey() + " – eskalering");
        assertThat(text(escalation)).contains(scorecardPage()).doesNotContain("tasklist");
        assertThat(runtimeService.getVariable(pi.getId(), "slaMark")).isEqualTo("Eskalerad till processägare / "
                + "escalated to process owner");

        // The escalation step again (a retried job, a restart): the level is marked for this deadline, no new mail.
        runtimeService.createProcessInstanceModification(pi.getId()).startBeforeActivity("escalatePlan").execute();
        execute(job("escalatePlan", pi));
        assertThat(onlyMailTo(PROCESS_OWNER).getSubject()).contains(pi.getBusinessKey());
        assertThat(mailsTo(MANAGER)).isEmpty();

        // Late is still welcome while the process owners act.
        submit(pi);
        assertThat(pi).isWaitingAt("awaitReview");
    }

    @Test
    void aPlanSentBackWaitsForItsRevisionWithANewDeadline() {
        ProcessInstance pi = requested();
        submit(pi);

        assertThat(review(pi, "{\"approved\":false,\"comments\":\"Ange hur bevakningen följs upp.\"}")
                .getStatusCode().value()).isEqualTo(200);

        assertThat(pi).hasPassedInOrder("awaitReview", "planApprovedGateway", "planAwaited").isWaitingAt("awaitPlan")
                .hasNotPassed("awaitVerification");
        LocalDate revisionDeadline = NOW.toLocalDate().plusDays(30);
        assertThat(date(pi, "dueDate")).isEqualTo(morning(revisionDeadline));
        assertThat(date(pi, "escalationDate")).isEqualTo(morning(revisionDeadline.plusDays(1)));
        submit(pi);
        assertThat(pi).isWaitingAt("awaitReview");
    }

    @Test
    void onTheFollowUpDateTheProcessOwnersAreRemindedAndTheVerifiedPlanEnds() throws Exception {
        ProcessInstance pi = approved();
        long planId = planId(pi);

        execute(job("followUpDateReached", pi));
        execute(job("remindVerification", pi));
        assertThat(pi).hasPassed("verificationReminded").isWaitingAt("awaitVerification");
        MimeMessage reminder = onlyMailTo(PROCESS_OWNER);
        assertThat(reminder.getSubject()).isEqualTo("Påminnelse: ärende " + pi.getBusinessKey()
                + "/uppföljning ska besvaras snart");
        assertThat(text(reminder)).contains(scorecardPage()).doesNotContain("tasklist");

        clock.pin(MEASURE_DATE.atTime(9, 0).atZone(ClockConfiguration.MUNICIPAL_ZONE));
        assertThat(verify(pi, true).getBody()).contains("\"allRemedied\":true");

        assertThat(pi).hasPassed("measuresRemediedGateway", "deficiencyRemedied").isEnded();
        assertThat(actionPlans.require(planId).status()).isEqualTo(ActionPlanStatus.VERIFIED);
    }

    @Test
    void aMeasureFoundNotRemediedAsksTheUnitForExactlyOneNewPlanInANewRound() throws Exception {
        ProcessInstance pi = approved();
        long firstPlan = planId(pi);
        clock.pin(MEASURE_DATE.atTime(9, 0).atZone(ClockConfiguration.MUNICIPAL_ZONE));

        assertThat(verify(pi, false).getBody()).contains("\"allRemedied\":false");
        assertThat(pi).hasPassed("measuresRemediedGateway", "anotherRoundGateway").isWaitingAt("requestNewPlan")
                .hasNotPassed("deficiencyRemains", "deficiencyRemedied");
        execute(job("requestNewPlan", pi));

        assertThat(pi).hasPassedInOrder("requestNewPlan", "roundStarts", "planAwaited").isWaitingAt("awaitPlan");
        List<Long> rounds = rounds();
        assertThat(rounds).hasSize(2).startsWith(firstPlan);
        long secondPlan = rounds.get(1);
        assertThat(planId(pi)).isEqualTo(secondPlan);
        assertThat(runtimeService.getVariable(pi.getId(), "planRound")).isEqualTo(2);
        assertThat(actionPlans.forOwner(new OwnerReference(Scorecards.OWNER_KIND, "care")).stream()
                .filter(plan -> plan.id() > firstPlan)).extracting(ActionPlan::id).containsExactly(secondPlan);
        assertThat(actionPlans.require(secondPlan).status()).isEqualTo(ActionPlanStatus.REQUESTED);
        assertThat(actionPlans.require(secondPlan).measures()).singleElement()
                .satisfies(m -> assertThat(m.deficiency()).contains("Utfall 70.0"));
        assertThat(jdbc.queryForObject("select kf.action_plan_id from app.scorecard_key_figure kf join "
                + "app.scorecard_goal g on g.id = kf.goal_id where g.title = ?", Long.class, TITLE))
                .isEqualTo(secondPlan);
        // The new deadline is timed like the first: due 30 days on, reminded a week before, escalated the day after.
        LocalDate deadline = MEASURE_DATE.plusDays(30);
        assertThat(date(pi, "dueDate")).isEqualTo(morning(deadline));
        assertThat(date(pi, "reminderDate")).isEqualTo(morning(deadline.minusDays(7)));
        assertThat(date(pi, "escalationDate")).isEqualTo(morning(deadline.plusDays(1)));
        assertThat(runtimeService.getVariable(pi.getId(), "measuresRemedied")).isNull();
        // The managers get the new plan's own personal link and the styrkort page, which shows the round's plan.
        assertThat(text(onlyMailTo(MANAGER))).contains("omgång 2", "/handlingsplan/" + secondPlan + "?token=",
                scorecardPage());
        assertThat(http.withBasicAuth("maria", DEMO).getForEntity("/styrkort?unit=care&year=" + YEAR, String.class)
                .getBody()).contains("Omgång 2 (bristen kvarstod vid förra uppföljningen):", "Begärd, senast "
                        + deadline, "/handlingsplan/" + secondPlan + "?token=");
        assertThat(http.withBasicAuth("per", DEMO).getForEntity("/api/scorecards?unit=care&year=" + YEAR,
                String.class).getBody()).contains("\"id\":" + secondPlan + ",\"round\":2,\"status\":\"REQUESTED\"");

        // The new round reminds like the first, against its own deadline, and takes the new plan in.
        execute(job("planReminderDue", pi));
        execute(job("remindManagers", pi));
        assertThat(mailsTo(MANAGER)).hasSize(2);
        submit(pi);
        assertThat(pi).isWaitingAt("awaitReview");
        assertThat(actionPlans.require(secondPlan).status()).isEqualTo(ActionPlanStatus.SUBMITTED);
        assertThat(rounds()).hasSize(2);
    }

    @Test
    void whenTheLastRoundLeavesTheDeficiencyTheProcessOwnersAreToldAndThePlanEnds() throws Exception {
        ProcessInstance pi = approved();
        clock.pin(MEASURE_DATE.atTime(9, 0).atZone(ClockConfiguration.MUNICIPAL_ZONE));
        for (int round = 1; round < 3; round++) {
            verify(pi, false);
            execute(job("requestNewPlan", pi));
            submit(pi);
            review(pi, "{\"approved\":true}");
        }
        assertThat(runtimeService.getVariable(pi.getId(), "planRound")).isEqualTo(3);
        mailCatcher.purgeEmailFromAllMailboxes();

        verify(pi, false);

        assertThat(pi).hasPassed("anotherRoundGateway").isWaitingAt("escalateRemainingDeficiency");
        execute(job("escalateRemainingDeficiency", pi));
        assertThat(pi).hasPassed("deficiencyRemains").isEnded();
        MimeMessage escalation = onlyMailTo(PROCESS_OWNER);
        assertThat(escalation.getSubject()).contains(pi.getBusinessKey() + "/kvarstår");
        assertThat(text(escalation)).contains("Kvarstående brist i styrkort", scorecardPage());
        assertThat(mailsTo(MANAGER)).isEmpty();
        assertThat(rounds()).hasSize(3);
    }

    /** As the year end settles a missed key figure: its plan, as round 1 of the key figure, and the process. */
    private ProcessInstance requested() {
        long planId = actionPlans.request(new OwnerReference(Scorecards.OWNER_KIND, "care"), List.of(new Deficiency(
                "Styrkort 2025, Vård och omsorg", "Mål: Snabba svar. Nyckeltal: besvarade i tid. Utfall 70.0, mål "
                        + "minst 80.")), DEADLINE);
        plans.add(planId);
        Long goal = jdbc.queryForObject("""
                insert into app.scorecard_goal (unit, year, title, created_by, created_at)
                values ('care', ?, ?, 'maria', now()) returning id""", Long.class, YEAR, TITLE);
        Long keyFigure = jdbc.queryForObject("""
                insert into app.scorecard_key_figure (goal_id, measure, target, direction, outcome, actual, settled_at,
                                                      action_plan_id)
                values (?, 'ANSWERED_WITHIN_SLA', 80, 'AT_LEAST', 'NOT_MET', 70, now(), ?) returning id""",
                Long.class, goal, planId);
        jdbc.update("insert into app.scorecard_plan_round (action_plan_id, key_figure_id, round_number, requested_at) "
                + "values (?, ?, 1, now())", planId, keyFigure);
        unitActionPlans.start(planId, organisation.unit("care").orElseThrow(), YEAR, DEADLINE);
        return runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(UnitActionPlanProcess.reference(planId)).singleResult();
    }

    private ProcessInstance approved() {
        ProcessInstance pi = requested();
        submit(pi);
        review(pi, "{\"approved\":true}");
        assertThat(pi).isWaitingAt("awaitVerification");
        return pi;
    }

    private long planId(ProcessInstance pi) {
        return (Long) runtimeService.getVariable(pi.getId(), "actionPlanId");
    }

    private void submit(ProcessInstance pi) {
        long planId = planId(pi);
        String link = actionPlans.link(planId);
        actionPlans.submit(planId, link.substring(link.indexOf("token=") + 6), List.of(new ProposedMeasure(1,
                "Svarsrutin med bevakning i Tasklist", "Maria Lind", MEASURE_DATE)));
    }

    private ResponseEntity<String> review(ProcessInstance pi, String body) {
        return postAsProcessOwner("/api/scorecards/plans/" + planId(pi) + "/review", body);
    }

    private ResponseEntity<String> verify(ProcessInstance pi, boolean remedied) {
        ResponseEntity<String> response = postAsProcessOwner("/api/scorecards/plans/" + planId(pi) + "/verification",
                "{\"remedied\":{\"1\":" + remedied + "}}");
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return response;
    }

    private ResponseEntity<String> postAsProcessOwner(String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("per", DEMO).postForEntity(path, new HttpEntity<>(body, headers), String.class);
    }

    /** The plans of the test's key figure, by round. */
    private List<Long> rounds() {
        return jdbc.queryForList("""
                select r.action_plan_id from app.scorecard_plan_round r
                join app.scorecard_key_figure kf on kf.id = r.key_figure_id
                join app.scorecard_goal g on g.id = kf.goal_id where g.title = ? order by r.round_number""",
                Long.class, TITLE);
    }

    private String scorecardPage() {
        return publicBaseUrl + "/styrkort?unit=care&year=" + YEAR;
    }

    /** The plain-text part, where links stand as they are. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }

    private Date date(ProcessInstance pi, String variable) {
        return (Date) runtimeService.getVariable(pi.getId(), variable);
    }

    private static Date morning(LocalDate day) {
        return Date.from(day.atTime(8, 0).atZone(ClockConfiguration.MUNICIPAL_ZONE).toInstant());
    }

    private MimeMessage onlyMailTo(String address) {
        List<MimeMessage> to = mailsTo(address);
        assertThat(to).hasSize(1);
        return to.get(0);
    }

    private List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(mailCatcher.getReceivedMessages()).filter(m -> address.equals(recipient(m))).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
