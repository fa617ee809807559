package se.kommun.kvalitet.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.contracts.process.ContractDeadlines;
import se.kommun.kvalitet.contracts.record.Committees;

/** kvalitet.contracts.*: a mistake stops the start, naming the setting. */
class ContractSettingsTest {

    @Test
    void deadlinesBecomeTheProcessVariable() {
        assertThat(new ContractDeadlines(15, 3, 5).asVariable()).containsExactly(
                java.util.Map.entry("actionPlan", 15), java.util.Map.entry("reminderDaysBefore", 3),
                java.util.Map.entry("secondEscalationDaysAfter", 5));
    }

    @Test
    void impossibleDeadlinesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractDeadlines(0, 0, 0))
                .withMessageContaining("action-plan-working-days");
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractDeadlines(5, 5, 0))
                .withMessageContaining("reminder-days-before");
        assertThatIllegalArgumentException().isThrownBy(() -> new ContractDeadlines(5, 1, -1))
                .withMessageContaining("second-escalation-days-after");
    }

    @Test
    void committeesNeedUniqueIdsANameAndAUnit() {
        Committees.Committee social = new Committees.Committee("socialNamnd", "Socialnämnden", "care");
        assertThat(new Committees(List.of(social)).find("socialNamnd")).contains(social);
        assertThatIllegalArgumentException().isThrownBy(() -> new Committees(List.of(social, social)))
                .withMessageContaining("committees[1].id");
        assertThatIllegalArgumentException().isThrownBy(() -> new Committees(List.of(
                new Committees.Committee("Social nämnd", "Socialnämnden", "care")))).withMessageContaining("committees[0]");
        assertThatIllegalArgumentException().isThrownBy(() -> new Committees(List.of(
                new Committees.Committee("socialNamnd", " ", "care")))).withMessageContaining("name and unit");
        assertThatIllegalArgumentException().isThrownBy(() -> new Committees(List.of()))
                .withMessageContaining("at least one committee");
    }
}
