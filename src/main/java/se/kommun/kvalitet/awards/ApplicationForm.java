package se.kommun.kvalitet.awards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import se.kommun.kvalitet.shared.PlainText;
import se.kommun.kvalitet.shared.FieldError;

/**
 * What an applicant hands in on the public page: who applies (a provider or a unit), the contact, the category, a
 * description per criterion of the call, and whether the application may be shared as a "gott exempel".
 */
public record ApplicationForm(String applicant, String contactName, String contactEmail, String category,
        String area, Map<String, String> answers, boolean shareAllowed) {

    static final int MAX_NAME = 200;
    static final int MAX_ANSWER = 10_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public ApplicationForm {
        answers = answers == null ? Map.of() : Map.copyOf(answers);
    }

    /**
     * Every error at once, so the page shows them all; nothing is stored unless this passes. After the closing date
     * only that is said: the rest no longer matters.
     */
    public void validate(AwardCall call, LocalDate today) {
        if (!call.acceptsApplicationsOn(today)) {
            throw new InvalidAwardInputException(List.of(new FieldError("call", "closed",
                    "Sista ansökningsdag var " + call.closingDate() + ". Ansökan kan inte lämnas längre.")));
        }
        List<FieldError> errors = new ArrayList<>();
        text("applicant", applicant, MAX_NAME, "Ange utförare eller enhet.", errors);
        text("contactName", contactName, MAX_NAME, "Ange kontaktperson.", errors);
        if (contactEmail == null || !EMAIL.matcher(contactEmail).matches() || contactEmail.length() > MAX_NAME) {
            errors.add(new FieldError("contactEmail", "email", "Ange en e-postadress, t.ex. namn@exempel.se."));
        }
        if (category == null || !call.hasCategory(category)) {
            errors.add(new FieldError("category", "oneOf", "Välj en av utlysningens kategorier."));
        }
        for (Criterion criterion : call.criteria()) {
            text("answers." + criterion.code(), answers.get(criterion.code()), MAX_ANSWER,
                    "Beskriv hur ni uppfyller kriteriet " + criterion.title() + ".", errors);
        }
        answers.keySet().stream().filter(code -> call.criteria().stream().noneMatch(c -> c.code().equals(code)))
                .sorted().forEach(code -> errors.add(new FieldError("answers." + code, "unknown",
                        "Utlysningen har inget kriterium " + code + ".")));
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
    }

    private static void text(String field, String value, int max, String missing, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", missing));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "maxLength", "Högst %d tecken.".formatted(max)));
        } else if (!PlainText.Validator.isPlainText(value)) {
            errors.add(new FieldError(field, "plainText", "Texten innehåller otillåtna tecken."));
        }
    }
}
