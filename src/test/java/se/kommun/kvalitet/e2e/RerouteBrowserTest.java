package se.kommun.kvalitet.e2e;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Björn sends a case to another unit: "Till vilken enhet?" in Tasklist offers the organisation's other units,
 * from the server-written unitChoices variable (form-js dynamic options), not a list kept in the form.
 */
@KvalitetIntegrationTest
class RerouteBrowserTest {

    private static final By OPTIONS = By.cssSelector(".fjs-container .fjs-dropdownlist-item");

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Test
    void theUnitChoicesComeFromTheOrganisation() throws Exception {
        String reference = json.readTree(http.postForEntity("/api/cases", Map.of("type", "COMPLAINT",
                "category", "ELDERLY_CARE", "description", "Frågan gäller snöröjningen vid boendet.",
                "language", "sv"), String.class).getBody()).get("reference").asText();
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .singleResult().getId();
        Task investigate = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        Tasklist tasklist = new Tasklist(browser, "http://localhost:" + port);

        tasklist.logIn("bjorn", "Demo-Kvalitet-2026!");
        tasklist.openTask(investigate.getId());
        tasklist.claim();
        tasklist.fillText("investigate_case_findings", "Snöröjningen sköts av Gata och park.");
        tasklist.choose("investigate_case_investigationOutcome", "Skicka till en annan enhet");
        browser.mouseDownInPage(By.cssSelector(".fjs-container [id$='-investigate_case_rerouteTo-display']"));
        List<String> offered = browser.waitUntil(driver -> {
            List<String> labels = driver.findElements(OPTIONS).stream().map(WebElement::getText).toList();
            return labels.isEmpty() ? null : labels;
        });
        browser.screenshot("reroute-choices");
        assertThat(offered).containsExactly("Gata och park", "Förskola och skola", "Kontaktcenter");
        browser.mouseDownInPage(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='Gata och park']"));
        tasklist.complete();

        Task rerouted = taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(rerouted.getTaskDefinitionKey()).isEqualTo("investigate");
        assertThat(taskService.getIdentityLinksForTask(rerouted.getId())).map(IdentityLink::getGroupId)
                .containsExactly("streetsOfficers");
        assertThat(runtimeService.getVariable(processInstanceId, "rerouteTo")).isEqualTo("streetsOfficers");
    }
}
