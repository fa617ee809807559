package se.kommun.kvalitet.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.shared.FieldError;

class WinnerProposalTest {

    static final List<Ranking.Ranked> RANKING = Ranking.rank(RankingTest.CRITERIA, List.of("A", "B", "C", "D"),
            RankingTest.seededScores());

    @Test
    void theChairProposesTheTopOfTheRankingWithTheJurysMotivation() {
        assertThat(WinnerProposal.check(RANKING, Map.of("B", "Brukarna styr planeringen.")))
                .containsExactly(Map.entry("B", "Brukarna styr planeringen."));
    }

    @Test
    void aWinnerOutsideTheRankingOrWithoutMotivationIsRefused() {
        Map<String, String> proposal = new LinkedHashMap<>();
        proposal.put("B", " ");
        proposal.put("X", "Okänd.");
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> WinnerProposal.check(RANKING, proposal))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("winners.B", "required"),
                        org.assertj.core.groups.Tuple.tuple("winners.X", "ranked")));
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> WinnerProposal.check(RANKING, Map.of()));
    }
}
