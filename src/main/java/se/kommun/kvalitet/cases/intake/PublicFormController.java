package se.kommun.kvalitet.cases.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriComponentsBuilder;
import se.kommun.kvalitet.cases.record.Categories;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.Category;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.cases.status.ErrorLink;

/** The public form for synpunkter and felanmälan: server-rendered, no JavaScript, POST-redirect-GET. */
@Controller
@RequestMapping("/rapportera")
class PublicFormController {

    private static final String FORM = "form";
    private static final Pattern REFERENCE = Pattern.compile("[A-Z]{3}-\\d{4}-\\d{6}");

    /** Input ids in page order; "location" (required for fault reports) points at the address. */
    private static final LinkedHashMap<String, String> ANCHORS = new LinkedHashMap<>();

    static {
        ANCHORS.put("type", "type-" + CaseType.values()[0]);
        ANCHORS.put("category", "category");
        ANCHORS.put("description", "description");
        ANCHORS.put("location", "location-address");
        ANCHORS.put("location.address", "location-address");
        ANCHORS.put("location.latitude", "location-latitude");
        ANCHORS.put("location.longitude", "location-longitude");
        ANCHORS.put("contact.name", "contact-name");
        ANCHORS.put("contact.email", "contact-email");
        ANCHORS.put("contact.phone", "contact-phone");
        ANCHORS.put("language", "language-sv");
    }

    private final CaseIntake intake;
    private final NewCaseValidator validator;
    private final Categories categories;
    private final MessageSource messages;
    private final BlankFormPages blankPages;

    PublicFormController(CaseIntake intake, NewCaseValidator validator, Categories categories, MessageSource messages,
            BlankFormPages blankPages) {
        this.intake = intake;
        this.validator = validator;
        this.categories = categories;
        this.messages = messages;
        this.blankPages = blankPages;
    }

    record CategoryOption(String code, String label) {
    }

    /** Only the form's own inputs bind: nothing else of the form object can be set from the request. */
    @InitBinder(FORM)
    void allowFormFields(WebDataBinder binder) {
        binder.setAllowedFields("type", "category", "description", "location.address", "location.latitude",
                "location.longitude", "contact.name", "contact.email", "contact.phone", "language");
    }

    @GetMapping
    View form(Model model, Locale locale) {
        model.addAttribute(FORM, PublicCaseForm.forLocale(locale));
        page(model, List.of(), locale);
        return blankPages.view(locale);
    }

    @PostMapping
    String submit(@ModelAttribute(FORM) PublicCaseForm form, BindingResult errors, Model model, Locale locale) {
        NewCase matter = form.toNewCase(errors);
        // The same rules as the API, checked here first so errors come back next to the fields.
        validator.validate(matter.normalized(), false, errors);
        if (!errors.hasErrors()) {
            try {
                CaseIntake.Submission submission = intake.submit(matter, Channel.WEB, null, null);
                return "redirect:" + UriComponentsBuilder.fromPath("/rapportera/tack")
                        .queryParam("ref", submission.reference())
                        .queryParam("acknowledged", !matter.normalized().anonymous())
                        .toUriString();
            } catch (InvalidCaseException refused) {
                for (FieldError error : refused.errors().getFieldErrors()) {
                    errors.rejectValue(error.getField(), error.getCode(), error.getArguments(),
                            error.getDefaultMessage());
                }
            }
        }
        return page(model, ErrorLink.of(errors, ANCHORS, messages, locale), locale);
    }

    /** The reference only echoes what the redirect carried, so it must look like one; nothing is looked up. */
    @GetMapping("/tack")
    String thanks(@RequestParam(name = "ref", required = false) String reference,
            @RequestParam(defaultValue = "false") boolean acknowledged, Model model) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return "redirect:/rapportera";
        }
        model.addAttribute("reference", reference);
        model.addAttribute("acknowledged", acknowledged);
        return "cases/thanks";
    }

    private String page(Model model, List<ErrorLink> errorLinks, Locale locale) {
        Map<Category.Kind, List<CategoryOption>> groups = new EnumMap<>(Category.Kind.class);
        for (Category category : categories.all()) {
            groups.computeIfAbsent(category.kind(), kind -> new ArrayList<>())
                    .add(new CategoryOption(category.code(), category.label(locale)));
        }
        model.addAttribute("types", CaseType.values());
        model.addAttribute("categoryGroups", groups);
        model.addAttribute("errorLinks", errorLinks);
        return BlankFormPages.TEMPLATE;
    }
}
