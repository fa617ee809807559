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
    private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] button.btn-primary[ng-click='complete()']");

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
    /**
     * Done when the task's form is shown, as a person sees it before claiming: a claim while Tasklist still loads the
     * form's variables can leave Tasklist's own "Form failure ... reading 'every'" (one CI run, 2026-12-04).
     */
    void openTask(String taskId) {
        browser.open(baseUrl + "#/?task=" + taskId);
        browser.visible(By.cssSelector("[cam-tasklist-task-meta]"));
        browser.visible(FORM);
    }

    /** Done when Complete is enabled: Tasklist enables it only for the assignee, once the form is imported. */
    void claim() {
        browser.clickInPage(CLAIM);
        browser.visible(ASSIGNEE);
        browser.visible(FORM);
        browser.waitUntil(ExpectedConditions.elementToBeClickable(COMPLETE));
    }

    void fillText(String componentId, String text) {
        browser.insertText(field(componentId), text);
    }

    /** What a form field holds now, as form-js shows it. */
    String value(String componentId) {
        return browser.driver().findElement(field(componentId)).getDomProperty("value");
    }

    /**
     * Picks an option by its label, as the officer sees it: form-js radios carry no value attribute, and its
     * select is a drop-down of its own, which opens and picks on mousedown.
     */
    void choose(String componentId, String optionLabel) {
        By select = field(componentId + "-display");
        if (browser.driver().findElements(select).isEmpty()) {
            By radio = By.xpath("//div[contains(@class,'fjs-container')]//label[contains(@for,'-" + componentId
                    + "-')][normalize-space()='" + optionLabel + "']/input[@type='radio']");
            browser.clickInPage(radio);
            browser.waitUntil(driver -> driver.findElement(radio).isSelected());
        } else {
            browser.mouseDownInPage(select);
            browser.mouseDownInPage(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()='"
                    + optionLabel + "']"));
            browser.waitUntil(driver -> driver.findElement(select).getText().equals(optionLabel));
        }
    }

    /** Tasklist closes the form once the engine has completed the task (it submits first, then closes). */
    void complete() {
        browser.clickInPage(COMPLETE);
        browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(FORM));
    }

    /** form-js gives each field the id fjs-form-&lt;form instance&gt;-&lt;component id&gt;. */
    private static By field(String componentId) {
        return By.cssSelector(".fjs-container [id$='-" + componentId + "']");
    }
}
