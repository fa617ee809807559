package se.kommun.kvalitet.cases.answertemplates;

import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.process.CaseProcess;
import se.kommun.kvalitet.cases.record.CaseEvent;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.shared.ClockConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Svarsmallar: kept over REST by process owners and managers, offered filled in on the officer's tasks, and the pick
 * recorded. Uses the templates the migration seeds for elderly care (V9__answer_template.sql).
 */
@KvalitetIntegrationTest
class AnswerTemplatesTest {

    static final String DEMO = "Demo-Kvalitet-2026!";
    static final ZonedDateTime RECEIVED = ZonedDateTime.of(2026, 5, 4, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE);

    @Autowired
    ProcessEngine processEngine;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseWork work;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    SettableClock clock;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(processEngine);
        clock.pin(RECEIVED);
    }

    @AfterEach
    void releaseClock() {
        clock.reset();
    }

    @Test
    void processOwnersAndManagersKeepTemplatesAndOfficersReadOnlyTheActiveOnes() throws Exception {
        ResponseEntity<String> created = send("per", HttpMethod.POST, "/api/answer-templates", """
                {"category": "OTHER", "step": "FEEDBACK", "title": "Tack för förslaget",
                 "textSv": "Tack för ditt förslag {referens}.", "textEn": "Thank you for your suggestion {referens}.",
                 "sortOrder": 5}""");
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = json.readTree(created.getBody()).get("id").asLong();
        assertThat(json.readTree(created.getBody()).get("updatedBy").asText()).isEqualTo("per");
        assertThat(titles("anna", "OTHER")).contains("Tack för förslaget");

        ResponseEntity<String> retired = send("maria", HttpMethod.PUT, "/api/answer-templates/" + id, """
                {"category": "OTHER", "step": "FEEDBACK", "title": "Tack för förslaget",
                 "textSv": "Tack för ditt förslag {referens}.", "textEn": "Thank you for your suggestion {referens}.",
                 "active": false}""");
        assertThat(retired.getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(titles("anna", "OTHER")).doesNotContain("Tack för förslaget");
        assertThat(titles("per", "OTHER")).contains("Tack för förslaget");
        assertThat(http.withBasicAuth("anna", DEMO).getForEntity("/api/answer-templates/" + id, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(send("anna", HttpMethod.POST, "/api/answer-templates", """
                {"category": "OTHER", "step": "FEEDBACK", "title": "x", "textSv": "x", "textEn": "x"}""")
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/api/answer-templates", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void anInvalidTemplateIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        long before = jdbc.queryForObject("select count(*) from app.answer_template", Long.class);

        ResponseEntity<String> refused = send("per", HttpMethod.POST, "/api/answer-templates", """
                {"category": "NO_SUCH", "title": " ", "textSv": "%s", "textEn": "ok"}""".formatted("x".repeat(4001)));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = json.readTree(refused.getBody()).get("errors");
        assertThat(errors.findValuesAsText("field")).containsExactlyInAnyOrder("category", "step", "title", "textSv");
        assertThat(jdbc.queryForObject("select count(*) from app.answer_template", Long.class)).isEqualTo(before);
    }

    @Test
    void theOfficersTasksOfferTheCategorysTemplatesFilledInAndThePickIsRecorded() throws Exception {
        ProcessInstance pi = elderlyCareComplaint();
        String reference = pi.getBusinessKey();

        // "Utreda och dokumentera": the supplement question's templates, before anybody has the task.
        JsonNode supplementChoices = json.readTree(variable(pi, CaseProcess.SUPPLEMENT_TEMPLATE_CHOICES.name()));
        assertThat(supplementChoices.findValuesAsText("label")).contains("Vilket datum och vilken tid?");
        assertThat(supplementChoices.findValuesAsText("text")).anySatisfy(text -> assertThat(text)
                .contains("För att kunna utreda ärende " + reference));
        complete(task(pi), withVariables("findings", "Schemat var fel.", "investigationOutcome", "continue"));
        complete(task(pi), withVariables("measures", "Schemat rättat.", "rootCause", "ROUTINE_MISSING"));

        // "Återkoppla", taken by Björn: his name, the unit and the dates are filled in.
        String taskId = task(pi).getId();
        taskService.claim(taskId, "bjorn");
        JsonNode choices = json.readTree(variable(pi, CaseProcess.FEEDBACK_TEMPLATE_CHOICES.name()));
        long templateId = jdbc.queryForObject("select id from app.answer_template where title = 'Tack, vi har åtgärdat'",
                Long.class);
        assertThat(choices.findValuesAsText("value")).containsExactly(String.valueOf(templateId));
        assertThat(choices.findValuesAsText("label")).containsExactly("Tack, vi har åtgärdat");
        assertThat(choices.get(0).get("text").asText()).contains(reference, "2026-05-04", "Björn Berg, Vård och omsorg")
                .doesNotContain("{handläggare}", "{enhet}", "{referens}", "{inkom}");

        // The guard accepts exactly the offered choices.
        ResponseEntity<String> unknown = send("bjorn", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete", """
                {"variables": {"feedback": {"value": "Vi har rättat schemat."}, "feedbackTemplate": {"value": "999"}}}""");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> completed = send("bjorn", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                """
                {"variables": {"feedback": {"value": "Vi har rättat schemat. Hälsningar Björn"},
                 "feedbackTemplate": {"value": "%d"}}}""".formatted(templateId));
        assertThat(completed.getStatusCode()).as(completed.getBody()).isEqualTo(HttpStatus.NO_CONTENT);

        assertThat(pi).isWaitingAt("sendFeedback");
        assertThat(runtimeService.getVariable(pi.getId(), CaseProcess.FEEDBACK_TEMPLATE.name())).isNull();
        Long used = transactions.execute(status -> work.find(reference).events().stream()
                .filter(event -> event.kind() == CaseEvent.Kind.ANSWER_TEMPLATE_USED).count());
        assertThat(used).isOne();
        assertThat(jdbc.queryForObject("select detail from app.case_event e join app.citizen_case c on c.id = e.case_id "
                + "where c.reference = ? and e.kind = 'ANSWER_TEMPLATE_USED'", String.class, reference))
                .isEqualTo("FEEDBACK: " + templateId + " Tack, vi har åtgärdat");
        assertThat(work.find(reference).feedback()).isEqualTo("Vi har rättat schemat. Hälsningar Björn");
    }

    @Test
    void theSwedishPageListsTheTemplatesForEditorsOnly() {
        ResponseEntity<String> page = http.withBasicAuth("per", DEMO).getForEntity("/svarsmallar", String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("<h1>Svarsmallar</h1>", "Tack, vi har åtgärdat",
                "<label for=\"textSv\">Text på svenska</label>");
        assertThat(http.withBasicAuth("anna", DEMO).getForEntity("/svarsmallar", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ProcessInstance elderlyCareComplaint() {
        NewCase matter = new NewCase(CaseType.COMPLAINT, "ELDERLY_CARE", "Hemtjänsten kom för sent.", null,
                new NewCase.Contact("Test Testsson", "mall@example.se", null), "sv", null);
        String reference = intake.submit(matter, Channel.API, null, null).reference();
        ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult();
        execute(job("sendAcknowledgement", pi));
        return pi;
    }

    private String variable(ProcessInstance pi, String name) {
        Object value = runtimeService.getVariableTyped(pi.getId(), name, false);
        if (value instanceof org.camunda.bpm.engine.variable.value.SerializableValue serializable) {
            return serializable.getValueSerialized();
        }
        return String.valueOf(((org.camunda.bpm.engine.variable.value.TypedValue) value).getValue());
    }

    private List<String> titles(String user, String category) throws Exception {
        ResponseEntity<String> list = http.withBasicAuth(user, DEMO)
                .getForEntity("/api/answer-templates?category=" + category, String.class);
        assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
        return json.readTree(list.getBody()).findValuesAsText("title");
    }

    private ResponseEntity<String> send(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, DEMO).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }
}
