package se.kommun.kvalitet.awards;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The jury's ranking: per application, the mean of the members' scores on each criterion (a member with a declared
 * conflict has no scores on it, so she simply does not count there), then the mean of those criterion means weighted
 * by the criteria's weights. Highest first; equal means share a place and are listed by reference.
 */
public final class Ranking {

    private static final MathContext EXACT_ENOUGH = MathContext.DECIMAL128;

    private Ranking() {
    }

    /** One place in the ranking; {@code weightedMean} is between 1 and 5. */
    public record Ranked(int place, String application, BigDecimal weightedMean) {

        /** Two decimals, as the chair reads it. */
        public BigDecimal shown() {
            return weightedMean.setScale(2, RoundingMode.HALF_UP);
        }
    }

    public static List<Ranked> rank(List<Criterion> criteria, Collection<String> applications, List<Score> scores) {
        BigDecimal totalWeight = BigDecimal.valueOf(criteria.stream().mapToInt(Criterion::weight).sum());
        Map<String, Map<String, List<Score>>> byApplication = scores.stream().collect(Collectors.groupingBy(
                Score::application, Collectors.groupingBy(Score::criterion)));
        List<Ranked> unplaced = new ArrayList<>();
        for (String application : applications) {
            Map<String, List<Score>> byCriterion = byApplication.getOrDefault(application, Map.of());
            BigDecimal weighted = BigDecimal.ZERO;
            for (Criterion criterion : criteria) {
                List<Score> given = byCriterion.getOrDefault(criterion.code(), List.of());
                if (given.isEmpty()) {
                    throw new IllegalStateException("No scores for " + application + " on " + criterion.code()
                            + ": the ranking waits until the jury is complete");
                }
                BigDecimal sum = BigDecimal.valueOf(given.stream().mapToInt(Score::value).sum());
                BigDecimal mean = sum.divide(BigDecimal.valueOf(given.size()), EXACT_ENOUGH);
                weighted = weighted.add(mean.multiply(BigDecimal.valueOf(criterion.weight())));
            }
            unplaced.add(new Ranked(0, application, weighted.divide(totalWeight, EXACT_ENOUGH)));
        }
        unplaced.sort(Comparator.comparing(Ranked::weightedMean).reversed().thenComparing(Ranked::application));
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < unplaced.size(); i++) {
            Ranked next = unplaced.get(i);
            int place = i > 0 && ranked.get(i - 1).weightedMean().compareTo(next.weightedMean()) == 0
                    ? ranked.get(i - 1).place() : i + 1;
            ranked.add(new Ranked(place, next.application(), next.weightedMean()));
        }
        return List.copyOf(ranked);
    }
}
