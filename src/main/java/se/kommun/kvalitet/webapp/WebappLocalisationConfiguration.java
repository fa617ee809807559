package se.kommun.kvalitet.webapp;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves our {@code scripts/config.js}, {@code locales/sv.json} and {@code styles/user-styles.css} of every
 * webapp, and the custom scripts they load, from our own classpath folder: Swedish first, no Camunda 8 banner and no "create task" button
 * (docs/tasklist-sv.md). The webjar ships config.js and user-styles.css at the same paths, so a copy under
 * META-INF/resources/webjars would depend on classpath order; a resource handler with a more specific pattern than the starter's {@code /app/**} wins
 * regardless of it (Spring MVC picks the most specific matching pattern).
 */
@Configuration(proxyBeanMethods = false)
class WebappLocalisationConfiguration implements WebMvcConfigurer {

    static final String OVERRIDES_LOCATION = "classpath:/camunda-webapp-overrides/app/";
    static final String SHARED_SCRIPTS_LOCATION = "classpath:/camunda-webapp-overrides/shared/";
    private static final String[] APPS = {"tasklist", "cockpit", "admin", "welcome"};

    private final CamundaBpmProperties camunda;

    WebappLocalisationConfiguration(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // "/camunda/app/tasklist/scripts/config.js" resolves to OVERRIDES_LOCATION + "tasklist/scripts/config.js".
        String appRoot = camunda.getWebapp().getApplicationPath() + "/app/*/";
        registry.addResourceHandler(appRoot + "scripts/config.js", appRoot + "locales/sv.json",
                appRoot + "styles/user-styles.css")
                .addResourceLocations(OVERRIDES_LOCATION);
        // Custom scripts every app loads ("kvalitet/sign-out" in config.js): one file, not a copy per app.
        String[] sharedScripts = new String[APPS.length];
        for (int i = 0; i < APPS.length; i++) {
            sharedScripts[i] = camunda.getWebapp().getApplicationPath() + "/app/" + APPS[i] + "/kvalitet/*.js";
        }
        registry.addResourceHandler(sharedScripts).addResourceLocations(SHARED_SCRIPTS_LOCATION);
    }
}
