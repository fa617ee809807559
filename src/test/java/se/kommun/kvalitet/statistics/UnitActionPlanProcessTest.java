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
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import se.kommun.kvalitet.actionplans.ActionPlanStatus;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.Deficiency;
import se.kommun.kvalitet.actionplans.OwnerReference;
import se.kommun.kvalitet.actionplans.ProposedMeasure;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * One test per path through processes/unit-action-plan.bpmn. The clock is pinned to Monday 5 January 2026, 10:00 in
 * Stockholm, when the year end asks Vård och omsorg (care) for a plan due 4 February; maria manages care, per is a
 * process owner. Engine timers are not driven by the clock: the tests fire them by hand. Review and verification go
 * through the styrkort's own API, as on /styrkort.
 */
@KvalitetIntegrationTest
class UnitActionPlanProcessTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 1, 5, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);
    static final LocalDate DEADLINE = LocalDate.of(2026, 2, 4);
    static final LocalDate MEASURE_DATE = LocalDate.of(2026, 3, 2);
    static final String DEMO = "Demo-Kvalitet-2026!";
    static final String MANAGER = "maria@kommun.example";
    static final String PROCESS_OWNER = "per@kommun.example";

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
        assertThat(onlyMailTo(MANAGER).getSubject()).isEqualTo("Påminnelse: ärende " + pi.getBusinessKey()
                + " ska besvaras snart");
        submit(pi);
        assertThat(pi).isWaitingAt("awaitReview").hasNotPassed("escalatePlan");
    }

    @Test
    void aMissedDeadlineIsEscalatedToTheProcessOwnersOnce() throws Exception {
        ProcessInstance pi = requested();

        execute(job("planDeadlinePassed", pi));
        execute(job("escalatePlan", pi));

        assertThat(pi).hasPassed("planEscalated").isWaitingAt("awaitPlan");
        assertThat(onlyMailTo(PROCESS_OWNER).getSubject()).isEqualTo("Försenat ärende " + pi.getBusinessKey()
                + " – eskalering");
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
        assertThat(onlyMailTo(PROCESS_OWNER).getSubject()).isEqualTo("Påminnelse: ärende " + pi.getBusinessKey()
                + "/uppföljning ska besvaras snart");

        clock.pin(MEASURE_DATE.atTime(9, 0).atZone(ClockConfiguration.MUNICIPAL_ZONE));
        assertThat(verify(pi, true).getBody()).contains("\"allRemedied\":true");

        assertThat(pi).hasPassed("measuresRemediedGateway", "deficiencyRemedied").isEnded();
        assertThat(actionPlans.require(planId).status()).isEqualTo(ActionPlanStatus.VERIFIED);
    }

    @Test
    void aMeasureFoundNotRemediedEndsThePlanWithTheDeficiencyRemaining() {
        ProcessInstance pi = approved();
        clock.pin(MEASURE_DATE.atTime(9, 0).atZone(ClockConfiguration.MUNICIPAL_ZONE));

        assertThat(verify(pi, false).getBody()).contains("\"allRemedied\":false");

        assertThat(pi).hasPassed("deficiencyRemains").hasNotPassed("deficiencyRemedied").isEnded();
    }

    private ProcessInstance requested() {
        long planId = actionPlans.request(new OwnerReference(Scorecards.OWNER_KIND, "care"), List.of(new Deficiency(
                "Styrkort 2025, Vård och omsorg", "Mål: Snabba svar. Nyckeltal: besvarade i tid. Utfall 70.0, mål "
                        + "minst 80.")), DEADLINE);
        plans.add(planId);
        unitActionPlans.start(planId, organisation.unit("care").orElseThrow(), DEADLINE);
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
