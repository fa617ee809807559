package se.kommun.kvalitet.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task queries by candidates and filters get custom plans for their own transaction; other statements, other task
 * queries and the pooled connection afterwards keep PostgreSQL's default plan cache.
 */
@KvalitetIntegrationTest
class CustomPlansForTaskQueriesTest {

    @Autowired
    TaskService taskService;

    @Autowired
    FilterService filterService;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Test
    void aTaskQueryPlansCustom() {
        String mode = inTransaction(() -> {
            taskService.createTaskQuery().taskCandidateGroup("careOfficers").orderByDueDate().asc().listPage(0, 15);
            return planCacheMode();
        });
        assertThat(mode).isEqualTo("force_custom_plan");
    }

    @Test
    void aTaskQueryWithoutCandidatesKeepsThePlanCache() {
        String mode = inTransaction(() -> {
            taskService.createTaskQuery().processDefinitionKey("caseHandling").listPage(0, 15);
            return planCacheMode();
        });
        assertThat(mode).isEqualTo("auto");
    }

    @Test
    void anAlternativeByCandidateGroupPlansCustom() {
        String mode = inTransaction(() -> {
            taskService.createTaskQuery().or().taskAssignee("bjorn").taskCandidateGroupIn(List.of("careOfficers"))
                    .endOr().listPage(0, 15);
            return planCacheMode();
        });
        assertThat(mode).isEqualTo("force_custom_plan");
    }

    @Test
    void theSettingEndsWithTheTransactionSoAPooledConnectionGoesBackUnchanged() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(CustomPlansForTaskQueries.SET_CUSTOM_PLANS);
                assertThat(show(statement)).isEqualTo("force_custom_plan");
                connection.commit();
                assertThat(show(statement)).isEqualTo("auto");
            }
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void aSavedFilterPlansCustomToo() {
        Filter filter = filterService.newTaskFilter("custom-plans-test")
                .setQuery(taskService.createTaskQuery().taskCandidateGroup("careOfficers"));
        filterService.saveFilter(filter);
        try {
            String mode = inTransaction(() -> {
                filterService.listPage(filter.getId(), 0, 15);
                return planCacheMode();
            });
            assertThat(mode).isEqualTo("force_custom_plan");
        } finally {
            filterService.deleteFilter(filter.getId());
        }
    }

    @Test
    void otherEngineStatementsKeepThePlanCache() {
        String mode = inTransaction(() -> {
            repositoryService.createProcessDefinitionQuery().processDefinitionKey("caseHandling").latestVersion()
                    .list();
            return planCacheMode();
        });
        assertThat(mode).isEqualTo("auto");
        assertThat(jdbc.queryForObject("show max_parallel_workers_per_gather", String.class)).isEqualTo("0");
    }

    private String planCacheMode() {
        return jdbc.queryForObject("show plan_cache_mode", String.class);
    }

    private static String show(Statement statement) throws Exception {
        try (ResultSet result = statement.executeQuery("show plan_cache_mode")) {
            result.next();
            return result.getString(1);
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }
}
