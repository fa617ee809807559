package se.kommun.kvalitet.processtooling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Local run: a saved edit in processes/ or forms/ is deployed within seconds. Polls last-modified times
 * rather than using a WatchService: it behaves the same on every OS and file system (editors that replace
 * files, network drives) and a lost event cannot leave it stale. The first poll redeploys too, which
 * duplicate filtering turns into a no-op unless files changed while the application was down.
 * <p>
 * Watches only when both directories exist at start (a redeploy needs the forms with their processes), e.g.
 * not for {@code java -jar} started elsewhere, and says once at start which it is. A directory that disappears
 * later stops the watching with one warning.
 */
@Component
@ConditionalOnProperty(name = "kvalitet.process-tooling.watch", havingValue = "true")
class ProcessFileWatcher {

    private static final Logger log = LoggerFactory.getLogger(ProcessFileWatcher.class);

    private final ProcessRedeployment redeployment;
    private volatile boolean watching;
    private Map<String, Long> lastSeen = Map.of();

    ProcessFileWatcher(ProcessRedeployment redeployment, ProcessToolingProperties properties) {
        this.redeployment = redeployment;
        List<Path> directories = List.of(properties.processesDirectory().toAbsolutePath(),
                properties.formsDirectory().toAbsolutePath());
        List<Path> missing = directories.stream().filter(directory -> !Files.isDirectory(directory)).toList();
        this.watching = missing.isEmpty();
        if (watching) {
            log.info("Bevakar / watching {} (var / every {}): sparade ändringar driftsätts / saved edits are deployed",
                    directories, properties.watchInterval());
        } else {
            log.info("Bevakar inga processfiler / watching no process files: {} finns inte / does not exist "
                    + "(kvalitet.process-tooling.processes-directory, forms-directory)", missing);
        }
    }

    @Scheduled(fixedDelayString = "${kvalitet.process-tooling.watch-interval:PT3S}")
    void poll() {
        if (!watching) {
            return;
        }
        Map<String, Long> current;
        try {
            current = redeployment.lastModified();
        } catch (ProcessDirectoryMissingException e) {
            watching = false;
            log.warn("Slutar bevaka / stopped watching: {} finns inte längre / no longer exists", e.directory());
            return;
        }
        if (current.equals(lastSeen)) {
            return;
        }
        // Remembered before deploying: a file the engine refuses is reported once, not every few seconds.
        lastSeen = current;
        try {
            redeployment.redeploy();
        } catch (DeploymentRefusedException e) {
            log.warn("Ändrade filer driftsattes inte / changed files were not deployed: {}", e.errors());
        }
    }
}
