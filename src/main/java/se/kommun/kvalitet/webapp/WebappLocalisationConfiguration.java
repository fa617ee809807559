package se.kommun.kvalitet.webapp;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves our {@code scripts/config.js} and {@code locales/sv.json} of every webapp from our own classpath folder.
 * The webjar ships a config.js at the same path, so a copy under META-INF/resources/webjars would depend on
 * classpath order; a resource handler with a more specific pattern than the starter's {@code /app/**} wins
 * regardless of it (Spring MVC picks the most specific matching pattern).
 */
@Configuration(proxyBeanMethods = false)
class WebappLocalisationConfiguration implements WebMvcConfigurer {

    static final String OVERRIDES_LOCATION = "classpath:/camunda-webapp-overrides/app/";

    private final CamundaBpmProperties camunda;

    WebappLocalisationConfiguration(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // "/camunda/app/tasklist/scripts/config.js" resolves to OVERRIDES_LOCATION + "tasklist/scripts/config.js".
        String appRoot = camunda.getWebapp().getApplicationPath() + "/app/*/";
        registry.addResourceHandler(appRoot + "scripts/config.js", appRoot + "locales/sv.json")
                .addResourceLocations(OVERRIDES_LOCATION);
    }
}
