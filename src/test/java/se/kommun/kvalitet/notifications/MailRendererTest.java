package se.kommun.kvalitet.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Renders the real templates and bundles without Spring, configured like Spring Boot's message source. */
class MailRendererTest {

    static final Locale SWEDISH = Locale.forLanguageTag("sv");
    static final String SCRIPT = "<script>alert(1)</script>";

    final MailRenderer renderer = new MailRenderer(messageSource());

    static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    static Map<String, Object> fullModel() {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", "SYN-2026-000001");
        model.put("statusUrl", "https://kvalitet.kommun.example/status/abc123");
        model.put("caseTypeLabel", "Klagomål");
        model.put("description", "Gatlampan är trasig.\n" + SCRIPT);
        model.put("feedback", "Vi byter lampan i veckan.\n" + SCRIPT);
        model.put("question", "Vilken gatlampa gäller det?");
        model.put("replyUrl", "https://kvalitet.kommun.example/svar/def456");
        model.put("linkedReference", "FEL-2026-000042");
        model.put("dueDate", LocalDate.of(2026, 3, 12));
        model.put("replyBy", LocalDate.of(2026, 3, 26));
        model.put("escalationLevel", "MANAGER");
        model.put("kind", "Synpunkt");
        model.put("recipientName", "Anna Andersson");
        model.put("taskUrl", "https://kvalitet.kommun.example/camunda/app/tasklist/#/?task=1");
        model.put("forwardedTo", "Trafikverket");
        model.put("surveyUrl", "https://kvalitet.kommun.example/enkat/abc");
        model.put("surveyValidUntil", LocalDate.of(2026, 3, 26));
        model.put("reopeningNote", "Vi tittar på det igen.");
        return model;
    }

    static OutgoingMail mail(String template, Locale locale, Map<String, Object> model) {
        return new OutgoingMail("test/" + template, "anna@example.org", template, locale, model);
    }

    @ParameterizedTest
    @ValueSource(strings = {"acknowledgement", "supplement-request", "feedback", "praise-thanks", "duplicate-linked",
            "reminder", "escalation", "reopened", "kept-closed"})
    void everyTemplateRendersInBothLanguages(String template) {
        MailRenderer.Rendered swedish = renderer.render(mail(template, SWEDISH, fullModel()));
        MailRenderer.Rendered english = renderer.render(mail(template, Locale.ENGLISH, fullModel()));

        for (MailRenderer.Rendered rendered : new MailRenderer.Rendered[] {swedish, english}) {
            assertThat(rendered.subject()).contains("SYN-2026-000001");
            assertThat(rendered.text()).contains("SYN-2026-000001").doesNotContain("??", "${", "#{", "[#", "[(");
            assertThat(rendered.html()).contains("SYN-2026-000001").doesNotContain("??", "${", "#{", " th:");
        }
        assertThat(swedish.subject()).isNotEqualTo(english.subject());
        assertThat(swedish.text()).contains("Med vänliga hälsningar").isNotEqualTo(english.text());
        assertThat(english.text()).contains("Kind regards");
        assertThat(swedish.html()).contains("lang=\"sv\"");
        assertThat(english.html()).contains("lang=\"en\"");
    }

    @Test
    void theStyrkortPlanMailCarriesTheMissedTargetAndThePersonalLinkInBothLanguages() {
        Map<String, Object> model = new HashMap<>(Map.of("reference", "Styrkort 2026", "unitName", "Vård och omsorg",
                "deficiency", "Mål: Snabba svar. Utfall 70.0, mål minst 80.", "deadline", LocalDate.of(2027, 2, 1),
                "link", "https://kvalitet.kommun.example/handlingsplan/7?token=abc"));
        model.put("recipientName", "Maria");
        MailRenderer.Rendered swedish = renderer.render(mail("scorecard-action-plan", SWEDISH, model));
        MailRenderer.Rendered english = renderer.render(mail("scorecard-action-plan", Locale.ENGLISH, model));

        assertThat(swedish.subject()).isEqualTo("Styrkort 2026: handlingsplan för ett missat mål");
        assertThat(english.subject()).isEqualTo("Styrkort 2026: action plan for a missed target");
        for (MailRenderer.Rendered rendered : new MailRenderer.Rendered[] {swedish, english}) {
            assertThat(rendered.text()).contains("Vård och omsorg", "Utfall 70.0, mål minst 80.", "2027-02-01",
                    "https://kvalitet.kommun.example/handlingsplan/7?token=abc").doesNotContain("??", "[(", "${");
            assertThat(rendered.html()).contains("href=\"https://kvalitet.kommun.example/handlingsplan/7?token=abc\"")
                    .doesNotContain("??", " th:");
        }
        assertThat(swedish.text()).contains("In English:");
        assertThat(english.text()).doesNotContain("In English:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acknowledgement", "feedback"})
    void citizenTextIsEscapedInHtmlAndVerbatimInText(String template) {
        MailRenderer.Rendered rendered = renderer.render(mail(template, SWEDISH, fullModel()));

        assertThat(rendered.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);
        assertThat(rendered.text()).contains(SCRIPT).doesNotContain("&lt;");
    }

    @Test
    void subjectIsSwedishOrEnglishWithTheReference() {
        assertThat(renderer.subject(mail("acknowledgement", SWEDISH, fullModel())))
                .isEqualTo("Vi har tagit emot ditt ärende SYN-2026-000001");
        assertThat(renderer.subject(mail("acknowledgement", Locale.forLanguageTag("en-GB"), fullModel())))
                .isEqualTo("We have received your case SYN-2026-000001");
    }

    @Test
    void forwardingIsMentionedOnlyWhenTheCaseWasForwarded() {
        Map<String, Object> model = fullModel();
        assertThat(renderer.render(mail("feedback", SWEDISH, model)).text())
                .contains("skickat ditt ärende vidare till dem");
        model.put("forwardedTo", null);
        MailRenderer.Rendered rendered = renderer.render(mail("feedback", SWEDISH, model));

        assertThat(rendered.text()).doesNotContain("vidare", "null", "\n\n\n");
        assertThat(rendered.html()).doesNotContain("vidare", "null");
    }

    @Test
    void optionalValuesMayBeMissing() {
        Map<String, Object> model = Map.of("reference", "SYN-2026-000001", "statusUrl", "https://k.example/s/1");
        MailRenderer.Rendered rendered = renderer.render(mail("acknowledgement", SWEDISH, model));

        assertThat(rendered.text()).startsWith("Hej!\n").doesNotContain("null", "Det här skrev du", "\n\n\n");
        assertThat(rendered.html()).contains("<p>Hej!</p>").doesNotContain("null", "Det här skrev du");
    }

    /** What the escalation module sends: nothing of a citizen's case, for any kind of thing escalated. */
    @ParameterizedTest
    @ValueSource(strings = {"reminder", "escalation"})
    void staffMailsNeedNoCitizenCaseAndCarryAnEnglishLine(String template) {
        Map<String, Object> model = new HashMap<>(Map.of("reference", "AVV-2026-000007", "kind", "Avvikelse",
                "dueDate", LocalDate.of(2026, 3, 12), "escalationLevel", "MANAGER", "recipientName", "Maria",
                "taskUrl", "https://kvalitet.kommun.example/camunda/app/tasklist/default/#/?task=1"));
        MailRenderer.Rendered rendered = renderer.render(mail(template, SWEDISH, model));

        assertThat(rendered.text()).startsWith("Hej Maria!\n")
                .contains("Avvikelse AVV-2026-000007", "12 mars 2026", "In English: Avvikelse AVV-2026-000007",
                        "2026-03-12", "?task=1")
                .doesNotContain("null", "??", "\n\n\n");
        assertThat(rendered.html()).contains("lang=\"en\"", "In English:").doesNotContain("null", "??");
        assertThat(renderer.render(mail(template, Locale.ENGLISH, model)).text()).doesNotContain("In English");
    }

    @Test
    void escalationSaysWhyTheRecipientGetsIt() {
        Map<String, Object> model = fullModel();
        model.put("escalationLevel", "PROCESS_OWNER");

        assertThat(renderer.render(mail("escalation", SWEDISH, model)).text())
                .contains("12 mars 2026", "som processägare");
        assertThat(renderer.render(mail("escalation", Locale.ENGLISH, model)).html())
                .contains("12 March 2026", "as process owner");
    }
}
