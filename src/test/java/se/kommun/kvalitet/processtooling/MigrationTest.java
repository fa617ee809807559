package se.kommun.kvalitet.processtooling;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Migration of waiting instances to the latest version: dry run report, real batch, refusal per instance. */
@KvalitetIntegrationTest
class MigrationTest {

    static final String KEY = "migrationTest";
    static final String PASSWORD = "Demo-Kvalitet-2026!";

    @Autowired
    ProcessMigration migration;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    ManagementService managementService;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTestProcess() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void dryRunReportsThenRealRunMovesWaitingInstancesToTheLatestVersion() {
        deploy("processtooling/migration-v1.bpmn");
        List<String> instances = List.of(start(), start(), start());
        String v2 = deploy("processtooling/migration-v2.bpmn");

        ProcessMigration.Report dryRun = migration.migrateToLatest(KEY, true);

        assertThat(dryRun.targetVersion()).isEqualTo(2);
        assertThat(dryRun.sources()).singleElement().satisfies(source -> {
            assertThat(source.version()).isEqualTo(1);
            assertThat(source.instances()).isEqualTo(3);
            assertThat(source.valid()).isTrue();
            assertThat(source.failures()).isEmpty();
            assertThat(source.batchId()).isNull();
        });
        assertThat(definitionOf(instances)).as("a dry run changes nothing").doesNotContain(v2);

        ProcessMigration.Report real = migration.migrateToLatest(KEY, false);
        String batchId = real.sources().get(0).batchId();
        assertThat(batchId).isNotNull();
        runBatch(batchId);

        assertThat(definitionOf(instances)).containsOnly(v2);
        for (String instance : instances) {
            assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult())
                    .satisfies(task -> {
                        assertThat(task.getTaskDefinitionKey()).isEqualTo("review");
                        assertThat(task.getProcessDefinitionId()).isEqualTo(v2);
                    });
        }
        assertThat(migration.migrateToLatest(KEY, true).sources()).as("nothing left on old versions").isEmpty();
    }

    @Test
    void instancesWaitingInARemovedTaskAreReportedAndNotMoved() {
        String v1 = deploy("processtooling/migration-v1.bpmn");
        String instance = start();
        deploy("processtooling/migration-v3-without-review.bpmn");

        ProcessMigration.Report report = migration.migrateToLatest(KEY, false);

        assertThat(report.sources()).singleElement().satisfies(source -> {
            assertThat(source.valid()).isFalse();
            assertThat(source.batchId()).isNull();
            assertThat(source.failures()).isNotEmpty().allSatisfy(failure -> {
                assertThat(failure.processInstanceId()).isEqualTo(instance);
                assertThat(failure.activityId()).isEqualTo("review");
            });
        });
        assertThat(definitionOf(List.of(instance))).containsOnly(v1);
    }

    @Test
    void processOwnerGetsTheReportOverHttpAndOfficersAreRefused() throws Exception {
        deploy("processtooling/migration-v1.bpmn");
        start();
        deploy("processtooling/migration-v2.bpmn");

        ResponseEntity<String> response = post("per", "{\"dryRun\":true}", KEY);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(json.readTree(response.getBody()).at("/sources/0/instances").asLong()).isEqualTo(1);

        assertThat(post("anna", "{\"dryRun\":true}", KEY).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post(null, "{\"dryRun\":true}", KEY).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(post("per", "{}", KEY).getStatusCode()).as("dryRun is required").isEqualTo(HttpStatus.BAD_REQUEST);
        ResponseEntity<String> unknown = post("per", "{\"dryRun\":true}", "noSuchProcess");
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /**
     * Cases running on the diagram the generator drew (flow ids were UUIDs, no default flows, escalations inside
     * the timer job) move to the diagram drawn by hand: the flow nodes kept their ids, so every waiting case maps.
     */
    @Test
    void casesRunningOnTheGeneratedDiagramMoveToTheDrawnOne() throws Exception {
        String generated = deploy("processtooling/case-handling-generated.bpmn");
        String investigating = submit("COMPLAINT", "ELDERLY_CARE");
        String awaitingCitizen = submit("COMPLAINT", "SCHOOL");
        String praise = submit("PRAISE", "ELDERLY_CARE");
        assertThat(definitionOf(List.of(investigating, awaitingCitizen, praise))).containsOnly(generated);
        taskService.complete(taskOf(awaitingCitizen).getId(), Map.of("findings", "Oklart vilken skola.",
                "investigationOutcome", "supplement", "supplementQuestion", "Vilken skola?"));
        executeJob(awaitingCitizen, "sendSupplementRequest");
        executeJob(praise, "sendPraiseThanks");
        String drawn = deploy(Path.of("processes/case-handling.bpmn"));

        ProcessMigration.Report dryRun = migration.migrateToLatest("caseHandling", true);
        assertThat(dryRun.sources()).filteredOn(source -> source.processDefinitionId().equals(generated))
                .singleElement().satisfies(source -> {
                    assertThat(source.instances()).isEqualTo(3);
                    assertThat(source.failures()).isEmpty();
                    assertThat(source.valid()).isTrue();
                });
        // Only this test's cases: other tests' cases on the application's own deployment stay where they are.
        runtimeService.newMigration(runtimeService.createMigrationPlan(generated, drawn).mapEqualActivities()
                .updateEventTriggers().build()).processInstanceIds(investigating, awaitingCitizen, praise).execute();

        assertThat(definitionOf(List.of(investigating, awaitingCitizen, praise))).containsOnly(drawn);
        executeJob(investigating, "reminderDue");
        assertThat(managementService.createJobQuery().processInstanceId(investigating).activityId("remindOfficer")
                .count()).as("the new model's reminder runs as a job of its own").isOne();
        taskService.complete(taskOf(investigating).getId(), Map.of("findings", "Schemat var fel.",
                "investigationOutcome", "continue"));
        assertThat(taskOf(investigating).getTaskDefinitionKey()).isEqualTo("act");
        runtimeService.createMessageCorrelation("supplementReceived")
                .processInstanceBusinessKey(businessKeyOf(awaitingCitizen)).correlate();
        assertThat(taskOf(awaitingCitizen).getTaskDefinitionKey()).isEqualTo("investigate");
        taskService.complete(taskOf(praise).getId(), Map.of("praiseShared", true));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(praise).activityIdIn("readPraise")
                .count()).isZero();
    }

    private String submit(String type, String category) throws Exception {
        ResponseEntity<String> created = http.postForEntity("/api/cases", Map.of("type", type, "category", category,
                "description", "Migreringstest av " + category + ".", "language", "sv"), String.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = json.readTree(created.getBody()).get("reference").asText();
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getId();
    }

    private Task taskOf(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private String businessKeyOf(String instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    }

    private void executeJob(String instance, String activityId) {
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId(activityId).singleResult().getId());
    }

    private String deploy(Path file) throws Exception {
        try (InputStream model = Files.newInputStream(file)) {
            Deployment deployment = repositoryService.createDeployment().name(KEY)
                    .addInputStream(file.getFileName().toString(), model).deploy();
            deployments.add(deployment.getId());
            return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult()
                    .getId();
        }
    }

    private ResponseEntity<String> post(String user, String body, String key) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null ? http : http.withBasicAuth(user, PASSWORD);
        return client.postForEntity("/api/admin/migrations/" + key, new HttpEntity<>(body, headers), String.class);
    }

    /** The job executor is off in tests: seed, migration and monitor jobs run here until the batch is done. */
    private void runBatch(String batchId) {
        Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId());
        for (int round = 0; managementService.createBatchQuery().batchId(batchId).count() > 0; round++) {
            assertThat(round).as("batch rounds").isLessThan(20);
            for (String definition : definitions) {
                for (Job job : managementService.createJobQuery().jobDefinitionId(definition).list()) {
                    managementService.executeJob(job.getId());
                }
            }
        }
    }

    private String deploy(String resource) {
        Deployment deployment = repositoryService.createDeployment().name(KEY).addClasspathResource(resource).deploy();
        deployments.add(deployment.getId());
        return repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult().getId();
    }

    private String start() {
        return runtimeService.startProcessInstanceByKey(KEY).getId();
    }

    private List<String> definitionOf(List<String> instances) {
        return instances.stream().map(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id)
                .singleResult()).map(ProcessInstance::getProcessDefinitionId).toList();
    }
}
