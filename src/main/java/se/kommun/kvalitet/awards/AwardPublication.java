package se.kommun.kvalitet.awards;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import se.kommun.kvalitet.organisation.Organisation;

/**
 * "Goda exempel": what {@link GoodExamples#publicItems} lets out of the decided calls, with the texts of the
 * applications their applicants agreed to share. A winner who did not agree is shown with the jury's motivation only.
 */
@Service
class AwardPublication {

    /** One published example; {@code answers} (criterion title → text) only when the applicant agreed to share. */
    record Example(GoodExamples.Item item, String areaName, String categoryName, Map<String, String> answers) {
    }

    private final AwardRepository repository;
    private final Organisation organisation;

    AwardPublication(AwardRepository repository, Organisation organisation) {
        this.repository = repository;
        this.organisation = organisation;
    }

    List<Example> examples(Optional<String> area, Optional<Integer> year, Optional<String> category) {
        List<GoodExamples.Item> items = new ArrayList<>();
        Map<String, Example> details = new HashMap<>();
        for (AwardRepository.StoredCall stored : repository.decidedCalls()) {
            Map<String, String> winners = repository.winners(stored.id()).stream().collect(Collectors.toMap(
                    AwardRepository.Winner::application, AwardRepository.Winner::motivation));
            Map<String, String> titles = stored.call().criteria().stream().collect(Collectors.toMap(Criterion::code,
                    Criterion::title));
            for (AwardRepository.StoredApplication application : repository.applications(stored.id(),
                    AwardRepository.ApplicationStatus.SUBMITTED)) {
                String categoryName = stored.call().categories().stream()
                        .filter(c -> c.code().equals(application.category())).map(Category::name).findFirst()
                        .orElse(application.category());
                GoodExamples.Item item = new GoodExamples.Item(application.reference(), stored.call().year(),
                        application.area(), application.category(), application.applicant(), categoryName, true,
                        winners.containsKey(application.reference()), winners.get(application.reference()),
                        application.shareAllowed());
                items.add(item);
                Map<String, String> answers = new LinkedHashMap<>();
                if (application.shareAllowed()) {
                    stored.call().criteria().forEach(criterion -> answers.put(titles.get(criterion.code()),
                            application.answers().get(criterion.code())));
                }
                details.put(application.reference(), new Example(item, areaName(application.area()), categoryName,
                        answers));
            }
        }
        return GoodExamples.publicItems(items, area, year).stream()
                .filter(item -> category.map(wanted -> wanted.equals(item.category())).orElse(true))
                .map(item -> details.get(item.reference())).toList();
    }

    /** The years with a decided call, newest first, for the search form. */
    List<Integer> years() {
        return repository.decidedCalls().stream().map(stored -> stored.call().year()).distinct()
                .sorted(Comparator.reverseOrder()).toList();
    }

    /** Category code → name over the decided calls, for the search form. */
    Map<String, String> categories() {
        return repository.decidedCalls().stream().flatMap(stored -> stored.call().categories().stream())
                .collect(Collectors.toMap(Category::code, Category::name, (first, second) -> first,
                        TreeMap::new));
    }

    List<Organisation.Unit> areas() {
        return organisation.units();
    }

    private String areaName(String area) {
        return organisation.unit(area).map(Organisation.Unit::name).orElse(area);
    }
}
