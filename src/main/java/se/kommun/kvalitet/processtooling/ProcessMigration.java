package se.kommun.kvalitet.processtooling;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of every older version of a process to its latest version, activity by activity
 * (equal ids), with timers and message events recreated from the new model. Each instance is first migrated
 * in a transaction that is rolled back: that is the only way the engine reports per instance what would
 * block it. A dry run stops there; a real run starts one batch per source version for the instances that
 * passed, so nothing is half-migrated by a failing instance.
 */
@Service
class ProcessMigration {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigration.class);

    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transactions;

    ProcessMigration(RepositoryService repositoryService, RuntimeService runtimeService,
            PlatformTransactionManager transactionManager) {
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** @param processInstanceId null for a failure of the plan itself */
    record Failure(String processInstanceId, String activityId, String message) {
    }

    /** @param batchId the migration batch of a real run; null in a dry run or when nothing could move */
    record SourceReport(int version, String processDefinitionId, long instances, boolean valid,
            List<Failure> failures, String batchId) {
    }

    record Report(String processKey, int targetVersion, boolean dryRun, List<SourceReport> sources) {
    }

    Report migrateToLatest(String processKey, boolean dryRun) {
        ProcessDefinition target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().withoutTenantId().singleResult();
        if (target == null) {
            throw new ProcessNotFoundException(processKey);
        }
        List<SourceReport> sources = new ArrayList<>();
        for (ProcessDefinition source : repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processKey).withoutTenantId().orderByProcessDefinitionVersion().asc().list()) {
            long instances = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).count();
            if (source.getVersion() < target.getVersion() && instances > 0) {
                sources.add(migrate(source, target, instances, dryRun));
            }
        }
        return new Report(processKey, target.getVersion(), dryRun, sources);
    }

    private SourceReport migrate(ProcessDefinition source, ProcessDefinition target, long instances, boolean dryRun) {
        MigrationPlan plan;
        try {
            plan = runtimeService.createMigrationPlan(source.getId(), target.getId())
                    .mapEqualActivities().updateEventTriggers().build();
        } catch (MigrationPlanValidationException e) {
            List<Failure> failures = e.getValidationReport().getInstructionReports().stream()
                    .flatMap(report -> report.getFailures().stream().map(message -> new Failure(null,
                            report.getMigrationInstruction().getSourceActivityId(), message)))
                    .toList();
            return new SourceReport(source.getVersion(), source.getId(), instances, false, failures, null);
        }
        List<String> passed = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processDefinitionId(source.getId()).list()) {
            List<Failure> instanceFailures = validate(plan, instance.getId());
            if (instanceFailures.isEmpty()) {
                passed.add(instance.getId());
            }
            failures.addAll(instanceFailures);
        }
        String batchId = null;
        if (!dryRun && !passed.isEmpty()) {
            batchId = runtimeService.newMigration(plan).processInstanceIds(passed).executeAsync().getId();
            log.info("Migrering startad / migration started: {} instanser / instances {} v{} -> v{}, batch {}",
                    passed.size(), source.getKey(), source.getVersion(), target.getVersion(), batchId);
        }
        return new SourceReport(source.getVersion(), source.getId(), instances, failures.isEmpty(), failures,
                batchId);
    }

    /** Migrates one instance and rolls back; listeners and I/O mappings are skipped since nothing is kept. */
    private List<Failure> validate(MigrationPlan plan, String processInstanceId) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                runtimeService.newMigration(plan).processInstanceIds(processInstanceId)
                        .skipCustomListeners().skipIoMappings().execute();
                return List.of();
            } catch (MigratingProcessInstanceValidationException e) {
                return failures(e.getValidationReport());
            }
        });
    }

    private static List<Failure> failures(MigratingProcessInstanceValidationReport report) {
        String instance = report.getProcessInstanceId();
        return Stream.of(
                report.getFailures().stream().map(message -> new Failure(instance, null, message)),
                report.getActivityInstanceReports().stream().flatMap(activity -> activity.getFailures().stream()
                        .map(message -> new Failure(instance, activity.getSourceScopeId(), message))),
                report.getTransitionInstanceReports().stream().flatMap(transition -> transition.getFailures()
                        .stream().map(message -> new Failure(instance, transition.getSourceScopeId(), message))))
                .flatMap(failures -> failures)
                .toList();
    }
}
