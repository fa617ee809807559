package se.kommun.kvalitet.cases.answertemplates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import se.kommun.kvalitet.cases.record.Categories;
import se.kommun.kvalitet.cases.record.CitizenCase;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ClockConfiguration;
import se.kommun.kvalitet.shared.PlainText;

/**
 * Svarsmallar: kept by process owners and managers, offered to officers in Tasklist for the case's category and step
 * with the placeholders filled in, in the citizen's language.
 */
@Service
@Transactional
public class AnswerTemplates {

    public static final String REFERENCE = "{referens}";
    public static final String RECEIVED = "{inkom}";
    public static final String UNIT = "{enhet}";
    public static final String OFFICER = "{handläggare}";

    private final AnswerTemplateRepository templates;
    private final Categories categories;
    private final Organisation organisation;
    private final Clock clock;

    AnswerTemplates(AnswerTemplateRepository templates, Categories categories, Organisation organisation, Clock clock) {
        this.templates = templates;
        this.categories = categories;
        this.organisation = organisation;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<AnswerTemplate> all() {
        return templates.findAllByOrderByCategoryAscStepAscSortOrderAscIdAsc();
    }

    @Transactional(readOnly = true)
    public List<AnswerTemplate> active() {
        return templates.findByActiveTrueOrderByCategoryAscStepAscSortOrderAscIdAsc();
    }

    @Transactional(readOnly = true)
    public AnswerTemplate get(long id) {
        return templates.findById(id).orElseThrow(() -> new AnswerTemplateNotFoundException(id));
    }

    public AnswerTemplate create(AnswerTemplateDraft draft, String editor) {
        requireValid(draft);
        return templates.save(new AnswerTemplate(draft, Instant.now(clock), editor));
    }

    public AnswerTemplate update(long id, AnswerTemplateDraft draft, String editor) {
        AnswerTemplate template = get(id);
        requireValid(draft);
        template.apply(draft, Instant.now(clock), editor);
        return template;
    }

    /** One template offered on a task: its id (the select's value), title and filled-in text. */
    public record Offered(String id, String title, String text) {
    }

    /**
     * The active templates for a case and the steps of one task, in the citizen's language, placeholders replaced.
     *
     * @param officer the officer's name for {@code {handläggare}}, or null while nobody has the task (kept as is)
     */
    @Transactional(readOnly = true)
    public List<Offered> offer(CitizenCase citizenCase, List<AnswerTemplate.Step> steps, String officer) {
        Map<String, String> values = new HashMap<>();
        values.put(REFERENCE, citizenCase.reference());
        values.put(RECEIVED, LocalDate.ofInstant(citizenCase.receivedAt(), ClockConfiguration.MUNICIPAL_ZONE)
                .toString());
        values.put(UNIT, citizenCase.candidateGroup() == null ? UNIT : organisation.unitOf(citizenCase.candidateGroup())
                .map(Organisation.Unit::name).orElse(UNIT));
        values.put(OFFICER, officer == null || officer.isBlank() ? OFFICER : officer);
        List<Offered> offered = new ArrayList<>();
        for (AnswerTemplate template : templates.findByCategoryAndStepInAndActiveTrueOrderByStepAscSortOrderAscIdAsc(
                citizenCase.category(), steps)) {
            offered.add(new Offered(String.valueOf(template.id()), template.title(),
                    fill(template.text(citizenCase.locale()), values)));
        }
        return offered;
    }

    /** "id title" for the case history, or the id alone when the template has gone. */
    @Transactional(readOnly = true)
    public String describe(String id) {
        try {
            return templates.findById(Long.parseLong(id.strip())).map(template -> template.id() + " "
                    + template.title()).orElse(id);
        } catch (NumberFormatException e) {
            return id;
        }
    }

    static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace(value.getKey(), value.getValue());
        }
        return filled;
    }

    Errors validate(AnswerTemplateDraft draft) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("category", draft.category());
        fields.put("step", draft.step());
        fields.put("title", draft.title());
        fields.put("textSv", draft.textSv());
        fields.put("textEn", draft.textEn());
        fields.put("sortOrder", draft.sortOrder());
        Errors errors = new MapBindingResult(fields, "answerTemplate");
        if (draft.category() == null || categories.find(draft.category()).isEmpty()) {
            errors.rejectValue("category", "answerTemplate.category.unknown");
        }
        if (draft.step() == null) {
            errors.rejectValue("step", "answerTemplate.step.required");
        }
        text(errors, "title", draft.title(), AnswerTemplateDraft.MAX_TITLE);
        text(errors, "textSv", draft.textSv(), AnswerTemplateDraft.MAX_TEXT);
        text(errors, "textEn", draft.textEn(), AnswerTemplateDraft.MAX_TEXT);
        if (draft.sortOrder() != null && (draft.sortOrder() < 0 || draft.sortOrder() > 9999)) {
            errors.rejectValue("sortOrder", "answerTemplate.sortOrder.range");
        }
        return errors;
    }

    private static void text(Errors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.rejectValue(field, "answerTemplate.required");
        } else if (!PlainText.Validator.isPlainText(value)) {
            errors.rejectValue(field, "PlainText");
        } else if (value.strip().length() > max) {
            errors.rejectValue(field, "answerTemplate.tooLong", new Object[] {max}, null);
        }
    }

    private void requireValid(AnswerTemplateDraft draft) {
        Errors errors = validate(draft);
        if (errors.hasErrors()) {
            throw new InvalidAnswerTemplateException(errors);
        }
    }
}
