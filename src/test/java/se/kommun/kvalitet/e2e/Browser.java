package se.kommun.kvalitet.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.opentest4j.TestAbortedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium for one test: started before each test, screenshots numbered per step under
 * target/screenshots/&lt;TestClass&gt;/&lt;method&gt;/, a last screenshot and the page's HTML when the test fails, and
 * axe-core accessibility checks (all findings in axe.txt there) whose serious and critical findings are asserted
 * at the end of the test.
 */
final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final String SKIP_PROPERTY = "kvalitet.browser-tests.skip";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> BLOCKING_IMPACTS = List.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebDriver driver;
    private WebDriverWait wait;
    /** Polls across a page change, when the driver may answer with errors about the document it is leaving. */
    private FluentWait<WebDriver> navigation;
    private Path screenshots;
    private int step;
    private Path userDataDir;
    private final List<String> accessibilityViolations = new ArrayList<>();
    private final String acceptLanguage;

    /** A browser with headless Chromium's own language preference (English). */
    Browser() {
        this(null);
    }

    /** @param acceptLanguage the browser's language preference, e.g. "sv-SE,sv" for a Swedish user */
    Browser(String acceptLanguage) {
        this.acceptLanguage = acceptLanguage;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        if (Boolean.getBoolean(SKIP_PROPERTY)) {
            throw new TestAbortedException("Browser tests skipped explicitly (-D" + SKIP_PROPERTY + "=true)");
        }
        // A missing browser is a broken test machine, not a reason to pass quietly.
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": run `apt-get install -y chromium chromium-driver`, or skip them explicitly with -D"
                    + SKIP_PROPERTY + "=true");
        }
        screenshots = Path.of("target", "screenshots", context.getRequiredTestClass().getSimpleName(),
                context.getRequiredTestMethod().getName());
        deleteRecursively(screenshots);
        Files.createDirectories(screenshots);
        userDataDir = Files.createTempDirectory("kvalitet-chromium-");

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // Without the networking flags Chromium keeps calling Google's hosts, which this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=sv-SE",
                "--user-data-dir=" + userDataDir);
        // navigator.languages, which Camunda's webapps choose their language from, follows this preference.
        if (acceptLanguage != null) {
            options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", acceptLanguage));
        }
        // Selenium Manager cannot download anything here: name the driver ourselves.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        wait = new WebDriverWait(driver, TIMEOUT);
        navigation = new WebDriverWait(driver, TIMEOUT).ignoring(WebDriverException.class);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (driver != null && context.getExecutionException().isPresent()) {
            screenshot("failure");
            try {
                Files.writeString(screenshots.resolve("%02d-failure.html".formatted(step)), driver.getPageSource());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
        if (userDataDir != null) {
            deleteRecursively(userDataDir);
        }
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement visible(By locator) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    void click(By locator) {
        clickable(locator).click();
    }

    /**
     * Clicks a button that submits the page and waits until the browser has loaded the page that replaced it, so
     * the next read is of the answer and never of the form it left (whose elements go stale mid-read). The old page
     * is marked and the wait is for a loaded document without the mark: asking an element of the old page whether
     * it is stale can, mid-navigation, fail with an inspector error instead of answering (seen in CI).
     */
    void submit(By locator) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript("document.documentElement.dataset.kvalitetLeaving = 'yes'");
        clickable(locator).click();
        navigation.until(ignored -> Boolean.TRUE.equals(js.executeScript("return document.readyState === 'complete'"
                + " && document.documentElement.dataset.kvalitetLeaving === undefined")));
    }

    void type(By locator, String text) {
        WebElement field = visible(locator);
        field.clear();
        field.sendKeys(text);
    }

    /*
     * Camunda's webapps: in headless Chromium 156 the mouse and key events ChromeDriver sends never reach their
     * pages (not even a capturing window listener sees them), while our own pages get them. So these pages are
     * driven a level higher: clicks and mousedowns dispatched in the page, text through Chromium's input
     * pipeline (CDP Input.insertText, which fires beforeinput/input like typing).
     */

    void clickInPage(By locator) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].click()", clickable(locator));
    }

    /**
     * Types into the field and leaves it, as a person moving on does: Camunda Forms (form-js) takes typed text
     * into its state only on blur or 300 ms after the last input, and a change to another field before that
     * redraws the form from the old state, which empties this one. Retried until the field holds the text, in
     * case the page redraws the field meanwhile.
     */
    void insertText(By locator, String text) {
        wait.until(ignored -> {
            WebElement field = clickable(locator);
            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript("arguments[0].focus(); arguments[0].select()", field);
            ((ChromeDriver) driver).executeCdpCommand("Input.insertText", Map.of("text", text));
            js.executeScript("arguments[0].blur()", field);
            return text.equals(driver.findElement(locator).getDomProperty("value"));
        });
    }

    void mouseDownInPage(By locator) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].dispatchEvent(new MouseEvent('mousedown', { bubbles: true }))", clickable(locator));
    }

    private WebElement clickable(By locator) {
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    String text(By locator) {
        return visible(locator).getText();
    }

    /** Waits until the condition holds (a non-null, non-false value), also for conditions on the server. */
    <T> T waitUntil(Function<WebDriver, T> condition) {
        return wait.until(condition);
    }

    /** Saves target/screenshots/&lt;TestClass&gt;/&lt;method&gt;/&lt;nn&gt;-&lt;name&gt;.png. */
    void screenshot(String name) {
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.move(shot, screenshots.resolve("%02d-%s.png".formatted(++step, name)),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core in the current page and remembers its serious and critical violations under the page's name;
     * {@link #assertAccessible()} fails on them, so one run reports every page at once.
     */
    void checkAccessibility(String page) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(AxeSource.SCRIPT);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                   .then(results => done(JSON.stringify(results.violations)))
                   .catch(error => done(JSON.stringify({ error: String(error) })));
                """);
        try {
            JsonNode violations = JSON.readTree((String) result);
            assertThat(violations.isArray()).as("axe-core failed on %s: %s", page, result).isTrue();
            StringBuilder report = new StringBuilder("== " + page + " (" + violations.size() + " violations)\n");
            for (JsonNode violation : violations) {
                List<String> targets = new ArrayList<>();
                violation.path("nodes").forEach(node -> targets.add(node.path("target").toString()));
                String line = "%s: %s (%s) %s – %s".formatted(page, violation.path("id").asText(),
                        violation.path("impact").asText(), targets, violation.path("help").asText());
                report.append(line).append('\n');
                if (BLOCKING_IMPACTS.contains(violation.path("impact").asText())) {
                    accessibilityViolations.add(line);
                }
            }
            // Every finding, also moderate and minor ones, for people to read next to the screenshots.
            Files.writeString(screenshots.resolve("axe.txt"), report, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void assertAccessible() {
        assertThat(accessibilityViolations).as("serious or critical axe-core violations").isEmpty();
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** axe.min.js from the test classpath (bundled in com.deque.html.axe-core:selenium), read once. */
    private static final class AxeSource {

        static final String SCRIPT = load();

        private static String load() {
            try (InputStream in = Browser.class.getResourceAsStream("/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe.min.js is not on the test classpath");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
