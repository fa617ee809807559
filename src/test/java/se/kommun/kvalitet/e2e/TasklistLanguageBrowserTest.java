package se.kommun.kvalitet.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A case officer whose browser prefers Swedish gets Tasklist in Swedish, with the unit's saved filters. */
@KvalitetIntegrationTest
class TasklistLanguageBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser("sv-SE,sv");

    @LocalServerPort
    int port;

    @Test
    void tasklistShowsSwedishLabelsAfterLogin() {
        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);
        tasklist.logIn("anna", "Demo-Kvalitet-2026!");

        String page = browser.waitUntil(driver -> {
            String text = driver.findElement(By.tagName("body")).getText();
            return text.contains("Starta process") && text.contains("Mina ärenden") ? text : null;
        });
        browser.screenshot("tasklist-in-swedish");

        assertThat(page).contains("Starta process", "Mina ärenden", "Min grupps ärenden", "Försenade")
                .doesNotContain("Start process");
    }
}
