package se.kommun.kvalitet.webapp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotAllowedException;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webapps as the server delivers them: our config.js and user-styles.css, not the webjar's, for every app
 * (Swedish first; no Camunda 8 banner; no "create task" in Tasklist), and an engine that refuses standalone tasks
 * however they are asked for.
 */
@KvalitetIntegrationTest
class WebappOverridesTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService taskService;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyAppGetsOurConfigAndStyles(String app) throws IOException {
        String config = served("/camunda/app/" + app + "/scripts/config.js?bust=7.24.0");
        String styles = served("/camunda/app/" + app + "/styles/user-styles.css?bust=7.24.0");

        assertThat(config).isEqualTo(ours(app + "/scripts/config.js")).contains("fallbackLocale: 'sv'");
        assertThat(styles).isEqualTo(ours(app + "/styles/user-styles.css"))
                .contains("[cam-widget-header] .ce-eol-banner {\n  display: none;\n}");
    }

    /** One sign-out script for every app; with local passwords the server names no single sign-out, so it stays idle. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyAppLoadsTheSignOutScriptWhichStaysIdleWithLocalPasswords(String app) {
        assertThat(served("/camunda/app/" + app + "/scripts/config.js")).contains("customScripts: ['kvalitet/sign-out'");
        ResponseEntity<String> script = http.getForEntity("/camunda/app/" + app + "/kvalitet/sign-out.js?bust=7.24.0",
                String.class);
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(script.getHeaders().getContentType()).hasToString("text/javascript");
        assertThat(script.getBody()).contains("fetch('/session/sign-out'", "li.logout a");

        ResponseEntity<String> signOut = http.getForEntity("/session/sign-out", String.class);
        assertThat(signOut.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void tasklistLoadsTheAnswerTemplateScript() {
        assertThat(served("/camunda/app/tasklist/scripts/config.js")).contains("'kvalitet/answer-templates'");
        assertThat(served("/camunda/app/tasklist/kvalitet/answer-templates.js")).contains("feedbackTemplateChoices");
        assertThat(served("/camunda/app/cockpit/scripts/config.js")).doesNotContain("answer-templates");
    }

    @Test
    void tasklistStylesHideTheCreateTaskButton() {
        assertThat(served("/camunda/app/tasklist/styles/user-styles.css"))
                .contains("[cam-widget-header] .sections-menu > ul > li.create-task-action {\n  display: none;\n}");
        assertThat(served("/camunda/app/cockpit/styles/user-styles.css")).doesNotContain("create-task-action");
    }

    @Test
    void theEngineRefusesAStandaloneTask() {
        long tasks = taskService.createTaskQuery().count();
        Task task = taskService.newTask();
        task.setName("Ring tillbaka");

        assertThatThrownBy(() -> taskService.saveTask(task)).isInstanceOf(NotAllowedException.class)
                .hasMessageContaining("standalone task");
        assertThat(taskService.createTaskQuery().count()).isEqualTo(tasks);
    }

    /** An administrator may create tasks (Camunda's CREATE on Task), so the answer is the switch's own: 400. */
    @Test
    void engineRestRefusesAStandaloneTaskEvenToAnAdministrator() {
        long tasks = taskService.createTaskQuery().count();

        ResponseEntity<String> created = createTaskAs("admin", "Lokal-Start-2026!");

        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(created.getBody()).contains("standalone task");
        assertThat(taskService.createTaskQuery().count()).isEqualTo(tasks);
    }

    /** Officers lack CREATE on Task anyway; whichever check answers first, it is a refusal and nothing is stored. */
    @Test
    void anOfficerCannotCreateAStandaloneTask() {
        long tasks = taskService.createTaskQuery().count();

        ResponseEntity<String> created = createTaskAs("anna", "Demo-Kvalitet-2026!");

        // Not a 409: no task was "changed by someone else" (web.EngineRestConflicts once read "create" as a task id).
        assertThat(created.getStatusCode()).as(created.getBody()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.FORBIDDEN);
        assertThat(taskService.createTaskQuery().count()).isEqualTo(tasks);
    }

    private ResponseEntity<String> createTaskAs(String user, String password) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, password).postForEntity("/engine-rest/task/create",
                new HttpEntity<>("{\"name\":\"Ring tillbaka\"}", headers), String.class);
    }

    private String served(String path) {
        ResponseEntity<String> response = http.getForEntity(path, String.class);
        assertThat(response.getStatusCode().is2xxSuccessful()).as(path + ": " + response.getStatusCode()).isTrue();
        return response.getBody();
    }

    private static String ours(String file) throws IOException {
        try (InputStream in = WebappOverridesTest.class.getResourceAsStream("/camunda-webapp-overrides/app/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
