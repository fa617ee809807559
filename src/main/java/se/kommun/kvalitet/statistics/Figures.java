package se.kommun.kvalitet.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * The figures of {@code GET /api/statistics}. Shares are 0–1 and null when nothing was there to share; the counts
 * they are computed from are given beside them (the public view suppresses a share whose base is below 5).
 *
 * @param closedWithDueDate            the closed cases that had a due date: the base of {@code answeredWithinSla}
 * @param questionsByEmail             questions received by e-mail in the period: the base of the KKiK measure
 * @param medianLeadTimeWorkingDays    received to closed, in working days by the one calendar, over {@code closed}
 * @param openNow                      open today (not closed, not linked to another case), whatever the period
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record Figures(long received, long closed, long anonymous, long forwarded, long closedWithDueDate,
        Double answeredWithinSla, long questionsByEmail, Double questionsAnsweredWithin2WorkingDays,
        Double medianLeadTimeWorkingDays, Double p90LeadTimeWorkingDays, long openNow, long overdueNow,
        long reminders, long escalations, List<RootCauseCount> topRootCauses, List<Month> byMonth,
        Deviations deviations, Surveys surveys) {

    /** A root cause (the category an officer chose) and how many closed cases named it. */
    record RootCauseCount(String category, long count) {
    }

    /** The same counts for one calendar month of the period ({@code 2026-03}). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Month(String month, long received, long closed, long closedWithDueDate, Double answeredWithinSla,
            Double medianLeadTimeWorkingDays, long reminders, long escalations) {
    }

    /** Deviations reported in the period by risk level ({@code NOT_ASSESSED} until assessed) and IVO reports sent. */
    record Deviations(long reported, Map<String, Long> byRiskLevel, long lexSarahReports, long lexMariaReports) {
    }

    /** Survey answers given in the period and the share satisfied among them. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Surveys(long answers, Double shareSatisfied) {
    }
}
