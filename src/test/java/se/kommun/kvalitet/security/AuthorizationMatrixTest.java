package se.kommun.kvalitet.security;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Who may do what, one row per role and endpoint, as designed in docs/security.md. The case under test is a
 * complaint about elderly care, so its tasks belong to careOfficers (bjorn), not to streetsOfficers (anna).
 */
@KvalitetIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final String DEMO = "Demo-Kvalitet-2026!";
    static final String CARE_COMPLAINT = """
            {"type":"COMPLAINT","category":"ELDERLY_CARE","description":"Matrisens ärende.",
             "contact":{"name":"Eva","email":"eva@example.se"},"language":"sv"}""";

    enum Role {
        ANONYMOUS(null, null), CITIZEN(null, null), OFFICER_A("anna", DEMO), OFFICER_B("bjorn", DEMO),
        MANAGER("maria", DEMO), PROCESS_OWNER("per", DEMO), ADMIN("admin", "Lokal-Start-2026!"),
        CONTRACT_MANAGER("klara", DEMO), COMMITTEE_DELEGATE("nora", DEMO), AWARD_ADMIN("sara", DEMO),
        JURY_MEMBER("lena", DEMO);

        final String user;
        final String password;

        Role(String user, String password) {
            this.user = user;
            this.password = password;
        }
    }

    enum Endpoint {
        SUBMIT_CASE, CATEGORIES, READ_CASE, STATUS_PAGE_RIGHT_TOKEN, STATUS_PAGE_WRONG_TOKEN, CAUGHT_MAIL, HEALTH,
        METRICS, ENGINE_TASKS, ENGINE_CLAIM_AND_COMPLETE, ENGINE_DEPLOY, ENGINE_USERS, ENGINE_AUTHORIZATIONS,
        ENGINE_PROCESS_INSTANCES, ENGINE_START_FROM_FORM, ENGINE_START_BOUND_TO_CASE, ADMIN_REDEPLOY,
        REPORT_DEVIATION, READ_DEVIATION, ENGINE_DEVIATION_TASKS,
        OPEN311_SERVICES, OPEN311_REQUESTS, OPEN311_POST_WITHOUT_KEY, OPEN311_KEYS_LIST, OPEN311_KEY_CREATE,
        OPEN311_KEY_REVOKE,
        SURVEY_API_UNKNOWN_TOKEN, SURVEY_PAGE_UNKNOWN_TOKEN, ANSWER_TEMPLATES_READ, ANSWER_TEMPLATES_WRITE,
        ANSWER_TEMPLATES_PAGE, SURVEY_STATISTICS,
        CONTRACTS_LIST, CONTRACT_READ, CONTRACT_CREATE, STRATEGIC_REPORT, SUPPLIER_PAGE_WRONG_TOKEN,
        QUALITY_RESULTS_IMPORT, QUALITY_PERIOD_REPORT, QUALITY_PERIOD_REPORT_CSV, COMPARISON_PAGE, STATISTICS,
        STATISTICS_CSV, INSYN_API, INSYN_PAGE, IMPROVEMENT, SCORECARD, KOLADA_MAPPINGS,
        AWARD_CALLS_PAGE, GOOD_EXAMPLES_PAGE, GOOD_EXAMPLES_API, OPEN_AWARD_CALL, AWARD_APPLICATION_READ
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    TaskService taskService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    JdbcTemplate jdbc;

    String reference;
    String statusUrl;
    /** A deviation in Vård och omsorg (care): its managers' work, not its officers'. */
    String deviationReference;
    /** A contract of Vård- och omsorgsnämnden, whose officers are careOfficers (bjorn), not streetsOfficers (anna). */
    String contractNumber;
    /** A quality-payment period collecting results, its report readable before any result is in. */
    static final String QUALITY_PERIOD = "/api/quality-payment/periods/2030-T3/DISABILITY_SUPPORT";

    /** Once per class, but inside a test: the process-coverage recorder refuses engine work outside one. */
    @BeforeEach
    void submitACareCase() throws Exception {
        if (reference != null) {
            return;
        }
        deviationReference = json.readTree(reportDeviation(http.withBasicAuth("bjorn", DEMO)).getBody())
                .get("reference").asText();
        contractNumber = json.readTree(createContract(http.withBasicAuth("klara", DEMO)).getBody()).get("number")
                .asText();
        assertThat(http.withBasicAuth("klara", DEMO).postForEntity("/api/quality-payment/periods",
                jsonEntity("{\"period\":\"2030-T3\",\"area\":\"DISABILITY_SUPPORT\"}"), String.class)
                .getStatusCode().value()).isEqualTo(201);
        JsonNode created = json.readTree(submit(http).getBody());
        reference = created.get("reference").asText();
        statusUrl = URI.create(created.get("statusUrl").asText()).getRawPath() + "?"
                + URI.create(created.get("statusUrl").asText()).getRawQuery();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        Role[] staff = {Role.OFFICER_A, Role.OFFICER_B, Role.MANAGER, Role.PROCESS_OWNER, Role.ADMIN};
        for (Role role : Role.values()) {
            // Public: the intake (staff may register letters too), categories, health.
            rows.add(row(role, Endpoint.SUBMIT_CASE, 201));
            rows.add(row(role, Endpoint.CATEGORIES, 200));
            rows.add(row(role, Endpoint.HEALTH, 200));
            // Open311 GeoReport v2: public reads; a report needs an app's api_key, whoever is logged in.
            rows.add(row(role, Endpoint.OPEN311_SERVICES, 200));
            rows.add(row(role, Endpoint.OPEN311_REQUESTS, 200));
            rows.add(row(role, Endpoint.OPEN311_POST_WITHOUT_KEY, 403));
        }
        // Open311 keys: administrators only (not process owners, who hold the rest of /api/admin).
        for (Endpoint keys : List.of(Endpoint.OPEN311_KEYS_LIST, Endpoint.OPEN311_KEY_CREATE,
                Endpoint.OPEN311_KEY_REVOKE)) {
            rows.add(row(Role.ANONYMOUS, keys, 401));
            for (Role role : staff) {
                int allowed = keys == Endpoint.OPEN311_KEY_CREATE ? 201 : keys == Endpoint.OPEN311_KEY_REVOKE ? 204 : 200;
                rows.add(row(role, keys, role == Role.ADMIN ? allowed : 403));
            }
        }
        // The status link is the citizen's key; being logged in opens nothing without it.
        rows.add(row(Role.CITIZEN, Endpoint.STATUS_PAGE_RIGHT_TOKEN, 200));
        // Public, with the token as the only credential: a wrong one is 404 for everybody, logged in or not.
        for (Role role : Role.values()) {
            rows.add(row(role, Endpoint.SURVEY_API_UNKNOWN_TOKEN, 404));
            rows.add(row(role, Endpoint.SURVEY_PAGE_UNKNOWN_TOKEN, 404));
        }
        rows.add(row(Role.CITIZEN, Endpoint.STATUS_PAGE_WRONG_TOKEN, 404));
        rows.add(row(Role.ADMIN, Endpoint.STATUS_PAGE_WRONG_TOKEN, 404));
        // The officer view of a case: own unit, the unit's managers, process owners, administrators.
        // Svarsmallar: every member of staff reads (officers only the active ones); process owners and managers edit.
        for (Endpoint templates : List.of(Endpoint.ANSWER_TEMPLATES_READ, Endpoint.ANSWER_TEMPLATES_WRITE,
                Endpoint.ANSWER_TEMPLATES_PAGE)) {
            rows.add(row(Role.ANONYMOUS, templates, 401));
            rows.add(row(Role.CITIZEN, templates, 401));
        }
        for (Role role : staff) {
            boolean editor = role == Role.MANAGER || role == Role.PROCESS_OWNER;
            rows.add(row(role, Endpoint.ANSWER_TEMPLATES_READ, 200));
            rows.add(row(role, Endpoint.ANSWER_TEMPLATES_WRITE, editor ? 201 : 403));
            rows.add(row(role, Endpoint.ANSWER_TEMPLATES_PAGE, editor ? 200 : 403));
            rows.add(row(role, Endpoint.SURVEY_STATISTICS, editor ? 200 : 403));
        }
        rows.add(row(Role.ANONYMOUS, Endpoint.SURVEY_STATISTICS, 401));
        rows.add(row(Role.ANONYMOUS, Endpoint.READ_CASE, 401));
        rows.add(row(Role.CITIZEN, Endpoint.READ_CASE, 401));
        rows.add(row(Role.OFFICER_A, Endpoint.READ_CASE, 403));
        rows.add(row(Role.OFFICER_B, Endpoint.READ_CASE, 200));
        rows.add(row(Role.MANAGER, Endpoint.READ_CASE, 200));
        rows.add(row(Role.PROCESS_OWNER, Endpoint.READ_CASE, 200));
        rows.add(row(Role.ADMIN, Endpoint.READ_CASE, 200));
        // Administration: camunda-admin only.
        for (Endpoint adminOnly : List.of(Endpoint.CAUGHT_MAIL, Endpoint.METRICS)) {
            rows.add(row(Role.ANONYMOUS, adminOnly, 401));
            for (Role role : staff) {
                rows.add(row(role, adminOnly, role == Role.ADMIN ? 200 : 403));
            }
        }
        // Engine REST: HTTP Basic, then Camunda authorizations.
        for (Endpoint engine : List.of(Endpoint.ENGINE_TASKS, Endpoint.ENGINE_CLAIM_AND_COMPLETE,
                Endpoint.ENGINE_DEPLOY, Endpoint.ENGINE_USERS, Endpoint.ENGINE_AUTHORIZATIONS,
                Endpoint.ENGINE_PROCESS_INSTANCES)) {
            rows.add(row(Role.ANONYMOUS, engine, 401));
        }
        rows.add(row(Role.OFFICER_A, Endpoint.ENGINE_TASKS, 200, body -> assertThat(body).isEmpty()));
        rows.add(row(Role.OFFICER_B, Endpoint.ENGINE_TASKS, 200, body -> assertThat(body).hasSize(1)
                .allSatisfy(task -> assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("investigate"))));
        rows.add(row(Role.MANAGER, Endpoint.ENGINE_TASKS, 200, body -> assertThat(body).hasSize(1)));
        rows.add(row(Role.PROCESS_OWNER, Endpoint.ENGINE_TASKS, 200, body -> assertThat(body).hasSize(1)));
        rows.add(row(Role.ADMIN, Endpoint.ENGINE_TASKS, 200, body -> assertThat(body).hasSize(1)));
        // Working a task: its candidate group; process owners and administrators hold ALL on definitions.
        rows.add(row(Role.OFFICER_A, Endpoint.ENGINE_CLAIM_AND_COMPLETE, 403));
        rows.add(row(Role.OFFICER_B, Endpoint.ENGINE_CLAIM_AND_COMPLETE, 204));
        rows.add(row(Role.MANAGER, Endpoint.ENGINE_CLAIM_AND_COMPLETE, 403));
        rows.add(row(Role.PROCESS_OWNER, Endpoint.ENGINE_CLAIM_AND_COMPLETE, 204));
        rows.add(row(Role.ADMIN, Endpoint.ENGINE_CLAIM_AND_COMPLETE, 204));
        for (Role role : staff) {
            rows.add(row(role, Endpoint.ENGINE_DEPLOY, role == Role.PROCESS_OWNER || role == Role.ADMIN ? 200 : 403));
        }
        // Users: everyone sees only themselves, administrators everyone.
        for (Role role : staff) {
            rows.add(row(role, Endpoint.ENGINE_USERS, 200, body -> {
                List<String> ids = body.findValuesAsText("id");
                if (role == Role.ADMIN) {
                    assertThat(ids).contains("anna", "bjorn", "admin");
                } else {
                    assertThat(ids).containsExactly(role.user);
                }
            }));
        }
        // Authorizations: only administrators read the groups' grants (others see at most grants on their own user).
        for (Role role : staff) {
            rows.add(row(role, Endpoint.ENGINE_AUTHORIZATIONS, 200, body -> {
                if (role == Role.ADMIN) {
                    assertThat(body.findValuesAsText("groupId")).contains("processOwners", "careOfficers");
                } else {
                    assertThat(body).allSatisfy(grant -> assertThat(grant.get("userId").asText()).isEqualTo(role.user));
                }
            }));
        }
        // Starting the case process from its start form: the groups its BPMN names, process owners, administrators.
        // Bound to an existing case (caseReference): refused for everyone who may start it at all (400).
        rows.add(row(Role.ANONYMOUS, Endpoint.ENGINE_START_FROM_FORM, 401));
        rows.add(row(Role.ANONYMOUS, Endpoint.ENGINE_START_BOUND_TO_CASE, 401));
        for (Role role : staff) {
            rows.add(row(role, Endpoint.ENGINE_START_FROM_FORM, role == Role.MANAGER ? 403 : 200));
            rows.add(row(role, Endpoint.ENGINE_START_BOUND_TO_CASE, role == Role.MANAGER ? 403 : 400));
        }
        // Redeploying from the file system: process owners.
        rows.add(row(Role.ANONYMOUS, Endpoint.ADMIN_REDEPLOY, 401));
        for (Role role : staff) {
            rows.add(row(role, Endpoint.ADMIN_REDEPLOY, role == Role.PROCESS_OWNER ? 200 : 403));
        }
        // Process instances: managers, process owners, administrators; officers work through tasks.
        for (Role role : staff) {
            boolean sees = role == Role.MANAGER || role == Role.PROCESS_OWNER || role == Role.ADMIN;
            rows.add(row(role, Endpoint.ENGINE_PROCESS_INSTANCES, 200, body -> assertThat(body).hasSize(sees ? 1 : 0)));
        }
        // Deviations (issue 17): every staff member reports; the unit's managers, quality, MAS (lex Maria only),
        // process owners and administrators read; an officer, also of the unit, neither reads nor sees the task.
        for (Role role : List.of(Role.ANONYMOUS, Role.CITIZEN)) {
            rows.add(row(role, Endpoint.REPORT_DEVIATION, 401));
            rows.add(row(role, Endpoint.READ_DEVIATION, 401));
            rows.add(row(role, Endpoint.ENGINE_DEVIATION_TASKS, 401));
        }
        for (Role role : staff) {
            boolean reads = role == Role.MANAGER || role == Role.PROCESS_OWNER || role == Role.ADMIN;
            rows.add(row(role, Endpoint.REPORT_DEVIATION, 201));
            rows.add(row(role, Endpoint.READ_DEVIATION, reads ? 200 : 403));
            rows.add(row(role, Endpoint.ENGINE_DEVIATION_TASKS, 200, body -> assertThat(body).hasSize(reads ? 1 : 0)));
        }
        // Contracts (issue 18): contract managers, process owners and administrators keep the register; a
        // committee's officers read their committee's contracts (bjorn: care), others none; the report is for all of
        // them; unit managers are not contract readers. The supplier's page answers 404 without a valid link.
        for (Role role : List.of(Role.ANONYMOUS, Role.CITIZEN)) {
            for (Endpoint contracts : List.of(Endpoint.CONTRACTS_LIST, Endpoint.CONTRACT_READ, Endpoint.CONTRACT_CREATE,
                    Endpoint.STRATEGIC_REPORT)) {
                rows.add(row(role, contracts, 401));
            }
        }
        for (Role role : Role.values()) {
            rows.add(row(role, Endpoint.SUPPLIER_PAGE_WRONG_TOKEN, 404));
        }
        for (Role role : List.of(Role.CONTRACT_MANAGER, Role.PROCESS_OWNER, Role.ADMIN)) {
            rows.add(row(role, Endpoint.CONTRACTS_LIST, 200));
            rows.add(row(role, Endpoint.CONTRACT_READ, 200));
            rows.add(row(role, Endpoint.CONTRACT_CREATE, 201));
            rows.add(row(role, Endpoint.STRATEGIC_REPORT, 200));
        }
        rows.add(row(Role.OFFICER_B, Endpoint.CONTRACT_READ, 200));
        rows.add(row(Role.OFFICER_A, Endpoint.CONTRACT_READ, 403));
        for (Role officer : List.of(Role.OFFICER_A, Role.OFFICER_B)) {
            rows.add(row(officer, Endpoint.CONTRACTS_LIST, 200));
            rows.add(row(officer, Endpoint.CONTRACT_CREATE, 403));
            rows.add(row(officer, Endpoint.STRATEGIC_REPORT, 200));
        }
        for (Endpoint contracts : List.of(Endpoint.CONTRACTS_LIST, Endpoint.CONTRACT_READ, Endpoint.CONTRACT_CREATE,
                Endpoint.STRATEGIC_REPORT)) {
            rows.add(row(Role.MANAGER, contracts, 403));
        }
        // Kvalitetspeng (issue 19): contract managers, process owners, administrators and units' officers import
        // results (each row is then checked against the provider's unit); unit managers and the public do not.
        for (Role role : List.of(Role.ANONYMOUS, Role.CITIZEN)) {
            rows.add(row(role, Endpoint.QUALITY_RESULTS_IMPORT, 401));
        }
        for (Role role : List.of(Role.CONTRACT_MANAGER, Role.PROCESS_OWNER, Role.ADMIN, Role.OFFICER_A,
                Role.OFFICER_B)) {
            rows.add(row(role, Endpoint.QUALITY_RESULTS_IMPORT, 200));
        }
        rows.add(row(Role.MANAGER, Endpoint.QUALITY_RESULTS_IMPORT, 403));
        rows.add(row(Role.COMMITTEE_DELEGATE, Endpoint.QUALITY_RESULTS_IMPORT, 403));
        // The period report: the same staff and the committee's delegates (who approve); not unit managers. The
        // comparison page of approved periods is public.
        for (Endpoint report : List.of(Endpoint.QUALITY_PERIOD_REPORT, Endpoint.QUALITY_PERIOD_REPORT_CSV)) {
            for (Role role : Role.values()) {
                boolean reads = role != Role.MANAGER && role != Role.AWARD_ADMIN && role != Role.JURY_MEMBER;
                int status = role.user == null ? 401 : reads ? 200 : 403;
                rows.add(row(role, report, status));
            }
        }
        for (Role role : Role.values()) {
            rows.add(row(role, Endpoint.COMPARISON_PAGE, 200));
        }
        // Statistics, the improvement view and the styrkort (issue 20): managers (their units), process owners,
        // administrators; insyn is public.
        for (Role role : Role.values()) {
            boolean reads = role == Role.MANAGER || role == Role.PROCESS_OWNER || role == Role.ADMIN;
            int status = role.user == null ? 401 : reads ? 200 : 403;
            rows.add(row(role, Endpoint.STATISTICS, status));
            rows.add(row(role, Endpoint.STATISTICS_CSV, status));
            rows.add(row(role, Endpoint.INSYN_API, 200));
            rows.add(row(role, Endpoint.INSYN_PAGE, 200));
            rows.add(row(role, Endpoint.IMPROVEMENT, status));
            rows.add(row(role, Endpoint.SCORECARD, status));
            // Kolada uploads and mappings: process owners and administrators only.
            boolean kolada = role == Role.PROCESS_OWNER || role == Role.ADMIN;
            rows.add(row(role, Endpoint.KOLADA_MAPPINGS, role.user == null ? 401 : kolada ? 200 : 403));
        }
        // Kvalitetsutmärkelse (issue 25): the call list, good examples and their JSON are public; award
        // administrators (and Camunda administrators) open calls (an empty body is then a 400, not a 403); the jury,
        // the chairs and the administrators read applications (an unknown one is then a 404).
        for (Role role : Role.values()) {
            rows.add(row(role, Endpoint.AWARD_CALLS_PAGE, 200));
            rows.add(row(role, Endpoint.GOOD_EXAMPLES_PAGE, 200));
            rows.add(row(role, Endpoint.GOOD_EXAMPLES_API, 200));
            boolean opens = role == Role.AWARD_ADMIN || role == Role.ADMIN;
            rows.add(row(role, Endpoint.OPEN_AWARD_CALL, role.user == null ? 401 : opens ? 400 : 403));
            boolean reads = opens || role == Role.JURY_MEMBER;
            rows.add(row(role, Endpoint.AWARD_APPLICATION_READ, role.user == null ? 401 : reads ? 404 : 403));
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("matrix")
    void eachRoleGetsTheDesignedAnswer(Role role, Endpoint endpoint, int status, Consumer<JsonNode> content)
            throws Exception {
        TestRestTemplate client = role.user == null ? http : http.withBasicAuth(role.user, role.password);

        ResponseEntity<String> response = call(role, client, endpoint);

        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        if (content != null) {
            content.accept(json.readTree(response.getBody()));
        }
    }

    private ResponseEntity<String> call(Role role, TestRestTemplate client, Endpoint endpoint) throws Exception {
        return switch (endpoint) {
            case SUBMIT_CASE -> submit(client);
            case CATEGORIES -> client.getForEntity("/api/categories", String.class);
            case READ_CASE -> client.getForEntity(uri("/api/cases/" + reference + "?" + statusUrl.split("\\?")[1]),
                    String.class);
            case STATUS_PAGE_RIGHT_TOKEN -> client.getForEntity(uri(statusUrl), String.class);
            case STATUS_PAGE_WRONG_TOKEN -> client.getForEntity(uri("/arende/" + reference + "?token=AAAA"), String.class);
            case CAUGHT_MAIL -> client.getForEntity("/admin/mail", String.class);
            case HEALTH -> client.getForEntity("/actuator/health", String.class);
            case METRICS -> client.getForEntity("/actuator/metrics", String.class);
            case ENGINE_TASKS -> client.getForEntity(uri("/engine-rest/task?processInstanceBusinessKey=" + reference
                    + "&maxResults=10"), String.class);
            case ENGINE_CLAIM_AND_COMPLETE -> claimAndComplete(role, client);
            case ENGINE_DEPLOY -> deploy(client);
            case ENGINE_USERS -> client.getForEntity(uri("/engine-rest/user?maxResults=10"), String.class);
            // Filtered to the two groups the row looks for: unfiltered, the grants are many (every group, user and
            // task adds some) and their ids random, so any page of them could leave those two out.
            case ENGINE_AUTHORIZATIONS -> client.getForEntity(uri(
                    "/engine-rest/authorization?groupIdIn=processOwners,careOfficers&maxResults=200"), String.class);
            case ENGINE_PROCESS_INSTANCES -> client.getForEntity(uri("/engine-rest/process-instance?businessKey="
                    + reference + "&maxResults=10"), String.class);
            case ENGINE_START_FROM_FORM -> client.postForEntity("/engine-rest/process-definition/key/caseHandling/start",
                    jsonEntity(json.writeValueAsString(Map.of("variables", EngineClient.letterFormFields()))),
                    String.class);
            case ENGINE_START_BOUND_TO_CASE -> startBoundToTheCase(client);
            case ADMIN_REDEPLOY -> client.postForEntity("/api/admin/deployments", null, String.class);
            case REPORT_DEVIATION -> reportDeviation(client);
            case READ_DEVIATION -> client.getForEntity("/api/deviations/" + deviationReference, String.class);
            case ENGINE_DEVIATION_TASKS -> client.getForEntity(uri("/engine-rest/task?processInstanceBusinessKey="
                    + deviationReference + "&maxResults=10"), String.class);
            case OPEN311_SERVICES -> client.getForEntity("/open311/v2/services.json", String.class);
            case OPEN311_REQUESTS -> client.getForEntity("/open311/v2/requests.xml", String.class);
            case OPEN311_POST_WITHOUT_KEY -> client.postForEntity("/open311/v2/requests.json",
                    formEntity("service_code=LITTER&lat=59.8&long=17.6&description=Skr%C3%A4p"), String.class);
            case OPEN311_KEYS_LIST -> client.getForEntity("/api/admin/open311-keys", String.class);
            case OPEN311_KEY_CREATE -> client.postForEntity("/api/admin/open311-keys",
                    jsonEntity("{\"name\":\"Matrisappen\"}"), String.class);
            case CONTRACTS_LIST -> client.getForEntity("/api/contracts?committee=vardOmsorgNamnd", String.class);
            case CONTRACT_READ -> client.getForEntity("/api/contracts/" + contractNumber, String.class);
            case CONTRACT_CREATE -> createContract(client);
            case STRATEGIC_REPORT -> client.exchange("/api/reports/strategic-contracts?year=2026", HttpMethod.GET,
                    accept(MediaType.TEXT_HTML), String.class);
            case SUPPLIER_PAGE_WRONG_TOKEN -> client.getForEntity("/handlingsplan/1?token=1.AAAA", String.class);
            case QUALITY_RESULTS_IMPORT -> client.exchange("/api/quality-payment/results/import", HttpMethod.POST,
                    new HttpEntity<>("provider;contractNumber;period;indicator;value;performedHours;source\n",
                            contentType(MediaType.parseMediaType("text/csv"))), String.class);
            case OPEN311_KEY_REVOKE -> client.exchange("/api/admin/open311-keys/" + keyToRevoke(), HttpMethod.DELETE,
                    null, String.class);
            case ANSWER_TEMPLATES_READ -> client.getForEntity("/api/answer-templates", String.class);
            case ANSWER_TEMPLATES_WRITE -> client.postForEntity("/api/answer-templates", jsonEntity("""
                    {"category":"OTHER","step":"FEEDBACK","title":"Matrisens mall","textSv":"Tack.","textEn":"Thanks.",
                     "active":false}"""), String.class);
            case SURVEY_STATISTICS -> client.getForEntity("/api/survey-statistics?from=2026-01-01&to=2027-01-01",
                    String.class);
            case ANSWER_TEMPLATES_PAGE -> client.getForEntity("/svarsmallar", String.class);
            case SURVEY_API_UNKNOWN_TOKEN -> client.getForEntity("/api/surveys/" + "A".repeat(43), String.class);
            case SURVEY_PAGE_UNKNOWN_TOKEN -> client.getForEntity("/enkat/" + "A".repeat(43), String.class);
            case STATISTICS -> client.getForEntity("/api/statistics?from=2026-01-01&to=2026-12-31", String.class);
            case STATISTICS_CSV -> client.getForEntity("/api/statistics.csv?from=2026-01-01&to=2026-12-31",
                    String.class);
            case INSYN_API -> client.getForEntity("/api/insyn?from=2026-01-01&to=2026-12-31", String.class);
            case INSYN_PAGE -> client.getForEntity("/insyn", String.class);
            case QUALITY_PERIOD_REPORT -> client.getForEntity(QUALITY_PERIOD + "/report", String.class);
            case QUALITY_PERIOD_REPORT_CSV -> client.getForEntity(QUALITY_PERIOD + "/report.csv", String.class);
            case COMPARISON_PAGE -> client.getForEntity("/jamfor", String.class);
            case IMPROVEMENT -> client.getForEntity("/api/improvement?from=2026-01-01&to=2026-12-31", String.class);
            case SCORECARD -> client.getForEntity("/api/scorecards?unit=care&year=2026", String.class);
            case KOLADA_MAPPINGS -> client.getForEntity("/api/kolada/mappings", String.class);
            case AWARD_CALLS_PAGE -> client.getForEntity("/utmarkelser", String.class);
            case GOOD_EXAMPLES_PAGE -> client.getForEntity("/goda-exempel", String.class);
            case GOOD_EXAMPLES_API -> client.getForEntity("/api/goda-exempel", String.class);
            case OPEN_AWARD_CALL -> client.postForEntity("/api/awards/calls", jsonEntity("{}"), String.class);
            case AWARD_APPLICATION_READ -> client.getForEntity("/utmarkelser/ansokningar/UTA-1999-000001",
                    String.class);
        };
    }

    /** The takeover of issue 15: a start that would take the "already registered" path into the matrix's case. */
    private ResponseEntity<String> startBoundToTheCase(TestRestTemplate client) throws Exception {
        String unitBefore = jdbc.queryForObject("select candidate_group from app.citizen_case where reference = ?",
                String.class, reference);
        ResponseEntity<String> response = client.postForEntity("/engine-rest/process-definition/key/caseHandling/start",
                jsonEntity(json.writeValueAsString(Map.of("variables", EngineClient.variables("caseReference", reference,
                        "category", "STREETS_PARKS", "caseSummary", "Övertaget")))), String.class);
        assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals("caseReference", reference).count())
                .as("only the intake's instance works on the case").isOne();
        assertThat(jdbc.queryForObject("select candidate_group from app.citizen_case where reference = ?",
                String.class, reference)).isEqualTo(unitBefore);
        return response;
    }

    /** A fresh case per row, so that each role meets an unclaimed task; claim, then complete. */
    private ResponseEntity<String> claimAndComplete(Role role, TestRestTemplate client) throws Exception {
        String ownReference = json.readTree(submit(http).getBody()).get("reference").asText();
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(ownReference).singleResult().getId();
        String user = role.user == null ? "anonymous" : role.user;
        ResponseEntity<String> claimed = client.postForEntity("/engine-rest/task/" + taskId + "/claim",
                jsonEntity("{\"userId\":\"" + user + "\"}"), String.class);
        if (!claimed.getStatusCode().is2xxSuccessful()) {
            // Refused: completing the task (unclaimed) must be refused the same way.
            ResponseEntity<String> completed = client.postForEntity("/engine-rest/task/" + taskId + "/complete",
                    jsonEntity("{}"), String.class);
            assertThat(completed.getStatusCode()).isEqualTo(claimed.getStatusCode());
            assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
            return claimed;
        }
        ResponseEntity<String> completed = client.postForEntity("/engine-rest/task/" + taskId + "/complete",
                jsonEntity("""
                        {"variables":{"findings":{"value":"Utrett."},"investigationOutcome":{"value":"continue"}}}"""),
                String.class);
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
        return completed;
    }

    private ResponseEntity<String> deploy(TestRestTemplate client) throws Exception {
        ResponseEntity<String> response = EngineModels.deployThroughRest(client, "matrixProbe",
                EngineModels.process("matrixProbe", "<task id=\"probe\"/>"));
        if (response.getStatusCode().is2xxSuccessful()) {
            repositoryService.deleteDeployment(json.readTree(response.getBody()).get("id").asText(), true);
        }
        return response;
    }

    private ResponseEntity<String> reportDeviation(TestRestTemplate client) {
        return client.exchange("/api/deviations", HttpMethod.POST, jsonEntity("""
                {"area":"ELDERLY_CARE","unit":"care","occurredAt":"2026-01-05T09:00:00+01:00","place":"Avd. 1",
                 "description":"Matrisens avvikelse."}"""), String.class);
    }

    private ResponseEntity<String> createContract(TestRestTemplate client) {
        return client.exchange("/api/contracts", HttpMethod.POST, jsonEntity("""
                {"number":"MATRIS-%s","title":"Matrisens hemtjänst","supplier":"Omsorg AB",
                 "organisationNumber":"556016-0680","area":"HOME_CARE","committee":"vardOmsorgNamnd","strategic":true,
                 "start":"2026-01-01","end":"2027-12-31","contactEmail":"avtal@omsorg.example",
                 "contractManager":"klara","followUpInterval":"P6M"}""".formatted(java.util.UUID.randomUUID().toString().substring(0, 8))),
                String.class);
    }

    private static HttpHeaders contentType(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(type);
        return headers;
    }

    private static HttpEntity<Void> accept(MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(type));
        return new HttpEntity<>(headers);
    }

    private ResponseEntity<String> submit(TestRestTemplate client) {
        return client.exchange("/api/cases", HttpMethod.POST, jsonEntity(CARE_COMPLAINT), String.class);
    }

    /** A fresh key per row, created by the administrator, so that each role meets an active one. */
    private long keyToRevoke() throws Exception {
        return json.readTree(http.withBasicAuth(Role.ADMIN.user, Role.ADMIN.password).postForEntity(
                "/api/admin/open311-keys", jsonEntity("{\"name\":\"Återkallas\"}"), String.class).getBody())
                .get("id").asLong();
    }

    private static HttpEntity<String> formEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return new HttpEntity<>(body, headers);
    }

    private URI uri(String pathAndQuery) {
        return URI.create(http.getRootUri() + pathAndQuery);
    }

    private static HttpEntity<String> jsonEntity(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private static Arguments row(Role role, Endpoint endpoint, int status) {
        return arguments(role, endpoint, status, null);
    }

    private static Arguments row(Role role, Endpoint endpoint, int status, Consumer<JsonNode> content) {
        return arguments(role, endpoint, status, content);
    }
}
