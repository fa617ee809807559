package se.kommun.kvalitet.processtooling;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling drives the file watcher and the nightly refresh of the due-soon Tasklist filter. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ProcessToolingProperties.class)
class ProcessToolingConfiguration {
}
