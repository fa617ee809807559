package se.kommun.kvalitet.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.orm.jpa.JpaSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** The wrappers a dropped database connection arrived in during DatabaseRestartFaultTest, all mapped to 503. */
class DatabaseUnavailableMappingTest {

    @Test
    void connectionFailuresInAnyWrapperMeanUnavailable() {
        SQLException adminShutdown = new SQLException("FATAL: terminating connection due to administrator command",
                "57P01");
        assertThat(ApiProblemHandler.databaseUnavailable(new ProcessEnginePersistenceException("persistence",
                new PersistenceException("mybatis", adminShutdown)))).isTrue();
        assertThat(ApiProblemHandler.databaseUnavailable(new JpaSystemException(new RuntimeException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
        assertThat(ApiProblemHandler.databaseUnavailable(new RuntimeException(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")))).isTrue();
        assertThat(ApiProblemHandler.databaseUnavailable(new SQLTransientConnectionException("pool timeout")))
                .isTrue();
    }

    @Test
    void otherFailuresStayInternal() {
        assertThat(ApiProblemHandler.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
        assertThat(ApiProblemHandler.databaseUnavailable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }
}
