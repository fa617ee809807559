package se.kommun.kvalitet.cases.answertemplates;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import se.kommun.kvalitet.cases.record.Categories;
import se.kommun.kvalitet.cases.status.ErrorLink;

/** "Svarsmallar": the list of templates, a form for a new one, and retiring or reactivating one. */
@Controller
@RequestMapping("/svarsmallar")
class AnswerTemplatePageController {

    private static final LinkedHashMap<String, String> ANCHORS = new LinkedHashMap<>();

    static {
        ANCHORS.put("category", "category");
        ANCHORS.put("step", "step");
        ANCHORS.put("title", "title");
        ANCHORS.put("textSv", "textSv");
        ANCHORS.put("textEn", "textEn");
        ANCHORS.put("sortOrder", "sortOrder");
    }

    private final AnswerTemplates templates;
    private final Categories categories;
    private final MessageSource messages;

    AnswerTemplatePageController(AnswerTemplates templates, Categories categories, MessageSource messages) {
        this.templates = templates;
        this.categories = categories;
        this.messages = messages;
    }

    /** The form's fields; the page binds nothing else. */
    static class TemplateForm {
        private String category;
        private AnswerTemplate.Step step;
        private String title;
        private String textSv;
        private String textEn;
        private Integer sortOrder;

        AnswerTemplateDraft toDraft() {
            return new AnswerTemplateDraft(category, step, title, textSv, textEn, true, sortOrder);
        }

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public AnswerTemplate.Step getStep() {
            return step;
        }

        public void setStep(AnswerTemplate.Step step) {
            this.step = step;
        }

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public String getTextSv() {
            return textSv;
        }

        public void setTextSv(String textSv) {
            this.textSv = textSv;
        }

        public String getTextEn() {
            return textEn;
        }

        public void setTextEn(String textEn) {
            this.textEn = textEn;
        }

        public Integer getSortOrder() {
            return sortOrder;
        }

        public void setSortOrder(Integer sortOrder) {
            this.sortOrder = sortOrder;
        }
    }

    @GetMapping
    String list(Model model, Locale locale) {
        return page(new TemplateForm(), List.of(), model, locale);
    }

    @PostMapping
    String create(@ModelAttribute("form") TemplateForm form, Authentication authentication, Model model,
            Locale locale) {
        try {
            templates.create(form.toDraft(), authentication.getName());
        } catch (InvalidAnswerTemplateException invalid) {
            return page(form, ErrorLink.of(invalid.errors(), ANCHORS, messages, locale), model, locale);
        }
        return "redirect:/svarsmallar";
    }

    /** Retires an active template or brings a retired one back; its texts stay as they were. */
    @PostMapping("/{id}/aktiv")
    String toggle(@PathVariable long id, Authentication authentication) {
        AnswerTemplate template = templates.get(id);
        templates.update(id, new AnswerTemplateDraft(template.category(), template.step(), template.title(),
                template.textSv(), template.textEn(), !template.active(), template.sortOrder()),
                authentication.getName());
        return "redirect:/svarsmallar";
    }

    private String page(TemplateForm form, List<ErrorLink> errorLinks, Model model, Locale locale) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("categories", categories.all().stream()
                .map(category -> new String[] {category.code(), category.label(locale)}).toList());
        model.addAttribute("steps", AnswerTemplate.Step.values());
        model.addAttribute("form", form);
        model.addAttribute("errorLinks", errorLinks);
        return "answertemplates/list";
    }
}
