package se.kommun.kvalitet.bench;

import java.io.IOException;
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
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An application under test in its own JVM ({@code java -Xmx512m -jar …}): kvalitet's packaged jar or the
 * baseline bench/bare-camunda, so startup, heap and RSS are those of a real start. Embedded PostgreSQL in a fresh data directory under target/, unless
 * SPRING_DATASOURCE_URL is set (then the external database is used as is).
 */
final class BenchApp implements AutoCloseable {

    static final String ADMIN = basic("admin", "Lokal-Start-2026!");
    static final String BJORN = basic("bjorn", "Demo-Kvalitet-2026!");

    private static final Pattern TOMCAT_PORT = Pattern.compile("Tomcat started on port(?:\\(s\\))?:? (\\d+)");

    final Process process;
    final Path log;
    final String jdbcUrl;
    final String jdbcUser;
    final String jdbcPassword;
    final boolean externalDatabase;
    final double startupSeconds;
    /** With class data sharing: the start that recorded the archive (the extracted jar without one). */
    Double trainingStartupSeconds;
    final int port;
    final HttpClient http;

    private BenchApp(Process process, Path log, String jdbcUrl, String jdbcUser, String jdbcPassword,
            boolean externalDatabase, double startupSeconds, int port, HttpClient http) {
        this.process = process;
        this.log = log;
        this.jdbcUrl = jdbcUrl;
        this.jdbcUser = jdbcUser;
        this.jdbcPassword = jdbcPassword;
        this.externalDatabase = externalDatabase;
        this.startupSeconds = startupSeconds;
        this.port = port;
        this.http = http;
    }

    /**
     * kvalitet's packaged jar, with -Dbench.appArgs; the external database when SPRING_DATASOURCE_URL is set. With
     * -Dbench.cds=true (the default) it runs as Spring Boot documents for class data sharing: the packaged jar
     * extracted ({@code java -Djarmode=tools -jar … extract}), started once to record the classes it loads
     * ({@code -XX:ArchiveClassesAtExit}, stopped when healthy), then started with that archive
     * ({@code -XX:SharedArchiveFile}). The training start's time is {@link #trainingStartupSeconds}.
     */
    static BenchApp kvalitet(Path projectDir, Path jar, String stamp) throws Exception {
        Path workDir = projectDir.resolve("target/bench");
        Path runJar = jar;
        List<String> jvmOptions = List.of();
        Double trainingStartup = null;
        if (Boolean.parseBoolean(System.getProperty("bench.cds", "true"))) {
            Path extracted = workDir.resolve("extracted-" + stamp);
            run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    extracted.toString()), workDir.resolve("extract-" + stamp + ".log"), projectDir);
            runJar = extracted.resolve(jar.getFileName());
            Path archive = extracted.resolve("kvalitet.jsa");
            // close() stops it with SIGTERM and waits: the JVM writes the archive as it exits.
            try (BenchApp training = kvalitet(projectDir, runJar, "training-" + stamp,
                    List.of("-XX:ArchiveClassesAtExit=" + archive))) {
                trainingStartup = training.startupSeconds;
            }
            if (!Files.isRegularFile(archive)) {
                throw new IllegalStateException("No class data archive after the training start: " + archive);
            }
            jvmOptions = List.of("-XX:SharedArchiveFile=" + archive);
        }
        BenchApp app = kvalitet(projectDir, runJar, stamp, jvmOptions);
        app.trainingStartupSeconds = trainingStartup;
        return app;
    }

    private static BenchApp kvalitet(Path projectDir, Path jar, String stamp, List<String> jvmOptions)
            throws Exception {
        Path workDir = projectDir.resolve("target/bench");
        String externalUrl = System.getenv("SPRING_DATASOURCE_URL");
        boolean external = externalUrl != null && !externalUrl.isBlank();
        int pgPort = freePort();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--kvalitet.rate-limit.enabled=false",
                "--kvalitet.mail-catcher.port=0",
                "--camunda.bpm.job-execution.enabled=true"));
        if (!external) {
            arguments.add("--kvalitet.embedded-database.data-directory=" + workDir.resolve("postgres-" + stamp));
            arguments.add("--kvalitet.embedded-database.port=" + pgPort);
        } else {
            // The benchmark logs in with the demo users and development admin password (security.ProductionGuard).
            arguments.add("--kvalitet.allow-development-defaults=true");
        }
        arguments.addAll(extraArguments());
        String url = external ? externalUrl : "jdbc:postgresql://localhost:" + pgPort + "/postgres";
        String user = external ? System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres") : "postgres";
        String password = external ? System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "") : "postgres";
        return start(projectDir, jar, jvmOptions, workDir.resolve("app-" + stamp + ".log"), arguments, url, user,
                password, external);
    }

    private static void run(List<String> command, Path log, Path projectDir) throws Exception {
        Files.createDirectories(log.getParent());
        System.out.println("Running: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Failed: " + String.join(" ", command) + "; see " + log);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The baseline (bench/bare-camunda): always its own embedded PostgreSQL, in a fresh data directory. */
    static BenchApp bare(Path projectDir, Path jar, String stamp) throws Exception {
        Path workDir = projectDir.resolve("target/bench");
        int pgPort = freePort();
        List<String> arguments = List.of("--server.port=0",
                "--bare.postgres.data-directory=" + workDir.resolve("bare-postgres-" + stamp),
                "--bare.postgres.port=" + pgPort);
        return start(projectDir, jar, List.of(), workDir.resolve("bare-" + stamp + ".log"), arguments,
                "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "postgres", false);
    }

    /**
     * Builds bench/bare-camunda with the project's Maven wrapper (offline when the outer build is) and returns
     * its jar.
     */
    static Path buildBare(Path projectDir) throws Exception {
        Path pom = projectDir.resolve("bench/bare-camunda/pom.xml");
        List<String> command = new ArrayList<>(List.of(projectDir.resolve("mvnw").toString(), "-B", "-q",
                "-f", pom.toString(), "package"));
        if (offline()) {
            command.add(1, "-o");
        }
        Path log = projectDir.resolve("target/bench/bare-build.log");
        Files.createDirectories(log.getParent());
        System.out.println("Building the baseline: " + String.join(" ", command));
        Process build = new ProcessBuilder(command).directory(projectDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!build.waitFor(600, TimeUnit.SECONDS) || build.exitValue() != 0) {
            build.destroyForcibly();
            throw new IllegalStateException("Building bench/bare-camunda failed; see " + log);
        }
        return projectDir.resolve("bench/bare-camunda/target/bare-camunda.jar");
    }

    /**
     * -Dbench.offline=true|false, else offline when the outer Maven was called with -o (the mvn script exports
     * its arguments as MAVEN_CMD_LINE_ARGS, and the forked test JVM inherits it).
     */
    private static boolean offline() {
        String property = System.getProperty("bench.offline");
        if (property != null && !property.isBlank()) {
            return Boolean.parseBoolean(property);
        }
        String arguments = " " + System.getenv().getOrDefault("MAVEN_CMD_LINE_ARGS", "") + " ";
        return arguments.contains(" -o ") || arguments.contains(" --offline ");
    }

    private static BenchApp start(Path projectDir, Path jar, List<String> jvmOptions, Path log,
            List<String> arguments, String url, String user, String password, boolean external) throws Exception {
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("KVALITET_RATELIMIT_ENABLED", "false");
        System.out.println("Starting: " + String.join(" ", command));
        long t0 = System.nanoTime();
        Process process = builder.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        int port = -1;
        long deadline = t0 + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Application exited with " + process.exitValue() + "; see " + log);
            }
            if (port < 0) {
                Matcher m = TOMCAT_PORT.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    port = Integer.parseInt(m.group(1));
                }
            }
            if (port > 0) {
                try {
                    HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health")).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                        break;
                    }
                } catch (IOException ignored) {
                    // not listening yet
                }
            }
            Thread.sleep(100);
        }
        double startup = (System.nanoTime() - t0) / 1e9;
        if (port < 0 || System.nanoTime() >= deadline) {
            process.destroyForcibly();
            throw new IllegalStateException("Application not healthy within 240 s; see " + log);
        }
        System.out.printf("Application healthy on port %d after %.1f s (pid %d)%n", port, startup, process.pid());
        return new BenchApp(process, log, url, user, password, external, startup, port, http);
    }

    /** -Dbench.appArgs="--a=b --c=d" passes extra arguments to the application (e.g. to try a setting). */
    private static List<String> extraArguments() {
        String extra = System.getProperty("bench.appArgs", "").trim();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path, String auth) throws IOException, InterruptedException {
        return get(path, auth, "application/json");
    }

    /** @param auth null for an anonymous request */
    HttpResponse<String> get(String path, String auth, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", accept)
                .timeout(Duration.ofSeconds(60)).GET();
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String auth, String json) throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json));
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Resident set size of the application JVM, in MiB (VmRSS, and VmHWM = peak). */
    long[] rssMiB() throws IOException {
        long rss = -1;
        long hwm = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                hwm = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return new long[] {rss, hwm};
    }

    @Override
    public void close() throws Exception {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            if (child.isAlive()) {
                child.destroy();
            }
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
