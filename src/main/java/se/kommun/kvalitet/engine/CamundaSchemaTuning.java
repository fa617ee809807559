package se.kommun.kvalitet.engine;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Camunda's schema lacks at scale. For the Tasklist filters: an index on the task due date (the filters sort
 * by it and show a first page) and statistics on the expressions of Camunda's authorization check
 * ({@code PERMS_ & 2 = 2}, READ on a task; {@code PERMS_ & 64 = 64}, READ_TASK on a process definition). Without
 * the statistics the planner guesses that 0.5 % of the authorizations pass where nearly all do (one group
 * authorization per task) and materialises them for every task it looks at; without the index it sorts every
 * open task. Measured at 100,000 open tasks: the group filter 459 ms (p50) with neither, 2.5 s with the
 * statistics but no index, 31 ms with both (together with the session settings in application.yaml;
 * docs/performance.md). For every completed or deleted task: an index on the parent task, which Camunda looks up
 * ({@code selectTasksByParentTaskId}) to delete subtasks; without it each completion read every open task, 27 ms
 * of database time per completion at 320,000 open tasks (tuning change 19).
 * <p>
 * Camunda owns its tables (Flyway owns schema {@code app}), and they do not exist yet when Flyway runs on a
 * new database, so this runs after the engine's schema update. Expression statistics need PostgreSQL 14; an
 * older server or a user that does not own the tables gets a warning, not a failed start. Idempotent, and
 * the indexes are built concurrently, so every node of a cluster may run it against a live database.
 */
@Component
class CamundaSchemaTuning implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CamundaSchemaTuning.class);

    /** Index name → its column of act_ru_task. */
    static final Map<String, String> TASK_INDEXES = Map.of(
            "kvalitet_task_due_date", "due_date_",
            "kvalitet_task_parent", "parent_task_id_");

    /** Statistics name → the expression as Camunda's authorization check writes it. */
    static final Map<String, String> STATISTICS = Map.of(
            "kvalitet_auth_perms_read", "(perms_ & 2)",
            "kvalitet_auth_perms_read_task", "(perms_ & 64)");

    private final JdbcTemplate jdbc;

    CamundaSchemaTuning(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            // Not in a transaction: an index built concurrently needs its own; JdbcTemplate uses auto-commit here.
            TASK_INDEXES.forEach((name, column) -> jdbc.execute(
                    "create index concurrently if not exists " + name + " on act_ru_task (" + column + ")"));
            int created = 0;
            for (Map.Entry<String, String> statistics : STATISTICS.entrySet()) {
                if (!statisticsExist(statistics.getKey())) {
                    jdbc.execute("create statistics if not exists " + statistics.getKey() + " on "
                            + statistics.getValue() + " from act_ru_authorization");
                    created++;
                }
            }
            if (created > 0) {
                // Gathers the new statistics now rather than at autovacuum's next analyze.
                jdbc.execute("analyze act_ru_authorization");
                log.info("Created {} expression statistics on act_ru_authorization for Tasklist queries", created);
            }
        } catch (DataAccessException e) {
            log.warn("Could not create the index and statistics that keep Tasklist queries fast (PostgreSQL 14 or "
                    + "later and ownership of Camunda's tables are needed); Tasklist works, but slower with many "
                    + "tasks: {}", e.getMostSpecificCause().getMessage());
        }
    }

    private boolean statisticsExist(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from pg_statistic_ext where stxname = ?)", Boolean.class, name));
    }
}
