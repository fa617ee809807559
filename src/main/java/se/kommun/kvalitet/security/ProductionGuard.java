package se.kommun.kvalitet.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * Refuses to start the {@code prod} profile with anything meant for a laptop: the embedded database or mail
 * catcher, demo users, or the development admin password. Runs before any bean, so nothing starts first.
 */
class ProductionGuard implements EnvironmentPostProcessor {

    static final String PROD_PROFILE = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.matchesProfiles(PROD_PROFILE)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            problems.add("SPRING_DATASOURCE_URL is not set: the embedded PostgreSQL is for local runs only.");
        }
        if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
            problems.add("SPRING_MAIL_HOST is not set: the embedded mail catcher would swallow citizens' e-mail.");
        }
        if (environment.getProperty("kvalitet.demo.enabled", Boolean.class, false)) {
            problems.add("kvalitet.demo.enabled is true: demo users with published passwords must not exist.");
        }
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
        if (StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.id"))
                && (!StringUtils.hasText(adminPassword) || Objects.equals(adminPassword, developmentDefault("camunda.bpm.admin-user.password")))) {
            problems.add("CAMUNDA_BPM_ADMINUSER_PASSWORD is unset or the development default: set a strong one.");
        }
        String tokenSecret = environment.getProperty("kvalitet.status-token.secret");
        if (!StringUtils.hasText(tokenSecret) || tokenSecret.length() < 32
                || Objects.equals(tokenSecret, developmentDefault("kvalitet.status-token.secret"))) {
            problems.add("KVALITET_STATUSTOKEN_SECRET is unset, short or the development default: set 32+ random characters.");
        }
        if (!problems.isEmpty()) {
            throw new UnsafeProductionConfigurationException(problems);
        }
    }

    /** A value shipped in application.yaml, read from there so that no copy of it lives in code. */
    private static Object developmentDefault(String property) {
        try {
            List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                    .load("defaults", new ClassPathResource("application.yaml"));
            return defaults.isEmpty() ? null : defaults.get(0).getProperty(property);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
