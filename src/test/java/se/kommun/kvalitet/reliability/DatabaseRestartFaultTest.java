package se.kommun.kvalitet.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

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
 * PostgreSQL stops for a few seconds under steady intake and comes back on the same port and data: during the
 * outage the API answers 503 with a problem body (never 500, never 201 without a case), every acknowledged
 * reference has its case and process afterwards, and the node serves again without a restart.
 */
@Tag("own-jvm")
class DatabaseRestartFaultTest {

    @TempDir
    Path dataRoot;

    EmbeddedPostgres postgres;
    ConfigurableApplicationContext node;

    @AfterEach
    void tearDown() {
        FaultRig.closeQuietly(node);
        FaultRig.closeQuietly(postgres);
    }

    @Test
    void intakeAnswers503DuringTheOutageAndLosesNothing() throws Exception {
        long started = System.nanoTime();
        Path dataDirectory = dataRoot.resolve("pg");
        postgres = FaultRig.startPostgres(dataDirectory, 0);
        int port = postgres.getPort();
        node = FaultRig.startNode(port, FaultRig.freePort(), false,
                // Answer quickly while the database is away instead of holding the request 10 s.
                "--spring.datasource.hikari.connection-timeout=1500",
                "--spring.datasource.hikari.validation-timeout=1000");
        String base = FaultRig.baseUrl(node);

        List<String> acknowledged = new CopyOnWriteArrayList<>();
        Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong lastAcknowledgedAt = new AtomicLong();
        Runnable client = () -> {
            while (running.get()) {
                FaultRig.Reply reply;
                try {
                    reply = FaultRig.send("POST", base + "/api/cases", FaultRig.complaint(null), null, null);
                } catch (RuntimeException e) {
                    unexpected.add("no answer: " + e.getMessage());
                    continue;
                }
                statuses.computeIfAbsent(reply.status(), s -> new AtomicLong()).incrementAndGet();
                if (reply.status() == 201) {
                    acknowledged.add(reply.json().get("reference").asText());
                    lastAcknowledgedAt.set(System.nanoTime());
                } else if (reply.status() != 503 || !reply.body().contains("\"status\":503")) {
                    unexpected.add(reply.status() + " " + reply.body());
                }
                sleep(20);
            }
        };
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Thread thread = new Thread(client, "intake-client-" + i);
            thread.start();
            clients.add(thread);
        }
        try {
            // Steady intake first, then the outage until both clients have had their 503, then intake again:
            // each phase ends on what the clients saw, not on a clock.
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 20);
            int beforeOutage = acknowledged.size();
            postgres.close();
            postgres = null;
            long outageStarted = System.nanoTime();
            await().atMost(Duration.ofSeconds(60)).until(() -> unavailable(statuses) >= 2);
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).setServerConfig("synchronous_commit", "on").start();
            long restarted = System.nanoTime();
            FaultRig.report("DatabaseRestartFaultTest: database down %d ms; %d cases acknowledged before".formatted(
                    Duration.ofNanos(restarted - outageStarted).toMillis(), beforeOutage));
            // The same node serves again without a restart.
            await().atMost(Duration.ofSeconds(60)).until(() -> lastAcknowledgedAt.get() > restarted);
            int afterRestart = acknowledged.size();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= afterRestart + 20);
        } finally {
            running.set(false);
            for (Thread thread : clients) {
                thread.join(40_000);
            }
        }

        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
        Set<String> stored = new HashSet<>(database.queryForList("select reference from app.citizen_case", String.class));
        Set<String> withProcess = new HashSet<>(database.queryForList(
                "select business_key_ from act_hi_procinst where proc_def_key_ = 'caseHandling'", String.class));
        Set<String> running2 = new HashSet<>(database.queryForList(
                "select business_key_ from act_ru_execution where parent_id_ is null and business_key_ is not null",
                String.class));
        long lost = acknowledged.stream().filter(reference -> !stored.contains(reference)
                || !withProcess.contains(reference) || !running2.contains(reference)).count();
        long duplicates = acknowledged.size() - new HashSet<>(acknowledged).size();
        Set<String> unacknowledged = new HashSet<>(stored);
        acknowledged.forEach(unacknowledged::remove);
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, n) -> byStatus.put(status, n.get()));
        FaultRig.report(("DatabaseRestartFaultTest: answers %s; %d acknowledged, %d lost, %d duplicate references, "
                + "%d stored but not acknowledged (commit raced the outage), %d unexpected answers, %d s").formatted(
                byStatus, acknowledged.size(), lost, duplicates, unacknowledged.size(), unexpected.size(),
                Duration.ofNanos(System.nanoTime() - started).toSeconds()));

        assertThat(unexpected).as("answers other than 201 or 503 problem").isEmpty();
        assertThat(lost).as("acknowledged but lost").isZero();
        assertThat(duplicates).isZero();
        assertThat(byStatus).containsKeys(201, 503);
        // Every stored case has its process: no half-written intake.
        assertThat(withProcess).containsAll(stored);
    }

    private static long unavailable(Map<Integer, AtomicLong> statuses) {
        AtomicLong count = statuses.get(503);
        return count == null ? 0 : count.get();
    }

    /** Client think time between two requests; not a wait for anything. */
    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
