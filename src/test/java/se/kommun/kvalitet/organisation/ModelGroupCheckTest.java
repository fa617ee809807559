package se.kommun.kvalitet.organisation;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every group a model names is the organisation's: a new deployment naming another is refused, whichever way
 * it comes (the redeploy endpoint is in RedeployTest), and so is a start whose latest models name a group the
 * organisation no longer has.
 */
@KvalitetIntegrationTest
class ModelGroupCheckTest {

    static final String PASSWORD = "Demo-Kvalitet-2026!";

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ModelGroupCheck check;

    @Autowired
    TestRestTemplate http;

    @Test
    void aProcessNamingGroupsTheOrganisationLacksIsRefusedPerElementAndGroup() {
        long deploymentsBefore = repositoryService.createDeploymentQuery().count();

        assertThatThrownBy(() -> repositoryService.createDeployment().name("unknownGroups")
                .addModelInstance("processes/unknown-groups.bpmn", modelNaming("praiseReaders")).deploy())
                .isInstanceOfSatisfying(ParseException.class, refused -> {
                    assertThat(refused.getResorceReports()).singleElement().satisfies(report -> {
                        assertThat(report.getResourceName()).isEqualTo("processes/unknown-groups.bpmn");
                        assertThat(report.getErrors()).extracting(Problem::getMainElementId)
                                .containsExactly("unknownGroups", "review", "escalateReview");
                        assertThat(report.getErrors()).allSatisfy(error -> assertThat(error.getMessage())
                                .contains("finns inte i organisationen", "not in the organisation"));
                        assertThat(report.getErrors()).map(Problem::getMessage).anySatisfy(message -> assertThat(message)
                                .contains("'praiseReaders'", "review", "camunda:candidateGroups"));
                        assertThat(report.getErrors()).map(Problem::getMessage).anySatisfy(message -> assertThat(message)
                                .contains("'nobodysManagers'", "escalateReview", "inputParameter managerGroup"));
                    });
                    assertThat(refused.getMessage()).contains("praiseReaders", "nobodysManagers", "streetOfficers");
                });
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    }

    @Test
    void groupsOfTheOrganisationAndExpressionsPass() {
        String id = repositoryService.createDeployment().name("knownGroups")
                .addModelInstance("processes/known-groups.bpmn", modelNaming("careOfficers")).deploy().getId();
        repositoryService.deleteDeployment(id, true);
    }

    @Test
    void engineRestDeploymentIsRefusedTheSameWay() {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "unknownGroupsOverRest");
        form.add("data", new ByteArrayResource(Bpmn.convertToString(modelNaming("praiseReaders"))
                .getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "unknown-groups.bpmn";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);

        ResponseEntity<String> response = http.withBasicAuth("per", PASSWORD)
                .postForEntity("/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("ParseException", "unknown-groups.bpmn", "praiseReaders", "review");
    }

    @Test
    void startIsRefusedWhenTheOrganisationNoLongerHasAGroupTheLatestModelsName() {
        Organisation withoutCare = new Organisation(new OrganisationProperties(List.of(
                new OrganisationProperties.Unit("streets", "Gata och park"),
                new OrganisationProperties.Unit("education", "Förskola och skola"),
                new OrganisationProperties.Unit("service", "Kontaktcenter")), "processOwners", "qualityCoordinators", "mas",
                "contractManagers", "committeeDelegates", OrganisationPropertiesTest.AWARDS));
        ModelGroupStartupCheck startWithoutCare = new ModelGroupStartupCheck(repositoryService,
                new ModelGroupCheck(withoutCare));

        assertThatThrownBy(() -> startWithoutCare.run(null)).isInstanceOfSatisfying(ParseException.class, refused -> {
            assertThat(refused.getResorceReports()).map(ResourceReport::getResourceName)
                    .contains("processes/case-handling.bpmn", "processes/case-routing.dmn");
            assertThat(errorsOf(refused, "processes/case-handling.bpmn")).anySatisfy(error -> {
                assertThat(error.getMainElementId()).isEqualTo("caseHandling");
                assertThat(error.getMessage()).contains("'careOfficers'", "camunda:candidateStarterGroups");
            });
            assertThat(errorsOf(refused, "processes/case-routing.dmn")).map(Problem::getMainElementId)
                    .containsOnly("ruleCare");
            assertThat(errorsOf(refused, "processes/case-routing.dmn")).map(Problem::getMessage)
                    .anyMatch(message -> message.contains("'careOfficers'") && message.contains("output candidateGroup"))
                    .anyMatch(message -> message.contains("'careManagers'") && message.contains("output managerGroup"));
        });
        assertThatNoException().as("today's organisation").isThrownBy(
                () -> new ModelGroupStartupCheck(repositoryService, check).run(null));
    }

    private static List<Problem> errorsOf(ParseException refused, String resource) {
        return refused.getResorceReports().stream().filter(report -> report.getResourceName().equals(resource))
                .flatMap(report -> report.getErrors().stream()).toList();
    }

    /**
     * A process that names {@code taskGroup} besides a known group, an expression, and, when the task group is
     * unknown, a typo'd starter group and an unknown manager group as an escalation's input parameter.
     */
    private static BpmnModelInstance modelNaming(String taskGroup) {
        boolean broken = !taskGroup.equals("careOfficers");
        String key = broken ? "unknownGroups" : "knownGroups";
        BpmnModelInstance model = Bpmn.createExecutableProcess(key).name("Grupper")
                .camundaHistoryTimeToLive(1)
                .startEvent("started").name("Start")
                .userTask("review").name("Granska").camundaCandidateGroups("${candidateGroup}, " + taskGroup)
                .serviceTask("escalateReview").name("Eskalera").camundaDelegateExpression("${escalate}")
                .camundaInputParameter("managerGroup", broken ? "nobodysManagers" : "careManagers")
                .camundaInputParameter("officerGroup", "${candidateGroup}")
                .endEvent("done").name("Klart")
                .done();
        model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(key)
                .setCamundaCandidateStarterGroups(broken ? "careOfficers, streetOfficers" : "careOfficers");
        return model;
    }
}
