package se.kommun.kvalitet.security;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.mock.env.MockEnvironment;
import se.kommun.kvalitet.KvalitetApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class ProductionGuardTest {

    private final ProductionGuard guard = new ProductionGuard();

    @Test
    void prodProfileWithDemoSettingsFailsToStartAndSaysWhy(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(KvalitetApplication.class).profiles("prod").run())
                .isInstanceOf(UnsafeProductionConfigurationException.class);

        assertThat(output).contains("APPLICATION FAILED TO START", "SPRING_DATASOURCE_URL is not set",
                "SPRING_MAIL_HOST is not set", "CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }

    @Test
    void refusesDemoUsers() {
        MockEnvironment environment = safeProduction().withProperty("kvalitet.demo.enabled", "true");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("kvalitet.demo.enabled");
    }

    @Test
    void refusesTheDevelopmentAdminPassword() {
        MockEnvironment environment = safeProduction()
                .withProperty("camunda.bpm.admin-user.password", "Lokal-Start-2026!");

        assertThatThrownBy(() -> guard.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_PASSWORD");
    }

    @Test
    void acceptsAProperProductionConfiguration() {
        assertThatCode(() -> guard.postProcessEnvironment(safeProduction(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void leavesOtherProfilesAlone() {
        assertThatCode(() -> guard.postProcessEnvironment(new MockEnvironment(), new SpringApplication()))
                .doesNotThrowAnyException();
    }

    private static MockEnvironment safeProduction() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.kommun.example/kvalitet")
                .withProperty("spring.mail.host", "smtp.kommun.example")
                .withProperty("kvalitet.demo.enabled", "false")
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", "a-Strong-Secret-9")
                .withProperty("kvalitet.status-token.secret", "a-production-secret-of-at-least-32-chars");
        environment.setActiveProfiles("prod");
        return environment;
    }
}
