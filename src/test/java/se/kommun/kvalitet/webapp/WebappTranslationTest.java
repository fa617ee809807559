package se.kommun.kvalitet.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Swedish webapp files against the Camunda webjar on the classpath: after a Camunda upgrade this fails with
 * the keys to add or remove (run tools/webapp-i18n/merge.py), any config.js or user-styles.css change to carry
 * over, and any change to the banner and button our user-styles.css hides.
 */
class WebappTranslationTest {

    private static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
    private static final String OURS = "camunda-webapp-overrides/app/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}");
    private static final Pattern OUR_CONFIG_BLOCK = Pattern.compile(
            "  // kvalitet-begin.*?// kvalitet-end\n", Pattern.DOTALL);
    private static final Pattern OUR_STYLES_BLOCK = Pattern.compile(
            "/\\* kvalitet-begin.*?/\\* kvalitet-end \\*/\n", Pattern.DOTALL);
    // Tasklist is translated in full: only these texts read the same in Swedish.
    private static final Set<String> SAME_IN_SWEDISH = Set.of(
            "", "<", "<=", ">", ">=", "<null>", "Admin", "Camunda", "Cockpit", "Diagram", "Filter", "Operator");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void swedishHasExactlyTheEnglishKeysAndPlaceholders(String app) throws IOException {
        Map<String, String> english = flatten(json.readTree(read(WEBJAR + app + "/locales/en.json")));
        Map<String, String> swedish = flatten(json.readTree(read(OURS + app + "/locales/sv.json")));

        Set<String> missing = new TreeSet<>(english.keySet());
        missing.removeAll(swedish.keySet());
        Set<String> extra = new TreeSet<>(swedish.keySet());
        extra.removeAll(english.keySet());
        List<String> placeholderMismatches = new ArrayList<>();
        english.forEach((key, text) -> {
            if (swedish.containsKey(key) && !placeholders(text).equals(placeholders(swedish.get(key)))) {
                placeholderMismatches.add(key + ": " + placeholders(text) + " vs " + placeholders(swedish.get(key)));
            }
        });

        // Soft: one run lists every kind of drift at once.
        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing).as("%s sv.json misses keys of en.json", app).isEmpty();
            softly.assertThat(extra).as("%s sv.json has keys that en.json no longer has", app).isEmpty();
            softly.assertThat(placeholderMismatches).as("%s sv.json placeholders differ from en.json", app).isEmpty();
        });
    }

    @Test
    void tasklistIsTranslatedInFull() throws IOException {
        JsonNode english = json.readTree(read(WEBJAR + "tasklist/locales/en.json")).get("labels");
        JsonNode swedish = json.readTree(read(OURS + "tasklist/locales/sv.json")).get("labels");
        List<String> untranslated = new ArrayList<>();
        english.fields().forEachRemaining(entry -> {
            String text = entry.getValue().asText();
            if (text.equals(swedish.path(entry.getKey()).asText()) && !SAME_IN_SWEDISH.contains(text)) {
                untranslated.add(entry.getKey());
            }
        });
        assertThat(untranslated).as("Tasklist labels still in English").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void configIsTheWebjarsPlusSwedishFirst(String app) throws IOException {
        String webjarConfig = new String(read(WEBJAR + app + "/scripts/config.js"), StandardCharsets.UTF_8);
        String ourConfig = new String(read(OURS + app + "/scripts/config.js"), StandardCharsets.UTF_8);

        assertThat(ourConfig)
                .contains("availableLocales: ['sv', 'en']")
                .contains("fallbackLocale: 'sv'");
        assertThat(OUR_CONFIG_BLOCK.matcher(ourConfig).replaceFirst(""))
                .as("%s config.js apart from our locales block must equal the webjar's", app)
                .isEqualTo(webjarConfig);
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void userStylesAreTheWebjarsPlusOurBlock(String app) throws IOException {
        String webjarStyles = new String(read(WEBJAR + app + "/styles/user-styles.css"), StandardCharsets.UTF_8);
        String ourStyles = new String(read(OURS + app + "/styles/user-styles.css"), StandardCharsets.UTF_8);

        assertThat(ourStyles).contains("[cam-widget-header] .ce-eol-banner {\n  display: none;\n}");
        assertThat(OUR_STYLES_BLOCK.matcher(ourStyles).replaceFirst(""))
                .as("%s user-styles.css apart from our block must equal the webjar's", app)
                .isEqualTo(webjarStyles);
    }

    /** After an upgrade: the banner our user-styles.css hides must still be the header's .ce-eol-banner. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void theBannerWeHideIsStillTheHeadersCeEolBanner(String app) throws IOException {
        String bootstrap = new String(read(WEBJAR + app + "/camunda-" + app + "-bootstrap.js"), StandardCharsets.UTF_8);

        assertThat(bootstrap).contains("class=\"ce-eol-banner\"", "BANNER_CE_EOL_TEXT");
    }

    /**
     * After an upgrade: "create task" must still be the navbar action whose id becomes its class, in a list item
     * of the header's .sections-menu (whose display rule ours outranks).
     */
    @Test
    void theButtonWeHideIsStillTasklistsCreateTaskAction() throws IOException {
        String plugin = new String(read("META-INF/resources/plugin/tasklist/app/plugin.js"), StandardCharsets.UTF_8);
        String index = new String(read(WEBJAR + "tasklist/index.html"), StandardCharsets.UTF_8);
        String bootstrap = new String(read(WEBJAR + "tasklist/camunda-tasklist-bootstrap.js"), StandardCharsets.UTF_8);

        assertThat(plugin).contains("registerDefaultView(\"tasklist.navbar.action\",{id:\"create-task-action\"");
        assertThat(index).contains("ng-repeat=\"actionProvider in navbarActions\"", "ng-class=\"actionProvider.id\"");
        assertThat(bootstrap).contains("<div ng-transclude\\n     class=\"sections-menu\"");
        assertThat(new String(read(OURS + "tasklist/styles/user-styles.css"), StandardCharsets.UTF_8))
                .contains("[cam-widget-header] .sections-menu > ul > li.create-task-action {\n  display: none;\n}");
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = WebappTranslationTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("classpath resource %s", resource).isNotNull();
            return in.readAllBytes();
        }
    }

    /** "labels.CLAIM_TASK" -> "Claim", "dateLocales.months[0]" -> "January"; Jackson skips the webjar's BOM. */
    private static Map<String, String> flatten(JsonNode root) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        return flat;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> flat) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                    e.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), flat);
            }
        } else {
            flat.put(path, node.asText());
        }
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        found.sort(null);
        return found;
    }
}
