package se.kommun.kvalitet.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.yaml.snakeyaml.Yaml;
import se.kommun.kvalitet.KvalitetApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The start guard against the shipped configuration: application.yaml (and application-prod.yaml) as the
 * application reads them, with environment variables on top, as a real start sees them.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionGuardTest {

    static final String EXTERNAL_DATABASE = "jdbc:postgresql://db.kommun.example/kvalitet";

    private final ProductionGuard guard = new ProductionGuard();

    @Test
    void prodProfileWithDemoSettingsFailsToStartAndSaysWhy(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KvalitetApplication.class).profiles("prod").run())
                .isInstanceOf(UnsafeProductionConfigurationException.class);

        assertThat(output).contains("APPLICATION FAILED TO START", "SPRING_DATASOURCE_URL is not set",
                "SPRING_MAIL_HOST is not set", "CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }

    @Test
    void anExternalDatabaseWithTheShippedDefaultsFailsToStartAndSaysWhichSettingsToChange(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KvalitetApplication.class)
                .run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/kvalitet"))
                .isInstanceOf(UnsafeProductionConfigurationException.class);

        assertThat(output).contains("APPLICATION FAILED TO START", "KVALITET_DEMO_ENABLED",
                "CAMUNDA_BPM_ADMINUSER_PASSWORD", "KVALITET_STATUSTOKEN_SECRET");
    }

    @Test
    void theLocalRunOnTheEmbeddedDatabaseKeepsItsDefaults() {
        assertThatCode(() -> guard.postProcessEnvironment(environment(Map.of()), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void anExternalDatabaseRefusesEveryPublishedDefaultWithoutTheProdProfile() {
        List<String> problems = refusal(environment(Map.of("SPRING_DATASOURCE_URL", EXTERNAL_DATABASE)));

        assertThat(problems).hasSize(4);
        assertThat(String.join("\n", problems)).contains("KVALITET_DEMO_ENABLED", "CAMUNDA_BPM_ADMINUSER_PASSWORD",
                "KVALITET_STATUSTOKEN_SECRET", "KVALITET_ACTIONPLANS_LINKSECRET");
    }

    @Test
    void anExternalDatabaseWithItsOwnSecretsStarts() {
        assertThatCode(() -> guard.postProcessEnvironment(environment(safe()), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            KVALITET_DEMO_ENABLED          | true                                      | KVALITET_DEMO_ENABLED
            CAMUNDA_BPM_ADMINUSER_PASSWORD | Lokal-Start-2026!                         | CAMUNDA_BPM_ADMINUSER_PASSWORD
            CAMUNDA_BPM_ADMINUSER_PASSWORD | Change-Me-Soon-2026!                      | CAMUNDA_BPM_ADMINUSER_PASSWORD
            KVALITET_STATUSTOKEN_SECRET    | lokal-utveckling-byt-i-produktion-0123456789 | KVALITET_STATUSTOKEN_SECRET
            KVALITET_STATUSTOKEN_SECRET    | too-short-for-a-secret                    | KVALITET_STATUSTOKEN_SECRET
            KVALITET_STATUSTOKEN_SECRET    | CHANGE-ME-to-at-least-32-random-characters | KVALITET_STATUSTOKEN_SECRET
            KVALITET_ACTIONPLANS_LINKSECRET | lokal-utveckling-handlingsplan-byt-i-produktion-0123 | KVALITET_ACTIONPLANS_LINKSECRET
            KVALITET_ACTIONPLANS_LINKSECRET | too-short-for-a-secret                  | KVALITET_ACTIONPLANS_LINKSECRET
            KVALITET_ACTIONPLANS_LINKSECRET | CHANGE-ME                               | KVALITET_ACTIONPLANS_LINKSECRET
            SPRING_DATASOURCE_PASSWORD     | CHANGE-ME                                 | SPRING_DATASOURCE_PASSWORD
            SPRING_MAIL_PASSWORD           | change-me                                 | SPRING_MAIL_PASSWORD
            """)
    void refusesEachPublishedDefaultAndNamesItsVariable(String variable, String value, String named) {
        Map<String, String> variables = safe();
        variables.put(variable, value);

        List<String> problems = refusal(environment(variables));

        assertThat(problems).singleElement().asString().startsWith(named);
    }

    @Test
    void anUnsetAdminPasswordIsRefusedWhereTheProdProfileEmptiesIt() {
        Map<String, String> variables = safe();
        variables.remove("CAMUNDA_BPM_ADMINUSER_PASSWORD");

        assertThat(refusal(environment(variables, "prod"))).singleElement().asString()
                .startsWith("CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }

    @Test
    void theProdProfileAlsoRefusesTheEmbeddedServers() {
        Map<String, String> variables = safe();
        variables.remove("SPRING_DATASOURCE_URL");
        variables.remove("SPRING_MAIL_HOST");

        assertThat(refusal(environment(variables, "prod"))).containsExactly(
                "SPRING_DATASOURCE_URL is not set: the embedded PostgreSQL is for local runs only.",
                "SPRING_MAIL_HOST is not set: the embedded mail catcher would swallow citizens' e-mail.");
        // Without the prod profile a missing mail server is the local mail catcher, not a problem.
        variables.put("SPRING_DATASOURCE_URL", EXTERNAL_DATABASE);
        assertThatCode(() -> guard.postProcessEnvironment(environment(variables), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void oidcLoginWithTheProdProfilesStrictSessionCookieIsRefusedUntilItIsLax() {
        Map<String, String> variables = safe();
        variables.put("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_KOMMUN_CLIENTID", "kvalitet");

        assertThat(refusal(environment(variables, "prod"))).singleElement().asString()
                .startsWith("OIDC login is on while the session cookie is SameSite=Strict");
        variables.put("SERVER_SERVLET_SESSION_COOKIE_SAMESITE", "lax");
        variables.put("CAMUNDA_BPM_WEBAPP_SESSIONCOOKIE_SAMESITECOOKIEOPTION", "LAX");
        assertThatCode(() -> guard.postProcessEnvironment(environment(variables, "prod"), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void aThrowawayExternalDatabaseMayKeepTheDefaultsOnPurposeButNeverInProd() {
        Map<String, String> variables = Map.of("SPRING_DATASOURCE_URL", EXTERNAL_DATABASE,
                "KVALITET_ALLOWDEVELOPMENTDEFAULTS", "true");

        assertThatCode(() -> guard.postProcessEnvironment(environment(variables), new SpringApplication()))
                .doesNotThrowAnyException();
        assertThat(refusal(environment(variables, "prod"))).isNotEmpty();
    }

    /** docker/compose.yaml filled in from docker/.env.example, as `docker compose up` would start the app. */
    @Test
    void composeStartedWithTheEnvExamplePlaceholdersIsRefused() throws IOException {
        Map<String, String> variables = composeEnvironment(envExample());

        List<String> problems = refusal(environment(variables, profiles(variables)));

        assertThat(String.join("\n", problems)).contains("SPRING_DATASOURCE_PASSWORD",
                "CAMUNDA_BPM_ADMINUSER_PASSWORD", "KVALITET_STATUSTOKEN_SECRET", "KVALITET_ACTIONPLANS_LINKSECRET");
        // Also without the prod profile: the external database alone is enough (and the demo users are still on).
        assertThat(refusal(environment(variables))).containsAll(problems).anyMatch(problem -> problem.startsWith(
                "KVALITET_DEMO_ENABLED"));
    }

    @Test
    void composeStartsOnceEveryPlaceholderIsReplaced() throws IOException {
        Map<String, String> dotEnv = envExample();
        assertThat(dotEnv.values()).filteredOn(value -> value.contains(ProductionGuard.PLACEHOLDER)).hasSize(4);
        dotEnv.replaceAll((name, value) -> value.contains(ProductionGuard.PLACEHOLDER)
                ? "Ett-riktigt-Hemligt-Värde-9-" + name : value);
        Map<String, String> variables = composeEnvironment(dotEnv);

        assertThatCode(() -> guard.postProcessEnvironment(environment(variables, profiles(variables)),
                new SpringApplication())).doesNotThrowAnyException();
    }

    private List<String> refusal(MockEnvironment environment) {
        UnsafeProductionConfigurationException refused = catchThrowableOfType(
                UnsafeProductionConfigurationException.class,
                () -> guard.postProcessEnvironment(environment, new SpringApplication()));
        assertThat(refused).as("the guard refuses").isNotNull();
        return refused.problems();
    }

    /** A configuration that passes everywhere: an external database and servers, nothing published. */
    private static Map<String, String> safe() {
        return new HashMap<>(Map.of("SPRING_DATASOURCE_URL", EXTERNAL_DATABASE,
                "SPRING_DATASOURCE_PASSWORD", "db-Secret-from-the-vault-7",
                "SPRING_MAIL_HOST", "smtp.kommun.example",
                "KVALITET_DEMO_ENABLED", "false",
                "CAMUNDA_BPM_ADMINUSER_PASSWORD", "a-Strong-Secret-9",
                "KVALITET_STATUSTOKEN_SECRET", "a-production-secret-of-at-least-32-chars",
                "KVALITET_ACTIONPLANS_LINKSECRET", "another-production-secret-of-32-chars"));
    }

    /** application.yaml, then each profile's file over it, then the variables over all, bound relaxed as at start. */
    private static MockEnvironment environment(Map<String, String> variables, String... profiles) {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles(profiles);
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(variables)));
        for (String profile : profiles) {
            yaml("application-" + profile + ".yaml").forEach(source -> environment.getPropertySources()
                    .addBefore("mockProperties", source));
        }
        yaml("application.yaml").forEach(environment.getPropertySources()::addLast);
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    private static List<PropertySource<?>> yaml(String file) {
        try {
            return new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docker/.env.example"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] pair = line.split("=", 2);
                values.put(pair[0].strip(), pair[1].strip());
            }
        }
        return values;
    }

    /** The app service's environment in docker/compose.yaml, with ${VAR...} taken from the .env values. */
    private static Map<String, String> composeEnvironment(Map<String, String> dotEnv) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker/compose.yaml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("app");
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) app.get("environment");
        Pattern reference = Pattern.compile("\\$\\{(\\w+)[^}]*}");
        Map<String, String> variables = new HashMap<>();
        environment.forEach((name, value) -> {
            Matcher matcher = reference.matcher(String.valueOf(value));
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                assertThat(dotEnv).as("docker/.env.example sets what compose.yaml uses").containsKey(matcher.group(1));
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(dotEnv.get(matcher.group(1))));
            }
            matcher.appendTail(resolved);
            variables.put(name, resolved.toString());
        });
        return variables;
    }

    private static String[] profiles(Map<String, String> variables) {
        String active = variables.getOrDefault("SPRING_PROFILES_ACTIVE", "");
        return active.isBlank() ? new String[0] : active.split(",");
    }
}
