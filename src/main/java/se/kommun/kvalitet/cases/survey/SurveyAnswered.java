package se.kommun.kvalitet.cases.survey;

import java.time.Instant;

/**
 * Published in the answering transaction; the case process listens and wakes its waiting instance.
 *
 * @param reopeningAsked "nej" with a reason that reopens, or with free text: an officer assesses reopening
 * @param summary        the answer as the officer's task shows it (plain text, the citizen's words verbatim)
 */
public record SurveyAnswered(String reference, boolean reopeningAsked, boolean contactAllowed, Instant answeredAt,
                             String summary) {
}
