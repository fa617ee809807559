package se.kommun.kvalitet.processtooling;

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
 */
@Component
@ConditionalOnProperty(name = "kvalitet.process-tooling.watch", havingValue = "true")
class ProcessFileWatcher {

    private static final Logger log = LoggerFactory.getLogger(ProcessFileWatcher.class);

    private final ProcessRedeployment redeployment;
    private Map<String, Long> lastSeen = Map.of();

    ProcessFileWatcher(ProcessRedeployment redeployment) {
        this.redeployment = redeployment;
    }

    @Scheduled(fixedDelayString = "${kvalitet.process-tooling.watch-interval:PT3S}")
    void poll() {
        Map<String, Long> current = redeployment.lastModified();
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
