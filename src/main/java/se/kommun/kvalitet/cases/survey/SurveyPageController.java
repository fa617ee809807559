package se.kommun.kvalitet.cases.survey;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import se.kommun.kvalitet.cases.status.ErrorLink;

/**
 * The satisfaction question as a page without JavaScript, reached with the link in the feedback e-mail. An unknown
 * token gives 404 and a used or expired one 410, both without anything about the case.
 */
@Controller
@RequestMapping("/enkat")
class SurveyPageController {

    /** Field to input id, in page order, for the error summary. */
    private static final LinkedHashMap<String, String> ANCHORS = new LinkedHashMap<>();

    static {
        ANCHORS.put("satisfied", "satisfied-yes");
        ANCHORS.put("reasons", "reasons");
        ANCHORS.put("text", "text");
    }

    private final Surveys surveys;
    private final MessageSource messages;

    SurveyPageController(Surveys surveys, MessageSource messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    /** The token is in the URL: keep the page out of caches and the token out of Referer headers. */
    @ModelAttribute
    void protectToken(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    @GetMapping("/{token}")
    String question(@PathVariable String token, Model model) {
        return page(token, surveys.question(token), new SurveyAnswer(null, List.of(), null, false), List.of(), model);
    }

    @PostMapping("/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) String satisfied,
            @RequestParam(required = false) List<String> reasons, @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "false") boolean contactAllowed, Model model, Locale locale) {
        SurveyAnswer answer = new SurveyAnswer(satisfied == null ? null : "ja".equals(satisfied)
                ? Boolean.TRUE : "nej".equals(satisfied) ? Boolean.FALSE : null, reasons, text, contactAllowed);
        try {
            surveys.answer(token, answer);
        } catch (InvalidSurveyAnswerException invalid) {
            return page(token, surveys.question(token), answer,
                    ErrorLink.of(invalid.errors(), ANCHORS, messages, locale), model);
        }
        return "redirect:/enkat/tack";
    }

    @GetMapping("/tack")
    String thanks() {
        return "survey/thanks";
    }

    @ExceptionHandler(SurveyNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(HttpServletResponse response) {
        protectToken(response);
        return "survey/not-found";
    }

    @ExceptionHandler(SurveyClosedException.class)
    @ResponseStatus(HttpStatus.GONE)
    String closed(HttpServletResponse response) {
        protectToken(response);
        return "survey/closed";
    }

    private static String page(String token, Surveys.Question question, SurveyAnswer answer,
            List<ErrorLink> errorLinks, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("reference", question.reference());
        model.addAttribute("reasons", question.reasons());
        model.addAttribute("answer", answer);
        model.addAttribute("maxText", SurveyAnswer.MAX_TEXT);
        model.addAttribute("errorLinks", errorLinks);
        model.addAttribute("fieldErrors", errorLinks.stream()
                .collect(Collectors.toMap(ErrorLink::anchor, ErrorLink::message, (first, second) -> first)));
        return "survey/form";
    }
}
