package se.kommun.kvalitet.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The indexes and statistics exist after start-up, a second run changes nothing, and the planner's estimate of
 * the authorization check follows the statistics.
 */
@KvalitetIntegrationTest
class CamundaSchemaTuningTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CamundaSchemaTuning tuning;

    @Autowired
    ObjectMapper json;

    @Test
    void plannerEstimatesTheAuthorizationCheckFromTheStatistics() throws Exception {
        tuning.run(null);
        assertThat(jdbc.queryForList("select stxname from pg_statistic_ext where stxname like 'kvalitet_auth_%'",
                String.class)).containsExactlyInAnyOrderElementsOf(CamundaSchemaTuning.STATISTICS.keySet());
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
                "kvalitet_task_due_date")).contains("act_ru_task", "(due_date_)");
        // Camunda's subtask lookup of every task completion (selectTasksByParentTaskId).
        assertThat(jdbc.queryForObject("select indexdef from pg_indexes where indexname = ?", String.class,
                "kvalitet_task_parent")).contains("act_ru_task", "(parent_task_id_)");

        // The session setting from application.yaml reaches every pooled connection.
        assertThat(jdbc.queryForObject("show max_parallel_workers_per_gather", String.class)).isEqualTo("0");

        // Enough rows that the default guess (0.5 % of the table) and the truth are far apart.
        for (int i = 0; i < 400; i++) {
            jdbc.update("""
                    insert into act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
                    values (?, 1, 1, 'statisticsTestGroup', 7, ?, 2147483647)""", "stat-test-" + i, "task-" + i);
        }
        try {
            jdbc.execute("analyze act_ru_authorization");
            long actual = jdbc.queryForObject("select count(*) from act_ru_authorization where perms_ & 2 = 2",
                    Long.class);
            JsonNode plan = json.readTree(jdbc.queryForObject(
                    "explain (format json) select * from act_ru_authorization where perms_ & 2 = 2", String.class));
            long estimated = plan.get(0).get("Plan").get("Plan Rows").asLong();

            assertThat(estimated).as("estimated rows for %d matching", actual).isGreaterThan(actual / 2);
        } finally {
            jdbc.update("delete from act_ru_authorization where id_ like 'stat-test-%'");
        }
    }
}
