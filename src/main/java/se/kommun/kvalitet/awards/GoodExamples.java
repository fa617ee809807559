package se.kommun.kvalitet.awards;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the public page "goda exempel" may show: only calls whose decision is recorded, and of those only the
 * winners (with the jury's motivation) and the applications the applicant agreed to share. Searchable by area
 * and year.
 */
public final class GoodExamples {

    private GoodExamples() {
    }

    /** An application as the decision left it; {@code motivation} is set for winners only. */
    public record Item(String reference, int year, String area, String category, String applicant, String title,
            boolean decided, boolean winner, String motivation, boolean shareAllowed) {
    }

    public static List<Item> publicItems(List<Item> items, Optional<String> area, Optional<Integer> year) {
        return items.stream()
                .filter(Item::decided)
                .filter(item -> item.winner() || item.shareAllowed())
                .filter(item -> area.map(wanted -> wanted.equals(item.area())).orElse(true))
                .filter(item -> year.map(wanted -> wanted == item.year()).orElse(true))
                .sorted(Comparator.comparing(Item::year, Comparator.reverseOrder())
                        .thenComparing(Item::winner, Comparator.reverseOrder()).thenComparing(Item::reference))
                .toList();
    }
}
