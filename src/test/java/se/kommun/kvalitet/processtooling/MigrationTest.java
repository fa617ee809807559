package se.kommun.kvalitet.processtooling;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
