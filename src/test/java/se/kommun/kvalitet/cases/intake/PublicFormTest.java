package se.kommun.kvalitet.cases.intake;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.kommun.kvalitet.KvalitetIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@KvalitetIntegrationTest
public class PublicFormTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BlankFormPages blankPages;

    @Test
    void formIsSwedishByDefault() {
        String page = http.getForObject("/rapportera", String.class);

        assertThat(page).contains("lang=\"sv\"", "<title>Lämna en synpunkt eller felanmälan</title>",
                "<legend>Vad gäller ditt ärende?</legend>", ">Klagomål</label>", ">Felanmälan</label>",
                "<label for=\"description\">Beskriv ditt ärende</label>", "aria-describedby=\"description-hint\"",
                "<legend>Plats – krävs för felanmälan</legend>", "<legend>Kontaktuppgifter (frivilligt)</legend>",
                "<optgroup label=\"Felanmälan\">", ">Gatubelysning</option>", "maxlength=\"5000\"")
                .doesNotContain("error-summary", "<script");
        assertThat(page).containsPattern("id=\"language-sv\"[^>]*checked");
    }

    @Test
    void langEnSwitchesToEnglish() {
        String page = http.getForObject("/rapportera?lang=en", String.class);

        assertThat(page).contains("lang=\"en\"", "<legend>What is your matter about?</legend>", ">Complaint</label>",
                "<optgroup label=\"Fault reports\">", ">Street lighting</option>",
                "<legend>Contact details (optional)</legend>");
        assertThat(page).containsPattern("id=\"language-en\"[^>]*checked");
    }

    @Test
    void eachViewOfTheBlankFormHasItsOwnTokenInOtherwiseTheSamePage() {
        ResponseEntity<String> first = http.getForEntity("/rapportera", String.class);
        ResponseEntity<String> second = http.getForEntity("/rapportera", String.class);
        ResponseEntity<String> english = http.getForEntity("/rapportera?lang=en", String.class);

        String firstToken = csrfField(first.getBody());
        String secondToken = csrfField(second.getBody());
        assertThat(firstToken).isNotEqualTo(secondToken).doesNotContain("placeholder");
        assertThat(first.getBody().replace(firstToken, "")).isEqualTo(second.getBody().replace(secondToken, ""));
        assertThat(first.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(first.getHeaders().getContentLanguage()).hasToString("sv");
        assertThat(english.getHeaders().getContentLanguage()).hasToString("en");
        assertThat(english.getBody()).contains("lang=\"en\"", "name=\"_csrf\"").doesNotContain("placeholder");
        assertThat(blankPages.cachedLocales()).isGreaterThanOrEqualTo(2);
        // Each page's token works with its cookie: the posts below go through the same pages (BrowserForms).
    }

    @Test
    void refusedMatterComesBackWithErrorsNextToTheFieldsAndWhatWasTyped() {
        int before = caseCount();

        ResponseEntity<String> response = post(matter("FAULT_REPORT", "STREET_LIGHT", "")
                .with("contact.name", "Karin Berg").with("contact.email", "inte-en-adress"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String page = response.getBody();
        assertThat(page).contains("<title>Fel: Lämna en synpunkt eller felanmälan</title>",
                "class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus",
                "<a href=\"#description\">Beskriv ditt ärende.</a>",
                "<a href=\"#location-address\">Ange var felet finns: en adress eller en position.</a>",
                "<a href=\"#contact-email\">Ange en giltig e-postadress, till exempel namn@exempel.se.</a>",
                "id=\"description-error\"", "id=\"contact-email-error\"", "value=\"inte-en-adress\"",
                "value=\"Karin Berg\"");
        assertThat(page).containsPattern("id=\"description\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"contact-email\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"type-FAULT_REPORT\"[^>]*checked")
                .containsPattern("<option value=\"STREET_LIGHT\" selected");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void typedDescriptionIsKeptAndEscaped() {
        int before = caseCount();

        String page = post(matter("FAULT_REPORT", "STREET_LIGHT", "Lampan lyser inte <script>alert(1)</script>"))
                .getBody();

        assertThat(page).contains("Lampan lyser inte &lt;script&gt;alert(1)&lt;/script&gt;</textarea>",
                "Ange var felet finns").doesNotContain("<script>alert(1)");
        assertThat(caseCount()).isEqualTo(before);
    }

    @Test
    void coordinateThatIsNotANumberIsAFieldError() {
        String page = post(matter("FAULT_REPORT", "POTHOLE", "Djupt hål").with("location.latitude", "abc")
                .with("location.longitude", "17.6")).getBody();

        assertThat(page).contains("<a href=\"#location-latitude\">Ange positionen som ett decimaltal",
                "value=\"abc\"");
    }

    @Test
    void acceptedMatterRedirectsToTheThankYouPage() {
        int before = caseCount();

        ResponseEntity<String> response = post(matter("COMPLAINT", "STREETS_PARKS", "Bänken i parken är trasig.")
                .with("contact.email", "karin@example.se"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        URI location = response.getHeaders().getLocation();
        assertThat(location.toString()).matches(".*/rapportera/tack\\?ref=SYN-\\d{4}-\\d{6}&acknowledged=true")
                .doesNotContain("token");
        assertThat(caseCount()).isEqualTo(before + 1);
        String reference = location.getQuery().replaceAll("^ref=([^&]+).*", "$1");
        String thanks = http.getForObject(location, String.class);
        assertThat(thanks).contains("<p class=\"reference\">" + reference + "</p>",
                "Vi har skickat en bekräftelse till din e-postadress");
    }

    @Test
    void anonymousMatterIsThankedWithoutMentioningMail() {
        ResponseEntity<String> response = post(matter("FAULT_REPORT", "STREET_LIGHT", "Lampan lyser inte.")
                .with("location.address", "Storgatan 12"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation().toString()).contains("ref=FEL-");
        assertThat(http.getForObject(response.getHeaders().getLocation(), String.class))
                .contains("Du lämnade ingen e-postadress").doesNotContain("Vi har skickat en bekräftelse");
    }

    @Test
    void postWithoutCsrfTokenIsRefused() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        ResponseEntity<String> response = http.postForEntity("/rapportera",
                new HttpEntity<>(matter("COMPLAINT", "OTHER", "Utan token"), headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private ResponseEntity<String> post(MultiValueMap<String, String> fields) {
        return BrowserForms.post(http, "/rapportera", "/rapportera", fields);
    }

    private static String csrfField(String page) {
        Matcher field = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(field.find()).as("hidden _csrf field").isTrue();
        return field.group(1);
    }

    private int caseCount() {
        return jdbc.queryForObject("select count(*) from app.citizen_case", Integer.class);
    }

    private static Fields matter(String type, String category, String description) {
        return new Fields().with("type", type).with("category", category).with("description", description)
                .with("language", "sv");
    }

    /** Form fields, chainable. */
    public static final class Fields extends LinkedMultiValueMap<String, String> {

        public Fields with(String name, String value) {
            add(name, value);
            return this;
        }
    }
}
