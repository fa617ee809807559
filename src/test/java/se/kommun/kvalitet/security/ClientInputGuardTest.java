package se.kommun.kvalitet.security;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.CaseService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static se.kommun.kvalitet.security.EngineClient.DEMO;
import static se.kommun.kvalitet.security.EngineClient.letterFormFields;
import static se.kommun.kvalitet.security.EngineClient.submitCase;
import static se.kommun.kvalitet.security.EngineClient.variables;

/**
 * Every way a client can hand the engine variables, through the engine REST API and Tasklist's webapp API, for the
 * officer who works the task (bjorn) and for the process owner (per, who may modify, migrate and correlate): each
 * is refused with 400 naming what was refused, and the instance, its task and its case are exactly as before.
 */
@KvalitetIntegrationTest
class ClientInputGuardTest {

    private static final String START = "/engine-rest/process-definition/key/caseHandling/start";

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    IdentityService identityService;

    @Autowired
    CaseService caseService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    static Stream<Arguments> startsBindingTrustedVariables() {
        return Stream.of("caseReference", "candidateGroup", "dueDate", "registeredBy", "caseSummary", "routing")
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "start with {0}")
    @MethodSource("startsBindingTrustedVariables")
    void aStartWithAServerVariableIsRefusedAndStartsNothing(String variable) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>(letterFormFields());
        fields.putAll(variables(variable, "SYN-2026-000001"));
        long instances = historyService.createHistoricProcessInstanceQuery().count();
        long cases = caseCount();

        ResponseEntity<String> start = EngineClient.as(http, "anna").post(START, Map.of("variables", fields));

        assertRefused(start, variable, "sätts bara av servern", "is set by the server only");
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(caseCount()).isEqualTo(cases);
    }

    @Test
    void aStartMayNotChooseItsBusinessKeyNorStartSomewhereElse() {
        EngineClient anna = EngineClient.as(http, "anna");
        long instances = historyService.createHistoricProcessInstanceQuery().count();

        assertRefused(anna.post(START, Map.of("variables", letterFormFields(), "businessKey", "SYN-2026-000001")),
                "businessKey");
        assertRefused(anna.post(START, Map.of("variables", letterFormFields(), "startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "routeCase")))), "startInstructions");
        assertRefused(anna.post(START, Map.of("variables", letterFormFields(), "skipCustomListeners", true,
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "caseReceived")))),
                "startInstructions");
        // Without instructions Camunda itself refuses the skip flags (a BadUserRequestException it wraps in a 500).
        assertThat(anna.post(START, Map.of("variables", letterFormFields(), "skipIoMappings", true))
                .getStatusCode().value()).isEqualTo(400);
        assertRefused(anna.post("/engine-rest/process-definition/key/caseHandling/submit-form",
                Map.of("variables", letterFormFields(), "businessKey", "SYN-2026-000001")), "businessKey");
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void aStartLackingWhatTheFormRequiresNamesTheMissingFieldsInsteadOfAServerError() {
        ResponseEntity<String> start = EngineClient.as(http, "anna").post(START,
                Map.of("variables", variables("category", "STREETS_PARKS", "caseType", "HACK")));

        assertRefused(start, "description: obligatoriskt fält saknas", "channel: required field missing",
                "language", "caseType: värdet finns inte bland formulärets val");
    }

    @Test
    void aStartTheCaseRulesRefuseNamesTheFormField() {
        // A fault report needs an address: the form cannot say so (the field is optional for other kinds).
        Map<String, Object> fields = new java.util.LinkedHashMap<>(letterFormFields());
        fields.putAll(variables("caseType", "FAULT_REPORT", "category", "STREET_LIGHT"));
        long cases = caseCount();

        ResponseEntity<String> start = EngineClient.as(http, "anna").post(START, Map.of("variables", fields));

        assertRefused(start, "address: Ange var felet finns");
        assertThat(caseCount()).isEqualTo(cases);
    }

    @Test
    void tasklistsOwnApiIsGuardedTheSameWay() throws Exception {
        TasklistSession anna = TasklistSession.logIn("http://127.0.0.1:" + port, "anna", DEMO);
        Map<String, Object> fields = new java.util.LinkedHashMap<>(letterFormFields());
        String care = submitCase(http, "ELDERLY_CARE");
        fields.putAll(variables("caseReference", care));
        long instances = historyService.createHistoricProcessInstanceQuery().count();

        HttpResponse<String> refused = anna.postToEngine("process-definition/key/caseHandling/submit-form",
                json.writeValueAsString(Map.of("variables", fields)));
        HttpResponse<String> started = anna.postToEngine("process-definition/key/caseHandling/submit-form",
                json.writeValueAsString(Map.of("variables", letterFormFields())));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("caseReference");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances + 1);
    }

    /** Each row: who, how, where ({task}, {instance}, {execution}, {definition}), what, and what the answer names. */
    static Stream<Arguments> writesOutsideTheForm() {
        Map<String, Object> trusted = variables("candidateGroup", "streetsOfficers");
        Map<String, Object> formFields = variables("findings", "Utrett.", "investigationOutcome", "continue");
        Map<String, Object> formPlusTrusted = new java.util.LinkedHashMap<>(formFields);
        formPlusTrusted.putAll(trusted);
        List<Arguments> rows = new ArrayList<>();
        rows.add(arguments("complete with candidateGroup", "bjorn", HttpMethod.POST, "/engine-rest/task/{task}/complete",
                Map.of("variables", formPlusTrusted), "candidateGroup"));
        rows.add(arguments("complete with caseReference", "bjorn", HttpMethod.POST, "/engine-rest/task/{task}/complete",
                Map.of("variables", merge(formFields, variables("caseReference", "SYN-2026-000001"))), "caseReference"));
        rows.add(arguments("complete with a variable the form lacks", "bjorn", HttpMethod.POST,
                "/engine-rest/task/{task}/complete", Map.of("variables", merge(formFields, variables("approved", true))),
                "approved: inget fält i formuläret"));
        rows.add(arguments("complete without investigationOutcome", "bjorn", HttpMethod.POST,
                "/engine-rest/task/{task}/complete", Map.of("variables", variables("findings", "Utrett.")),
                "investigationOutcome: obligatoriskt fält saknas"));
        rows.add(arguments("complete with an outcome the form does not offer", "bjorn", HttpMethod.POST,
                "/engine-rest/task/{task}/complete", Map.of("variables", merge(formFields,
                        variables("investigationOutcome", "close"))), "investigationOutcome: värdet finns inte"));
        rows.add(arguments("complete with findings longer than the form allows", "bjorn", HttpMethod.POST,
                "/engine-rest/task/{task}/complete", Map.of("variables", merge(formFields,
                        variables("findings", "x".repeat(4001)))), "findings: högst 4000 tecken"));
        rows.add(arguments("complete with an object variable", "bjorn", HttpMethod.POST,
                "/engine-rest/task/{task}/complete", Map.of("variables", merge(formFields, Map.of("findings",
                        Map.of("value", "{\"a\":1}", "type", "Json")))), "findings: värdet har fel typ"));
        rows.add(arguments("submit the task form with candidateGroup", "bjorn", HttpMethod.POST,
                "/engine-rest/task/{task}/submit-form", Map.of("variables", formPlusTrusted), "candidateGroup"));
        rows.add(arguments("resolve with candidateGroup", "bjorn", HttpMethod.POST, "/engine-rest/task/{task}/resolve",
                Map.of("variables", formPlusTrusted), "candidateGroup"));
        rows.add(arguments("BPMN error with variables", "bjorn", HttpMethod.POST, "/engine-rest/task/{task}/bpmnError",
                Map.of("errorCode", "anything", "variables", trusted), "variables"));
        rows.add(arguments("BPMN escalation with variables", "bjorn", HttpMethod.POST,
                "/engine-rest/task/{task}/bpmnEscalation", Map.of("escalationCode", "anything", "variables", trusted),
                "variables"));
        rows.add(arguments("set a task variable", "bjorn", HttpMethod.PUT,
                "/engine-rest/task/{task}/variables/candidateGroup", Map.of("value", "streetsOfficers"), "variables"));
        rows.add(arguments("set a task-local variable", "bjorn", HttpMethod.PUT,
                "/engine-rest/task/{task}/localVariables/findings", Map.of("value", "x"), "variables"));
        rows.add(arguments("modify task variables", "bjorn", HttpMethod.POST, "/engine-rest/task/{task}/variables",
                Map.of("modifications", trusted), "variables"));
        rows.add(arguments("delete a task variable", "bjorn", HttpMethod.DELETE,
                "/engine-rest/task/{task}/variables/candidateGroup", null, "variables"));
        rows.add(arguments("set a process variable", "per", HttpMethod.PUT,
                "/engine-rest/process-instance/{instance}/variables/candidateGroup", Map.of("value", "streetsOfficers"),
                "variables"));
        rows.add(arguments("set variables on instances as a batch", "per", HttpMethod.POST,
                "/engine-rest/process-instance/variables-async",
                Map.of("processInstanceIds", List.of("{instance}"), "variables", trusted), "variables"));
        rows.add(arguments("set an execution variable", "per", HttpMethod.PUT,
                "/engine-rest/execution/{execution}/localVariables/candidateGroup", Map.of("value", "streetsOfficers"),
                "variables"));
        rows.add(arguments("correlate a message with variables", "per", HttpMethod.POST, "/engine-rest/message",
                Map.of("messageName", "supplementReceived", "businessKey", "{reference}", "processVariables", trusted),
                "processVariables"));
        rows.add(arguments("trigger a message subscription with variables", "per", HttpMethod.POST,
                "/engine-rest/execution/{execution}/messageSubscriptions/supplementReceived/trigger",
                Map.of("variables", trusted), "processVariables"));
        rows.add(arguments("throw a signal with variables", "per", HttpMethod.POST, "/engine-rest/signal",
                Map.of("name", "anything", "variables", trusted), "variables"));
        rows.add(arguments("signal an execution with variables", "per", HttpMethod.POST,
                "/engine-rest/execution/{execution}/signal", Map.of("variables", trusted), "processVariables"));
        rows.add(arguments("modify an instance with variables", "per", HttpMethod.POST,
                "/engine-rest/process-instance/{instance}/modification", Map.of("instructions", List.of(Map.of(
                        "type", "startBeforeActivity", "activityId", "investigate", "variables", trusted))),
                "startInstructions.variables"));
        rows.add(arguments("migrate with variables", "per", HttpMethod.POST, "/engine-rest/migration/execute",
                Map.of("migrationPlan", Map.of("sourceProcessDefinitionId", "{definition}",
                        "targetProcessDefinitionId", "{definition}", "instructions", List.of(), "variables", trusted),
                        "processInstanceIds", List.of("{instance}")), "variables"));
        rows.add(arguments("restart an instance", "per", HttpMethod.POST,
                "/engine-rest/process-definition/{definition}/restart", Map.of("processInstanceIds",
                        List.of("{instance}"), "instructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "investigate"))), "restart"));
        rows.add(arguments("start by condition with variables", "per", HttpMethod.POST, "/engine-rest/condition",
                Map.of("variables", trusted), "variables"));
        rows.add(arguments("complete an external task with variables", "per", HttpMethod.POST,
                "/engine-rest/external-task/anything/complete", Map.of("workerId", "w", "variables", trusted),
                "variables"));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writesOutsideTheForm")
    void eachWayOfWritingVariablesOutsideTheFormIsRefusedAndChangesNothing(String name, String user,
            HttpMethod method, String path, Object body, String named) throws Exception {
        String reference = submitCase(http, "ELDERLY_CARE");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        taskService.claim(task.getId(), "bjorn");
        String instance = task.getProcessInstanceId();
        Map<String, String> values = Map.of("{task}", task.getId(), "{instance}", instance, "{execution}",
                task.getExecutionId(), "{definition}", task.getProcessDefinitionId(), "{reference}", reference);
        Map<String, Object> variablesBefore = variablesOf(instance);
        Map<String, Object> caseBefore = caseRow(reference);
        long activitiesBefore = historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count();
        long batchesBefore = historyService.createHistoricBatchQuery().count();

        ResponseEntity<String> response = EngineClient.as(http, user).exchange(method, fill(path, values),
                body == null ? null : json.readValue(fill(json.writeValueAsString(body), values), Object.class));

        assertRefused(response, named);
        assertThat(variablesOf(instance)).isEqualTo(variablesBefore);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult()).isNotNull()
                .satisfies(open -> assertThat(open.getAssignee()).isEqualTo("bjorn"));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance).count())
                .isEqualTo(activitiesBefore);
        assertThat(historyService.createHistoricBatchQuery().count()).isEqualTo(batchesBefore);
        assertThat(caseRow(reference)).isEqualTo(caseBefore);
    }

    @Test
    void waysTheRestApiDoesNotOfferAreGuardedInTheEngineToo() {
        String reference = submitCase(http, "ELDERLY_CARE");
        String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        Map<String, Object> before = variablesOf(instance);
        identityService.setAuthentication("per", List.of("processOwners"));
        try {
            assertThatThrownBy(() -> runtimeService.createMessageCorrelationAsync("supplementReceived")
                    .processInstanceIds(List.of(instance)).setVariable("candidateGroup", "streetsOfficers")
                    .correlateAllAsync()).isInstanceOf(BadUserRequestException.class).hasMessageContaining("variables");
            assertThatThrownBy(() -> caseService.withCaseDefinitionByKey("anything")
                    .setVariable("candidateGroup", "streetsOfficers").create())
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("variables");
            assertThatThrownBy(() -> caseService.withCaseExecution("anything")
                    .setVariable("candidateGroup", "streetsOfficers").execute())
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("variables");
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(variablesOf(instance)).isEqualTo(before);
    }

    @Test
    void theTaskFormsFieldsStillCompleteTheTask() {
        String reference = submitCase(http, "ELDERLY_CARE");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        EngineClient bjorn = EngineClient.as(http, "bjorn");
        bjorn.post("/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "bjorn"));

        ResponseEntity<String> completed = bjorn.post("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", variables("findings", "Utrett.", "investigationOutcome", "notOurs",
                        "forwardedTo", "Regionen")));

        assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
        assertThat(caseRow(reference).get("forwarded_to")).isEqualTo("Regionen");
    }

    @Test
    void whoMayNotWorkATaskIsRefusedByTheEngineAndLearnsNothingOfItsForm() {
        String reference = submitCase(http, "ELDERLY_CARE");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        EngineClient anna = EngineClient.as(http, "anna"); // streetsOfficers; the task is careOfficers'

        ResponseEntity<String> refusable = anna.post("/engine-rest/task/" + task.getId() + "/complete",
                Map.of("variables", variables("caseReference", "SYN-2026-000001")));
        ResponseEntity<String> plain = anna.post("/engine-rest/task/" + task.getId() + "/complete", Map.of());

        assertThat(refusable.getStatusCode().value()).as(refusable.getBody()).isEqualTo(403);
        assertThat(refusable.getBody()).doesNotContain("caseReference");
        assertThat(plain.getStatusCode().value()).as(plain.getBody()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void candidatesMayWorkATaskButNotChangeIt() {
        String reference = submitCase(http, "ELDERLY_CARE");
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult();
        Authorization grant = authorizationService.createAuthorizationQuery().groupIdIn("careOfficers")
                .resourceType(Resources.TASK).resourceId(task.getId()).singleResult();

        assertThat(grant.isPermissionGranted(TaskPermissions.TASK_WORK)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(grant.isPermissionGranted(Permissions.UPDATE)).isFalse();
        assertThat(grant.isPermissionGranted(TaskPermissions.UPDATE_VARIABLE)).isFalse();
        // The due date is the SLA's, not the officer's.
        ResponseEntity<String> update = EngineClient.as(http, "bjorn").put("/engine-rest/task/" + task.getId(),
                Map.of("name", task.getName(), "due", "2030-01-01T00:00:00.000+0100", "priority", task.getPriority()));
        assertThat(update.getStatusCode().value()).as(update.getBody()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
                .isEqualTo(task.getDueDate());
    }

    private static void assertRefused(ResponseEntity<String> response, String... named) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(400);
        assertThat(response.getBody()).contains(named);
    }

    private static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    private static Map<String, Object> merge(Map<String, Object> first, Map<String, Object> second) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(first);
        merged.putAll(second);
        return merged;
    }

    private Map<String, Object> caseRow(String reference) {
        return jdbc.queryForMap("select * from app.citizen_case where reference = ?", reference);
    }

    private long caseCount() {
        return jdbc.queryForObject("select count(*) from app.citizen_case", Long.class);
    }

    /** The instance's variables as comparable values: a JSON variable (unitChoices) as its JSON text. */
    private Map<String, Object> variablesOf(String instance) {
        Map<String, Object> comparable = new java.util.TreeMap<>();
        runtimeService.getVariables(instance).forEach((name, value) -> comparable.put(name,
                value instanceof org.camunda.spin.json.SpinJsonNode json ? json.toString() : value));
        return comparable;
    }
}
