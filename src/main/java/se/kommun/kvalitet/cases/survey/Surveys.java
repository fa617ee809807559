package se.kommun.kvalitet.cases.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.util.UriComponentsBuilder;
import se.kommun.kvalitet.cases.record.CaseEvent;
import se.kommun.kvalitet.cases.record.CitizenCase;
import se.kommun.kvalitet.shared.PlainText;

/**
 * The satisfaction question: one personal link per feedback e-mail, valid {@code kvalitet.survey.valid-for} and for
 * one answer. An answer is validated completely before anything is stored.
 */
@Service
public class Surveys {

    private final CaseSurveyRepository surveys;
    private final SurveyTokens tokens;
    private final SurveyProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String publicBaseUrl;

    Surveys(CaseSurveyRepository surveys, SurveyTokens tokens, SurveyProperties properties,
            ApplicationEventPublisher events, Clock clock, @Value("${kvalitet.public-base-url}") String publicBaseUrl) {
        this.surveys = surveys;
        this.tokens = tokens;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** The link for a feedback e-mail and how long it is valid. */
    public record Invitation(String url, Instant validUntil) {
    }

    /**
     * Creates the survey for one sending of the feedback e-mail. The same mail step (a retried job) gets the same
     * token and finds its row, so the link in a mail that went out before a rollback still works.
     */
    @Transactional
    public Invitation invite(CitizenCase citizenCase, String mailStepKey) {
        String token = tokens.tokenFor(mailStepKey);
        String hash = SurveyTokens.hash(token);
        CaseSurvey survey = surveys.findByTokenHash(hash).orElseGet(() -> {
            Instant now = Instant.now(clock);
            return surveys.save(new CaseSurvey(citizenCase, hash, now, now.plus(properties.validFor())));
        });
        String url = UriComponentsBuilder.fromUriString(publicBaseUrl).path("/enkat/{token}")
                .buildAndExpand(token).toUriString();
        return new Invitation(url, survey.validUntil());
    }

    /** The question for an open survey: reference and reasons. */
    public record Question(String reference, List<SurveyProperties.Reason> reasons) {
    }

    @Transactional(readOnly = true)
    public Question question(String token) {
        CaseSurvey survey = open(find(token, false));
        return new Question(survey.citizenCase().reference(), properties.reasons());
    }

    @Transactional
    public void answer(String token, SurveyAnswer answer) {
        CaseSurvey survey = open(find(token, true));
        Errors errors = validate(answer);
        if (errors.hasErrors()) {
            throw new InvalidSurveyAnswerException(errors);
        }
        boolean satisfied = answer.satisfied();
        List<String> reasons = List.copyOf(new LinkedHashSet<>(answer.reasons()));
        boolean reopeningAsked = !satisfied && (answer.text() != null
                || reasons.stream().anyMatch(code -> properties.reason(code).orElseThrow().reopens()));
        boolean contactAllowed = Boolean.TRUE.equals(answer.contactAllowed());
        Instant now = Instant.now(clock);
        survey.answer(now, satisfied, reasons, answer.text(), contactAllowed, reopeningAsked);
        CitizenCase citizenCase = survey.citizenCase();
        citizenCase.record(CaseEvent.Kind.SURVEY_ANSWERED, "citizen", (satisfied ? "nöjd" : "inte nöjd")
                + (reasons.isEmpty() ? "" : ": " + String.join(",", reasons)));
        events.publishEvent(new SurveyAnswered(citizenCase.reference(), reopeningAsked, contactAllowed, now,
                summary(satisfied, reasons, answer.text(), contactAllowed)));
    }

    Errors validate(SurveyAnswer answer) {
        Map<String, Object> values = new HashMap<>();
        values.put("satisfied", answer.satisfied());
        values.put("reasons", answer.reasons());
        values.put("text", answer.text());
        values.put("contactAllowed", answer.contactAllowed());
        Errors errors = new MapBindingResult(values, "survey");
        if (answer.satisfied() == null) {
            errors.rejectValue("satisfied", "survey.satisfied.required");
        } else if (Boolean.TRUE.equals(answer.satisfied()) && !answer.reasons().isEmpty()) {
            errors.rejectValue("reasons", "survey.reasons.onlyWhenNotSatisfied");
        }
        List<String> unknown = answer.reasons().stream()
                .filter(code -> code == null || properties.reason(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            errors.rejectValue("reasons", "survey.reasons.unknown", new Object[] {String.join(", ",
                    properties.reasons().stream().map(SurveyProperties.Reason::code).toList())}, null);
        }
        if (answer.text() != null && !PlainText.Validator.isPlainText(answer.text())) {
            errors.rejectValue("text", "PlainText");
        } else if (answer.text() != null && answer.text().length() > SurveyAnswer.MAX_TEXT) {
            errors.rejectValue("text", "survey.text.tooLong", new Object[] {SurveyAnswer.MAX_TEXT}, null);
        }
        return errors;
    }

    private CaseSurvey find(String token, boolean lock) {
        if (!SurveyTokens.wellFormed(token)) {
            throw new SurveyNotFoundException();
        }
        String hash = SurveyTokens.hash(token);
        return (lock ? surveys.lockByTokenHash(hash) : surveys.findByTokenHash(hash))
                .orElseThrow(SurveyNotFoundException::new);
    }

    private CaseSurvey open(CaseSurvey survey) {
        if (!survey.open(Instant.now(clock))) {
            throw new SurveyClosedException();
        }
        return survey;
    }

    /** In Swedish, for the officer's task; the citizen's text as written (the form escapes it). */
    private String summary(boolean satisfied, List<String> reasons, String text, boolean contactAllowed) {
        StringBuilder summary = new StringBuilder("Nöjd: ").append(satisfied ? "ja" : "nej");
        if (!reasons.isEmpty()) {
            summary.append("\nSkäl: ").append(String.join("; ", reasons.stream()
                    .map(code -> properties.reason(code).orElseThrow().labelSv()).toList()));
        }
        summary.append("\nFår kontaktas: ").append(contactAllowed ? "ja" : "nej");
        if (text != null) {
            summary.append("\nMedborgarens text:\n").append(text);
        }
        return summary.toString();
    }
}
