package se.kommun.kvalitet.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The header officers and managers see in Tasklist, Cockpit and Admin: no Camunda 8 migration banner, and in
 * Tasklist "Starta process" but no "Skapa uppgift". The banner is still rendered by Camunda (it is in the page),
 * so these checks prove that our user-styles.css reached the browser, not merely that something is missing.
 */
@KvalitetIntegrationTest
class WebappHeaderBrowserTest {

    static final By BANNER = By.cssSelector("[cam-widget-header] .ce-eol-banner");
    static final By START_PROCESS = By.cssSelector("[cam-widget-header] .start-process-action a");
    static final By CREATE_TASK = By.cssSelector("[cam-widget-header] .create-task-action");

    @RegisterExtension
    final Browser browser = new Browser("sv-SE,sv");

    @LocalServerPort
    int port;

    @Test
    void tasklistOffersStartProcessButNeitherBannerNorCreateTask() {
        new Tasklist(browser, baseUrl()).logIn("anna", "Demo-Kvalitet-2026!");

        browser.visible(START_PROCESS);
        WebElement createTask = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(CREATE_TASK));
        browser.screenshot("tasklist-header");

        assertThat(createTask.isDisplayed()).as("Skapa uppgift").isFalse();
        assertBannerHidden("Tasklist");
        assertThat(browser.driver().findElement(By.tagName("body")).getText())
                .contains("Starta process").doesNotContain("Skapa uppgift", "Camunda 8");
    }

    @Test
    void cockpitAndAdminShowNoBanner() {
        new Tasklist(browser, baseUrl()).logIn("admin", "Lokal-Start-2026!");
        assertBannerHidden("Tasklist");

        browser.open(baseUrl() + "/camunda/app/cockpit/default/");
        browser.visible(By.cssSelector("[cam-widget-header] .navbar-brand"));
        browser.screenshot("cockpit-header");
        assertBannerHidden("Cockpit");

        browser.open(baseUrl() + "/camunda/app/admin/default/");
        browser.visible(By.cssSelector("[cam-widget-header] .navbar-brand"));
        browser.screenshot("admin-header");
        assertBannerHidden("Admin");
    }

    private void assertBannerHidden(String app) {
        WebElement banner = browser.waitUntil(ExpectedConditions.presenceOfElementLocated(BANNER));
        assertThat(banner.isDisplayed()).as("%s: Camunda 8 banner shown", app).isFalse();
        assertThat(browser.driver().findElement(By.tagName("body")).getText()).as(app).doesNotContain("Camunda 8");
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
