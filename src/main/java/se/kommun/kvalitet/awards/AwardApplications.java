package se.kommun.kvalitet.awards;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.reference.ReferenceNumbers;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The applicant's side of a call on the public page: a draft saved with a personal link by e-mail (so the reminder
 * before the closing date can reach those who started), and the application handed in with its attachments and a
 * receipt with the reference number. Every check runs before anything is written.
 */
@Service
class AwardApplications {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");

    private final AwardRepository repository;
    private final ReferenceNumbers referenceNumbers;
    private final Organisation organisation;
    private final Mailer mailer;
    private final Clock clock;
    private final String publicBaseUrl;
    private final SecureRandom random = new SecureRandom();

    AwardApplications(AwardRepository repository, ReferenceNumbers referenceNumbers, Organisation organisation,
            Mailer mailer, Clock clock, @Value("${kvalitet.public-base-url}") String publicBaseUrl) {
        this.repository = repository;
        this.referenceNumbers = referenceNumbers;
        this.organisation = organisation;
        this.mailer = mailer;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    /** A draft by its personal link, while it is a draft. */
    Optional<AwardRepository.StoredApplication> draft(String token) {
        return token == null || !TOKEN.matcher(token).matches() ? Optional.empty() : repository.draft(token);
    }

    /**
     * Saves what is written so far (attachments come with the hand-in); a new draft gets its link by e-mail. Needs
     * only the applicant and a working e-mail address, and an open call.
     */
    @Transactional
    String saveDraft(AwardRepository.StoredCall stored, ApplicationForm form, String token) {
        AwardCall call = stored.call();
        List<FieldError> errors = new ArrayList<>();
        if (stored.status() != AwardRepository.CallStatus.OPEN || !call.acceptsApplicationsOn(LocalDate.now(clock))) {
            throw closed(call);
        }
        if (form.applicant() == null || form.applicant().isBlank() || form.applicant().length() > ApplicationForm.MAX_NAME) {
            errors.add(new FieldError("applicant", "required", "Ange utförare eller enhet."));
        }
        if (form.contactEmail() == null || !EMAIL.matcher(form.contactEmail()).matches()
                || form.contactEmail().length() > ApplicationForm.MAX_NAME) {
            errors.add(new FieldError("contactEmail", "email", "Ange en e-postadress, t.ex. namn@exempel.se."));
        }
        if (form.contactName() != null && form.contactName().length() > ApplicationForm.MAX_NAME) {
            errors.add(new FieldError("contactName", "maxLength", "Högst %d tecken.".formatted(ApplicationForm.MAX_NAME)));
        }
        form.answers().forEach((code, text) -> {
            if (text != null && text.length() > ApplicationForm.MAX_ANSWER) {
                errors.add(new FieldError("answers." + code, "maxLength", "Högst %d tecken."
                        .formatted(ApplicationForm.MAX_ANSWER)));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        ApplicationForm draft = knownAnswersOnly(call, form);
        Optional<AwardRepository.StoredApplication> existing = draft(token);
        if (existing.isPresent() && existing.get().callId() == stored.id()) {
            repository.updateApplication(existing.get().id(), AwardRepository.ApplicationStatus.DRAFT, null, draft,
                    clock.instant());
            return token;
        }
        String newToken = newToken();
        repository.insertApplication(stored.id(), AwardRepository.ApplicationStatus.DRAFT, newToken, null, draft,
                clock.instant());
        Map<String, Object> model = new HashMap<>();
        model.put("reference", call.reference());
        model.put("applicant", draft.applicant());
        model.put("closingDate", call.closingDate().toString());
        model.put("link", draftLink(newToken));
        mailer.send(new OutgoingMail(call.reference() + "/draft/" + newToken.substring(0, 16), draft.contactEmail(),
                "award-draft", SWEDISH, model));
        return newToken;
    }

    /** Hands the application in: every rule at once, then the reference, the attachments and the receipt. */
    @Transactional
    String submit(AwardRepository.StoredCall stored, ApplicationForm form, List<Attachment.Upload> uploads,
            String token) {
        AwardCall call = stored.call();
        if (stored.status() != AwardRepository.CallStatus.OPEN) {
            throw closed(call);
        }
        List<FieldError> errors = new ArrayList<>();
        try {
            form.validate(call, LocalDate.now(clock));
        } catch (InvalidAwardInputException refused) {
            if (refused.errors().stream().anyMatch(error -> error.rule().equals("closed"))) {
                throw refused;
            }
            errors.addAll(refused.errors());
        }
        if (form.area() == null || organisation.unit(form.area()).isEmpty()) {
            // In page order: the area comes right after the category, before the criteria's texts.
            int answers = (int) errors.stream().takeWhile(error -> !error.field().startsWith("answers.")).count();
            errors.add(answers, new FieldError("area", "oneOf", "Välj verksamhetsområde."));
        }
        List<Attachment> attachments = List.of();
        try {
            attachments = Attachment.check(uploads);
        } catch (InvalidAwardInputException refused) {
            errors.addAll(refused.errors());
        }
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        String reference = referenceNumbers.next(AwardProcess.APPLICATION_PREFIX);
        Optional<AwardRepository.StoredApplication> existing = draft(token)
                .filter(draft -> draft.callId() == stored.id());
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            repository.updateApplication(id, AwardRepository.ApplicationStatus.SUBMITTED, reference, form,
                    clock.instant());
        } else {
            id = repository.insertApplication(stored.id(), AwardRepository.ApplicationStatus.SUBMITTED, null,
                    reference, form, clock.instant());
        }
        attachments.forEach(attachment -> repository.insertAttachment(id, attachment));
        Map<String, Object> model = new HashMap<>();
        model.put("reference", reference);
        model.put("call", call.reference());
        model.put("applicant", form.applicant());
        model.put("closingDate", call.closingDate().toString());
        model.put("attachments", attachments.size());
        mailer.send(new OutgoingMail(reference + "/receipt", form.contactEmail(), "award-receipt", SWEDISH, model));
        return reference;
    }

    /** "Påminn om ansökan": each draft of the call not reminded yet, once. */
    @Transactional
    int remindDrafts(String callReference) {
        AwardRepository.StoredCall stored = repository.call(callReference).orElseThrow();
        int reminded = 0;
        for (AwardRepository.StoredApplication draft : repository.unremindedDrafts(stored.id())) {
            Map<String, Object> model = new HashMap<>();
            model.put("reference", callReference);
            model.put("applicant", draft.applicant());
            model.put("closingDate", stored.call().closingDate().toString());
            model.put("link", draftLink(draft.draftToken()));
            mailer.send(new OutgoingMail(callReference + "/reminder/" + draft.id(), draft.contactEmail(),
                    "award-reminder", SWEDISH, model));
            repository.markReminded(draft.id(), clock.instant());
            reminded++;
        }
        return reminded;
    }

    String draftLink(String token) {
        return UriComponentsBuilder.fromUriString(publicBaseUrl).path("/utmarkelser/utkast/{token}")
                .buildAndExpand(token).toUriString();
    }

    private static ApplicationForm knownAnswersOnly(AwardCall call, ApplicationForm form) {
        Map<String, String> answers = new HashMap<>();
        call.criteria().forEach(criterion -> {
            String text = form.answers().get(criterion.code());
            if (text != null && !text.isBlank()) {
                answers.put(criterion.code(), text);
            }
        });
        return new ApplicationForm(form.applicant(), form.contactName(), form.contactEmail(),
                call.hasCategory(form.category()) ? form.category() : null,
                form.area() != null && form.area().length() <= 40 ? form.area() : null, answers, form.shareAllowed());
    }

    private static InvalidAwardInputException closed(AwardCall call) {
        return new InvalidAwardInputException(List.of(new FieldError("call", "closed",
                "Sista ansökningsdag var " + call.closingDate() + ". Ansökan kan inte lämnas längre.")));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
