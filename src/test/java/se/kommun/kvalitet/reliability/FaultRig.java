package se.kommun.kvalitet.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetApplication;

import static org.awaitility.Awaitility.await;

/**
 * What the fault tests share: an external PostgreSQL and SMTP server they own (so they can stop them), whole
 * application nodes started with command-line arguments (so the shared cached test context is untouched), and
 * a small HTTP client for our API and the engine REST API.
 */
final class FaultRig {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Lokal-Start-2026!";
    static final String OFFICER = "bjorn";
    static final String DEMO_PASSWORD = "Demo-Kvalitet-2026!";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FaultRig() {
    }

    /** A PostgreSQL whose data directory outlives {@link EmbeddedPostgres#close()}, on a fixed port if given. */
    static EmbeddedPostgres startPostgres(Path dataDirectory, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("max_connections", "300");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    static GreenMail startMail(int port) {
        GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        return mail;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** One application node on the given database and SMTP port; extra arguments win over the defaults. */
    static ConfigurableApplicationContext startNode(int postgresPort, int smtpPort, boolean jobExecutor,
            String... extra) {
        List<String> args = nodeArguments(postgresPort, smtpPort, jobExecutor, extra);
        args.add(0, "--server.port=0");
        return new SpringApplicationBuilder(KvalitetApplication.class).profiles("test")
                .run(args.toArray(String[]::new));
    }

    private static List<String> nodeArguments(int postgresPort, int smtpPort, boolean jobExecutor, String... extra) {
        // A repeated argument becomes a list ("0,8080"): each setting appears once.
        List<String> args = new ArrayList<>(List.of(
                "--camunda.bpm.generate-unique-process-engine-name=true",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgresPort + "/postgres",
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--camunda.bpm.job-execution.enabled=" + jobExecutor,
                "--kvalitet.demo.enabled=true"));
        args.addAll(List.of(extra));
        return args;
    }

    /** A node in a JVM of its own, so that it can really die: {@link #kill()} is a SIGKILL, as kill -9. */
    record NodeProcess(Process process, String baseUrl, Path log) {
        void kill() throws InterruptedException {
            process.destroyForcibly();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("node process " + process.pid() + " survived SIGKILL");
            }
        }
    }

    /** Like {@link #startNode}, in a child JVM on this test's class path and time zone; returns once it serves. */
    static NodeProcess startNodeProcess(Path workDirectory, int postgresPort, int smtpPort, String... extra)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m"));
        // The zone surefire gives this JVM (pom.xml), not read from the JVM default (ClockRulesTest).
        String zone = System.getProperty("user.timezone", "");
        if (!zone.isBlank()) {
            command.add("-Duser.timezone=" + zone);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), KvalitetApplication.class.getName(),
                "--spring.profiles.active=test"));
        command.addAll(nodeArguments(postgresPort, smtpPort, true, extra));
        command.add("--server.port=" + port);
        Files.createDirectories(workDirectory);
        // Under target/, not the test's temporary directory: the log outlives a failed run.
        Path log = Files.createDirectories(Path.of("target", "fault-nodes")).resolve("node-" + port + ".log");
        Process process = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String baseUrl = "http://127.0.0.1:" + port;
        try {
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("node process exited with " + process.exitValue() + ", see " + log);
                }
                try {
                    return send("GET", baseUrl + "/api/categories", null, null, null).status() == 200;
                } catch (IllegalStateException notListeningYet) {
                    return false;
                }
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new NodeProcess(process, baseUrl, log);
    }

    /**
     * Waits until nothing is left to happen: no job locked by any node (running, or held by a dead node until
     * its lock expires), none due with retries left, and the SMTP server's count unchanged since the previous
     * look. A send happens only inside a job that holds its lock until the job's transaction ends, and GreenMail
     * stores a mail before it answers, so this proves no send is in flight. The repeating history cleanup job
     * is not ours to wait for.
     */
    static void awaitQuiescence(JdbcTemplate database, GreenMail mail, Duration atMost) {
        AtomicLong previous = new AtomicLong(-1);
        await("no locked or due jobs, no sends in flight").atMost(atMost).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    long busy = database.queryForObject("""
                            select count(*) from act_ru_job where handler_type_ <> 'history-cleanup' and (
                              lock_owner_ is not null or lock_exp_time_ is not null
                              or (retries_ > 0 and suspension_state_ = 1 and (duedate_ is null or duedate_ <= now())))""",
                            Long.class);
                    long received = mail.getReceivedMessages().length;
                    boolean quiet = busy == 0 && received == previous.get();
                    previous.set(busy == 0 ? received : -1);
                    return quiet;
                });
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("close failed: " + e);
        }
    }

    static String baseUrl(ConfigurableApplicationContext node) {
        return "http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port");
    }

    /**
     * The engine REST API of this node's engine, by name: {@code /engine-rest/task} means the engine named
     * "default" in the JVM-wide registry, which in a test JVM may be another context's engine.
     */
    static String engineRest(ConfigurableApplicationContext node) {
        return baseUrl(node) + "/engine-rest/engine/" + node.getBean(ProcessEngine.class).getName();
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    static Reply send(String method, String url, Object body, String user, String password) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (user != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> complaint(String email) {
        Map<String, Object> matter = new HashMap<>(Map.of("type", "COMPLAINT", "category", "ELDERLY_CARE",
                "description", "Hemtjänsten kom inte i tid.", "language", "sv"));
        if (email != null) {
            matter.put("contact", Map.of("name", "Eva", "email", email));
        }
        return matter;
    }

    /** POST /api/cases; the reference, or an exception if the answer was not 201. */
    static String submit(String baseUrl, String email) {
        Reply reply = send("POST", baseUrl + "/api/cases", complaint(email), null, null);
        if (reply.status() != 201) {
            throw new IllegalStateException("submit: " + reply.status() + " " + reply.body());
        }
        return reply.json().get("reference").asText();
    }

    /** Claims and completes the case's open task as the care officer, through the engine REST API. */
    static void completeTask(String engine, String reference, String taskKey, Map<String, Object> variables) {
        Reply tasks = send("GET", engine + "/task?processInstanceBusinessKey=" + reference + "&taskDefinitionKey="
                + taskKey + "&maxResults=10", null, OFFICER, DEMO_PASSWORD);
        if (tasks.status() != 200 || tasks.json().size() != 1) {
            throw new IllegalStateException("task " + taskKey + " of " + reference + ": " + tasks);
        }
        String taskId = tasks.json().get(0).get("id").asText();
        Reply claim = send("POST", engine + "/task/" + taskId + "/claim", Map.of("userId", OFFICER), OFFICER,
                DEMO_PASSWORD);
        if (claim.status() != 204) {
            throw new IllegalStateException("claim " + taskId + ": " + claim);
        }
        Reply complete = send("POST", engine + "/task/" + taskId + "/complete", Map.of("variables",
                engineVariables(variables)), OFFICER, DEMO_PASSWORD);
        if (complete.status() != 204) {
            throw new IllegalStateException("complete " + taskId + ": " + complete);
        }
    }

    static Map<String, Object> engineVariables(Map<String, Object> variables) {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return typed;
    }

    /** Investigate, act and answer: the case then waits at its feedback mail. */
    static void handleWholeCase(String engine, String reference) {
        completeTask(engine, reference, "investigate",
                Map.of("findings", "Schemat var fel.", "investigationOutcome", "continue"));
        completeTask(engine, reference, "act", Map.of("measures", "Schemat rättat.", "rootCause", "ROUTINE_MISSING"));
        completeTask(engine, reference, "giveFeedback", Map.of("feedback", "Vi har rättat schemat. Tack!"));
    }

    /** Message-IDs of the delivered mails, per recipient and subject, in order of arrival. */
    static Map<String, List<String>> messageIds(GreenMail mail) {
        Map<String, List<String>> ids = new HashMap<>();
        try {
            for (MimeMessage message : mail.getReceivedMessages()) {
                for (Address recipient : message.getAllRecipients()) {
                    ids.computeIfAbsent(recipient + " | " + message.getSubject(), key -> new ArrayList<>())
                            .add(message.getMessageID());
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** Delivered mail counted per recipient and subject. */
    static Map<String, Integer> deliveries(GreenMail mail) {
        Map<String, Integer> counts = new HashMap<>();
        try {
            for (MimeMessage message : mail.getReceivedMessages()) {
                for (Address recipient : message.getAllRecipients()) {
                    counts.merge(recipient + " | " + message.getSubject(), 1, Integer::sum);
                }
            }
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return counts;
    }

    static long duplicates(Map<String, Integer> deliveries) {
        return deliveries.values().stream().filter(count -> count > 1).mapToLong(count -> count - 1).sum();
    }

    static void report(String line) {
        System.out.println("[fault-report] " + line);
    }
}
