package se.kommun.kvalitet.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
 * A node dies in the middle of a step that sends mail.
 * <ul>
 * <li>Before the SMTP server accepted anything (the server hangs): node A's context is closed with no time to
 * drain, as a crash would; its pool aborts the connection of the in-flight transaction, nothing of the attempt
 * commits, and once A's lock expires node B sends the mail exactly once.</li>
 * <li>After the server accepted the mail, before the step committed: node A runs in a JVM of its own and gets a
 * SIGKILL (kill -9). The mail is out but its key is not recorded, so B sends it again: at-least-once. The test
 * asserts the bound (duplicates never exceed the sends in flight at the kill) and that each resend carries the
 * original's Message-ID, so the recipient's mail client shows one mail.</li>
 * </ul>
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
    FaultRig.NodeProcess killedNode;

    static final String[] FAST_EXECUTOR = {"--camunda.bpm.job-execution.lock-time-in-millis=5000",
            "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000"};

    @AfterEach
    void tearDown() throws InterruptedException {
        if (killedNode != null && killedNode.process().isAlive()) {
            killedNode.kill();
        }
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
        String[] fastExecutor = FAST_EXECUTOR;

        nodeA = FaultRig.startNode(postgres.getPort(), relay.port(), true, concat(fastExecutor,
                // A's send must still hang when A is gone. A graceful close lets running jobs finish for up to
                // kvalitet.job-executor.drain-timeout (20 s); give it none, as a crash would.
                "--spring.mail.properties.mail.smtp.timeout=60000",
                "--kvalitet.job-executor.drain-timeout=0s"));
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
        FaultRig.awaitQuiescence(database, mail, Duration.ofSeconds(60));

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

    @Test
    void killedMidSendDuplicatesAtMostTheMailsInFlightEachWithTheOriginalsMessageId() throws Exception {
        int cases = 3;
        long started = System.nanoTime();
        postgres = FaultRig.startPostgres(dataRoot.resolve("pg"), 0);
        mail = FaultRig.startMail(FaultRig.freePort());
        relay = new SwitchableSmtp(mail.getSmtp().getPort());
        relay.swallowAccepts = true;
        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());

        killedNode = FaultRig.startNodeProcess(dataRoot.resolve("node-a"), postgres.getPort(), relay.port(),
                concat(FAST_EXECUTOR,
                        // One job per batch, so each of the three job threads is inside a send of its own.
                        "--camunda.bpm.job-execution.max-jobs-per-acquisition=1",
                        "--spring.mail.properties.mail.smtp.timeout=300000"));
        List<String> recipients = new ArrayList<>();
        Map<String, String> subjects = new HashMap<>();
        for (int i = 0; i < cases; i++) {
            String recipient = "kill-" + i + "@example.se";
            String reference = FaultRig.submit(killedNode.baseUrl(), recipient);
            recipients.add(recipient);
            subjects.put(recipient, recipient + " | Vi har tagit emot ditt ärende " + reference);
        }
        // Every acknowledgement is stored by the SMTP server while node A still waits for its 250.
        await().atMost(Duration.ofSeconds(60)).until(() -> relay.swallowedAccepts.get() == cases
                && mail.getReceivedMessages().length == cases);
        int inFlight = relay.swallowedAccepts.get();
        long keysAtKill = database.queryForObject("select count(*) from app.sent_mail", Long.class);

        killedNode.kill();
        nodeB = FaultRig.startNode(postgres.getPort(), mail.getSmtp().getPort(), true, FAST_EXECUTOR);
        FaultRig.awaitQuiescence(database, mail, Duration.ofSeconds(120));

        Map<String, List<String>> messageIds = FaultRig.messageIds(mail);
        long lost = recipients.stream().filter(r -> !messageIds.containsKey(subjects.get(r))).count();
        long duplicates = FaultRig.duplicates(FaultRig.deliveries(mail));
        long foldedIntoOne = recipients.stream().map(r -> messageIds.getOrDefault(subjects.get(r), List.of()))
                .filter(ids -> ids.size() > 1 && new HashSet<>(ids).size() == 1).count();
        long keys = database.queryForObject("select count(*) from app.sent_mail where template = 'acknowledgement'",
                Long.class);
        FaultRig.report(("CrashMidStepFaultTest: node A killed (SIGKILL) with %d acknowledgements accepted by the "
                + "SMTP server and unanswered, %d keys committed; node B resent: lost %d, duplicates %d (bound %d), "
                + "%d resends with the original's Message-ID; sent_mail keys %d; %d s").formatted(inFlight,
                keysAtKill, lost, duplicates, inFlight, foldedIntoOne, keys,
                Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        assertThat(keysAtKill).as("nothing of A's attempts committed").isZero();
        assertThat(lost).isZero();
        assertThat(duplicates).as("at-least-once: at most the mails in flight go twice").isLessThanOrEqualTo(inFlight);
        for (String recipient : recipients) {
            assertThat(new HashSet<>(messageIds.get(subjects.get(recipient))))
                    .as("one Message-ID for every copy to " + recipient).hasSize(1);
        }
        assertThat(keys).isEqualTo(cases);
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
