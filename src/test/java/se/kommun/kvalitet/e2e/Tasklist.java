package se.kommun.kvalitet.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Camunda Tasklist as an officer uses it. Selectors are Tasklist's own classes and ng-click attributes, not
 * labels, because our Swedish translation renames the buttons ("Ta", "Slutför").
 */
final class Tasklist {

    static final By CLAIM = By.cssSelector("[cam-tasklist-task-meta] button.claim[ng-click='claim()']");
    static final By ASSIGNEE = By.cssSelector("[cam-tasklist-task-meta] li.assignee");
    static final By COMPLETE = By.cssSelector("button.btn-primary[ng-click='complete()']");
    static final By FORM = By.cssSelector(".fjs-container");

    private final Browser browser;
    private final String baseUrl;

    Tasklist(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl + "/camunda/app/tasklist/default/";
    }

    void logIn(String user, String password) {
        browser.open(baseUrl);
        browser.type(By.cssSelector("input[ng-model='username']"), user);
        browser.type(By.cssSelector("input[ng-model='password']"), password);
        browser.click(By.cssSelector("form button[type='submit']"));
        browser.visible(By.cssSelector("[cam-tasks]"));
    }

    /** A task opened by its link, as from a notification e-mail or a colleague. */
    void openTask(String taskId) {
        browser.open(baseUrl + "#/?task=" + taskId);
        browser.visible(By.cssSelector("[cam-tasklist-task-meta]"));
    }

    void claim() {
        browser.click(CLAIM);
        browser.visible(ASSIGNEE);
    }

    void fillTextarea(String componentId, String text) {
        browser.type(field("textarea", componentId), text);
    }

    void complete() {
        browser.click(COMPLETE);
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(FORM));
    }

    /** form-js gives each field the id fjs-form-&lt;form instance&gt;-&lt;component id&gt;. */
    static By field(String tag, String componentId) {
        return By.cssSelector(".fjs-container " + tag + "[id$='-" + componentId + "']");
    }
}
