package se.kommun.kvalitet.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Node A dies while its job thread is inside the SMTP conversation of a feedback mail (the server hangs).
 * The job stays locked by A; once the lock expires node B runs it and the citizen gets the answer exactly once.
 * "Dies" is a context close inside one JVM (no kill -9 here): A's executor stops and its pool aborts the
 * connection of the in-flight transaction, so nothing of the attempt commits.
 */
@Tag("own-jvm")
class CrashMidStepFaultTest {

    @TempDir
    Path dataRoot;

    EmbeddedPostgres postgres;
    GreenMail mail;
    SwitchableSmtp relay;
    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;

    @AfterEach
    void tearDown() {
        FaultRig.closeQuietly(nodeA);
        FaultRig.closeQuietly(nodeB);
        FaultRig.closeQuietly(relay);
        if (mail != null) {
            mail.stop();
        }
        FaultRig.closeQuietly(postgres);
    }

    @Test
    void feedbackInFlightOnADeadNodeIsSentOnceByTheOther() throws Exception {
        long started = System.nanoTime();
        postgres = FaultRig.startPostgres(dataRoot.resolve("pg"), 0);
        mail = FaultRig.startMail(FaultRig.freePort());
        relay = new SwitchableSmtp(mail.getSmtp().getPort());
        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
        String[] fastExecutor = {"--camunda.bpm.job-execution.lock-time-in-millis=5000",
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"};

        nodeA = FaultRig.startNode(postgres.getPort(), relay.port(), true, concat(fastExecutor,
                // A's send must still hang when A is gone. A graceful close waits for running jobs up to the
                // shutdown phase timeout (30 s by default); cut it short, as a crash would.
                "--spring.mail.properties.mail.smtp.timeout=60000",
                "--spring.lifecycle.timeout-per-shutdown-phase=2s"));
        String baseA = FaultRig.baseUrl(nodeA);
        String reference = FaultRig.submit(baseA, "crash@example.se");
        String ackSubject = "Vi har tagit emot ditt ärende " + reference;
        String feedbackSubject = "Svar på ditt ärende " + reference;
        await().atMost(Duration.ofSeconds(60)).until(() -> FaultRig.deliveries(mail).containsKey(
                "crash@example.se | " + ackSubject));

        relay.hang = true;
        FaultRig.handleWholeCase(FaultRig.engineRest(nodeA), reference);
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.hungConnections.get() > 0);
        Map<String, Object> inFlight = database.queryForMap(
                "select j.id_, j.lock_owner_, j.retries_ from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where d.act_id_ = 'sendFeedback'");
        assertThat(inFlight.get("lock_owner_")).as("locked by node A").isNotNull();

        long closing = System.nanoTime();
        nodeA.close();
        nodeA = null;
        long closeMillis = Duration.ofNanos(System.nanoTime() - closing).toMillis();
        Map<String, Object> afterCrash = database.queryForMap(
                "select lock_owner_, lock_exp_time_, retries_, exception_msg_ from act_ru_job where id_ = ?",
                inFlight.get("id_"));
        long keysAfterCrash = database.queryForObject(
                "select count(*) from app.sent_mail where template = 'feedback'", Long.class);

        nodeB = FaultRig.startNode(postgres.getPort(), mail.getSmtp().getPort(), true, fastExecutor);
        await().atMost(Duration.ofSeconds(90)).until(() -> FaultRig.deliveries(mail).containsKey(
                "crash@example.se | " + feedbackSubject) && database.queryForObject(
                "select count(*) from act_ru_job j join act_ru_jobdef d on d.id_ = j.job_def_id_ "
                + "where d.act_id_ = 'sendFeedback'", Long.class) == 0);
        Thread.sleep(1000);

        Map<String, Integer> delivered = FaultRig.deliveries(mail);
        long duplicates = FaultRig.duplicates(delivered);
        int feedbacks = delivered.getOrDefault("crash@example.se | " + feedbackSubject, 0);
        FaultRig.report(("CrashMidStepFaultTest: node A closed in %d ms with the feedback job in flight; after the "
                + "crash the job was %s, %d feedback keys committed; node B delivered: feedback %d, acknowledgement %d, "
                + "%d duplicates, %d s").formatted(closeMillis, afterCrash, keysAfterCrash, feedbacks,
                delivered.getOrDefault("crash@example.se | " + ackSubject, 0), duplicates,
                Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        assertThat(keysAfterCrash).as("nothing of A's attempt committed").isZero();
        assertThat(feedbacks).isEqualTo(1);
        assertThat(duplicates).isZero();
        assertThat(database.queryForObject("select status from app.citizen_case where reference = ?", String.class,
                reference)).isEqualTo("CLOSED");
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
