package se.kommun.kvalitet.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The must-show of issue 25 through the use cases, without the engine: a seeded call with four applications and three
 * jury members, every score through {@link JuryScoring}, the ranking equal to the hand calculation in
 * {@link RankingTest}, and the public list with the winner and its motivation and no unshared application.
 */
class SeededCallTest {

    /** Who agreed to share: C yes, A and D no; B wins, so it is shown anyway. */
    static final Map<String, Boolean> SHARE = Map.of("A", false, "B", false, "C", true, "D", false);
    static final Map<String, Set<String>> CONFLICTS = Map.of("lena", Set.of("C"));

    @Test
    void rankingMatchesTheHandCalculationAndThePublicListShowsTheWinnerAndNoUnsharedApplication() {
        // Each member hands in one application's scores at a time, every criterion at once, as the form does.
        Map<String, List<Score>> sheets = RankingTest.seededScores().stream().collect(
                java.util.stream.Collectors.groupingBy(s -> s.member() + "/" + s.application(),
                        java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
        List<Score> stored = new ArrayList<>();
        for (List<Score> sheet : sheets.values()) {
            Map<String, Integer> values = new java.util.HashMap<>();
            Map<String, String> comments = new java.util.HashMap<>();
            sheet.forEach(score -> {
                values.put(score.criterion(), score.value());
                comments.put(score.criterion(), score.comment());
            });
            stored.addAll(JuryScoring.check(AwardRulesTest.CALL, CONFLICTS, sheet.get(0).member(),
                    sheet.get(0).application(), values, comments));
        }
        // Lena tries C after all: refused, and nothing of hers on C is among the stored scores.
        assertThatExceptionOfType(ConflictOfInterestException.class).isThrownBy(() -> JuryScoring.check(
                AwardRulesTest.CALL, CONFLICTS, "lena", "C", Map.of("K1", 1, "K2", 1, "K3", 1),
                Map.of("K1", "x", "K2", "x", "K3", "x")));
        assertThat(stored).noneMatch(score -> score.member().equals("lena") && score.application().equals("C"));

        List<Ranking.Ranked> ranking = Ranking.rank(AwardRulesTest.CALL.criteria(), List.of("A", "B", "C", "D"),
                stored);
        assertThat(ranking).extracting(r -> r.application() + " " + r.shown())
                .containsExactly("B 4.39", "C 4.33", "A 3.94", "D 2.61");

        Map<String, String> winners = WinnerProposal.check(ranking,
                Map.of(ranking.get(0).application(), "Brukarna är med och planerar varje besök."));
        List<GoodExamples.Item> items = ranking.stream().map(r -> new GoodExamples.Item(r.application(), 2026,
                "care", "QUALITY", "Utförare " + r.application(), "Ansökan " + r.application(), true,
                winners.containsKey(r.application()), winners.get(r.application()), SHARE.get(r.application())))
                .toList();

        assertThat(GoodExamples.publicItems(items, Optional.of("care"), Optional.of(2026)))
                .extracting(GoodExamples.Item::reference, GoodExamples.Item::motivation)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("B", "Brukarna är med och planerar varje besök."),
                        org.assertj.core.groups.Tuple.tuple("C", null));
    }
}
