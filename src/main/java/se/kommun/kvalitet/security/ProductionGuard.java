package se.kommun.kvalitet.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * The published defaults (application.yaml's demo users, development admin password, status-token and
 * action-plan link secrets,
 * and docker/.env.example's {@value #PLACEHOLDER} placeholders) belong to the local run on the embedded
 * database, nowhere else. With an external database ({@code SPRING_DATASOURCE_URL}) or the {@code prod}
 * profile the application refuses to start with any of them, and names the setting to change; the {@code prod}
 * profile also refuses the embedded database and mail catcher. Runs before any bean, so nothing starts first.
 * <p>
 * {@value #ALLOW_PROPERTY} lets a throwaway external database keep the defaults (test rigs, benchmarks); it has
 * no effect under the {@code prod} profile.
 */
class ProductionGuard implements EnvironmentPostProcessor {

    static final String PROD_PROFILE = "prod";
    /** In every secret of docker/.env.example; refused wherever it turns up, in any case. */
    static final String PLACEHOLDER = "CHANGE-ME";
    static final String ALLOW_PROPERTY = "kvalitet.allow-development-defaults";

    private static final int MIN_TOKEN_SECRET_LENGTH = 32;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean prod = environment.matchesProfiles(PROD_PROFILE);
        boolean externalDatabase = StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean defaultsAllowed = environment.getProperty(ALLOW_PROPERTY, Boolean.class, false);
        if (!prod && (!externalDatabase || defaultsAllowed)) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (prod) {
            if (!externalDatabase) {
                problems.add("SPRING_DATASOURCE_URL is not set: the embedded PostgreSQL is for local runs only.");
            }
            if (!StringUtils.hasText(environment.getProperty("spring.mail.host"))) {
                problems.add("SPRING_MAIL_HOST is not set: the embedded mail catcher would swallow citizens' e-mail.");
            }
        }
        PropertySource<?> defaults = developmentDefaults();
        if (environment.getProperty("kvalitet.demo.enabled", Boolean.class, false)) {
            problems.add("KVALITET_DEMO_ENABLED is true (the local run's default): demo users with published "
                    + "passwords must not exist; set it to false.");
        }
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
        if (StringUtils.hasText(environment.getProperty("camunda.bpm.admin-user.id"))
                && (!StringUtils.hasText(adminPassword)
                        || published(adminPassword, defaults, "camunda.bpm.admin-user.password"))) {
            problems.add("CAMUNDA_BPM_ADMINUSER_PASSWORD is unset, a placeholder or the development default: "
                    + "set a strong one.");
        }
        // Each signs links that are a citizen's or a supplier's only credential.
        refuseWeakSecret(environment, defaults, "kvalitet.status-token.secret", "KVALITET_STATUSTOKEN_SECRET", problems);
        refuseWeakSecret(environment, defaults, "kvalitet.action-plans.link-secret", "KVALITET_ACTIONPLANS_LINKSECRET",
                problems);
        if (StringUtils.hasText(environment.getProperty("spring.security.oauth2.client.registration.kommun.client-id"))
                && ("strict".equalsIgnoreCase(environment.getProperty("server.servlet.session.cookie.same-site"))
                        || "strict".equalsIgnoreCase(environment.getProperty(
                                "camunda.bpm.webapp.session-cookie.same-site-cookie-option")))) {
            // A browser sends no SameSite=Strict cookie on the provider's redirect back (a cross-site navigation),
            // so the login's state is not found and every sign-in fails.
            problems.add("OIDC login is on while the session cookie is SameSite=Strict (the prod profile's): set "
                    + "SERVER_SERVLET_SESSION_COOKIE_SAMESITE=lax and "
                    + "CAMUNDA_BPM_WEBAPP_SESSIONCOOKIE_SAMESITECOOKIEOPTION=LAX, or no sign-in succeeds.");
        }
        refusePlaceholder(environment, "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", problems);
        refusePlaceholder(environment, "spring.mail.password", "SPRING_MAIL_PASSWORD", problems);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionConfigurationException(problems);
        }
    }

    private static void refuseWeakSecret(ConfigurableEnvironment environment, PropertySource<?> defaults,
            String property, String variable, List<String> problems) {
        String secret = environment.getProperty(property);
        if (!StringUtils.hasText(secret) || secret.length() < MIN_TOKEN_SECRET_LENGTH
                || published(secret, defaults, property)) {
            problems.add(variable + " is unset, short, a placeholder or the development default: "
                    + "set " + MIN_TOKEN_SECRET_LENGTH + "+ random characters (openssl rand -base64 48).");
        }
    }

    private static void refusePlaceholder(ConfigurableEnvironment environment, String property, String variable,
            List<String> problems) {
        if (placeholder(environment.getProperty(property))) {
            problems.add(variable + " is a placeholder (" + PLACEHOLDER + "): set the real one.");
        }
    }

    private static boolean published(String value, PropertySource<?> defaults, String property) {
        return placeholder(value) || Objects.equals(value, defaults.getProperty(property));
    }

    private static boolean placeholder(String value) {
        return value != null && value.toUpperCase(Locale.ROOT).contains(PLACEHOLDER);
    }

    /** The values shipped in application.yaml, read from there so that no copy of them lives in code. */
    private static PropertySource<?> developmentDefaults() {
        try {
            List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                    .load("defaults", new ClassPathResource("application.yaml"));
            return defaults.isEmpty() ? new PropertySource.StubPropertySource("defaults") : defaults.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
