package se.kommun.kvalitet.deviations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Period;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.deviations.process.DeviationDeadlines;

/** A deadline that cannot be one stops the start and names its setting. */
class DeviationDeadlinesTest {

    @Test
    void theProcessReadsEveryDeadlineByName() {
        assertThat(new DeviationDeadlines(1, 20, 5, 20, 5, 1, 2, Period.ofMonths(3)).asVariable())
                .containsExactly(java.util.Map.entry("riskAssessment", 1),
                        java.util.Map.entry("lexSarahInvestigation", 20), java.util.Map.entry("lexSarahIvoReport", 5),
                        java.util.Map.entry("lexMariaInvestigation", 20), java.util.Map.entry("lexMariaIvoReport", 5),
                        java.util.Map.entry("reminderDaysBefore", 1), java.util.Map.entry("secondEscalationDaysAfter", 2));
    }

    @Test
    void impossibleDeadlinesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviationDeadlines(0, 20, 5, 20, 5, 1, 2,
                Period.ofMonths(3))).withMessageContaining("kvalitet.deviations.risk-assessment-working-days");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviationDeadlines(1, 20, 0, 20, 5, 1, 2,
                Period.ofMonths(3))).withMessageContaining("lex-sarah-ivo-report-working-days");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviationDeadlines(1, 20, 5, 20, 5, -1, 2,
                Period.ofMonths(3))).withMessageContaining("reminder-days-before");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviationDeadlines(1, 20, 5, 20, 5, 1, 2, null))
                .withMessageContaining("follow-up-after");
        assertThatIllegalArgumentException().isThrownBy(() -> new DeviationDeadlines(1, 20, 5, 20, 5, 1, 2,
                Period.ZERO)).withMessageContaining("follow-up-after");
    }
}
