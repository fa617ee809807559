package se.kommun.kvalitet.statistics;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The public view of {@link Figures} ({@code /api/insyn}, {@code /insyn}): counts and shares only, no free text and
 * nothing about a person. Every count below {@link #THRESHOLD} is suppressed, and so is every share or lead time
 * computed from fewer than {@link #THRESHOLD} cases, so that nobody can be singled out.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PublicFigures(String from, String to, Count received, Count closed, Count anonymous, Count forwarded,
        Value answeredWithinSla, Value questionsAnsweredWithin2WorkingDays, Value medianLeadTimeWorkingDays,
        Value p90LeadTimeWorkingDays, Count openNow, Count overdueNow, Count reminders, Count escalations,
        List<RootCause> topRootCauses, List<Month> byMonth, Value shareSatisfied) {

    static final int THRESHOLD = 5;

    /** A count, or {@code null} with {@code suppressed: true} when below 5 ("färre än 5"). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Count(Long value, boolean suppressed) {

        static Count of(long count) {
            return count < THRESHOLD ? new Count(null, true) : new Count(count, false);
        }
    }

    /** A share or a lead time, or {@code null} with {@code suppressed: true} when computed from fewer than 5 cases. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Value(Double value, boolean suppressed) {

        static Value of(Double value, long base) {
            return base < THRESHOLD ? new Value(null, true) : new Value(value, false);
        }
    }

    record RootCause(String category, Count count) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Month(String month, Count received, Count closed, Value answeredWithinSla) {
    }

    static PublicFigures of(StatisticsFilter filter, Figures f) {
        return new PublicFigures(filter.from().toString(), filter.to().toString(), Count.of(f.received()),
                Count.of(f.closed()), Count.of(f.anonymous()), Count.of(f.forwarded()),
                Value.of(f.answeredWithinSla(), f.closedWithDueDate()),
                Value.of(f.questionsAnsweredWithin2WorkingDays(), f.questionsByEmail()),
                Value.of(f.medianLeadTimeWorkingDays(), f.closed()), Value.of(f.p90LeadTimeWorkingDays(), f.closed()),
                Count.of(f.openNow()), Count.of(f.overdueNow()), Count.of(f.reminders()), Count.of(f.escalations()),
                f.topRootCauses().stream().map(r -> new RootCause(r.category(), Count.of(r.count()))).toList(),
                f.byMonth().stream().map(m -> new Month(m.month(), Count.of(m.received()), Count.of(m.closed()),
                        Value.of(m.answeredWithinSla(), m.closedWithDueDate()))).toList(),
                Value.of(f.surveys().shareSatisfied(), f.surveys().answers()));
    }
}
