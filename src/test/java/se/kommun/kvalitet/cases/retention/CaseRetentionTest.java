package se.kommun.kvalitet.cases.retention;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.Channel;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gallring, run for real: personal data leaves a case once its retention period after closing has passed, and
 * not an hour before; the statistics columns and the history's facts stay. Camunda's own history goes by
 * historyTimeToLive and history cleanup in its nightly window.
 */
@KvalitetIntegrationTest
class CaseRetentionTest {

    /** Personal data in a case row: set to null by gallring (the description gets a marker instead). */
    static final Set<String> CLEARED = Set.of("address", "latitude", "longitude", "contact_name", "contact_email",
            "contact_phone", "findings", "measures", "feedback", "idempotency_key", "request_hash",
            // An Open311 app's photo link: a photo may show people.
            "media_url");
    /** What the statistics and the case register need: never changed by gallring. */
    static final Set<String> KEPT = Set.of("id", "reference", "type", "category", "language", "channel",
            "received_at", "registered_at", "registered_by", "status", "candidate_group", "manager_group", "priority",
            "due_date", "root_cause", "forwarded_to", "linked_reference", "escalation_level", "closed_at", "version",
            // Which Open311 app sent the case: for statistics per app.
            "source_app",
            // The municipal days it came in and was closed, derived from received_at and closed_at (V19).
            "received_day", "closed_day");
    /** Event kinds whose detail is personal (the citizen's words, the question to them, a file name). */
    static final Set<String> EVENTS_WITH_PERSONAL_DETAIL = Set.of("CITIZEN_INFORMATION", "SUPPLEMENT_REQUESTED",
            "ATTACHMENT_ADDED");

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    CaseIntake intake;

    @Autowired
    CaseWork work;

    @Autowired
    CaseRetention retention;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TestRestTemplate http;

    @Autowired
    HistoryService historyService;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Value("${kvalitet.retention.personal-data-after-closing}")
    Period retentionPeriod;

    @Test
    void personalDataLeavesACaseWhoseRetentionHasPassedAndNothingElseChanges() {
        ZonedDateTime cutoff = ZonedDateTime.now(clock).minus(retentionPeriod);
        String expired = handledCase("Eva Andersson", "eva.andersson@example.se", cutoff.minusHours(1));
        String notYet = handledCase("Olle Berg", "olle.berg@example.se", cutoff.plusHours(1));
        String open = openCaseReceivedAt(cutoff.minusYears(1));
        sentMail(expired + "/acknowledgement", "eva.andersson@example.se", cutoff.minusHours(1));
        sentMail(notYet + "/acknowledgement", "olle.berg@example.se", cutoff.plusHours(1));
        Map<String, Object> expiredBefore = row(expired);
        List<Map<String, Object>> expiredEventsBefore = events(expired);
        Map<String, Object> notYetBefore = row(notYet);
        List<Map<String, Object>> notYetEventsBefore = events(notYet);
        Map<String, Object> openBefore = row(open);
        assertThat(new TreeSet<>(expiredBefore.keySet()))
                .as("every column of citizen_case is either personal (CLEARED) or kept (KEPT): classify a new one")
                .isEqualTo(new TreeSet<>(union(CLEARED, KEPT, Set.of("description", "anonymised_at"))));
        assertThat(attachments(expired)).isEqualTo(1);
        Instant ranFrom = Instant.now(clock);

        int anonymised = retention.anonymiseClosedCases();

        assertThat(anonymised).as("only the expired case (no other case in the test database is that old)")
                .isEqualTo(1);
        // The expired case: exactly the personal columns changed.
        Map<String, Object> expiredAfter = row(expired);
        Map<String, Object> expected = new HashMap<>(expiredBefore);
        CLEARED.forEach(column -> expected.put(column, null));
        expected.put("description", CaseRetention.REMOVED);
        expected.put("anonymised_at", expiredAfter.get("anonymised_at"));
        assertThat(expiredAfter).isEqualTo(expected);
        assertThat(((Timestamp) expiredAfter.get("anonymised_at")).toInstant())
                .isBetween(ranFrom.truncatedTo(ChronoUnit.MILLIS), Instant.now(clock));
        assertThat(expiredBefore).doesNotContainEntry("contact_email", null).doesNotContainEntry("findings", null)
                .doesNotContainEntry("measures", null).doesNotContainEntry("feedback", null)
                .doesNotContainEntry("address", null).doesNotContainEntry("idempotency_key", null);
        // Its history: every event stays with its kind, time and actor; only personal details are gone.
        assertThat(events(expired)).isEqualTo(expiredEventsBefore.stream().map(event -> {
            Map<String, Object> cleaned = new LinkedHashMap<>(event);
            if (EVENTS_WITH_PERSONAL_DETAIL.contains(event.get("kind"))) {
                cleaned.put("detail", null);
            }
            return cleaned;
        }).toList());
        assertThat(expiredEventsBefore).extracting(event -> event.get("kind"))
                .contains("RECEIVED", "INVESTIGATED", "SUPPLEMENT_REQUESTED", "CITIZEN_INFORMATION",
                        "MEASURES_DECIDED", "FEEDBACK_WRITTEN", "ATTACHMENT_ADDED", "CLOSED");
        assertThat(attachments(expired)).as("files are deleted").isZero();
        assertThat(sentMailTo("eva.andersson@example.se")).as("mail log older than the period").isZero();

        // Closed an hour too recently, or still open: untouched.
        assertThat(row(notYet)).isEqualTo(notYetBefore);
        assertThat(events(notYet)).isEqualTo(notYetEventsBefore);
        assertThat(attachments(notYet)).isEqualTo(1);
        assertThat(sentMailTo("olle.berg@example.se")).isEqualTo(1);
        assertThat(row(open)).isEqualTo(openBefore);

        assertThat(retention.anonymiseClosedCases()).as("a second run finds nothing new").isZero();
        assertThat(row(expired)).as("and leaves the anonymised case as it was").isEqualTo(expiredAfter);
    }

    @Test
    void camundaHistoryOfAFinishedCaseGoesInTheNightlyWindowOnceItsRemovalTimeHasPassed() {
        // Camunda reads the batch window in the JVM's time zone; the job is due at the window's next start.
        List<Job> cleanupJobs = historyService.findHistoryCleanupJobs();
        assertThat(cleanupJobs).as("history cleanup is scheduled on start").isNotEmpty();
        for (Job job : cleanupJobs) {
            LocalTime due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();
            assertThat(due).isBetween(LocalTime.of(1, 0), LocalTime.of(5, 0));
        }
        String expired = finishedProcessOf(intake.submit(new NewCase(CaseType.QUESTION, "OTHER",
                "En fråga från Eva.", null, null, "sv", null), Channel.API, null, null).reference());
        String kept = finishedProcessOf(intake.submit(new NewCase(CaseType.QUESTION, "OTHER",
                "En fråga från Olle.", null, null, "sv", null), Channel.API, null, null).reference());
        Date removalTime = historyService.createHistoricProcessInstanceQuery().processInstanceId(kept).singleResult()
                .getRemovalTime();
        assertThat(removalTime).as("removal time = end + historyTimeToLive").isAfter(Date.from(Instant.now(clock)));
        assertThat(historicVariables(expired)).isPositive();

        // Pretend the time to live of one has passed, then run the cleanup job as the window would.
        runBatch(historyService.setRemovalTimeToHistoricProcessInstances()
                .absoluteRemovalTime(Date.from(Instant.now(clock).minus(Duration.ofDays(1))))
                .byIds(expired).executeAsync().getId());
        historyService.cleanUpHistoryAsync(true);
        for (Job job : historyService.findHistoryCleanupJobs()) {
            managementService.executeJob(job.getId());
        }

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(expired).count()).isZero();
        assertThat(historicVariables(expired)).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(kept).count()).isOne();
        assertThat(historicVariables(kept)).isPositive();
    }

    private String finishedProcessOf(String reference) {
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        runtimeService.deleteProcessInstance(processInstanceId, "test: finished");
        return processInstanceId;
    }

    private long historicVariables(String processInstanceId) {
        return historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count();
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

    /** A complaint worked through every step that stores personal data, then closed at the given time. */
    private String handledCase(String name, String email, ZonedDateTime closedAt) {
        String reference = intake.submit(new NewCase(CaseType.COMPLAINT, "ELDERLY_CARE",
                        name + " skriver: hemtjänsten kom inte till Storgatan 1.",
                        new NewCase.Location("Storgatan 1", 59.86, 17.64),
                        new NewCase.Contact(name, email, "018-12 34 56"), "sv", null),
                Channel.API, null, "retention-" + System.nanoTime()).reference();
        work.documentInvestigation(reference, name + " bor ensam och fick ingen lunch.", "supplement",
                "Vilken dag gällde det, " + name + "?", null, "bjorn");
        work.addCitizenInformation(reference, "Det var tisdagen. Mitt personnummer är 19121212-1212.");
        work.resumeAfterSupplement(reference, true, closedAt.toLocalDate());
        work.decideMeasures(reference, "Ny rutin för " + name + ".", "ROUTINE_MISSING", "bjorn");
        work.answer(reference, "Hej " + name + ", vi har ändrat rutinen.", "bjorn");
        attach(reference, "läkarintyg " + name + ".pdf");
        work.close(reference);
        jdbc.update("update app.citizen_case set closed_at = ? where reference = ?",
                Timestamp.from(closedAt.toInstant()), reference);
        return reference;
    }

    private String openCaseReceivedAt(ZonedDateTime receivedAt) {
        String reference = intake.submit(new NewCase(CaseType.COMPLAINT, "ELDERLY_CARE", "Fortfarande öppet.", null,
                new NewCase.Contact("Kim Lind", "kim.lind@example.se", null), "sv", null), Channel.API, null, null)
                .reference();
        jdbc.update("update app.citizen_case set received_at = ? where reference = ?",
                Timestamp.from(receivedAt.toInstant()), reference);
        return reference;
    }

    private void attach(String reference, String fileName) {
        HttpHeaders part = new HttpHeaders();
        part.setContentType(MediaType.APPLICATION_PDF);
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new HttpEntity<>(new ByteArrayResource(PDF) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, part));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        assertThat(http.withBasicAuth("bjorn", "Demo-Kvalitet-2026!").postForEntity(
                "/api/cases/" + reference + "/attachments", new HttpEntity<>(body, headers), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private void sentMail(String idempotencyKey, String recipient, ZonedDateTime sentAt) {
        jdbc.update("insert into app.sent_mail (idempotency_key, recipient, template, subject, sent_at) "
                + "values (?, ?, 'acknowledgement', 'Tack', ?)", idempotencyKey, recipient,
                Timestamp.from(sentAt.toInstant()));
    }

    private Map<String, Object> row(String reference) {
        return jdbc.queryForMap("select * from app.citizen_case where reference = ?", reference);
    }

    private List<Map<String, Object>> events(String reference) {
        return new ArrayList<>(jdbc.queryForList("""
                select e.id, e.occurred_at, e.kind, e.actor, e.detail from app.case_event e
                join app.citizen_case c on c.id = e.case_id where c.reference = ? order by e.id""", reference));
    }

    private long attachments(String reference) {
        return jdbc.queryForObject("""
                select count(*) from app.case_attachment a join app.citizen_case c on c.id = a.case_id
                where c.reference = ?""", Long.class, reference);
    }

    private long sentMailTo(String recipient) {
        return jdbc.queryForObject("select count(*) from app.sent_mail where recipient = ?", Long.class, recipient);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
