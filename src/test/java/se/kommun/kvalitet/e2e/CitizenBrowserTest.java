package se.kommun.kvalitet.e2e;

import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.localrun.MailText;

import static org.assertj.core.api.Assertions.assertThat;

/** A citizen reports a broken street light on the public form and follows it with the link from the e-mail. */
@KvalitetIntegrationTest
class CitizenBrowserTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    GreenMail mailCatcher;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MessageSource messages;

    @BeforeEach
    void emptyMailbox() throws Exception {
        mailCatcher.purgeEmailFromAllMailboxes();
    }

    @Test
    void reportsAFaultCorrectsErrorsAndFollowsTheCase() throws Exception {
        browser.open(baseUrl() + "/");
        browser.screenshot("start");
        browser.checkAccessibility("start page /");
        browser.click(By.cssSelector("main a[href='/rapportera']"));

        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Lämna en synpunkt eller felanmälan");
        assertThat(browser.driver().findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("sv");
        browser.screenshot("form");
        browser.checkAccessibility("form /rapportera");

        // A fault report without description and place, with a mistyped address.
        browser.click(By.id("type-FAULT_REPORT"));
        new Select(browser.visible(By.id("category"))).selectByValue("STREET_LIGHT");
        browser.type(By.id("contact-name"), "Karin Berg");
        browser.type(By.id("contact-email"), "inte-en-adress");
        browser.submit(By.cssSelector("main form button[type='submit']"));

        browser.visible(By.cssSelector(".error-summary"));
        assertThat(browser.driver().getTitle()).isEqualTo("Fel: Lämna en synpunkt eller felanmälan");
        assertThat(browser.driver().findElements(By.cssSelector(".error-summary a")))
                .extracting(link -> link.getText())
                .containsExactlyInAnyOrder("Beskriv ditt ärende.", "Ange var felet finns: en adress eller en position.",
                        "Ange en giltig e-postadress, till exempel namn@exempel.se.");
        // The summary takes focus so a screen reader announces it first.
        assertThat(browser.driver().switchTo().activeElement().getAttribute("class")).isEqualTo("error-summary");
        assertThat(browser.text(By.id("description-error"))).isEqualTo("Beskriv ditt ärende.");
        assertThat(browser.text(By.id("contact-email-error")))
                .isEqualTo("Ange en giltig e-postadress, till exempel namn@exempel.se.");
        assertThat(browser.driver().findElement(By.cssSelector("fieldset.has-error")).getText())
                .contains("Ange var felet finns: en adress eller en position.");
        assertThat(browser.visible(By.id("contact-email")).getDomProperty("value")).isEqualTo("inte-en-adress");
        assertThat(browser.visible(By.id("contact-name")).getDomProperty("value")).isEqualTo("Karin Berg");
        assertThat(browser.visible(By.id("type-FAULT_REPORT")).isSelected()).isTrue();
        assertThat(new Select(browser.visible(By.id("category"))).getFirstSelectedOption().getDomProperty("value"))
                .isEqualTo("STREET_LIGHT");
        browser.screenshot("form-with-errors");
        browser.checkAccessibility("form /rapportera with errors");

        // The summary's links lead to the fields.
        browser.click(By.cssSelector(".error-summary a[href='#description']"));
        browser.waitUntil(driver -> driver.switchTo().activeElement().getAttribute("id").equals("description"));
        browser.type(By.id("description"), "Gatlampan utanför nummer 12 lyser inte.");
        browser.type(By.id("location-address"), "Storgatan 12");
        browser.type(By.id("contact-email"), "karin.berg@example.se");
        browser.submit(By.cssSelector("main form button[type='submit']"));

        browser.waitUntil(driver -> driver.getCurrentUrl().contains("/rapportera/tack"));
        String reference = browser.text(By.cssSelector("p.reference"));
        assertThat(reference).matches("FEL-\\d{4}-\\d{6}");
        assertThat(browser.text(By.tagName("main"))).contains("Vi har skickat en bekräftelse till din e-postadress");
        browser.screenshot("thank-you");
        browser.checkAccessibility("thank-you page /rapportera/tack");

        // The job executor is off in tests: send the acknowledgement by hand.
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(processInstanceId)
                .activityId("sendAcknowledgement").singleResult().getId());
        MimeMessage acknowledgement = CitizenMail.lastMailTo(mailCatcher, "karin.berg@example.se");
        assertThat(acknowledgement.getSubject()).isEqualTo("Vi har tagit emot ditt ärende " + reference);
        String statusLink = CitizenMail.statusLink(MailText.plainText(acknowledgement), reference, baseUrl());

        browser.open(baseUrl() + "/arende");
        browser.screenshot("lookup");
        browser.checkAccessibility("lookup /arende");

        browser.open(statusLink);
        assertThat(browser.text(By.tagName("h1"))).contains(reference);
        assertThat(browser.text(By.cssSelector("dd.reference"))).isEqualTo(reference);
        assertThat(browser.text(By.cssSelector(".facts"))).contains("Felanmälan", "Gatubelysning", statusLabel(reference));
        browser.screenshot("status");
        browser.checkAccessibility("status page /arende/{reference}");

        browser.assertAccessible();
    }

    private String statusLabel(String reference) {
        String status = jdbc.queryForObject("select status from app.citizen_case where reference = ?", String.class,
                reference);
        return messages.getMessage("status." + status, null, Locale.forLanguageTag("sv"));
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }
}
