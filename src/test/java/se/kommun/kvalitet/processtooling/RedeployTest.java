package se.kommun.kvalitet.processtooling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.security.StartPermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Redeploy from the file system: same duplicate filtering as a restart, all files together, refusals named. */
@KvalitetIntegrationTest
class RedeployTest {

    static final String PASSWORD = "Demo-Kvalitet-2026!";

    @Autowired
    ProcessRedeployment redeployment;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Autowired
    TestRestTemplate http;

    @Autowired
    StartPermissions startPermissions;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    ObjectMapper json;

    @Test
    void unchangedFilesDeployNothingBecauseTheyMatchTheStartupDeployment() {
        int versionBefore = latestCaseHandlingVersion();

        ProcessRedeployment.Result result = redeployment.redeploy();

        assertThat(result.deployed()).isFalse();
        assertThat(result.resources()).contains("processes/case-handling.bpmn", "processes/case-routing.dmn",
                "forms/investigate-case.form");
        assertThat(latestCaseHandlingVersion()).isEqualTo(versionBefore);
        assertThat(repositoryService.createDeploymentQuery().deploymentId(result.deploymentId()).singleResult()
                .getName()).isEqualTo("SpringAutoDeployment");
    }

    @Test
    void oneChangedFileDeploysEveryFileTogether(@TempDir Path copy) throws IOException {
        ProcessRedeployment fromCopy = redeploymentOf(copyOfProcessesAndForms(copy));
        Path bpmn = copy.resolve("processes/case-handling.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace("name=\"Synpunkt och felanmälan\"",
                "name=\"Synpunkt och felanmälan (ändrad)\""));
        int versionBefore = latestCaseHandlingVersion();

        ProcessRedeployment.Result result = fromCopy.redeploy();
        try {
            assertThat(result.deployed()).isTrue();
            // Every process in processes/ is in the one deployment, the unchanged ones as new versions too.
            assertThat(result.processDefinitions())
                    .contains(new ProcessRedeployment.DefinitionVersion("caseHandling", versionBefore + 1))
                    .extracting(ProcessRedeployment.DefinitionVersion::key)
                    .containsExactlyInAnyOrderElementsOf(processKeysIn(copy.resolve("processes")));
            // The forms travel with the process (formRefBinding="deployment").
            assertThat(repositoryService.getDeploymentResources(result.deploymentId())).map(Resource::getName)
                    .containsExactlyInAnyOrderElementsOf(result.resources())
                    .contains("forms/investigate-case.form", "processes/case-routing.dmn");

            assertThat(fromCopy.redeploy().deployed()).as("second redeploy of the same files").isFalse();
        } finally {
            repositoryService.deleteDeployment(result.deploymentId(), true);
        }
    }

    @Test
    void theRedeployedBpmnDecidesWhoMayStartIt(@TempDir Path copy) throws IOException {
        ProcessRedeployment fromCopy = redeploymentOf(copyOfProcessesAndForms(copy));
        Path bpmn = copy.resolve("processes/case-handling.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace(
                "camunda:candidateStarterGroups=\"streetsOfficers,careOfficers,educationOfficers,serviceOfficers\"",
                "camunda:candidateStarterGroups=\"streetsOfficers,careOfficers,educationOfficers\""));
        assertThat(mayStartCaseHandling("serviceOfficers")).isTrue();

        ProcessRedeployment.Result result = fromCopy.redeploy();
        try {
            assertThat(result.deployed()).isTrue();
            assertThat(mayStartCaseHandling("serviceOfficers")).as("taken back by the new version").isFalse();
            assertThat(mayStartCaseHandling("careOfficers")).isTrue();
        } finally {
            repositoryService.deleteDeployment(result.deploymentId(), true);
            startPermissions.synchronise();
        }
        assertThat(mayStartCaseHandling("serviceOfficers")).as("back with the version in force again").isTrue();
    }

    @Test
    void aFileTheEngineCannotParseIsRefusedWithFileAndElement(@TempDir Path copy) throws IOException {
        ProcessRedeployment fromCopy = redeploymentOf(copyOfProcessesAndForms(copy));
        Files.copy(new ClassPathResource("processtooling/broken.bpmn").getInputStream(),
                copy.resolve("processes/case-handling.bpmn"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();

        assertThatThrownBy(fromCopy::redeploy).isInstanceOfSatisfying(DeploymentRefusedException.class,
                refused -> assertThat(refused.errors()).anySatisfy(error -> {
                    assertThat(error.resource()).isEqualTo("processes/case-handling.bpmn");
                    assertThat(error.element()).isEqualTo("doWork");
                    assertThat(error.message()).isNotBlank();
                }));
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    @Test
    void aRoutingRuleToAGroupTheOrganisationDoesNotHaveIsRefusedNamingIt(@TempDir Path copy) throws IOException {
        ProcessRedeployment fromCopy = redeploymentOf(copyOfProcessesAndForms(copy));
        replaceIn(copy.resolve("processes/case-routing.dmn"),
                "<outputEntry id=\"ruleCareGroup\"><text>\"careOfficers\"</text>",
                "<outputEntry id=\"ruleCareGroup\"><text>\"careOficers\"</text>");
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();

        assertThatThrownBy(fromCopy::redeploy).isInstanceOfSatisfying(DeploymentRefusedException.class,
                refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                    assertThat(error.resource()).isEqualTo("processes/case-routing.dmn");
                    assertThat(error.element()).isEqualTo("ruleCare");
                    assertThat(error.message()).contains("'careOficers'", "output candidateGroup",
                            "finns inte i organisationen");
                }));
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    @Test
    void aTaskForAGroupTheOrganisationDoesNotHaveIsRefusedNamingIt(@TempDir Path copy) throws IOException {
        ProcessRedeployment fromCopy = redeploymentOf(copyOfProcessesAndForms(copy));
        replaceIn(copy.resolve("processes/case-handling.bpmn"),
                "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"${candidateGroup}\">",
                "camunda:formRefBinding=\"deployment\" camunda:candidateGroups=\"praiseReaders\">");
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();

        assertThatThrownBy(fromCopy::redeploy).isInstanceOfSatisfying(DeploymentRefusedException.class,
                refused -> assertThat(refused.errors()).singleElement().satisfies(error -> {
                    assertThat(error.resource()).isEqualTo("processes/case-handling.bpmn");
                    assertThat(error.element()).isEqualTo("readPraise");
                    assertThat(error.line()).isPositive();
                    assertThat(error.message()).contains("'praiseReaders'", "camunda:candidateGroups");
                }));
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    @Test
    void processOwnerMayRedeploy() throws IOException {
        ResponseEntity<String> response = http.withBasicAuth("per", PASSWORD)
                .postForEntity("/api/admin/deployments", null, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.get("deployed").asBoolean()).isFalse();
        assertThat(body.get("deploymentId").asText()).isNotBlank();
        assertThat(body.get("resources")).isNotEmpty();
        assertThat(body.get("processDefinitions").get(0).get("key").asText()).isEqualTo("caseHandling");
    }

    @Test
    void anonymousCallersAreAskedToLogIn() {
        assertThat(http.postForEntity("/api/admin/deployments", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void officersMayNotRedeploy() {
        assertThat(http.withBasicAuth("anna", PASSWORD).postForEntity("/api/admin/deployments", null, String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ProcessRedeployment redeploymentOf(Path root) {
        return new ProcessRedeployment(repositoryService, new ProcessToolingProperties(root.resolve("processes"),
                root.resolve("forms"), false, Duration.ofSeconds(3)), engineConfiguration, startPermissions);
    }

    private static void replaceIn(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file);
        assertThat(content).contains(text);
        Files.writeString(file, content.replace(text, replacement));
    }

    private static Path copyOfProcessesAndForms(Path target) throws IOException {
        for (String directory : new String[] {"processes", "forms"}) {
            Files.createDirectories(target.resolve(directory));
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(directory).resolve(file.getFileName()));
                }
            }
        }
        return target;
    }

    private boolean mayStartCaseHandling(String group) {
        return authorizationService.createAuthorizationQuery().groupIdIn(group)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId("caseHandling").list().stream()
                .anyMatch(grant -> grant.isPermissionGranted(Permissions.CREATE_INSTANCE));
    }

    private int latestCaseHandlingVersion() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("caseHandling").latestVersion()
                .singleResult().getVersion();
    }

    private static List<String> processKeysIn(Path processes) throws IOException {
        try (Stream<Path> files = Files.list(processes)) {
            return files.filter(file -> file.toString().endsWith(".bpmn"))
                    .flatMap(file -> Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(Process.class).stream())
                    .map(Process::getId).toList();
        }
    }
}
