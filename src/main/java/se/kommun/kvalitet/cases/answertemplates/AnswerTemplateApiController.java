package se.kommun.kvalitet.cases.answertemplates;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.web.ProblemApi;

/**
 * Svarsmallar over REST. Reading needs a login; officers see only the active templates. Creating and changing is
 * for process owners and managers (security rules; a template is retired with {@code "active": false}).
 */
@RestController
@ProblemApi
@RequestMapping("/api/answer-templates")
class AnswerTemplateApiController {

    private final AnswerTemplates templates;
    private final AnswerTemplateEditors editors;

    AnswerTemplateApiController(AnswerTemplates templates, AnswerTemplateEditors editors) {
        this.templates = templates;
        this.editors = editors;
    }

    record View(long id, String category, AnswerTemplate.Step step, String title, String textSv, String textEn,
                boolean active, int sortOrder, Instant updatedAt, String updatedBy) {

        static View of(AnswerTemplate template) {
            return new View(template.id(), template.category(), template.step(), template.title(),
                    template.textSv(), template.textEn(), template.active(), template.sortOrder(),
                    template.updatedAt(), template.updatedBy());
        }
    }

    @GetMapping
    List<View> list(@RequestParam(required = false) String category,
            @RequestParam(required = false) AnswerTemplate.Step step, Authentication authentication) {
        return (editors.isEditor(authentication) ? templates.all() : templates.active()).stream()
                .filter(template -> category == null || template.category().equals(category))
                .filter(template -> step == null || template.step() == step)
                .map(View::of).toList();
    }

    @GetMapping("/{id}")
    View get(@PathVariable long id, Authentication authentication) {
        AnswerTemplate template = templates.get(id);
        if (!template.active() && !editors.isEditor(authentication)) {
            throw new AnswerTemplateNotFoundException(id);
        }
        return View.of(template);
    }

    @PostMapping
    ResponseEntity<View> create(@RequestBody AnswerTemplateDraft draft, Authentication authentication) {
        AnswerTemplate created = templates.create(draft, authentication.getName());
        return ResponseEntity.created(URI.create("/api/answer-templates/" + created.id())).body(View.of(created));
    }

    @PutMapping("/{id}")
    View update(@PathVariable long id, @RequestBody AnswerTemplateDraft draft, Authentication authentication) {
        return View.of(templates.update(id, draft, authentication.getName()));
    }
}
