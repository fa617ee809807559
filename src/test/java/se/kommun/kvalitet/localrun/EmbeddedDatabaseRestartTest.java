package se.kommun.kvalitet.localrun;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetApplication;
import se.kommun.kvalitet.reference.ReferenceNumbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default run keeps its data: what was written before a restart is there after it. */
@Tag("own-jvm")
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataRoot;

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt() {
        Path dataDirectory = dataRoot.resolve("postgres");
        String first;
        try (ConfigurableApplicationContext app = start(dataDirectory)) {
            first = app.getBean(ReferenceNumbers.class).next("TST");
        }
        assertThat(Files.exists(dataDirectory.resolve("postmaster.pid"))).as("server stopped cleanly").isFalse();

        try (ConfigurableApplicationContext app = start(dataDirectory)) {
            String second = app.getBean(ReferenceNumbers.class).next("TST");
            Long counters = app.getBean(JdbcTemplate.class)
                    .queryForObject("select count(*) from app.reference_counter where prefix = 'TST'", Long.class);

            assertThat(first).endsWith("-000001");
            assertThat(second).endsWith("-000002");
            assertThat(counters).isEqualTo(1L);
        }
    }

    @Test
    void refusesADataDirectoryStillOwnedByALivePostgres() throws Exception {
        Path dataDirectory = Files.createDirectories(dataRoot.resolve("owned"));
        Files.writeString(dataDirectory.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n");

        assertThatThrownBy(() -> EmbeddedDatabaseConfiguration.refuseIfAnotherServerOwns(dataDirectory))
                .hasMessageContaining("kill " + ProcessHandle.current().pid())
                .hasMessageContaining(dataDirectory.toString());
    }

    @Test
    void acceptsAStalePidFile() throws Exception {
        Path dataDirectory = Files.createDirectories(dataRoot.resolve("stale"));
        Files.writeString(dataDirectory.resolve("postmaster.pid"), Long.MAX_VALUE / 2 + "\n");

        EmbeddedDatabaseConfiguration.refuseIfAnotherServerOwns(dataDirectory);
    }

    private static ConfigurableApplicationContext start(Path dataDirectory) {
        // Command-line arguments outrank application-test.yaml's fresh-directory-per-run setting. The engine
        // gets its own name so that closing it leaves the shared test context's "default" engine registered.
        return new SpringApplicationBuilder(KvalitetApplication.class)
                .profiles("test")
                .run("--server.port=0",
                        "--kvalitet.embedded-database.data-directory=" + dataDirectory,
                        "--camunda.bpm.generate-unique-process-engine-name=true");
    }
}
