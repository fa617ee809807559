package se.kommun.kvalitet.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@KvalitetIntegrationTest
class FoundationTest {

    static final String OFFICER = "anna";
    static final String DEMO_PASSWORD = "Demo-Kvalitet-2026!";

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyFileInProcessesAndFormsIsDeployed() throws IOException {
        Set<String> files = filesIn(Path.of("processes"), Path.of("forms"));
        assertThat(files).as("files in processes/ and forms/").isNotEmpty();

        Set<String> deployed = repositoryService.createDeploymentQuery().list().stream()
                .flatMap(deployment -> repositoryService.getDeploymentResources(deployment.getId()).stream())
                .map(Resource::getName)
                .map(name -> Path.of(name).getFileName().toString())
                .collect(Collectors.toSet());
        assertThat(deployed).containsAll(files);
    }

    @Test
    void engineRestRefusesAnonymousCallers() {
        ResponseEntity<String> response = http.getForEntity("/engine-rest/process-definition", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void engineRestAnswersAnAuthenticatedOfficer() {
        // queryMaxResultsLimit refuses unbounded lists, so clients page (as Tasklist and Cockpit do).
        ResponseEntity<String> response = http.withBasicAuth(OFFICER, DEMO_PASSWORD)
                .getForEntity("/engine-rest/process-definition?maxResults=100", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void engineRestRefusesWrongPassword() {
        // Not a real user: no account's failed-login count changes.
        ResponseEntity<String> response = http.withBasicAuth("nobody", "wrong")
                .getForEntity("/engine-rest/process-definition?maxResults=100", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void tasklistAndCockpitPagesAnswer() {
        for (String app : List.of("tasklist", "cockpit", "admin")) {
            ResponseEntity<String> response = http.getForEntity("/camunda/app/" + app + "/default/", String.class);

            assertThat(response.getStatusCode()).as(app).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as(app).contains("<html");
        }
    }

    @Test
    void startPageIsSwedishAndLinksThePublicParts() {
        String page = http.getForObject("/", String.class);

        assertThat(page).contains("lang=\"sv\"", "/rapportera", "/arende", "/camunda/app/tasklist/",
                "/camunda/app/cockpit/");
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreNot() {
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"UP\"");
        assertThat(http.getForEntity("/actuator/metrics", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(OFFICER, DEMO_PASSWORD).getForEntity("/actuator/metrics", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void caughtMailIsShownToAdminsOnly() {
        assertThat(http.getForEntity("/admin/mail", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth(OFFICER, DEMO_PASSWORD).getForEntity("/admin/mail", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("admin", "Lokal-Start-2026!").getForEntity("/admin/mail", String.class)
                .getBody()).contains("Fångad e-post");
    }

    @Test
    void errorResponsesCarryNoStackTrace() {
        ResponseEntity<String> response = http.withBasicAuth(OFFICER, DEMO_PASSWORD)
                .getForEntity("/no-such-page", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(String.valueOf(response.getBody())).doesNotContain("Exception", "at se.", "at org.", "trace");
    }

    private static Set<String> filesIn(Path... directories) throws IOException {
        Set<String> names = new java.util.HashSet<>();
        for (Path directory : directories) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).forEach(names::add);
            }
        }
        return names;
    }
}
