package se.kommun.kvalitet.processtooling;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProcessToolingProperties.class)
class ProcessToolingConfiguration {
}
