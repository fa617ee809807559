package se.kommun.kvalitet.cases.status;

import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.ClientHttpRequestFactorySettings.Redirects;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.kommun.kvalitet.KvalitetIntegrationTest;
import se.kommun.kvalitet.cases.intake.BrowserForms;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.intake.PublicFormTest;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.Channel;

import static org.assertj.core.api.Assertions.assertThat;

@KvalitetIntegrationTest
class StatusPageTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseIntake intake;

    @Autowired
    StatusTokens tokens;

    @Autowired
    MessageSource messages;

    String reference;
    String statusUrl;

    @BeforeEach
    void submitCase() {
        reference = intake.submit(new NewCase(CaseType.COMPLAINT, "STREETS_PARKS", "Bänken är trasig.", null,
                new NewCase.Contact("Karin", "karin@example.se", null), "sv", null), Channel.WEB, null, null)
                .reference();
        statusUrl = "/arende/" + reference + "?token=" + tokens.tokenFor(reference);
    }

    @Test
    void rightTokenShowsTheCase() {
        ResponseEntity<String> response = http.getForEntity(statusUrl, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        String status = jdbc.queryForObject("select status from app.citizen_case where reference = ?", String.class,
                reference);
        assertThat(response.getBody()).contains(reference, "Klagomål", "Gator, parker och trafik",
                messages.getMessage("status." + status, null, Locale.forLanguageTag("sv")),
                "<form id=\"komplettera\"", "name=\"token\" value=\"" + tokens.tokenFor(reference) + "\"",
                "?lang=en&amp;token=" + tokens.tokenFor(reference));
        assertThat(response.getHeaders().getCacheControl()).isEqualTo("no-store");
        assertThat(response.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
    }

    @Test
    void wrongTokenMissingTokenAndUnknownReferenceGetTheSameNotFound() {
        ResponseEntity<String> wrongToken = http.getForEntity("/arende/" + reference + "?token=abc", String.class);
        ResponseEntity<String> noToken = http.getForEntity("/arende/" + reference, String.class);
        String unknown = "SYN-1999-999999";
        ResponseEntity<String> unknownReference = http.getForEntity("/arende/" + unknown + "?token="
                + tokens.tokenFor(unknown), String.class);

        assertThat(wrongToken.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noToken.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknownReference.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(wrongToken.getBody()).contains("Ärendet hittades inte").doesNotContain(reference)
                .isEqualTo(noToken.getBody()).isEqualTo(unknownReference.getBody());
        assertThat(wrongToken.getHeaders().getCacheControl()).isEqualTo("no-store");
    }

    @Test
    void feedbackIsShownAsTextWithItsLineBreaks() {
        jdbc.update("update app.citizen_case set feedback = ?, forwarded_to = ? where reference = ?",
                "Tack!\n<b>Vi lagar bänken.</b>", "Trafikverket", reference);

        String page = http.getForObject(statusUrl, String.class);

        assertThat(page).contains("<div class=\"feedback\">Tack!\n&lt;b&gt;Vi lagar bänken.&lt;/b&gt;</div>",
                "Trafikverket");
    }

    @Test
    void supplementIsStoredAndThanked() {
        int before = citizenInformationCount();

        ResponseEntity<String> response = supplement(tokens.tokenFor(reference), "Bänken står vid dammen.");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(citizenInformationCount()).isEqualTo(before + 1);
        assertThat(http.getForObject(response.getHeaders().getLocation(), String.class))
                .contains("Tack, vi har tagit emot din information.");
    }

    @Test
    void supplementIsKeptWhenTheCaseWaitsButNoProcessDoes() {
        // The status says "waiting" but the process is elsewhere, e.g. its wait has just timed out.
        jdbc.update("update app.citizen_case set status = 'WAITING_FOR_CITIZEN' where reference = ?", reference);
        int before = citizenInformationCount();

        ResponseEntity<String> response = supplement(tokens.tokenFor(reference), "Svar på er fråga.");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(citizenInformationCount()).isEqualTo(before + 1);
    }

    @Test
    void emptySupplementIsAFieldError() {
        int before = citizenInformationCount();

        ResponseEntity<String> response = supplement(tokens.tokenFor(reference), "   ");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).contains("<title>Fel: Ärende " + reference + "</title>",
                "<a href=\"#information\">Skriv den information du vill lägga till.</a>", "id=\"information-error\"");
        assertThat(citizenInformationCount()).isEqualTo(before);
    }

    @Test
    void supplementWithWrongTokenIsNotFound() {
        int before = citizenInformationCount();

        ResponseEntity<String> response = BrowserForms.post(http, statusUrl, "/arende/" + reference
                + "/komplettering", new PublicFormTest.Fields().with("token", "wrong").with("information", "Hej"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(citizenInformationCount()).isEqualTo(before);
    }

    @Test
    void closedCaseHasNoSupplementForm() {
        jdbc.update("update app.citizen_case set status = 'CLOSED', closed_at = now() where reference = ?", reference);

        String page = http.getForObject(statusUrl, String.class);

        assertThat(page).contains("Avslutat", "Ärendet är avslutat.").doesNotContain("id=\"komplettera\"");
    }

    @Test
    void lookupFormLeadsToTheStatusPage() {
        assertThat(http.getForObject("/arende", String.class)).contains("<label for=\"reference\">Ärendenummer</label>",
                "<label for=\"token\">Kod</label>");

        ResponseEntity<String> response = http.withRedirects(Redirects.DONT_FOLLOW).getForEntity("/arende?reference=" + reference.toLowerCase(Locale.ROOT)
                + "&token=" + tokens.tokenFor(reference), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation().toString()).endsWith(statusUrl);
    }

    private ResponseEntity<String> supplement(String token, String information) {
        return BrowserForms.post(http, statusUrl, "/arende/" + reference + "/komplettering",
                new PublicFormTest.Fields().with("token", token).with("information", information));
    }

    private int citizenInformationCount() {
        return jdbc.queryForObject("select count(*) from app.case_event where kind = 'CITIZEN_INFORMATION'",
                Integer.class);
    }
}
