package se.kommun.kvalitet.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.SettableClock;
import se.kommun.kvalitet.qualitypayment.SeededTertial;

/**
 * A resident compares home-care providers on /jamfor after the committee's decision: the three providers side by
 * side with each indicator's direction, sorted by continuity through the column's link (no JavaScript needed), in
 * Swedish and in English, axe-checked.
 */
@KvalitetIntegrationTest
class ComparisonBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService taskService;

    @Autowired
    SettableClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void aResidentComparesTheProvidersOfADecidedPeriodAndSortsThem() {
        SeededTertial seed = new SeededTertial(http, clock);
        String period = seed.year(2039);
        seed.approve(period, taskService);

        browser.open("http://localhost:" + port + "/jamfor?omrade=HOME_CARE&period=" + period);
        assertThat(browser.text(By.tagName("caption"))).contains("Hemtjänst", period);
        assertThat(providers()).containsExactly(SeededTertial.IN_HOUSE, seed.alfaName(), seed.betaName());
        assertThat(browser.text(By.tagName("thead"))).contains("lägre är bättre", "högre är bättre");
        browser.checkAccessibility("jamfor");
        browser.screenshot("jamfor");

        browser.click(By.xpath("//thead//a[contains(normalize-space(), 'Personalkontinuitet')]"));
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("sortera=CONTINUITY"));
        assertThat(providers()).containsExactly(seed.betaName(), seed.alfaName(), SeededTertial.IN_HOUSE);
        browser.checkAccessibility("jamfor sorted by continuity");
        browser.screenshot("jamfor-sorted");

        browser.click(By.cssSelector("a.language"));
        browser.waitUntil(driver -> driver.getCurrentUrl().contains("lang=en"));
        browser.open("http://localhost:" + port + "/jamfor?omrade=HOME_CARE&period=" + period);
        assertThat(browser.text(By.tagName("h1"))).contains("Compare providers");
        assertThat(browser.text(By.tagName("thead"))).contains("lower is better", "higher is better");
        browser.checkAccessibility("jamfor in English");
        browser.screenshot("jamfor-en");
    }

    private List<String> providers() {
        return browser.driver().findElements(By.xpath("(//table)[1]/tbody/tr/th/span[1]")).stream()
                .map(WebElement::getText).toList();
    }
}
