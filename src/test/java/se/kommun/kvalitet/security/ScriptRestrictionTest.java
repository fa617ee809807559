package se.kommun.kvalitet.security;

import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.organisation.Organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A deployment is code: models with scripts are refused unless switched on, and then only from process owners. */
@KvalitetIntegrationTest
class ScriptRestrictionTest {

    static final String SCRIPT_TASK = """
            <scriptTask id="probe" scriptFormat="javascript">
              <script>java.lang.Runtime.getRuntime().exec("id")</script>
            </scriptTask>""";

    @Autowired
    TestRestTemplate http;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    IdentityService identityService;

    @Autowired
    Organisation organisation;

    static Stream<Arguments> scriptModels() {
        return Stream.of(
                arguments("script task", SCRIPT_TASK, "scriptTask#probe"),
                arguments("external script resource", """
                        <scriptTask id="probe" scriptFormat="groovy" camunda:resource="deployment://evil.groovy"/>""",
                        "scriptTask#probe"),
                arguments("execution listener script", """
                        <task id="probe"><extensionElements><camunda:executionListener event="start">
                          <camunda:script scriptFormat="javascript">1</camunda:script>
                        </camunda:executionListener></extensionElements></task>""", "script#probe"),
                arguments("input mapping script", """
                        <task id="probe"><extensionElements><camunda:inputOutput>
                          <camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script>
                          </camunda:inputParameter></camunda:inputOutput></extensionElements></task>""",
                        "script#probe"),
                arguments("user task listener script", """
                        <userTask id="probe"><extensionElements><camunda:taskListener event="create">
                          <camunda:script scriptFormat="javascript">1</camunda:script>
                        </camunda:taskListener></extensionElements></userTask>""", "script#probe"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scriptModels")
    void scriptsAreRefusedEvenForTheProcessOwnerWhileSwitchedOff(String name, String task, String found) {
        long before = repositoryService.createDeploymentQuery().count();

        assertThatExceptionOfType(AuthorizationException.class)
                .isThrownBy(() -> deployAs("per", List.of(organisation.processOwnerGroup()), task))
                .withMessageContaining(found).withMessageContaining("kvalitet.security.allow-scripts");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void scriptConditionsOnSequenceFlowsAreRefusedToo() {
        String bpmn = EngineModels.process("scriptConditionProbe", "<task id=\"probe\"/>").replace(
                "<sequenceFlow id=\"toEnd\" sourceRef=\"probe\" targetRef=\"end\"/>", """
                <sequenceFlow id="toEnd" sourceRef="probe" targetRef="end">
                  <conditionExpression xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                      xsi:type="tFormalExpression" language="javascript">true</conditionExpression>
                </sequenceFlow>""");

        assertThatExceptionOfType(AuthorizationException.class)
                .isThrownBy(() -> repositoryService.createDeployment().addString("condition.bpmn", bpmn).deploy())
                .withMessageContaining("conditionExpression#toEnd");
    }

    @Test
    void theAdministratorIsRefusedThroughTheEngineRestApi() {
        long before = repositoryService.createDeploymentQuery().count();

        ResponseEntity<String> response = EngineModels.deployThroughRest(http.withBasicAuth("admin", "Lokal-Start-2026!"),
                "scriptProbeRest", EngineModels.process("scriptProbeRest", SCRIPT_TASK));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(response.getBody()).contains("AuthorizationException", "scriptTask#probe")
                .doesNotContain("\tat ", "at org.");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void anOfficerMayNotDeployAtAll() {
        ResponseEntity<String> response = EngineModels.deployThroughRest(http.withBasicAuth("anna", "Demo-Kvalitet-2026!"),
                "scriptProbeOfficer", EngineModels.process("scriptProbeOfficer", SCRIPT_TASK));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void modelsWithoutScriptsStillDeployForTheProcessOwner() {
        Deployment deployment = deployAs("per", List.of(organisation.processOwnerGroup()),
                "<userTask id=\"probe\" camunda:candidateGroups=\"processOwners\"/>");
        try {
            assertThat(repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
                    .isEqualTo(1);
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    /** With the switch on: process owners and the application itself may, nobody else. */
    @Test
    void whenSwitchedOnOnlyProcessOwnersMayDeployScripts() {
        ScriptRestrictionPlugin allowing = new ScriptRestrictionPlugin(true, organisation);
        List<String> scripts = List.of("scriptTask#probe");

        assertThatNoException().isThrownBy(() -> allowing.check("p.bpmn", scripts, "per", List.of("processOwners")));
        assertThatNoException().isThrownBy(() -> allowing.check("p.bpmn", scripts, null, List.of()));
        assertThatExceptionOfType(AuthorizationException.class)
                .isThrownBy(() -> allowing.check("p.bpmn", scripts, "admin", List.of("camunda-admin")))
                .withMessageContaining("only process owners");
        assertThatExceptionOfType(AuthorizationException.class)
                .isThrownBy(() -> allowing.check("p.bpmn", scripts, "anna", List.of("streetsOfficers")));
        assertThatNoException().isThrownBy(() -> allowing.check("p.bpmn", List.of(), "anna", List.of()));

        ScriptRestrictionPlugin refusing = new ScriptRestrictionPlugin(false, organisation);
        assertThatExceptionOfType(AuthorizationException.class)
                .isThrownBy(() -> refusing.check("p.bpmn", scripts, null, List.of()));
    }

    private Deployment deployAs(String userId, List<String> groups, String task) {
        identityService.setAuthentication(userId, groups);
        try {
            return repositoryService.createDeployment().name("script-probe")
                    .addString("probe.bpmn", EngineModels.process("scriptProbe", task)).deploy();
        } finally {
            identityService.clearAuthentication();
        }
    }
}
