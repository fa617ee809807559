package se.kommun.kvalitet.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.kommun.kvalitet.reliability.FaultRig.ADMIN;
import static se.kommun.kvalitet.reliability.FaultRig.ADMIN_PASSWORD;
import static se.kommun.kvalitet.reliability.FaultRig.send;

/**
 * The SMTP server is down for a while: officers keep working, every mail step retries, exhausts its retries
 * and becomes an incident; once the server is back and an administrator retries the incidents through the
 * engine REST API, every expected mail arrives exactly once.
 */
@Tag("own-jvm")
class SmtpOutageFaultTest {

    static final int CASES = 20;

    @TempDir
    Path dataRoot;

    EmbeddedPostgres postgres;
    ConfigurableApplicationContext node;
    GreenMail mail;

    @AfterEach
    void tearDown() {
        FaultRig.closeQuietly(node);
        if (mail != null) {
            mail.stop();
        }
        FaultRig.closeQuietly(postgres);
    }

    @Test
    void mailStepsBecomeIncidentsAndAreDeliveredExactlyOnceAfterRetry() throws Exception {
        long started = System.nanoTime();
        postgres = FaultRig.startPostgres(dataRoot.resolve("pg"), 0);
        // The SMTP server of this node is down from the start: nothing listens on its port.
        int smtpPort = FaultRig.freePort();
        node = FaultRig.startNode(postgres.getPort(), smtpPort, true,
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000");
        String base = FaultRig.baseUrl(node);
        String engine = FaultRig.engineRest(node);
        ManagementService management = node.getBean(ManagementService.class);
        HistoryService history = node.getBean(HistoryService.class);

        List<String> references = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            references.add(FaultRig.submit(base, "citizen-" + i + "@example.se"));
        }
        // Officers are not held up by the mail outage.
        for (String reference : references) {
            FaultRig.handleWholeCase(engine, reference);
        }
        assertThat(history.createHistoricTaskInstanceQuery().processDefinitionKey("caseHandling")
                .taskDefinitionKey("giveFeedback").finished().count()).isEqualTo(CASES);

        // A failed attempt decrements the retries and keeps the error.
        await().atMost(Duration.ofSeconds(30)).until(() -> !management.createJobQuery().withException().list().isEmpty());
        Job failedOnce = management.createJobQuery().withException().list().get(0);
        assertThat(failedOnce.getRetries()).isLessThan(3);
        assertThat(failedOnce.getExceptionMessage()).isNotBlank();

        // R3/PT5M would take 10 minutes: bring each failed job's next attempt forward instead.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Date now = new Date();
            for (Job job : management.createJobQuery().processDefinitionKey("caseHandling").withException()
                    .withRetriesLeft().list()) {
                if (job.getDuedate() != null && job.getDuedate().after(now)) {
                    management.setJobDuedate(job.getId(), now);
                }
            }
            return management.createJobQuery().processDefinitionKey("caseHandling").noRetriesLeft().count()
                    == 2L * CASES;
        });
        JsonNode incidents = send("GET", engine + "/incident?maxResults=100", null, ADMIN, ADMIN_PASSWORD)
                .json();
        Set<String> incidentActivities = new HashSet<>();
        incidents.forEach(incident -> incidentActivities.add(incident.get("activityId").asText()));
        assertThat(incidents.size()).isEqualTo(2 * CASES);
        assertThat(incidentActivities).containsExactlyInAnyOrder("sendAcknowledgement", "sendFeedback");
        assertThat(count(node, "select count(*) from app.sent_mail")).as("nothing recorded as sent").isZero();

        // The SMTP server is back; the administrator retries the incidents through the engine REST API, one bulk
        // retry (a batch, as Cockpit's) per activity: acknowledgements first, then feedback. Retrying both at once
        // lets a case's acknowledgement finish while its feedback job is being updated; that optimistic-locking
        // conflict costs the feedback job its single retry and the incident comes back.
        mail = FaultRig.startMail(smtpPort);
        JsonNode exhausted = send("GET", engine + "/job?noRetriesLeft=true&maxResults=100", null, ADMIN,
                ADMIN_PASSWORD).json();
        assertThat(exhausted.size()).isEqualTo(2 * CASES);
        for (String activity : List.of("sendAcknowledgement", "sendFeedback")) {
            // The failed attempt moved each due date 5 minutes on; the retry is due now.
            FaultRig.Reply batch = send("POST", engine + "/job/retries", Map.of(
                    "jobQuery", Map.of("activityId", activity, "noRetriesLeft", true), "retries", 1,
                    "dueDate", "2020-01-01T00:00:00.000+0000"), ADMIN, ADMIN_PASSWORD);
            assertThat(batch.status()).as(batch.body()).isEqualTo(200);
            assertThat(batch.json().get("totalJobs").asInt()).isEqualTo(CASES);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                    .until(() -> management.createJobQuery().activityId(activity).count() == 0);
        }
        // Only the survey's timer waits (14 days, "Enkäten har gått ut"); no mail job is left.
        assertThat(management.createJobQuery().processDefinitionKey("caseHandling").messages().count()).isZero();
        assertThat(send("GET", engine + "/incident/count", null, ADMIN, ADMIN_PASSWORD).json()
                .get("count").asLong()).isZero();
        // Closed, each waiting for the satisfaction question in its feedback mail.
        assertThat(history.createHistoricActivityInstanceQuery().activityId("closeCase").finished()
                .count()).isEqualTo(CASES);

        Map<String, Integer> delivered = FaultRig.deliveries(mail);
        int lost = 0;
        for (int i = 0; i < CASES; i++) {
            String recipient = "citizen-" + i + "@example.se";
            String reference = references.get(i);
            for (String subject : List.of("Vi har tagit emot ditt ärende " + reference,
                    "Svar på ditt ärende " + reference)) {
                if (!delivered.containsKey(recipient + " | " + subject)) {
                    lost++;
                }
            }
        }
        long duplicates = FaultRig.duplicates(delivered);
        int total = delivered.values().stream().mapToInt(Integer::intValue).sum();
        FaultRig.report(("SmtpOutageFaultTest: %d mails expected, %d delivered, %d lost, %d duplicates, %d incidents "
                + "retried, %d s").formatted(2 * CASES, total, lost, duplicates, exhausted.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        assertThat(lost).as("lost mails").isZero();
        assertThat(duplicates).as("duplicate mails").isZero();
        assertThat(total).isEqualTo(2 * CASES);
        assertThat(count(node, "select count(*) from app.sent_mail")).isEqualTo(2L * CASES);
    }

    static long count(ConfigurableApplicationContext node, String sql) {
        return node.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(sql, Long.class);
    }
}
