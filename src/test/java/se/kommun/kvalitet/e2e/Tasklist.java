package se.kommun.kvalitet.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as an officer uses it. Selectors are Tasklist's own classes and ng-click attributes and
 * form-js's field ids, not button labels, because our Swedish translation renames the buttons ("Ta",
 * "Slutför"). Input goes through {@link Browser#clickInPage} and {@link Browser#insertText} (see there why).
 */
final class Tasklist {

    static final By FORM = By.cssSelector(".fjs-container");
    static final By CLAIM = By.cssSelector("[cam-tasklist-task-meta] button.claim[ng-click='claim()']");
    private static final By ASSIGNEE = By.cssSelector("[cam-tasklist-task-meta] li.assignee");
    private static final By COMPLETE = By.cssSelector("button.btn-primary[ng-click='complete()']");

    private final Browser browser;
    private final String baseUrl;

    Tasklist(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl + "/camunda/app/tasklist/default/";
    }

    void logIn(String user, String password) {
        browser.open(baseUrl);
        browser.insertText(By.cssSelector("input[ng-model='username']"), user);
        browser.insertText(By.cssSelector("input[ng-model='password']"), password);
        browser.clickInPage(By.cssSelector("form[name='signinForm'] button[type='submit']"));
        browser.visible(By.cssSelector("[cam-tasks]"));
    }

    /** A task opened by its link, as from a notification e-mail or a colleague. */
    void openTask(String taskId) {
        browser.open(baseUrl + "#/?task=" + taskId);
        browser.visible(By.cssSelector("[cam-tasklist-task-meta]"));
    }

    void claim() {
        browser.clickInPage(CLAIM);
        browser.visible(ASSIGNEE);
        browser.visible(FORM);
    }

    /**
     * Fills the form until Tasklist accepts it: after a claim Tasklist imports the form once more, which empties
     * fields filled too early, so filling is repeated (each step is idempotent) until Complete is enabled.
     */
    void fill(Runnable steps) {
        browser.waitUntil(driver -> {
            steps.run();
            return driver.findElement(COMPLETE).isEnabled();
        });
    }

    void fillTextarea(String componentId, String text) {
        browser.insertText(field("textarea", componentId), text);
    }

    /** form-js radios carry no value attribute: pick by the option's label. */
    void chooseRadio(String componentId, String label) {
        browser.clickInPage(By.xpath("//div[contains(@class,'fjs-container')]//label[contains(@for,'-" + componentId
                + "-')][normalize-space()='" + label + "']/input[@type='radio']"));
    }

    /** form-js draws its own drop-down, which opens and picks on mousedown. */
    void chooseOption(String componentId, String label) {
        browser.mouseDownInPage(field("div", componentId + "-display"));
        browser.mouseDownInPage(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                + label + "']"));
    }

    void complete() {
        browser.clickInPage(COMPLETE);
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(FORM));
    }

    /** form-js gives each field the id fjs-form-&lt;form instance&gt;-&lt;component id&gt;. */
    private static By field(String tag, String componentId) {
        return By.cssSelector(".fjs-container " + tag + "[id$='-" + componentId + "']");
    }
}
