package se.kommun.kvalitet.security;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may start a process is what its BPMN says (candidateStarterGroups), not a grant on every definition. */
@KvalitetIntegrationTest
class StartPermissionsTest {

    private static final String PROBE = "startPermissionProbe";

    @Autowired
    StartPermissions startPermissions;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    AuthorizationService authorizationService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Test
    void officersMayStartTheCaseProcessAndNothingElse() throws Exception {
        for (String unit : new String[] {"streetsOfficers", "careOfficers", "educationOfficers", "serviceOfficers"}) {
            assertThat(mayStart(unit, "caseHandling")).as(unit).isTrue();
            assertThat(mayStart(unit, Authorization.ANY)).as(unit + " on every definition").isFalse();
        }
        assertThat(mayStart("streetsManagers", "caseHandling")).isFalse();
        assertThat(startableInTasklist("anna")).contains("caseHandling");
        assertThat(startableInTasklist("maria")).doesNotContain("caseHandling");
    }

    @Test
    void theLatestVersionsStarterGroupsDecideAndANewVersionTakesThemBack() {
        String first = deploy("careOfficers");
        String second = null;
        try {
            startPermissions.synchronise();
            assertThat(mayStart("careOfficers", PROBE)).isTrue();
            assertThat(mayStart("streetsOfficers", PROBE)).isFalse();
            assertThat(start("anna")).isEqualTo(403);
            assertThat(start("bjorn")).isEqualTo(200);

            second = deploy("streetsOfficers");
            startPermissions.synchronise();

            assertThat(mayStart("careOfficers", PROBE)).isFalse();
            assertThat(mayStart("streetsOfficers", PROBE)).isTrue();
            assertThat(start("bjorn")).isEqualTo(403);
            assertThat(start("anna")).isEqualTo(200);
        } finally {
            for (String deployment : new String[] {first, second}) {
                if (deployment != null) {
                    repositoryService.deleteDeployment(deployment, true);
                }
            }
            authorizationService.createAuthorizationQuery().resourceType(Resources.PROCESS_DEFINITION)
                    .resourceId(PROBE).list().forEach(grant -> authorizationService.deleteAuthorization(grant.getId()));
        }
    }

    private String deploy(String starters) {
        String bpmn = EngineModels.process(PROBE, "<userTask id=\"probe\" name=\"Prov\"/>")
                .replace("isExecutable=\"true\"", "isExecutable=\"true\" camunda:candidateStarterGroups=\"" + starters
                        + "\"");
        return repositoryService.createDeployment().name(PROBE).addString(PROBE + ".bpmn", bpmn).deploy().getId();
    }

    private int start(String user) {
        return EngineClient.as(http, user).post("/engine-rest/process-definition/key/" + PROBE + "/start", Map.of())
                .getStatusCode().value();
    }

    private boolean mayStart(String group, String key) {
        return authorizationService.createAuthorizationQuery().groupIdIn(group).resourceType(Resources.PROCESS_DEFINITION)
                .resourceId(key).list().stream()
                .anyMatch(grant -> grant.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT
                        && grant.isPermissionGranted(Permissions.CREATE_INSTANCE));
    }

    private java.util.List<String> startableInTasklist(String user) throws Exception {
        JsonNode definitions = json.readTree(EngineClient.as(http, user).get("/engine-rest/process-definition"
                + "?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true&maxResults=50").getBody());
        return definitions.findValuesAsText("key");
    }
}
