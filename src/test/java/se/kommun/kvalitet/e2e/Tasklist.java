package se.kommun.kvalitet.e2e;

import org.openqa.selenium.By;

/**
 * Camunda Tasklist as an officer uses it. Selectors are Tasklist's own classes and ng-click attributes and
 * form-js's field ids, not button labels, because our Swedish translation renames the buttons ("Ta",
 * "Slutför"). Input goes through {@link Browser#clickInPage} and {@link Browser#insertText} (see there why).
 */
final class Tasklist {

    static final By FORM = By.cssSelector(".fjs-container");
    static final By CLAIM = By.cssSelector("[cam-tasklist-task-meta] button.claim[ng-click='claim()']");
    private static final By ASSIGNEE = By.cssSelector("[cam-tasklist-task-meta] li.assignee");

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
}
