package se.kommun.kvalitet.cases.survey;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.web.ProblemApi;

/** The satisfaction question for apps: the token is the one in the feedback e-mail's link. */
@RestController
@ProblemApi
@RequestMapping("/api/surveys/{token}")
class SurveyApiController {

    static final Map<String, String> QUESTION = Map.of("sv", "Är du nöjd med hur ditt ärende hanterades?",
            "en", "Are you satisfied with how your case was handled?");

    private final Surveys surveys;

    SurveyApiController(Surveys surveys) {
        this.surveys = surveys;
    }

    /** The token is in the URL: keep it out of caches. */
    @ModelAttribute
    void noStore(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
    }

    record QuestionView(Map<String, String> question, List<SurveyProperties.Reason> reasons, int maxTextLength) {
    }

    @GetMapping
    QuestionView question(@PathVariable String token) {
        return new QuestionView(QUESTION, surveys.question(token).reasons(), SurveyAnswer.MAX_TEXT);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(@PathVariable String token, @RequestBody SurveyAnswer answer) {
        surveys.answer(token, answer);
    }
}
