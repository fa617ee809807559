package se.kommun.kvalitet.processtooling;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets PostgreSQL estimate Camunda's authorization check in Tasklist queries. Every task query of a user
 * joins the authorizations with {@code PERMS_ & 2 = 2} (READ on a task) or {@code PERMS_ & 64 = 64}
 * (READ_TASK on a process definition); without statistics on those expressions the planner guesses 0.5 % of
 * the rows match, where nearly all do (one group authorization per task), and materialises all of them for
 * every task it looks at. Measured at 100,250 open tasks: the group filter took 459 ms (p50) with Camunda's
 * indexes alone and 81 ms with these statistics (docs/performance.md).
 * <p>
 * Camunda owns its tables (Flyway owns schema {@code app}), and they do not exist yet when Flyway runs on a
 * new database, so the statistics are created here, after the engine's schema update. Expression statistics
 * need PostgreSQL 14; an older server or a user that does not own the table gets a warning, not a failed
 * start. Idempotent, so every node of a cluster may run it.
 */
@Component
class TasklistQueryStatistics implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TasklistQueryStatistics.class);

    /** Statistics name → the expression as Camunda's authorization check writes it. */
    static final Map<String, String> EXPRESSIONS = Map.of(
            "kvalitet_auth_perms_read", "(perms_ & 2)",
            "kvalitet_auth_perms_read_task", "(perms_ & 64)");

    private final JdbcTemplate jdbc;

    TasklistQueryStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int created = 0;
            for (Map.Entry<String, String> statistics : EXPRESSIONS.entrySet()) {
                if (!exists(statistics.getKey())) {
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
            log.warn("Could not create the statistics that keep Tasklist queries fast (PostgreSQL 14 or later and "
                    + "ownership of act_ru_authorization are needed); Tasklist works, but slower with many tasks: {}",
                    e.getMostSpecificCause().getMessage());
        }
    }

    private boolean exists(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from pg_statistic_ext where stxname = ?)", Boolean.class, name));
    }
}
