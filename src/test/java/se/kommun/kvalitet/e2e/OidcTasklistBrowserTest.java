package se.kommun.kvalitet.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import se.kommun.kvalitet.KvalitetApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A care officer opens Tasklist, signs in on the municipality's provider's login page (mock-oauth2-server, its
 * group claim an Entra-style object id mapped to careOfficers), sees Vård och omsorg's case and not Gata och park's,
 * and logs out with Tasklist's own "Logga ut", which ends the provider's session too. Own JVM: the application runs
 * with the OIDC properties.
 */
@Tag("own-jvm")
class OidcTasklistBrowserTest {

    static final String IDP_CARE_GROUP = "5b1f9c2e-care-officers";

    static MockOAuth2Server provider;
    static ConfigurableApplicationContext server;
    static String baseUrl;

    @RegisterExtension
    final Browser browser = new Browser();

    @BeforeAll
    static void start() {
        provider = new MockOAuth2Server(new OAuth2Config(true, null, null));
        provider.start();
        server = new SpringApplicationBuilder(KvalitetApplication.class).profiles("test").run(
                "--server.port=0",
                "--spring.security.oauth2.client.provider.kommun.issuer-uri=" + provider.issuerUrl("kommun"),
                "--spring.security.oauth2.client.registration.kommun.client-id=kvalitet",
                "--spring.security.oauth2.client.registration.kommun.client-secret=test-hemlighet",
                "--spring.security.oauth2.client.registration.kommun.scope=openid,profile",
                "--kvalitet.oidc.group-mapping.[" + IDP_CARE_GROUP + "]=careOfficers");
        baseUrl = "http://127.0.0.1:" + server.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (provider != null) {
            provider.shutdown();
        }
    }

    @Test
    void aCareOfficerSignsInAtTheProviderSeesHerUnitsTasksOnlyAndLogsOut() throws Exception {
        String care = submitCase("ELDERLY_CARE");
        String street = submitCase("STREETS_PARKS");

        browser.open(baseUrl + "/camunda/app/tasklist/default/");
        browser.type(By.name("username"), "bjorn.oidc");
        browser.type(By.name("claims"), "{\"groups\": [\"" + IDP_CARE_GROUP + "\", \"Alla anställda\"]}");
        browser.screenshot("provider-login-page");
        browser.click(By.cssSelector("input[type='submit']"));

        browser.visible(By.cssSelector("[cam-tasks]"));
        browser.clickInPage(By.xpath(
                "//div[contains(@class,'task-filter')][.//*[normalize-space(text())='Min grupps ärenden']]"));
        browser.waitUntil(driver -> driver.findElements(By.cssSelector(".tasks-list h4.task")).stream()
                .anyMatch(name -> name.getText().strip().equals("Utreda och dokumentera – " + care)));
        browser.screenshot("tasklist-care-case");
        assertThat(browser.text(By.cssSelector(".tasks-list"))).doesNotContain(street);

        // Tasklist's own "Logga ut" in the user menu: it ends the provider's session too, and lands on our start page.
        browser.click(By.cssSelector("li.account .dropdown-toggle"));
        browser.click(By.cssSelector("li.logout a"));
        browser.waitUntil(driver -> driver.getCurrentUrl().equals(baseUrl + "/"));
        browser.screenshot("logged-out-start-page");
        browser.open(baseUrl + "/camunda/app/tasklist/default/");
        browser.visible(By.name("username"));
        assertThat(browser.driver().getCurrentUrl()).startsWith(provider.authorizationEndpointUrl("kommun").toString());
    }

    /** Local login stays on by default beside OIDC: a local user's HTTP Basic still reads her unit's case. */
    @Test
    void localPasswordsStillWorkOnTheApiWhileLocalLoginIsOn() throws Exception {
        String care = submitCase("ELDERLY_CARE");
        String basic = "Basic " + Base64.getEncoder().encodeToString("bjorn:Demo-Kvalitet-2026!"
                .getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> read = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                + "/api/cases/" + care)).header("Authorization", basic).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().firstValue("Set-Cookie")).as("HTTP Basic creates no session").isEmpty();
    }

    private static String submitCase(String category) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl
                        + "/api/cases")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"type":"COMPLAINT","category":"%s","description":"Ärende för OIDC-webbläsartestet.",
                         "contact":{"name":"Eva","email":"eva@example.se"},"language":"sv"}""".formatted(category)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new ObjectMapper().readTree(created.body()).path("reference").asText();
    }
}
