package se.kommun.kvalitet.bench;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * The benchmark suite (bench/README.md). Run with {@code ./mvnw -Pbench verify}; never part of the default
 * build (failsafe includes only this class, and only in the bench profile).
 *
 * <p>Forks the packaged application (-Xmx512m), measures the database's and the engine's own limits, then the
 * product paths against them: intake, case work, escalation timers, Tasklist queries, footprint. Writes
 * bench/results/&lt;timestamp&gt;.json and bench/results/latest.json (+ latest.md).
 */
class KvalitetBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String INTAKE_PAYLOAD = """
            {"type":"COMPLAINT","category":"ELDERLY_CARE","description":"Hemtjänsten kom inte i tid (benchmark).",\
            "contact":{"name":"Eva","email":"eva@example.se"},"language":"sv"}""";
    /** The timer phase's cases: anonymous, so no acknowledgement mail competes with the escalations measured. */
    private static final String ANONYMOUS_INTAKE_PAYLOAD = """
            {"type":"COMPLAINT","category":"ELDERLY_CARE","description":"Hemtjänsten kom inte i tid (benchmark).",\
            "language":"sv"}""";
    private static final String GROUP_FILTER =
            "/engine-rest/task?candidateGroups=careOfficers&sortBy=dueDate&sortOrder=asc&maxResults=15";

    private final double warmup = dbl("bench.warmupSeconds", 2);
    private final double appWarmup = dbl("bench.appWarmupSeconds", 40);
    private final double cheapWarmup = dbl("bench.cheapWarmupSeconds", 15);
    private final int rounds = (int) dbl("bench.rounds", 3);
    private final double roundSeconds = dbl("bench.roundSeconds", 2);
    /** The engine REST steps compared with the bare application: longer, so that a ratio is more than noise. */
    private final double engineWarmup = dbl("bench.engineWarmupSeconds", 5);
    private final int engineRounds = (int) dbl("bench.engineRounds", 5);
    private final double engineRoundSeconds = dbl("bench.engineRoundSeconds", 4);
    private final int timerTarget = (int) dbl("bench.timers", 10_000);
    private final double timerWait = dbl("bench.timerWaitSeconds", 300);
    private final double topUpSeconds = dbl("bench.topUpSeconds", 360);
    private final int openTaskTarget = (int) dbl("bench.openTasks", 100_000);
    private final double seedSeconds = dbl("bench.seedSeconds", 150);
    /** -Dbench.phases=timers,queries runs a subset (default: all). */
    private final List<String> phases = List.of(System.getProperty("bench.phases",
            "bare,database,engine,intake,cheap,caseWork,timers,statistics,seed").split(","));

    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> table = new ArrayList<>();
    private final Map<String, Object> loadAverages = new LinkedHashMap<>();
    private long totalErrors;

    @Test
    void benchmark() throws Exception {
        Path projectDir = Path.of(System.getProperty("bench.projectDir", ".")).toAbsolutePath().normalize();
        Path jar = Path.of(System.getProperty("bench.jar", "target/kvalitet-0.1.0-SNAPSHOT.jar"));
        String stamp = LocalDateTime.now(ClockConfiguration.MUNICIPAL_ZONE).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        long wallStart = System.nanoTime();
        results.put("timestamp", Instant.now().toString());
        results.put("command", "./mvnw -Pbench verify");
        results.put("gitCommit", git(projectDir));
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("nproc", sh("nproc"));
        machine.put("loadAverageAtStart", loadAverage());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        results.put("machine", machine);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("warmupSeconds", warmup);
        config.put("appWarmupSeconds", appWarmup);
        config.put("cheapWarmupSeconds", cheapWarmup);
        config.put("rounds", rounds);
        config.put("roundSeconds", roundSeconds);
        config.put("engineWarmupSeconds", engineWarmup);
        config.put("engineRounds", engineRounds);
        config.put("engineRoundSeconds", engineRoundSeconds);
        config.put("timers", timerTarget);
        config.put("openTasks", openTaskTarget);
        config.put("appHeap", "-Xmx512m");
        config.put("appArgs", System.getProperty("bench.appArgs", ""));
        results.put("config", config);
        header();

        if (phases.contains("bare")) {
            bareBaseline(projectDir, stamp);
        }
        try (BenchApp app = BenchApp.kvalitet(projectDir, jar, stamp);
                HikariDataSource db = dataSource(app)) {
            results.put("versions", versions(app, db));
            Map<String, Object> footprint = new LinkedHashMap<>();
            footprint.put("startupToHealthySeconds", Load.round1(app.startupSeconds));
            footprint.put("classDataSharing", app.trainingStartupSeconds != null);
            footprint.put("trainingStartupToHealthySeconds", app.trainingStartupSeconds == null ? null
                    : Load.round1(app.trainingStartupSeconds));
            footprint.put("externalDatabase", app.externalDatabase);
            results.put("footprint", footprint);
            if (app.trainingStartupSeconds != null) {
                row("startup to healthy, extracted jar without an archive (training start)", "-",
                        Load.round1(app.trainingStartupSeconds) + " s", "", "", "", "0");
            }
            row(app.trainingStartupSeconds == null ? "startup to healthy" : "startup to healthy, with the archive",
                    "-", Load.round1(app.startupSeconds) + " s", "", "", "", "0");

            if (phases.contains("database")) {
                databaseLimit(db);
            }
            ProcessEngine engine = standaloneEngine(db);
            try {
                deployBenchProcesses(engine);
                if (appWarmup > 0 && (phases.contains("engine") || phases.contains("intake"))) {
                    warmUpApplication(app, db);
                }
                if (phases.contains("engine")) {
                    engineLimit(app, db, engine);
                }
                if (phases.contains("intake")) {
                    intake(app, db);
                    footprint.putAll(footprint(app, "", "afterIntake"));
                }
                if (phases.contains("cheap")) {
                    cheapEndpoints(app);
                }
                if (phases.contains("caseWork")) {
                    caseWork(app, db);
                }
                if (phases.contains("timers")) {
                    timers(app, db);
                }
                if (phases.contains("statistics")) {
                    statistics(app, db, projectDir);
                }
                if (phases.contains("seed")) {
                    seedAndQuery(app, db, engine, projectDir);
                }
                footprint.putAll(footprint(app, "", "atEnd"));
            } finally {
                engine.close();
            }
        } finally {
            machine.put("loadAverageAtEnd", loadAverage());
            machine.put("loadAveragePerPhase", loadAverages);
            results.put("errorsTotal", totalErrors);
            results.put("wallSeconds", Load.round1((System.nanoTime() - wallStart) / 1e9));
            results.put("table", table);
            write(projectDir, stamp);
        }
    }

    // ---- 1. Database limit ------------------------------------------------------------------------------

    private void databaseLimit(HikariDataSource db) throws Exception {
        phase("database");
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema if not exists bench");
            s.execute("create table if not exists bench.scratch (id bigserial primary key, payload text not null, "
                    + "created_at timestamptz not null default now())");
        }
        List<Object> out = new ArrayList<>();
        for (int clients : new int[] {1, 4, 16}) {
            Connection[] connections = new Connection[clients];
            PreparedStatement[] statements = new PreparedStatement[clients];
            for (int i = 0; i < clients; i++) {
                connections[i] = db.getConnection();
                connections[i].setAutoCommit(true);
                statements[i] = connections[i].prepareStatement("insert into bench.scratch (payload) values (?)");
            }
            try {
                Load.Result r = load().run("db insert+commit", clients, client -> {
                    statements[client].setString(1, "benchmark row");
                    statements[client].executeUpdate();
                });
                out.add(record(r));
            } finally {
                for (Connection connection : connections) {
                    connection.close();
                }
            }
        }
        results.put("databaseInsertCommit", out);
    }

    // ---- 2. Engine limit --------------------------------------------------------------------------------

    private static void deployBenchProcesses(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().name("kvalitet-benchmark").enableDuplicateFiltering(true)
                .addClasspathResource("bench/bench-minimal.bpmn").addClasspathResource("bench/bench-seed.bpmn")
                .deploy();
    }

    /**
     * A freshly started JVM runs the intake path interpreted and compiles it over the first few thousand
     * requests (on 2 cores the CPU per intake fell by half over ~2,000 intakes). A node in service is warm, so
     * both paths measured over HTTP run unrecorded at 16 clients first; the per-level warm-up stays short. The
     * intakes get their own warm-up, then the engine requests the bare application's (bareBaseline), last, as there:
     * the engine phase comes next, and on 2 cores the JIT compiler still working on the intake path would slow it.
     */
    private void warmUpApplication(BenchApp app, HikariDataSource db) throws Exception {
        phase("warm-up");
        long intakes = new Load(appWarmup, 0, 0).warmUp(16,
                client -> expect(app.post("/api/cases", null, INTAKE_PAYLOAD), 201));
        long engineRequests = new Load(appWarmup, 0, 0).warmUp(16, client -> engineWarmUp(app));
        System.out.printf("  %d intakes, then %d engine REST requests, at 16 clients in %.0f s each, not recorded%n",
                intakes, engineRequests, appWarmup);
        results.put("appWarmup", Map.of("seconds", appWarmup, "engineOperations", engineRequests,
                "intakeOperations", intakes, "jobDrain", drainJobs(db, 90)));
    }

    private void engineLimit(BenchApp app, HikariDataSource db, ProcessEngine engine) throws Exception {
        phase("engine");
        List<Object> java = new ArrayList<>();
        RuntimeService runtime = engine.getRuntimeService();
        results.putAll(engineRest(app, db, ""));
        for (int clients : new int[] {1, 4, 16}) {
            Load.Result r = load().run("engine Java start (in-proc)", clients,
                    client -> runtime.startProcessInstanceByKey("benchMinimal"));
            java.add(record(r));
        }
        results.put("engineStartJavaInProcess", java);
    }

    // ---- 0. The baseline: a bare Camunda REST application -------------------------------------------------

    /**
     * bench/bare-camunda, built here and run alone before kvalitet (never both at once), warmed up like kvalitet
     * and measured with the same requests (engineRest); the ratios ours / bare are in targets().
     */
    private void bareBaseline(Path projectDir, String stamp) throws Exception {
        phase("bare");
        Path jar = BenchApp.buildBare(projectDir);
        Map<String, Object> bare = new LinkedHashMap<>();
        try (BenchApp app = BenchApp.bare(projectDir, jar, stamp); HikariDataSource db = dataSource(app)) {
            bare.put("startupToHealthySeconds", Load.round1(app.startupSeconds));
            row("bare: startup to healthy", "-", Load.round1(app.startupSeconds) + " s", "", "", "", "0");
            if (appWarmup > 0) {
                long operations = new Load(appWarmup, 0, 0).warmUp(16, client -> engineWarmUp(app));
                bare.put("appWarmup", Map.of("seconds", appWarmup, "operations", operations));
                System.out.printf("  bare: %d engine REST requests at 16 clients in %.0f s, not recorded%n",
                        operations, appWarmup);
            }
            bare.putAll(engineRest(app, db, "bare: "));
            bare.putAll(footprint(app, "bare: ", "atEnd"));
        }
        results.put("bare", bare);
    }

    /** The warm-up's engine share, the same on both applications: a start, the version, the task query. */
    private static void engineWarmUp(BenchApp app) throws Exception {
        switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> expect(app.post(START_MINIMAL, BenchApp.ADMIN, "{}"), 200);
            case 1 -> expect(app.get("/engine-rest/version", BenchApp.BJORN), 200);
            default -> expect(app.get(TASK_QUERY, BenchApp.ADMIN), 200);
        }
    }

    private static final String START_MINIMAL = "/engine-rest/process-definition/key/benchMinimal/start";
    private static final String TASK_QUERY = "/engine-rest/task?processDefinitionKey=benchMinimal&maxResults=15";

    /**
     * The authenticated engine REST requests measured on kvalitet and on the bare application alike: the
     * version (as the one-group user), the minimal process's start at 1/4/16 clients, the task query and the
     * task completion at 4 (as admin, on the minimal process's tasks).
     */
    private Map<String, Object> engineRest(BenchApp app, HikariDataSource db, String label) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        Load engine = new Load(engineWarmup, engineRounds, engineRoundSeconds);
        out.put("engineVersionRest", record(engine.run(label + "GET /engine-rest/version", 4,
                client -> expect(app.get("/engine-rest/version", BenchApp.BJORN), 200))));
        List<Object> starts = new ArrayList<>();
        for (int clients : new int[] {1, 4, 16}) {
            starts.add(record(engine.run(label + "engine REST start", clients,
                    client -> expect(app.post(START_MINIMAL, BenchApp.ADMIN, "{}"), 200))));
        }
        out.put("engineStartRest", starts);
        out.put("engineTaskQueryRest", record(engine.run(label + "engine REST task query", 4, client -> {
            HttpResponse<String> response = app.get(TASK_QUERY, BenchApp.ADMIN);
            expect(response, 200);
            if (JSON.readTree(response.body()).isEmpty()) {
                throw new IllegalStateException("no benchMinimal task");
            }
        })));
        // Completion needs one open task per request: enough for three times the start rate, topped up if short.
        double startRate = (Double) ((Map<?, ?>) starts.get(1)).get("perSecond");
        double stepSeconds = engineWarmup + engineRounds * engineRoundSeconds;
        long needed = (long) Math.ceil(3 * Math.max(startRate, 10) * stepSeconds) + 100;
        String openTasks = "select t.id_ from act_ru_task t join act_re_procdef d on d.id_ = t.proc_def_id_ "
                + "where d.key_ = 'benchMinimal'";
        long open = count(db, "select count(*) from (" + openTasks + ") t");
        if (open < needed) {
            AtomicLong toStart = new AtomicLong(needed - open);
            long deadline = System.nanoTime() + 120_000_000_000L;
            parallel(8, () -> {
                while (toStart.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    try {
                        expect(app.post(START_MINIMAL, BenchApp.ADMIN, "{}"), 200);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
        ConcurrentLinkedQueue<String> tasks = new ConcurrentLinkedQueue<>(strings(db, openTasks));
        out.put("engineTaskCompleteRest", record(engine.run(label + "engine REST task completion", 4, client -> {
            String id = tasks.poll();
            if (id == null) {
                throw new IllegalStateException("out of open benchMinimal tasks");
            }
            expect(app.post("/engine-rest/task/" + id + "/complete", BenchApp.ADMIN, "{}"), 204);
        })));
        return out;
    }

    // ---- 3. Intake --------------------------------------------------------------------------------------

    private void intake(BenchApp app, HikariDataSource db) throws Exception {
        phase("intake");
        List<Object> out = new ArrayList<>();
        Map<String, Object> drains = new LinkedHashMap<>();
        for (int clients : new int[] {1, 4, 16, 64}) {
            Load.Result r = load().run("intake POST /api/cases", clients, client -> {
                HttpResponse<String> response = app.post("/api/cases", null, INTAKE_PAYLOAD);
                expect(response, 201);
            });
            out.add(record(r));
            drains.put("after" + clients + "clients", drainJobs(db, 90));
        }
        results.put("intake", out);
        results.put("acknowledgementJobDrain", drains);
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            Map<?, ?> in = (Map<?, ?>) out.get(i);
            double intakeRate = (Double) in.get("perSecond");
            double rest = (Double) ((Map<?, ?>) ((List<?>) results.get("engineStartRest")).get(i)).get("perSecond");
            double java = (Double) ((Map<?, ?>) ((List<?>) results.get("engineStartJavaInProcess")).get(i))
                    .get("perSecond");
            double dbRate = (Double) ((Map<?, ?>) ((List<?>) results.get("databaseInsertCommit")).get(i))
                    .get("perSecond");
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put("intakeToEngineJava", round2(intakeRate / java));
            ratio.put("intakeToEngineRest", round2(intakeRate / rest));
            ratio.put("intakeToDatabase", round2(intakeRate / dbRate));
            ratios.put("clients" + in.get("clients"), ratio);
        }
        results.put("intakeRatios", ratios);
        System.out.println("  ratios: " + ratios);
    }

    // ---- 3b. Static and cheap endpoints --------------------------------------------------------------------

    /**
     * Each endpoint is warmed up first, unrecorded, like the intake and engine paths: the form's templates run
     * interpreted until the JIT has seen some thousand views (wrk: 1,130/s over the first 10 s, 3,200/s from the
     * third 10 s on, 2026-12-04).
     */
    private void cheapEndpoints(BenchApp app) throws Exception {
        phase("cheap");
        Load.Op categories = client -> expect(app.get("/api/categories", null), 200);
        Load.Op form = client -> expect(app.get("/rapportera", null, "text/html"), 200);
        long warmUps = new Load(cheapWarmup, 0, 0).warmUp(4, categories)
                + new Load(cheapWarmup, 0, 0).warmUp(4, form);
        System.out.printf("  %d requests at 4 clients in %.0f s per endpoint, not recorded%n", warmUps, cheapWarmup);
        results.put("categories", record(load().run("GET /api/categories", 4, categories)));
        results.put("publicForm", record(load().run("GET /rapportera (public form)", 4, form)));
    }

    // ---- 4. Case work -----------------------------------------------------------------------------------

    private void caseWork(BenchApp app, HikariDataSource db) throws Exception {
        phase("caseWork");
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(strings(db,
                "select reference from app.citizen_case where category = 'ELDERLY_CARE' and closed_at is null "
                        + "order by id limit 3000"));
        Map<String, String> variables = Map.of(
                "investigate", "{\"variables\":{\"findings\":{\"value\":\"Schemat var fel.\"},"
                        + "\"investigationOutcome\":{\"value\":\"continue\"}}}",
                "act", "{\"variables\":{\"measures\":{\"value\":\"Schemat rättat.\"},"
                        + "\"rootCause\":{\"value\":\"ROUTINE_MISSING\"}}}",
                "giveFeedback", "{\"variables\":{\"feedback\":{\"value\":\"Vi har rättat schemat. Tack!\"}}}");
        List<Object> out = new ArrayList<>();
        for (int clients : new int[] {1, 4, 16}) {
            Load.Result r = load().run("case work (3 tasks/cycle)", clients, client -> {
                String reference = queue.poll();
                if (reference == null) {
                    throw new IllegalStateException("out of open cases");
                }
                for (String step : List.of("investigate", "act", "giveFeedback")) {
                    HttpResponse<String> tasks = app.get("/engine-rest/task?processInstanceBusinessKey=" + reference
                            + "&taskDefinitionKey=" + step + "&maxResults=5", BenchApp.BJORN);
                    expect(tasks, 200);
                    JsonNode list = JSON.readTree(tasks.body());
                    if (list.isEmpty()) {
                        throw new IllegalStateException("no " + step + " task for " + reference);
                    }
                    String id = list.get(0).get("id").asText();
                    expect(app.post("/engine-rest/task/" + id + "/claim", BenchApp.BJORN, "{\"userId\":\"bjorn\"}"),
                            204);
                    expect(app.post("/engine-rest/task/" + id + "/complete", BenchApp.BJORN, variables.get(step)),
                            204);
                }
            });
            Map<String, Object> map = r.toMap();
            map.put("casesPerSecond", map.remove("perSecond"));
            map.put("tasksPerSecond", Load.round1(r.perSecond() * 3));
            map.put("latencyIs", "per case: 3 x (GET task, claim, complete)");
            totalErrors += r.errors();
            out.add(map);
            row("case work, tasks/s", String.valueOf(clients), fmt(r.perSecond() * 3), fmt(r.p50Ms() / 3),
                    fmt(r.p95Ms() / 3), fmt(r.p99Ms() / 3), String.valueOf(r.errors()));
        }
        results.put("caseWork", out);
        results.put("feedbackJobDrain", drainJobs(db, 90));
    }

    // ---- 5. Timers --------------------------------------------------------------------------------------

    private static final String ESCALATION_MAILS =
            "select count(*) from app.sent_mail where template in ('escalation', 'escalation-bundle')";
    private static final String ESCALATION_JOBS = "select j.id_ from act_ru_job j join act_ru_jobdef d "
            + "on d.id_ = j.job_def_id_ where d.act_id_ = 'dueDateReached'";

    private void timers(BenchApp app, HikariDataSource db) throws Exception {
        phase("timers");
        Map<String, Object> out = new LinkedHashMap<>();
        long existing = count(db, "select count(*) from (" + ESCALATION_JOBS + ") t");
        long missing = Math.max(0, timerTarget - existing);
        if (missing > 0) {
            System.out.printf("  creating %d more anonymous cases through intake (64 clients) for %d timers%n", missing,
                    timerTarget);
            long t0 = System.nanoTime();
            AtomicInteger remaining = new AtomicInteger((int) missing);
            AtomicLong errors = new AtomicLong();
            long deadline = t0 + (long) (topUpSeconds * 1e9);
            // Intake's best throughput (64 clients in the intake phase), to leave time for the timers themselves.
            parallel(64, () -> {
                while (remaining.getAndDecrement() > 0 && System.nanoTime() < deadline) {
                    try {
                        expect(app.post("/api/cases", null, ANONYMOUS_INTAKE_PAYLOAD), 201);
                    } catch (Exception | AssertionError e) {
                        errors.incrementAndGet();
                    }
                }
            });
            double seconds = (System.nanoTime() - t0) / 1e9;
            out.put("topUpCases", missing - Math.max(0, remaining.get()));
            out.put("topUpSeconds", Load.round1(seconds));
            out.put("topUpErrors", errors.get());
            totalErrors += errors.get();
            out.put("topUpAckDrain", drainJobs(db, 300));
        }
        long available = count(db, "select count(*) from (" + ESCALATION_JOBS + ") t");
        long eventsBefore = count(db, "select count(*) from app.case_event where kind = 'ESCALATED_TO_MANAGER'");
        long mailsBefore = count(db, ESCALATION_MAILS);
        int moved;
        long t0;
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // SQL, not PUT /engine-rest/job/{id}/duedate: one statement instead of 10,000 requests.
            moved = s.executeUpdate("update act_ru_job set duedate_ = now() where id_ in (" + ESCALATION_JOBS
                    + " limit " + timerTarget + ")");
            t0 = System.nanoTime();
        }
        System.out.printf("  %d dueDateReached timers moved to now (SQL); waiting up to %.0f s%n", moved, timerWait);
        double firstFire = Double.NaN;
        double lastFire = Double.NaN;
        long fired = 0;
        List<Object> timeline = new ArrayList<>();
        long deadline = t0 + (long) (timerWait * 1e9);
        long nextSample = t0;
        while (System.nanoTime() < deadline) {
            fired = count(db, "select count(*) from app.case_event where kind = 'ESCALATED_TO_MANAGER'")
                    - eventsBefore;
            double t = (System.nanoTime() - t0) / 1e9;
            if (fired > 0 && Double.isNaN(firstFire)) {
                firstFire = t;
            }
            if (System.nanoTime() >= nextSample) {
                timeline.add(List.of(Load.round1(t), fired));
                nextSample += 5_000_000_000L;
            }
            if (fired >= moved) {
                lastFire = t;
                break;
            }
            Thread.sleep(200);
        }
        double elapsed = Double.isNaN(lastFire) ? timerWait : lastFire;
        long failed = count(db, "select count(*) from act_ru_job where exception_msg_ is not null");
        long mails = count(db, ESCALATION_MAILS) - mailsBefore;
        // Escalation mails are bundled per recipient (docs/adr/0019): held here until the window closes.
        out.put("escalationNoticesHeld", count(db, "select count(*) from app.escalation_notice"));
        out.put("timersAvailable", available);
        out.put("timersMoved", moved);
        out.put("dueDateMovedWith", "SQL update act_ru_job set duedate_ = now() (jobs of activity dueDateReached)");
        out.put("fired", fired);
        out.put("complete", fired >= moved);
        out.put("secondsToFirstFire", Load.round1(firstFire));
        out.put("secondsToLastFire", Double.isNaN(lastFire) ? null : Load.round1(lastFire));
        double rate = fired / elapsed;
        double steady = Double.isNaN(firstFire) ? 0 : fired / Math.max(0.001, elapsed - firstFire);
        out.put("firedPerSecond", Load.round1(rate));
        out.put("firedPerSecondAfterFirstFire", Load.round1(steady));
        out.put("escalationMailsSent", mails);
        out.put("jobsWithExceptions", failed);
        out.put("timeline", timeline);
        totalErrors += failed + (fired >= moved ? 0 : 0);
        results.put("timers", out);
        System.out.printf("  timers: %d/%d fired in %.1f s -> %.1f/s (%.1f/s after first fire at %.1f s), "
                + "%d mails, %d failed jobs%n", fired, moved, elapsed, rate, steady, firstFire, mails, failed);
        row("timers fired/s (" + fired + "/" + moved + ")", "-", fmt(rate), "", "", "",
                String.valueOf(failed));
        out.put("afterDrain", drainJobs(db, 60));
    }

    // ---- 6. Seeding and queries -------------------------------------------------------------------------

    // ---- Statistics (issue #20) ------------------------------------------------------------------------

    /**
     * The scenario of bench/statistics: 200,000 closed and 5,000 open cases in 2025, then {@code /api/statistics} for
     * the year and all units as a process owner, one request at a time (a manager opening the page, not a load).
     */
    private void statistics(BenchApp app, HikariDataSource db, Path projectDir) throws Exception {
        phase("statistics");
        long t0 = System.nanoTime();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(projectDir.resolve("bench/statistics/seed.sql")));
        }
        double seedSeconds = (System.nanoTime() - t0) / 1e9;
        String path = "/api/statistics?from=2025-01-01&to=2025-12-31";
        String processOwner = BenchApp.basic("per", "Demo-Kvalitet-2026!");
        for (int i = 0; i < 10; i++) {
            expect(app.get(path, processOwner), 200);
        }
        int requests = 20;
        long[] nanos = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            expect(app.get(path, processOwner), 200);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double median = (nanos[requests / 2 - 1] + nanos[requests / 2]) / 2e6;
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("method", "bench/statistics/seed.sql (205,000 cases of 2025), then GET " + path
                + " as process owner per: 10 warm-up requests, then " + requests + " one after the other");
        statistics.put("seedSeconds", Load.round1(seedSeconds));
        statistics.put("requests", requests);
        statistics.put("medianMs", Load.round1(median));
        statistics.put("p90Ms", Load.round1(Load.pct(nanos, 90)));
        statistics.put("maxMs", Load.round1(nanos[requests - 1] / 1e6));
        results.put("statistics", statistics);
        row("GET /api/statistics, a year of 205,000 cases", "1", fmt(1000 / median), fmt(median),
                fmt(Load.pct(nanos, 95)), fmt(Load.pct(nanos, 99)), "0");
    }

    private static final String OPEN_CARE_TASKS = "select count(*) from act_ru_task t join act_ru_identitylink i "
            + "on i.task_id_ = t.id_ where i.group_id_ = 'careOfficers' and i.type_ = 'candidate'";

    private void seedAndQuery(BenchApp app, HikariDataSource db, ProcessEngine engine, Path projectDir)
            throws Exception {
        phase("seed");
        Map<String, Object> seed = new LinkedHashMap<>();
        long existing = count(db, OPEN_CARE_TASKS);
        long toSeed = Math.max(0, openTaskTarget - existing);
        seed.put("openCareTasksBefore", existing);
        seed.put("method", "engine: RuntimeService.startProcessInstanceByKey('benchSeed') in batches of 250 per "
                + "command (one transaction each), 2 threads, in-process engine on the same database, "
                + "authorization on (creates the task's group authorization like a real start)");
        RuntimeService runtime = engine.getRuntimeService();
        var commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        AtomicLong seeded = new AtomicLong();
        AtomicReference<String> seedError = new AtomicReference<>();
        long t0 = System.nanoTime();
        long deadline = t0 + (long) (seedSeconds * 1e9);
        AtomicInteger batchCounter = new AtomicInteger();
        parallel(2, () -> {
            while (seeded.get() < toSeed && System.nanoTime() < deadline && seedError.get() == null) {
                int batch = (int) Math.min(250, toSeed - seeded.get());
                if (batch <= 0) {
                    break;
                }
                int batchNo = batchCounter.incrementAndGet();
                try {
                    commands.execute(context -> {
                        for (int i = 0; i < batch; i++) {
                            Map<String, Object> vars = new HashMap<>();
                            vars.put("dueDate", Date.from(Instant.now().plusSeconds(
                                    ThreadLocalRandom.current().nextLong(3600, 60L * 24 * 3600))));
                            vars.put("caseReference", "SEED-" + batchNo + "-" + i);
                            vars.put("category", "ELDERLY_CARE");
                            runtime.startProcessInstanceByKey("benchSeed", "SEED-" + batchNo + "-" + i, vars);
                        }
                        return null;
                    });
                    seeded.addAndGet(batch);
                } catch (RuntimeException e) {
                    seedError.compareAndSet(null, e.toString());
                }
            }
        });
        double seconds = (System.nanoTime() - t0) / 1e9;
        seed.put("seededInstances", seeded.get());
        seed.put("seedSeconds", Load.round1(seconds));
        seed.put("seedPerSecond", Load.round1(seeded.get() / Math.max(0.001, seconds)));
        if (seedError.get() != null) {
            seed.put("error", seedError.get());
            totalErrors++;
        }
        System.out.printf("  seeded %d instances in %.1f s (%.0f/s)%n", seeded.get(), seconds,
                seeded.get() / Math.max(0.001, seconds));
        long stillMissing = toSeed - seeded.get();
        if (stillMissing > 0 && seeded.get() > 0) {
            seed.put("sqlFilledTasks", sqlFill(db, stillMissing));
        }
        long t1 = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("analyze");
        }
        seed.put("analyzeSeconds", Load.round1((System.nanoTime() - t1) / 1e9));
        long openCare = count(db, OPEN_CARE_TASKS);
        long openTasks = count(db, "select count(*) from act_ru_task");
        Map<String, Object> history = new LinkedHashMap<>();
        long historyTotal = 0;
        for (String table : List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst", "act_hi_varinst",
                "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log")) {
            long n = count(db, "select count(*) from " + table);
            history.put(table, n);
            historyTotal += n;
        }
        seed.put("openTasks", openTasks);
        seed.put("openCareOfficerTasks", openCare);
        seed.put("historyRows", history);
        seed.put("historyRowsTotal", historyTotal);
        seed.put("authorizationRows", count(db, "select count(*) from act_ru_authorization"));
        results.put("seed", seed);
        row("seed via engine, instances/s", "2", fmt(seeded.get() / Math.max(0.001, seconds)), "", "", "",
                seedError.get() == null ? "0" : "1");
        System.out.printf("  open tasks %d (careOfficers %d), history rows %d%n", openTasks, openCare, historyTotal);

        phase("queries");
        if (!app.externalDatabase) {
            // Evidence for tuning: PostgreSQL logs statements slower than 200 ms to the application log.
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("alter system set log_min_duration_statement = 200");
                s.execute("select pg_reload_conf()");
            }
        }
        // A run of the seed phase alone has no cases from intake: make a few to look up. Only care cases: bjorn is a
        // care officer, and the statistics phase's cases of every unit are refused to him (403) by design.
        String careCases = "select reference from app.citizen_case where candidate_group = 'careOfficers' ";
        for (int i = strings(db, careCases + "limit 50").size(); i < 50; i++) {
            expect(app.post("/api/cases", null, INTAKE_PAYLOAD), 201);
        }
        List<String> references = strings(db, careCases + "and closed_at is null order by random() limit 200");
        List<Object> filter = new ArrayList<>();
        List<Object> lookup = new ArrayList<>();
        for (int clients : new int[] {1, 4}) {
            Load.Result r = load().run("Tasklist group filter", clients, client -> {
                HttpResponse<String> response = app.get(GROUP_FILTER, BenchApp.BJORN);
                expect(response, 200);
                if (JSON.readTree(response.body()).size() != 15) {
                    throw new IllegalStateException("expected a full page of 15 tasks");
                }
            });
            filter.add(record(r));
        }
        for (int clients : new int[] {1, 4}) {
            Load.Result r = load().run("GET /api/cases/{ref}", clients, client -> {
                String reference = references.get(ThreadLocalRandom.current().nextInt(references.size()));
                expect(app.get("/api/cases/" + reference, BenchApp.BJORN), 200);
            });
            lookup.add(record(r));
        }
        Map<String, Object> queries = new LinkedHashMap<>();
        queries.put("openTasksAtQueryTime", openTasks);
        queries.put("groupFilter", filter);
        queries.put("groupFilterRequest", GROUP_FILTER + " (as bjorn)");
        queries.put("caseLookup", lookup);
        results.put("queries", queries);
    }

    /**
     * When the engine could not seed every task within bench.seedSeconds: copies of one engine-made seed task
     * (task, candidate-group identity link, group authorization), with new ids and due dates. Such copies
     * share the template's execution, so they are for queries only; the JSON says how many there are.
     */
    private static long sqlFill(HikariDataSource db, long missing) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("create temp table seed_task on commit drop as select t.* from act_ru_task t "
                    + "where t.task_def_key_ = 'openTask' limit 1");
            s.execute("create temp table new_task on commit drop as select t.*, gen_random_uuid()::text as new_id, "
                    + "now() + random() * interval '60 days' as new_due from seed_task t cross join "
                    + "generate_series(1, " + missing + ")");
            s.execute("update new_task set id_ = new_id, due_date_ = new_due");
            s.execute("alter table new_task drop column new_id, drop column new_due");
            s.execute("insert into act_ru_task select * from new_task");
            s.execute("insert into act_ru_identitylink (id_, rev_, group_id_, type_, user_id_, task_id_, proc_def_id_, "
                    + "tenant_id_) select gen_random_uuid()::text, l.rev_, l.group_id_, l.type_, l.user_id_, n.id_, "
                    + "l.proc_def_id_, l.tenant_id_ from act_ru_identitylink l join seed_task t on l.task_id_ = t.id_ "
                    + "cross join new_task n");
            s.execute("insert into act_ru_authorization (id_, rev_, type_, group_id_, user_id_, resource_type_, "
                    + "resource_id_, perms_, removal_time_, root_proc_inst_id_) select gen_random_uuid()::text, a.rev_, "
                    + "a.type_, a.group_id_, a.user_id_, a.resource_type_, n.id_, a.perms_, a.removal_time_, "
                    + "a.root_proc_inst_id_ from act_ru_authorization a join seed_task t on a.resource_id_ = t.id_ "
                    + "cross join new_task n");
            c.commit();
        }
        System.out.printf("  SQL-filled %d task copies in %.1f s%n", missing, (System.nanoTime() - t0) / 1e9);
        return missing;
    }

    // ---- 7. Footprint -----------------------------------------------------------------------------------

    private Map<String, Object> footprint(BenchApp app, String label, String when) throws Exception {
        Map<String, Object> out = new LinkedHashMap<>();
        HttpResponse<String> heap = app.get("/actuator/metrics/jvm.memory.used?tag=area:heap", BenchApp.ADMIN);
        expect(heap, 200);
        double heapMiB = JSON.readTree(heap.body()).get("measurements").get(0).get("value").asDouble() / 1048576;
        long[] rss = app.rssMiB();
        out.put(when + "HeapUsedMiB", Load.round1(heapMiB));
        out.put(when + "RssMiB", rss[0]);
        out.put(when + "PeakRssMiB", rss[1]);
        System.out.printf("  %sfootprint %s: heap used %.0f MiB, RSS %d MiB (peak %d MiB)%n", label, when, heapMiB,
                rss[0], rss[1]);
        row(label + "heap used / RSS " + when, "-", Math.round(heapMiB) + " / " + rss[0] + " MiB", "", "", "", "0");
        return out;
    }

    // ---- targets and output -----------------------------------------------------------------------------

    /** The figure of one load step at a concurrency from the results (kvalitet's, or under "bare"), or null. */
    @SuppressWarnings("unchecked")
    private Double rate(Map<String, Object> from, String key, int clients) {
        Object value = from == null ? null : from.get(key);
        List<Object> steps = value instanceof List<?> list ? (List<Object>) list
                : value == null ? List.of() : List.of(value);
        for (Object step : steps) {
            Map<String, Object> map = (Map<String, Object>) step;
            if (Integer.valueOf(clients).equals(map.get("clients"))) {
                return (Double) map.get("perSecond");
            }
        }
        return null;
    }

    /**
     * Ours / bare for every engine REST step measured on both (same request, same clients, same Load), and
     * kvalitet's intake against the bare application's REST start at 4 clients (issue #24).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> ratiosToBare() {
        Map<String, Object> bare = (Map<String, Object>) results.get("bare");
        Map<String, Object> ratios = new LinkedHashMap<>();
        if (bare == null) {
            return ratios;
        }
        for (String key : List.of("engineVersionRest", "engineStartRest", "engineTaskQueryRest",
                "engineTaskCompleteRest")) {
            for (int clients : new int[] {1, 4, 16}) {
                Double ours = rate(results, key, clients);
                Double theirs = rate(bare, key, clients);
                if (ours != null && theirs != null && theirs > 0) {
                    ratios.put(key + "@" + clients, round2(ours / theirs));
                }
            }
        }
        Double intake = rate(results, "intake", 4);
        Double bareStart = rate(bare, "engineStartRest", 4);
        if (intake != null && bareStart != null && bareStart > 0) {
            ratios.put("intake@4ToBareEngineStartRest@4", round2(intake / bareStart));
        }
        return ratios;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> targets() {
        Map<String, Object> ratios = ratiosToBare();
        results.put("ratiosToBare", ratios);
        Map<String, Object> targets = new LinkedHashMap<>();
        for (String key : List.of("engineVersionRest@4", "engineStartRest@4", "engineTaskQueryRest@4",
                "engineTaskCompleteRest@4")) {
            Double ratio = (Double) ratios.get(key);
            targets.put(key + "AtLeastBare", ratio == null ? notMeasured("≥ 1.0 × bare")
                    : target(ratio >= 1.0, "≥ 1.0 × bare", ratio + " × bare (" + rate(results, key.split("@")[0], 4)
                            + " / " + rate((Map<String, Object>) results.get("bare"), key.split("@")[0], 4) + " /s)"));
        }
        Double intakeRatio = (Double) ratios.get("intake@4ToBareEngineStartRest@4");
        targets.put("intakeAtLeast0.7xBareRestStart", intakeRatio == null ? notMeasured("≥ 0.7 × bare REST start at 4")
                : target(intakeRatio >= 0.7, "≥ 0.7 × bare REST start at 4", intakeRatio + " × (" + rate(results,
                        "intake", 4) + " /s)"));
        List<Object> intake = (List<Object>) results.get("intake");
        if (intake != null && intake.size() > 2) {
            double p99 = (Double) ((Map<String, Object>) intake.get(2)).get("p99Ms");
            targets.put("intakeP99At16", target(p99 < 250, "p99 < 250 ms at 16", "p99 " + p99 + " ms"));
        } else {
            targets.put("intakeP99At16", notMeasured("p99 < 250 ms at 16"));
        }
        for (String key : List.of("categories", "publicForm")) {
            Double rate = rate(results, key, 4);
            targets.put(key + "AtLeast2000PerSecond", rate == null ? notMeasured("≥ 2,000/s at 4")
                    : target(rate >= 2000, "≥ 2,000/s at 4", rate + " /s"));
        }
        Map<String, Object> timers = (Map<String, Object>) results.get("timers");
        if (timers != null) {
            double rate = (Double) timers.get("firedPerSecond");
            targets.put("timersAtLeast200PerSecond", target(rate >= 200 && Boolean.TRUE.equals(timers.get("complete")),
                    "≥ 200 timers/s, all fired", rate + "/s from the due-date update (" + timers.get("fired") + " of "
                            + timers.get("timersMoved") + " fired)"));
        } else {
            targets.put("timersAtLeast200PerSecond", notMeasured("≥ 200 timers/s, all fired"));
        }
        Map<String, Object> queries = (Map<String, Object>) results.get("queries");
        if (queries != null) {
            Map<String, Object> first = (Map<String, Object>) ((List<Object>) queries.get("groupFilter")).get(0);
            double p95 = (Double) first.get("p95Ms");
            targets.put("groupFilterP95At100kOpenTasks", target(p95 < 100 && ((Long) queries.get(
                    "openTasksAtQueryTime")) >= 100_000, "p95 < 100 ms at ≥ 100,000 open tasks", "p95 " + p95
                            + " ms at " + queries.get("openTasksAtQueryTime") + " open tasks"));
        }
        Map<String, Object> footprint = (Map<String, Object>) results.get("footprint");
        if (footprint != null) {
            double startup = (Double) footprint.get("startupToHealthySeconds");
            targets.put("startupBelow15s", target(startup < 15, "< 15 s from the packaged jar", startup + " s"
                    + (Boolean.TRUE.equals(footprint.get("classDataSharing")) ? " (extracted, class data archive; "
                            + footprint.get("trainingStartupToHealthySeconds") + " s without)" : "")));
            Object rss = footprint.get("afterIntakePeakRssMiB");
            targets.put("rssBelow1GiBUnderIntake", rss == null ? notMeasured("< 1,024 MiB resident, -Xmx512m")
                    : target(((Number) rss).longValue() < 1024, "< 1,024 MiB resident, -Xmx512m",
                            "peak " + rss + " MiB after intake"));
        }
        Map<String, Object> statistics = (Map<String, Object>) results.get("statistics");
        targets.put("statisticsYearBelow300ms", statistics == null ? notMeasured("< 300 ms, a year, all units")
                : target((Double) statistics.get("medianMs") < 300, "< 300 ms, a year, all units",
                        "median " + statistics.get("medianMs") + " ms, p90 " + statistics.get("p90Ms") + " ms"));
        targets.put("noErrors", target(totalErrors == 0, "0 errors", totalErrors + " errors"));
        return targets;
    }

    private static Map<String, Object> target(boolean met, String goal, String figure) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("goal", goal);
        map.put("met", met);
        map.put("figure", figure);
        return map;
    }

    private static Map<String, Object> notMeasured(String goal) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("goal", goal);
        map.put("met", null);
        map.put("figure", "not measured in this run");
        return map;
    }

    private void write(Path projectDir, String stamp) throws Exception {
        results.put("targets", targets());
        Path dir = projectDir.resolve("bench/results");
        Files.createDirectories(dir);
        String json = JSON.writeValueAsString(results);
        Files.writeString(dir.resolve(stamp + ".json"), json);
        Files.writeString(dir.resolve("latest.json"), json);
        StringBuilder md = new StringBuilder("Command: `./mvnw -Pbench verify` — " + results.get("timestamp")
                + "  \nMachine: " + ((Map<?, ?>) results.get("machine")).get("cores") + " cores, load average "
                + ((Map<?, ?>) results.get("machine")).get("loadAverageAtStart") + " at start, "
                + ((Map<?, ?>) results.get("machine")).get("loadAverageAtEnd") + " at end  \nVersions: "
                + results.get("versions") + "\n\n");
        table.forEach(line -> md.append(line).append('\n'));
        md.append("\nLoad average per phase: ").append(((Map<?, ?>) results.get("machine")).get("loadAveragePerPhase"))
                .append("\n\nRatios ours / bare (same requests, same clients, one application after the other): ")
                .append(results.get("ratiosToBare")).append("\n\n| goal | target | measured | |\n| --- | --- | --- | --- |\n");
        ((Map<?, ?>) results.get("targets")).forEach((k, v) -> {
            Map<?, ?> t = (Map<?, ?>) v;
            Object met = t.get("met");
            md.append("| ").append(k).append(" | ").append(t.get("goal")).append(" | ").append(t.get("figure"))
                    .append(" | ").append(met == null ? "not measured" : Boolean.TRUE.equals(met) ? "**pass**"
                            : "**miss**").append(" |\n");
        });
        Files.writeString(dir.resolve("latest.md"), md.toString());
        System.out.println();
        System.out.println(md);
        System.out.println("Results: " + dir.resolve(stamp + ".json"));
    }

    private void header() {
        table.add("| benchmark | clients | rate /s | p50 ms | p95 ms | p99 ms | errors |");
        table.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    }

    private void row(String name, String clients, String rate, String p50, String p95, String p99, String errors) {
        table.add("| " + String.join(" | ", name, clients, rate, p50, p95, p99, errors) + " |");
    }

    private Map<String, Object> record(Load.Result r) {
        totalErrors += r.errors();
        row(r.name(), String.valueOf(r.clients()), fmt(r.perSecond()), fmt(r.p50Ms()), fmt(r.p95Ms()),
                fmt(r.p99Ms()), String.valueOf(r.errors()));
        return r.toMap();
    }

    private void phase(String name) throws Exception {
        String load = loadAverage();
        loadAverages.put(name, load);
        System.out.println("== " + name + " (load average " + load + ")");
    }

    private Load load() {
        return new Load(warmup, rounds, roundSeconds);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static HikariDataSource dataSource(BenchApp app) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(app.jdbcUrl);
        config.setUsername(app.jdbcUser);
        config.setPassword(app.jdbcPassword);
        config.setMaximumPoolSize(24);
        config.setPoolName("bench");
        return new HikariDataSource(config);
    }

    /** A plain Camunda engine in this JVM on the application's database: the raw Java start call. */
    private static ProcessEngine standaloneEngine(HikariDataSource db) {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        config.setDataSource(db);
        config.setDatabaseType("postgres");
        config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        config.setJobExecutorActivate(false);
        config.setAuthorizationEnabled(true);
        config.setIdGenerator(new StrongUuidGenerator());
        config.setProcessEngineName("benchmark");
        config.setDbMetricsReporterActivate(false);
        config.setMetricsEnabled(false);
        config.setHistoryCleanupEnabled(false);
        return config.buildProcessEngine();
    }

    private Map<String, Object> versions(BenchApp app, HikariDataSource db) throws Exception {
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("java", Runtime.version().toString());
        versions.put("javaVendor", System.getProperty("java.vendor"));
        HttpResponse<String> engine = app.get("/engine-rest/version", BenchApp.ADMIN);
        versions.put("camunda", engine.statusCode() == 200 ? JSON.readTree(engine.body()).get("version").asText()
                : "unknown (" + engine.statusCode() + ")");
        versions.put("postgresql", strings(db, "show server_version").get(0));
        versions.put("springBoot", org.springframework.boot.SpringBootVersion.getVersion());
        versions.put("database", app.externalDatabase ? "external (SPRING_DATASOURCE_URL)"
                : "embedded (zonky), synchronous_commit=" + strings(db, "show synchronous_commit").get(0) + ", fsync="
                        + strings(db, "show fsync").get(0));
        return versions;
    }

    private static Map<String, Object> drainJobs(HikariDataSource db, int timeoutSeconds) throws Exception {
        String due = "select count(*) from act_ru_job where retries_ > 0 and suspension_state_ = 1 "
                + "and (duedate_ is null or duedate_ <= now()) and handler_type_ <> 'history-cleanup'";
        long t0 = System.nanoTime();
        long initial = count(db, due);
        long left = initial;
        while (left > 0 && System.nanoTime() - t0 < timeoutSeconds * 1_000_000_000L) {
            Thread.sleep(250);
            left = count(db, due);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dueJobsAtStart", initial);
        out.put("dueJobsLeft", left);
        out.put("seconds", Load.round1(seconds));
        if (initial > 0) {
            out.put("jobsPerSecond", Load.round1((initial - left) / Math.max(0.001, seconds)));
        }
        System.out.println("  job drain: " + out);
        return out;
    }

    private static long count(HikariDataSource db, String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(HikariDataSource db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void parallel(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(work));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " -> "
                    + response.statusCode() + " " + body.substring(0, Math.min(200, body.length())));
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String sh(String command) {
        try {
            Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            p.waitFor();
            return out;
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String git(Path projectDir) {
        return sh("git -C '" + projectDir + "' rev-parse --short HEAD") + (sh("git -C '" + projectDir
                + "' status --porcelain -- src pom.xml processes forms").isEmpty() ? "" : " (+ uncommitted changes)");
    }

    private static double dbl(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }

    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "–" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
