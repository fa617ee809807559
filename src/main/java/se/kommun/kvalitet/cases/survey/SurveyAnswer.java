package se.kommun.kvalitet.cases.survey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What the citizen answers, from the page or as JSON ({@code POST /api/surveys/{token}}).
 *
 * @param satisfied      "Är du nöjd med hur ditt ärende hanterades?"; required
 * @param reasons        codes of kvalitet.survey.reasons, only with {@code satisfied: false}
 * @param text           free text, at most {@link #MAX_TEXT} characters, stored as written
 * @param contactAllowed "Ni får kontakta mig"
 */
public record SurveyAnswer(Boolean satisfied, List<String> reasons, String text, Boolean contactAllowed) {

    public static final int MAX_TEXT = 2000;

    public SurveyAnswer {
        // Not List.copyOf: a null element is a wrong answer to name (400), not a NullPointerException.
        reasons = reasons == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(reasons));
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
