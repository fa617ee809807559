package se.kommun.kvalitet.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The seeded call: three criteria weighted 3, 2 and 1, four applications, three jury members; Lena declared a
 * conflict of interest on C, so C is judged by Karin and Omar alone. By hand (criterion means, then weighted by
 * 3:2:1 over 6):
 * <pre>
 *      K1 (w3)      K2 (w2)      K3 (w1)    weighted mean
 * A  (4+4+5)/3   (3+4+3)/3   (5+4+3)/3   (13 + 20/3 + 4)/6 = 71/18 = 3.944
 * B  (5+4+5)/3   (5+5+4)/3   (2+3+4)/3   (14 + 28/3 + 3)/6 = 79/18 = 4.389
 * C  (5+4)/2     (4+4)/2     (4+5)/2     (13.5 + 8 + 4.5)/6 = 78/18 = 4.333
 * D  (2+3+2)/3   (3+2+2)/3   (4+5+3)/3   (7 + 14/3 + 4)/6  = 47/18 = 2.611
 * </pre>
 * Order B, C, A, D. Unweighted, C (4.333) would beat B (4.111): the weights decide.
 */
class RankingTest {

    static final List<Criterion> CRITERIA = List.of(new Criterion("K1", "Kunden i fokus", 3),
            new Criterion("K2", "Planering och uppföljning", 2), new Criterion("K3", "Resultat", 1));

    static List<Score> seededScores() {
        List<Score> scores = new ArrayList<>();
        add(scores, "karin", "A", 4, 3, 5);
        add(scores, "lena", "A", 4, 4, 4);
        add(scores, "omar", "A", 5, 3, 3);
        add(scores, "karin", "B", 5, 5, 2);
        add(scores, "lena", "B", 4, 5, 3);
        add(scores, "omar", "B", 5, 4, 4);
        add(scores, "karin", "C", 5, 4, 4);
        add(scores, "omar", "C", 4, 4, 5);
        add(scores, "karin", "D", 2, 3, 4);
        add(scores, "lena", "D", 3, 2, 5);
        add(scores, "omar", "D", 2, 2, 3);
        return scores;
    }

    static void add(List<Score> scores, String member, String application, int k1, int k2, int k3) {
        scores.add(new Score(member, application, "K1", k1, "Motiverat."));
        scores.add(new Score(member, application, "K2", k2, "Motiverat."));
        scores.add(new Score(member, application, "K3", k3, "Motiverat."));
    }

    @Test
    void weightedMeanOfCriterionMeansMatchesTheHandCalculation() {
        List<Ranking.Ranked> ranking = Ranking.rank(CRITERIA, List.of("A", "B", "C", "D"), seededScores());

        assertThat(ranking).extracting(Ranking.Ranked::application).containsExactly("B", "C", "A", "D");
        assertThat(ranking).extracting(Ranking.Ranked::place).containsExactly(1, 2, 3, 4);
        assertThat(ranking.get(0).weightedMean().doubleValue()).isCloseTo(79.0 / 18, within(1e-12));
        assertThat(ranking.get(1).weightedMean().doubleValue()).isCloseTo(78.0 / 18, within(1e-12));
        assertThat(ranking.get(2).weightedMean().doubleValue()).isCloseTo(71.0 / 18, within(1e-12));
        assertThat(ranking.get(3).weightedMean().doubleValue()).isCloseTo(47.0 / 18, within(1e-12));
        assertThat(ranking.get(0).shown()).isEqualByComparingTo(new BigDecimal("4.39"));
    }

    @Test
    void equalMeansSharePlaceAndAreListedByReference() {
        List<Score> scores = new ArrayList<>();
        add(scores, "karin", "Y", 3, 3, 3);
        add(scores, "karin", "X", 3, 3, 3);
        add(scores, "karin", "Z", 1, 1, 1);

        assertThat(Ranking.rank(CRITERIA, List.of("Y", "X", "Z"), scores))
                .extracting(r -> r.place() + r.application()).containsExactly("1X", "1Y", "3Z");
    }

    @Test
    void waitsUntilEveryApplicationIsScoredOnEveryCriterion() {
        List<Score> scores = new ArrayList<>(seededScores());
        scores.removeIf(score -> score.application().equals("D") && score.criterion().equals("K3"));

        assertThatIllegalStateException().isThrownBy(() -> Ranking.rank(CRITERIA, List.of("A", "B", "C", "D"), scores))
                .withMessageContaining("D on K3");
    }
}
