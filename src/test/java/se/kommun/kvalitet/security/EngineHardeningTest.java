package se.kommun.kvalitet.security;

import java.net.URI;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
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
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The engine's own defences, proven on the running application rather than assumed from its defaults. */
@KvalitetIntegrationTest
class EngineHardeningTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Lokal-Start-2026!";
    static final String DEMO_PASSWORD = "Demo-Kvalitet-2026!";

    /** Reads a file of the server into the model; a parser that resolves it would show it in errors or Cockpit. */
    static final String XXE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE definitions [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://kvalitet.test">
              <process id="xxeProbe" name="&xxe;" isExecutable="true" camunda:historyTimeToLive="1">
                <startEvent id="start"/>
              </process>
            </definitions>
            """;

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ProcessEngineConfiguration configuration;

    @Test
    void aDoctypeWithAnExternalEntityIsRefusedThroughTheEngineRestApi() {
        long before = repositoryService.createDeploymentQuery().count();

        ResponseEntity<String> response = EngineModels.deployThroughRest(http.withBasicAuth(ADMIN, ADMIN_PASSWORD),
                "xxeProbe", XXE);

        // Camunda maps its parse refusal to 500 (a ProcessEngineException), not 400; what matters is the refusal.
        assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(400, 500);
        assertThat(response.getBody()).contains("DOCTYPE is disallowed").doesNotContain("root:", "/bin/");
        assertNoInternals(response.getBody());
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("xxeProbe").count()).isZero();
    }

    @Test
    void aDoctypeIsRefusedThroughTheJavaApiAndXxeProcessingIsOff() {
        assertThat(((ProcessEngineConfigurationImpl) configuration).isEnableXxeProcessing()).isFalse();

        assertThatExceptionOfType(ProcessEngineException.class)
                .isThrownBy(() -> repositoryService.createDeployment().addString("xxe.bpmn", XXE).deploy())
                .withMessageNotContaining("root:");
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("xxeProbe").count()).isZero();
    }

    static Stream<Arguments> refusedQueries() {
        return Stream.of(
                arguments("expression in an ad-hoc task query", "anna",
                        "/engine-rest/task?dueAfterExpression=%24%7BcurrentUser()%7D", 400),
                arguments("method call in an ad-hoc query expression", "anna",
                        "/engine-rest/task?assigneeExpression=%24%7B%22%22.getClass().forName(%22java.lang.Runtime%22)%7D",
                        400),
                arguments("unbounded page of tasks", "anna", "/engine-rest/task?maxResults=1000000", 400),
                arguments("unbounded page of history", "maria",
                        "/engine-rest/history/process-instance?maxResults=1000000", 400),
                arguments("expression even for the administrator", ADMIN,
                        "/engine-rest/task?followUpBeforeExpression=%24%7Bnow()%7D", 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedQueries")
    void refusesDangerousOrUnboundedQueries(String name, String user, String pathAndQuery, int status) {
        ResponseEntity<String> response = getAs(user, pathAndQuery);

        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertNoInternals(response.getBody());
    }

    @Test
    void sqlMetaCharactersInAFilterAreMatchedAsTextNotExecuted() {
        ResponseEntity<String> response = getAs("bjorn",
                "/engine-rest/task?processInstanceBusinessKeyLike=%27%20OR%201%3D1%20--&maxResults=5");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).isEqualTo("[]");
    }

    static Stream<Arguments> errorResponses() {
        return Stream.of(
                arguments("engine REST: unknown task", HttpMethod.GET, "/engine-rest/task/no-such-task", "anna", null),
                arguments("engine REST: unknown process to start", HttpMethod.POST,
                        "/engine-rest/process-definition/key/noSuchProcess/start", "anna", "{}"),
                arguments("engine REST: malformed JSON", HttpMethod.POST,
                        "/engine-rest/process-definition/key/noSuchProcess/start", "anna", "{\"variables\":"),
                arguments("engine REST: bad sort field", HttpMethod.GET,
                        "/engine-rest/task?sortBy=%27%3B%20drop%20table%20act_ru_task%3B--&sortOrder=asc", "anna", null),
                arguments("engine REST: wrong password", HttpMethod.GET, "/engine-rest/task?maxResults=1", "nobody",
                        null),
                arguments("our API: malformed JSON", HttpMethod.POST, "/api/cases", null, "{\"type\":"),
                arguments("our API: unknown case", HttpMethod.GET, "/api/cases/SYN-1999-000001", "bjorn", null),
                arguments("our pages: unknown page", HttpMethod.GET, "/finns-inte", null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorResponses")
    void errorBodiesCarryNoStackTraceOrSql(String name, HttpMethod method, String pathAndQuery, String user,
            String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http
                : http.withBasicAuth(user, ADMIN.equals(user) ? ADMIN_PASSWORD : DEMO_PASSWORD);

        ResponseEntity<String> response = client.exchange(URI.create(http.getRootUri() + pathAndQuery), method,
                new HttpEntity<>(body, headers), String.class);

        assertThat(response.getStatusCode().is4xxClientError()).as(response.getBody()).isTrue();
        assertNoInternals(response.getBody());
    }

    private ResponseEntity<String> getAs(String user, String pathAndQuery) {
        return http.withBasicAuth(user, ADMIN.equals(user) ? ADMIN_PASSWORD : DEMO_PASSWORD)
                .getForEntity(URI.create(http.getRootUri() + pathAndQuery), String.class);
    }

    static void assertNoInternals(String body) {
        if (body == null) {
            return;
        }
        assertThat(body).doesNotContain("\tat ", "at org.", "at java.", "at se.kommun", "Caused by",
                "SQLException", "PSQLException", "### Error", "ACT_RU_", "select ", "SELECT ");
    }
}
