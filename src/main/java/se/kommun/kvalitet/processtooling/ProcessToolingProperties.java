package se.kommun.kvalitet.processtooling;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param processesDirectory BPMN and DMN on the file system (not the classpath), read by a redeploy
 * @param formsDirectory     Camunda Forms on the file system
 * @param watch              redeploy automatically when a file there changes (local run only)
 * @param watchInterval      how often the watcher compares last-modified times
 */
@ConfigurationProperties("kvalitet.process-tooling")
record ProcessToolingProperties(@DefaultValue("processes") Path processesDirectory,
        @DefaultValue("forms") Path formsDirectory, @DefaultValue("false") boolean watch,
        @DefaultValue("PT3S") Duration watchInterval) {
}
