package se.kommun.kvalitet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.shared.ClockConfiguration;

/**
 * A unit applies for the quality award in a browser, without JavaScript needs: the call list, the form, the error
 * summary when sent empty, the thank-you page with the reference, and the good examples page; axe-checked at each
 * step (WCAG 2.1 AA, no serious or critical findings).
 */
@KvalitetIntegrationTest
class AwardBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    SettableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUnitAppliesOnThePublicPageAndEveryStepIsAccessible() throws Exception {
        clock.pin(ZonedDateTime.of(2048, 3, 1, 10, 0, 0, 0, ClockConfiguration.MUNICIPAL_ZONE));
        String closing = "2048-03-31";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> opened = http.withBasicAuth("sara", "Demo-Kvalitet-2026!").postForEntity(
                "/api/awards/calls", new HttpEntity<>("""
                        {"categories":[{"code":"QUALITY","name":"Kvalitetsutmärkelse"}],
                         "criteria":[{"code":"K1","title":"Kunden i fokus","weight":2},{"code":"K2","title":"Resultat","weight":1}],
                         "closingDate":"%s","jury":["karin","lena"]}""".formatted(closing), headers), String.class);
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        String call = json.readTree(opened.getBody()).get("reference").asText();
        String applicant = "Hemtjänst Söder " + UUID.randomUUID().toString().substring(0, 6);

        browser.open(baseUrl() + "/utmarkelser");
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Kvalitetsutmärkelse och innovationspris");
        browser.checkAccessibility("awards /utmarkelser");
        browser.submit(By.cssSelector("a[href='/utmarkelser/" + call + "']"));
        browser.checkAccessibility("award application form");

        browser.submit(By.cssSelector("button[value='submit']"));
        assertThat(browser.text(By.cssSelector(".error-summary"))).contains("Ange utförare eller enhet")
                .contains("Beskriv hur ni uppfyller kriteriet Kunden i fokus");
        browser.checkAccessibility("award application with errors");
        browser.screenshot("award-errors");

        browser.type(By.id("applicant"), applicant);
        browser.type(By.id("contactName"), "Sara Lund");
        browser.type(By.id("contactEmail"), "sara.lund@example.se");
        new Select(browser.visible(By.id("category"))).selectByValue("QUALITY");
        new Select(browser.visible(By.id("area"))).selectByValue("care");
        browser.type(By.id("answer-K1"), "Brukarråd varje månad och synpunkter på varje möte.");
        browser.type(By.id("answer-K2"), "Nöjdheten steg från 78 till 91 procent.");
        browser.click(By.id("shareAllowed"));
        browser.submit(By.cssSelector("button[value='submit']"));
        assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Tack, ansökan är mottagen");
        assertThat(browser.text(By.cssSelector(".reference"))).matches("UTA-\\d{4}-\\d{6}");
        browser.checkAccessibility("award thanks");

        browser.open(baseUrl() + "/goda-exempel");
        assertThat(browser.text(By.cssSelector("main"))).doesNotContain(applicant);
        browser.checkAccessibility("goda exempel");
        browser.assertAccessible();
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
