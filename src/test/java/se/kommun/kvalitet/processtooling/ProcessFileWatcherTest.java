package se.kommun.kvalitet.processtooling;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.security.StartPermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's file watcher against the real engine: it watches only directories that exist, says so once
 * at start, deploys a saved edit, and never fails every few seconds (as {@code java -jar} started in a
 * directory without processes/ once did, with a stack trace every 3 s).
 */
@KvalitetIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProcessFileWatcherTest {

    @Autowired
    StartPermissions startPermissions;

    @Autowired
    RepositoryService repositoryService;

    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;

    @Test
    void withoutTheDirectoriesNothingIsWatchedAndSaidSoOnce(@TempDir Path elsewhere, CapturedOutput output) {
        long deployments = repositoryService.createDeploymentQuery().count();

        ProcessFileWatcher watcher = watcherOf(elsewhere);
        for (int poll = 0; poll < 3; poll++) {
            watcher.poll();
        }

        assertThat(occurrences(output, "watching no process files")).isEqualTo(1);
        assertThat(output.getOut()).contains("INFO").contains(elsewhere.resolve("processes").toString());
        assertThat(output.getAll()).doesNotContain("ProcessDirectoryMissingException", "ERROR");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void withOnlyTheProcessesDirectoryNothingIsWatchedEither(@TempDir Path root, CapturedOutput output)
            throws IOException {
        Files.createDirectories(root.resolve("processes"));

        watcherOf(root).poll();

        assertThat(output.getOut()).contains("watching no process files")
                .contains(root.resolve("forms").toString());
        assertThat(output.getAll()).doesNotContain("ProcessDirectoryMissingException", "ERROR");
    }

    @Test
    void watchesBothDirectoriesAndDeploysASavedEdit(@TempDir Path copy, CapturedOutput output) throws IOException {
        ProcessFileWatcher watcher = watcherOf(copyOfProcessesAndForms(copy));
        assertThat(output.getOut()).contains("watching [" + copy.resolve("processes") + ", " + copy.resolve("forms"));
        int versionBefore = latestCaseHandling().getVersion();

        watcher.poll();
        assertThat(latestCaseHandling().getVersion()).as("unchanged files deploy nothing").isEqualTo(versionBefore);

        Path bpmn = copy.resolve("processes/case-handling.bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace("name=\"Synpunkt och felanmälan\"",
                "name=\"Synpunkt och felanmälan (sparad)\""));
        // Set explicitly: the file system's time resolution could hide an edit made within the same tick.
        Files.setLastModifiedTime(bpmn, FileTime.fromMillis(Files.getLastModifiedTime(bpmn).toMillis() + 10_000));
        watcher.poll();
        ProcessDefinition saved = latestCaseHandling();
        try {
            assertThat(saved.getVersion()).isEqualTo(versionBefore + 1);
            assertThat(saved.getName()).isEqualTo("Synpunkt och felanmälan (sparad)");

            watcher.poll();
            assertThat(latestCaseHandling().getVersion()).as("no edit since").isEqualTo(versionBefore + 1);
        } finally {
            repositoryService.deleteDeployment(saved.getDeploymentId(), true);
        }
    }

    @Test
    void aDirectoryThatDisappearsStopsTheWatchingWithOneWarning(@TempDir Path copy, CapturedOutput output)
            throws IOException {
        ProcessFileWatcher watcher = watcherOf(copyOfProcessesAndForms(copy));
        watcher.poll();

        deleteRecursively(copy.resolve("forms"));
        watcher.poll();
        watcher.poll();

        assertThat(occurrences(output, "stopped watching")).isEqualTo(1);
        assertThat(output.getOut()).contains("WARN").contains(copy.resolve("forms").toString());
        assertThat(output.getAll()).doesNotContain("ProcessDirectoryMissingException", "ERROR");
    }

    private ProcessFileWatcher watcherOf(Path root) {
        ProcessToolingProperties properties = new ProcessToolingProperties(root.resolve("processes"),
                root.resolve("forms"), true, Duration.ofSeconds(3));
        return new ProcessFileWatcher(new ProcessRedeployment(repositoryService, properties, engineConfiguration,
                startPermissions),
                properties);
    }

    private ProcessDefinition latestCaseHandling() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("caseHandling").latestVersion()
                .singleResult();
    }

    private static int occurrences(CapturedOutput output, String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(text)).matcher(output.getAll());
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static Path copyOfProcessesAndForms(Path target) throws IOException {
        for (String directory : new String[] {"processes", "forms"}) {
            Files.createDirectories(target.resolve(directory));
            try (Stream<Path> files = Files.list(Path.of(directory))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(directory).resolve(file.getFileName()));
                }
            }
        }
        return target;
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
