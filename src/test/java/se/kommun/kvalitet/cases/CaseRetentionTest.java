package se.kommun.kvalitet.cases;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** Gallring: personal data leaves closed cases after the retention period; the statistics stay correct. */
@KvalitetIntegrationTest
class CaseRetentionTest {

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseWork work;

    @Autowired
    CaseRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ProcessEngineConfiguration engineConfiguration;

    @Test
    void personalDataIsRemovedFromCasesClosedLongerThanTheRetentionPeriod() {
        String old = closedCase("Gammalt klagomål från Eva, Storgatan 1.", "eva.gammal@example.se");
        String recent = closedCase("Nytt klagomål från Olle.", "olle@example.se");
        jdbc.update("update app.citizen_case set closed_at = ? where reference = ?",
                java.sql.Timestamp.from(Instant.now().minus(800, ChronoUnit.DAYS)), old);
        Map<String, Object> statisticsBefore = statistics(old);

        int anonymised = retention.anonymiseClosedCases();

        assertThat(anonymised).isGreaterThanOrEqualTo(1);
        Map<String, Object> gone = jdbc.queryForMap("select * from app.citizen_case where reference = ?", old);
        assertThat(gone.get("description")).isEqualTo(CaseRetention.REMOVED);
        assertThat(gone).containsEntry("contact_email", null).containsEntry("contact_name", null)
                .containsEntry("address", null).containsEntry("findings", null).containsEntry("feedback", null);
        assertThat(gone.get("anonymised_at")).isNotNull();
        assertThat(statistics(old)).isEqualTo(statisticsBefore);
        assertThat(jdbc.queryForObject("""
                select count(*) from app.case_event e join app.citizen_case c on c.id = e.case_id
                where c.reference = ? and e.kind = 'CITIZEN_INFORMATION' and e.detail is not null""", Long.class, old))
                .isZero();

        Map<String, Object> kept = jdbc.queryForMap("select * from app.citizen_case where reference = ?", recent);
        assertThat(kept.get("contact_email")).isEqualTo("olle@example.se");
        assertThat(kept.get("anonymised_at")).isNull();

        assertThat(retention.anonymiseClosedCases()).as("a second run finds nothing new").isZero();
    }

    @Test
    void camundaHistoryOfFinishedCasesIsRemovedByHistoryCleanupInItsWindow() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engineConfiguration;
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");

        String reference = intake.submit(new NewCase(CaseType.QUESTION, "OTHER", "En fråga.", null, null, "sv", null),
                Channel.API, null, null).reference();
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        runtimeService.deleteProcessInstance(processInstanceId, "test: finished");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getRemovalTime()).as("removal time = end + historyTimeToLive").isNotNull();

        // Pretend the time to live has passed, then run the cleanup job as the window would.
        runBatch(historyService.setRemovalTimeToHistoricProcessInstances()
                .absoluteRemovalTime(Date.from(Instant.now().minus(1, ChronoUnit.DAYS)))
                .byIds(processInstanceId).executeAsync().getId());
        historyService.cleanUpHistoryAsync(true);
        for (Job job : historyService.findHistoryCleanupJobs()) {
            managementService.executeJob(job.getId());
        }

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count())
                .isZero();
    }

    /** The job executor is off in tests: run the batch's seed, execution and monitor jobs by hand. */
    private void runBatch(String batchId) {
        var batch = managementService.createBatchQuery().batchId(batchId).singleResult();
        List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
                batch.getMonitorJobDefinitionId());
        for (int round = 0; round < 20 && managementService.createBatchQuery().batchId(batchId).count() > 0; round++) {
            for (String definition : definitions) {
                managementService.createJobQuery().jobDefinitionId(definition).list()
                        .forEach(job -> managementService.executeJob(job.getId()));
            }
        }
    }

    private String closedCase(String description, String email) {
        String reference = intake.submit(new NewCase(CaseType.COMPLAINT, "ELDERLY_CARE", description, null,
                new NewCase.Contact("Medborgare", email, null), "sv", null), Channel.API, null, null).reference();
        work.addCitizenInformation(reference, "Mitt personnummer är 19121212-1212.");
        work.decideMeasures(reference, "Ny rutin.", "ROUTINE_MISSING", "bjorn");
        work.close(reference);
        return reference;
    }

    private Map<String, Object> statistics(String reference) {
        return jdbc.queryForMap("""
                select type, category, candidate_group, channel, received_at, closed_at, due_date, priority,
                       root_cause, status, escalation_level
                from app.citizen_case where reference = ?""", reference);
    }
}
