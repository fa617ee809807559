package se.kommun.kvalitet.cases.status;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.validation.MapBindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.util.UriComponentsBuilder;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.record.CaseNotFoundException;
import se.kommun.kvalitet.cases.record.CaseQueries;
import se.kommun.kvalitet.shared.PlainText;

/**
 * The citizen's status page, reached with the personal link from the acknowledgement e-mail, and the form to
 * add information to the case. A wrong token and an unknown reference give the same 404, so the page does
 * not tell which references exist.
 */
@Controller
@RequestMapping("/arende")
class StatusPageController {

    private static final LinkedHashMap<String, String> ANCHORS = new LinkedHashMap<>();

    static {
        ANCHORS.put("information", "information");
    }

    private final StatusTokens tokens;
    private final CaseQueries queries;
    private final CitizenSupplements supplements;
    private final MessageSource messages;

    StatusPageController(StatusTokens tokens, CaseQueries queries, CitizenSupplements supplements,
            MessageSource messages) {
        this.tokens = tokens;
        this.queries = queries;
        this.supplements = supplements;
        this.messages = messages;
    }

    /** The token is in the URL: keep the page out of caches and the token out of Referer headers. */
    @ModelAttribute
    void protectToken(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    @GetMapping
    String lookup(@RequestParam(required = false) String reference, @RequestParam(required = false) String token,
            Model model) {
        if (reference == null && token == null) {
            return "cases/lookup";
        }
        if (reference == null || reference.isBlank() || token == null || token.isBlank()) {
            model.addAttribute("reference", reference);
            model.addAttribute("missing", true);
            return "cases/lookup";
        }
        return "redirect:" + statusPath(reference.strip().toUpperCase(Locale.ROOT), token.strip(), false);
    }

    @GetMapping("/{reference}")
    String status(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "false") boolean received, Model model, Locale locale) {
        model.addAttribute("received", received);
        return page(verified(reference, token, locale), token, null, List.of(), model);
    }

    @PostMapping("/{reference}/komplettering")
    String supplement(@PathVariable String reference, @RequestParam(required = false) String token,
            @RequestParam(defaultValue = "") String information, Model model, Locale locale) {
        CaseQueries.CitizenView view = verified(reference, token, locale);
        if (!view.open()) {
            // The page says the case is closed and shows no form.
            return "redirect:" + statusPath(reference, token, false);
        }
        Errors errors = new MapBindingResult(new HashMap<>(Map.of("information", information)), "supplement");
        if (information.isBlank()) {
            errors.rejectValue("information", "supplement.required");
        } else if (!PlainText.Validator.isPlainText(information)) {
            errors.rejectValue("information", "PlainText");
        } else if (information.length() > NewCase.MAX_DESCRIPTION) {
            errors.rejectValue("information", "supplement.tooLong", new Object[] {NewCase.MAX_DESCRIPTION}, null);
        }
        if (errors.hasErrors()) {
            return page(view, token, information, ErrorLink.of(errors, ANCHORS, messages, locale), model);
        }
        supplements.add(reference, information.strip());
        return "redirect:" + statusPath(reference, token, true);
    }

    @ExceptionHandler(CaseNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletResponse response) {
        protectToken(response);
        return "cases/not-found";
    }

    /** Checks the token before touching the database, so timing does not tell which references exist either. */
    private CaseQueries.CitizenView verified(String reference, String token, Locale locale) {
        if (!tokens.matches(reference, token)) {
            throw new CaseNotFoundException(reference);
        }
        return queries.forCitizen(reference, locale).orElseThrow(() -> new CaseNotFoundException(reference));
    }

    private static String page(CaseQueries.CitizenView view, String token, String information,
            List<ErrorLink> errorLinks, Model model) {
        model.addAttribute("view", view);
        model.addAttribute("statusPath", "/arende/" + view.reference());
        model.addAttribute("statusToken", token);
        model.addAttribute("information", information);
        model.addAttribute("errorLinks", errorLinks);
        return "cases/status";
    }

    private static String statusPath(String reference, String token, boolean received) {
        UriComponentsBuilder path = UriComponentsBuilder.fromPath("/arende/{reference}").queryParam("token", token);
        if (received) {
            path.queryParam("received", true);
        }
        return path.buildAndExpand(reference).encode().toUriString();
    }
}
