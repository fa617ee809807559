package se.kommun.kvalitet.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Timers live in the database, not in a node: a reminder that fell due while no job executor ran fires after
 * the next start, once. Ending the handling (or the whole process) removes its timers.
 */
@Tag("own-jvm")
class TimerRestartTest {

    @TempDir
    Path dataRoot;

    EmbeddedPostgres postgres;
    GreenMail mail;
    ConfigurableApplicationContext node;

    @AfterEach
    void tearDown() {
        FaultRig.closeQuietly(node);
        if (mail != null) {
            mail.stop();
        }
        FaultRig.closeQuietly(postgres);
    }

    @Test
    void overdueReminderFiresAfterRestartAndEndedHandlingLeavesNoTimers() throws Exception {
        long started = System.nanoTime();
        postgres = FaultRig.startPostgres(dataRoot.resolve("pg"), 0);
        mail = FaultRig.startMail(FaultRig.freePort());
        int smtpPort = mail.getSmtp().getPort();
        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());

        node = FaultRig.startNode(postgres.getPort(), smtpPort, false);
        String base = FaultRig.baseUrl(node);
        String reminded = FaultRig.submit(base, "timer@example.se");
        String handled = FaultRig.submit(base, null);
        String deleted = FaultRig.submit(base, null);
        ManagementService firstManagement = node.getBean(ManagementService.class);
        String remindedInstance = instanceOf(node, reminded);
        Job reminder = firstManagement.createJobQuery().processInstanceId(remindedInstance).activityId("reminderDue")
                .singleResult();
        firstManagement.setJobDuedate(reminder.getId(), new Date(System.currentTimeMillis() - 60_000));
        node.close();
        node = null;

        node = FaultRig.startNode(postgres.getPort(), smtpPort, true,
                "--camunda.bpm.job-execution.wait-time-in-millis=200", "--camunda.bpm.job-execution.max-wait=1000");
        base = FaultRig.baseUrl(node);
        ManagementService management = node.getBean(ManagementService.class);
        String reminderSubject = "Påminnelse: ärende " + reminded + " ska besvaras snart";
        await().atMost(Duration.ofSeconds(60)).until(() -> events(database, reminded, "REMINDED") == 1
                && FaultRig.deliveries(mail).keySet().stream().anyMatch(key -> key.endsWith(reminderSubject)));
        // The other escalation timers still wait for their own dates.
        assertThat(management.createJobQuery().processInstanceId(remindedInstance).timers().count()).isEqualTo(2);

        // Handling done: no timers left for that case.
        String handledInstance = instanceOf(node, handled);
        assertThat(management.createJobQuery().processInstanceId(handledInstance).timers().count()).isEqualTo(3);
        FaultRig.handleWholeCase(FaultRig.engineRest(node), handled);
        assertThat(management.createJobQuery().processInstanceId(handledInstance).timers().count()).isZero();
        // Process deleted: no jobs at all.
        String deletedInstance = instanceOf(node, deleted);
        node.getBean(RuntimeService.class).deleteProcessInstance(deletedInstance, "fault test");
        assertThat(management.createJobQuery().processInstanceId(deletedInstance).count()).isZero();

        HistoryService history = node.getBean(HistoryService.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> history.createHistoricProcessInstanceQuery()
                .processInstanceId(handledInstance).finished().count() == 1
                && management.createJobQuery().activityId("sendAcknowledgement").count() == 0);
        FaultRig.awaitQuiescence(database, mail, Duration.ofSeconds(60));
        Map<String, Integer> delivered = FaultRig.deliveries(mail);
        long reminders = delivered.entrySet().stream().filter(e -> e.getKey().endsWith(reminderSubject))
                .mapToInt(Map.Entry::getValue).sum();
        long duplicates = FaultRig.duplicates(delivered);
        FaultRig.report(("TimerRestartTest: reminder fired after restart: %d REMINDED event, %d reminder mail(s) to %s, "
                + "%d duplicates; timers left after handling %d, jobs left after delete %d, %d s").formatted(
                events(database, reminded, "REMINDED"), reminders, delivered.keySet().stream()
                        .filter(k -> k.endsWith(reminderSubject)).map(k -> k.split(" \\| ")[0]).toList(), duplicates,
                management.createJobQuery().processInstanceId(handledInstance).timers().count(),
                management.createJobQuery().processInstanceId(deletedInstance).count(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds()));
        assertThat(events(database, reminded, "REMINDED")).isEqualTo(1);
        assertThat(reminders).isPositive();
        assertThat(duplicates).isZero();
        assertThat(delivered).containsEntry("timer@example.se | Vi har tagit emot ditt ärende " + reminded, 1);
    }

    static String instanceOf(ConfigurableApplicationContext node, String reference) {
        return node.getBean(RuntimeService.class).createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
    }

    static long events(JdbcTemplate database, String reference, String kind) {
        return database.queryForObject("""
                select count(*) from app.case_event e join app.citizen_case c on c.id = e.case_id
                where c.reference = ? and e.kind = ?""", Long.class, reference, kind);
    }
}
