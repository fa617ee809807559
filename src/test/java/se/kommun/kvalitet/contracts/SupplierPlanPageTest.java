package se.kommun.kvalitet.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.actionplans.ActionPlanNotFoundException;
import se.kommun.kvalitet.actionplans.ActionPlanStatus;
import se.kommun.kvalitet.actionplans.ActionPlans;
import se.kommun.kvalitet.actionplans.InvalidActionPlanException;
import se.kommun.kvalitet.actionplans.ProposedMeasure;
import se.kommun.kvalitet.cases.intake.BrowserForms;
import se.kommun.kvalitet.contracts.process.ContractFollowUpProcess;
import se.kommun.kvalitet.contracts.process.FollowUps;
import se.kommun.kvalitet.contracts.register.ContractRegister;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * The supplier's public page behind the personal link: the plan with a valid link, 404 and nothing about the
 * contract with a forged or expired one; a plan with a past date or an empty measure refused, nothing stored.
 */
@KvalitetIntegrationTest
class SupplierPlanPageTest {

    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);

    @Autowired
    TestRestTemplate http;

    @Autowired
    ContractRegister register;

    @Autowired
    FollowUps followUps;

    @Autowired
    ActionPlans actionPlans;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    org.camunda.bpm.engine.ManagementService managementService;

    @Autowired
    SettableClock clock;

    String number;
    long planId;
    String link;

    @BeforeEach
    void aPlanIsRequested() {
        clock.pin(NOW);
        number = "SUP-" + UUID.randomUUID().toString().substring(0, 8);
        register.register(Contracts.contract(number, "Hemtjänst Söder", "HOME_CARE", "vardOmsorgNamnd"),
                Contracts.MANAGER);
        followUps.requestNow(number, Contracts.MANAGER);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        taskService.complete(task.getId(), Map.of("overallResult", "DEFICIENT", "deficiencies",
                List.of(Map.of("area", "språkkunskaper", "description", "Personalen förstår inte brukarna."))));
        String pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pi).activityId("requestActionPlan")
                .singleResult().getId());
        planId = (Long) runtimeService.getVariable(pi, ContractFollowUpProcess.ACTION_PLAN_ID.name());
        link = actionPlans.link(planId);
    }

    @AfterEach
    void reset() {
        clock.reset();
    }

    @Test
    void theLinkOpensThePlanAndTheSupplierHandsItIn() {
        ResponseEntity<String> page = http.getForEntity(path(link), String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("språkkunskaper").contains("Personalen förstår inte brukarna.");
        assertThat(page.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");

        ResponseEntity<String> sent = BrowserForms.post(http, path(link), path(link), fields("Språkutbildning för all "
                + "personal.", "Enhetschef Sara Lund", "2026-08-31"));

        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(200);
        assertThat(sent.getBody()).contains("Handlingsplanen är mottagen");
        assertThat(actionPlans.require(planId).status()).isEqualTo(ActionPlanStatus.SUBMITTED);
        assertThat(actionPlans.require(planId).measures().get(0).responsible()).isEqualTo("Enhetschef Sara Lund");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult()
                .getTaskDefinitionKey()).isEqualTo("reviewActionPlan");
        // Handed in: the link shows that it was received, and a second hand-in is refused.
        assertThat(http.getForEntity(path(link), String.class).getBody()).contains("Handlingsplanen är mottagen")
                .doesNotContain("<textarea");
    }

    @Test
    void aPastDateOrAnEmptyMeasureIsRefusedAndNothingIsStored() {
        ResponseEntity<String> past = BrowserForms.post(http, path(link), path(link), fields("Utbildning.",
                "Sara Lund", "2026-05-03"));
        assertThat(past.getStatusCode().value()).isEqualTo(422);
        assertThat(past.getBody()).contains("Datumet har redan passerat");

        ResponseEntity<String> empty = BrowserForms.post(http, path(link), path(link), fields(" ", "Sara Lund",
                "2026-08-31"));
        assertThat(empty.getStatusCode().value()).isEqualTo(422);
        assertThat(empty.getBody()).contains("Beskriv åtgärden");

        assertThat(actionPlans.require(planId).status()).isEqualTo(ActionPlanStatus.REQUESTED);
        assertThat(actionPlans.require(planId).measures().get(0).measure()).isNull();
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
        String token = link.substring(link.indexOf("token=") + 6);
        assertThatThrownBy(() -> actionPlans.submit(planId, token, List.of(new ProposedMeasure(1, "Utbildning.", "",
                LocalDate.of(2026, 8, 31))))).isInstanceOf(InvalidActionPlanException.class)
                .satisfies(e -> assertThat(((InvalidActionPlanException) e).errors()).containsKey("measures[1].responsible"));
    }

    @Test
    void aForgedOrForeignLinkAnswers404WithNothingAboutTheContract() {
        String forged = path(link).replaceAll("token=[^&]+", "token=" + link.substring(link.indexOf("token=") + 6,
                link.indexOf('.', link.indexOf("token="))) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        for (String url : List.of(forged, "/handlingsplan/" + planId, "/handlingsplan/" + (planId + 1000)
                + "?token=" + link.substring(link.indexOf("token=") + 6), "/handlingsplan/" + planId + "?token=x")) {
            ResponseEntity<String> answer = http.getForEntity(url, String.class);
            assertThat(answer.getStatusCode().value()).as(url).isEqualTo(404);
            assertThat(answer.getBody()).doesNotContain("språkkunskaper").doesNotContain("Hemtjänst Söder")
                    .doesNotContain(number);
        }
        // A hand-in to a forged link, with a CSRF token from a real page, is not taken either.
        ResponseEntity<String> post = BrowserForms.post(http, path(link), forged, fields("Utbildning.", "Sara Lund",
                "2026-08-31"));
        assertThat(post.getStatusCode().value()).isEqualTo(404);
        assertThat(actionPlans.require(planId).status()).isEqualTo(ActionPlanStatus.REQUESTED);
    }

    @Test
    void anExpiredLinkAnswers404() {
        // Valid until the deadline plus kvalitet.action-plans.link-valid-after-deadline (30 days).
        clock.pin(actionPlans.require(planId).deadline().plusDays(31).atTime(12, 0)
                .atZone(ClockConfiguration.MUNICIPAL_ZONE));

        assertThat(http.getForEntity(path(link), String.class).getStatusCode().value()).isEqualTo(404);
        String token = link.substring(link.indexOf("token=") + 6);
        assertThatThrownBy(() -> actionPlans.submit(planId, token, List.of()))
                .isInstanceOf(ActionPlanNotFoundException.class);
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static MultiValueMap<String, String> fields(String measure, String responsible, String dueOn) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        fields.add("measure_1", measure);
        fields.add("responsible_1", responsible);
        fields.add("dueOn_1", dueOn);
        return fields;
    }
}
