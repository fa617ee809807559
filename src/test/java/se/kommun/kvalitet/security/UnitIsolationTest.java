package se.kommun.kvalitet.security;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static se.kommun.kvalitet.security.EngineClient.DEMO;
import static se.kommun.kvalitet.security.EngineClient.letterFormFields;
import static se.kommun.kvalitet.security.EngineClient.submitCase;
import static se.kommun.kvalitet.security.EngineClient.variables;

/**
 * Issue 15, "an officer can take over another unit's case": Anna (streetsOfficers) against Björn's (careOfficers)
 * case, end to end over the real HTTP APIs, each refusal checked in the database and the engine; and the ways Anna
 * legitimately works (start from the start form's fields, complete with the task form's fields) still work.
 */
@KvalitetIntegrationTest
class UnitIsolationTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ObjectMapper json;

    @Test
    void annaCanNeitherStartNorCompleteHerWayIntoACareCase() {
        EngineClient anna = EngineClient.as(http, "anna");
        String care = submitCase(http, "ELDERLY_CARE");
        Map<String, Object> careBefore = caseRow(care);
        long careEvents = events(care);

        // Door 1: a start bound to the care case (the "already registered" path), with a street category.
        long instances = historyService.createHistoricProcessInstanceQuery().count();
        long cases = caseCount();
        ResponseEntity<String> start = anna.post("/engine-rest/process-definition/key/caseHandling/start",
                Map.of("variables", variables("caseReference", care, "category", "STREETS_PARKS",
                        "caseSummary", "Övertaget ärende")));

        assertThat(start.getStatusCode().value()).as(start.getBody()).isEqualTo(400);
        assertThat(start.getBody()).contains("caseReference", "caseSummary");
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).as("no instance started")
                .isEqualTo(instances);
        assertThat(caseCount()).isEqualTo(cases);
        assertThat(caseRow(care)).isEqualTo(careBefore);

        // Door 2: completing her own task with the care case's reference (and a reroute to her unit).
        String street = submitCase(http, "STREETS_PARKS");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(street).singleResult();
        assertThat(anna.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "anna"))
                .getStatusCode().value()).isEqualTo(204);
        Map<String, Object> streetBefore = caseRow(street);
        ResponseEntity<String> complete = anna.post("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", variables("caseReference", care, "findings", "Övertaget.",
                        "investigationOutcome", "reroute", "rerouteTo", "streetsOfficers")));

        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(400);
        assertThat(complete.getBody()).contains("caseReference");
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isOne();
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "caseReference")).isEqualTo(street);
        assertThat(caseRow(street)).isEqualTo(streetBefore);
        assertThat(caseRow(care)).isEqualTo(careBefore);
        assertThat(events(care)).isEqualTo(careEvents);

        // The care case stays Björn's.
        assertThat(EngineClient.as(http, "bjorn").get("/api/cases/" + care).getStatusCode().value()).isEqualTo(200);
        assertThat(anna.get("/api/cases/" + care).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theCaseWorkIsRecordedOnTheBusinessKeysCaseWhateverAVariableSays() {
        String care = submitCase(http, "ELDERLY_CARE");
        String street = submitCase(http, "STREETS_PARKS");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(street).singleResult();
        // Server-side (no engine user), so the guard lets it through: the listener must not trust it anyway.
        runtimeService.setVariable(task.getProcessInstanceId(), "caseReference", care);
        EngineClient anna = EngineClient.as(http, "anna");
        anna.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "anna"));

        ResponseEntity<String> complete = anna.post("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", variables("findings", "Bänken lagad.", "investigationOutcome", "continue")));

        assertThat(complete.getStatusCode().value()).as(complete.getBody()).isEqualTo(204);
        assertThat(caseRow(street).get("findings")).isEqualTo("Bänken lagad.");
        assertThat(caseRow(care).get("findings")).isNull();
    }

    @Test
    void annaRegistersALetterFromTheStartFormAndWorksItWithTheTaskForm() throws Exception {
        EngineClient anna = EngineClient.as(http, "anna");

        ResponseEntity<String> started = anna.post("/engine-rest/process-definition/key/caseHandling/start",
                Map.of("variables", letterFormFields()));

        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
        String instanceId = json.readTree(started.getBody()).get("id").asText();
        String reference = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
                .getBusinessKey();
        assertThat(reference).matches("SYN-\\d{4}-\\d{6}");
        Map<String, Object> row = caseRow(reference);
        assertThat(row.get("registered_by")).isEqualTo("anna");
        assertThat(row.get("candidate_group")).isEqualTo("streetsOfficers");
        // A client's start always goes through "Registrera ärende": only the intake binds to an existing case.
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("registerCase").count()).isOne();

        Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
        anna.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "anna"));
        ResponseEntity<String> completed = anna.post("/engine-rest/task/" + task.getId() + "/submit-form",
                Map.of("variables", variables("findings", "Bänken är lagad.", "investigationOutcome", "continue")));

        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        assertThat(caseRow(reference).get("findings")).isEqualTo("Bänken är lagad.");
    }

    @Test
    void aCaseFromTheIntakeIsTheOnlyOneThatSkipsRegistering() {
        String reference = submitCase(http, "ELDERLY_CARE");
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();

        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId("registerCase").count()).isZero();
    }

    @Test
    void officersMayNotUseTheProcessOwnersAdministration() {
        EngineClient anna = EngineClient.as(http, "anna");
        long deployments = repositoryService.createDeploymentQuery().count();

        assertThat(anna.post("/api/admin/deployments", null).getStatusCode().value()).isEqualTo(403);
        assertThat(anna.post("/api/admin/migrations/caseHandling", Map.of("dryRun", false)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(anna.post("/api/admin/migrations/caseHandling", Map.of("dryRun", true)).getStatusCode().value())
                .isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void anotherUnitsAttachmentsAreNeitherReadNorAdded() throws Exception {
        String care = submitCase(http, "ELDERLY_CARE");
        ResponseEntity<String> attached = upload("bjorn", care, "anteckning.txt");
        assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(201);
        long id = json.readTree(attached.getBody()).get("id").asLong();
        long attachments = attachmentCount();

        assertThat(upload("anna", care, "annas.txt").getStatusCode().value()).isEqualTo(403);
        assertThat(EngineClient.as(http, "anna").get("/api/cases/" + care + "/attachments/" + id).getStatusCode()
                .value()).isEqualTo(403);
        assertThat(attachmentCount()).isEqualTo(attachments);
        assertThat(EngineClient.as(http, "bjorn").get("/api/cases/" + care + "/attachments/" + id).getStatusCode()
                .value()).isEqualTo(200);
    }

    private ResponseEntity<String> upload(String user, String reference, String fileName) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource("Samtal med anhörig.".getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return http.withBasicAuth(user, DEMO).postForEntity("/api/cases/" + reference + "/attachments",
                new HttpEntity<>(parts, headers), String.class);
    }

    private Map<String, Object> caseRow(String reference) {
        return jdbc.queryForMap("select * from app.citizen_case where reference = ?", reference);
    }

    private long events(String reference) {
        return jdbc.queryForObject("""
                select count(*) from app.case_event e join app.citizen_case c on c.id = e.case_id
                where c.reference = ?""", Long.class, reference);
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from app.citizen_case", Long.class);
    }

    private long attachmentCount() {
        return jdbc.queryForObject("select count(*) from app.case_attachment", Long.class);
    }
}
