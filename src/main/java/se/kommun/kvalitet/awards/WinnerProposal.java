package se.kommun.kvalitet.awards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The jury chair's proposal: at least one winner, each a ranked application, each with the jury's motivation, which
 * is published with it on "goda exempel". The chair may depart from the ranking's order (the jury weighs more than
 * the numbers), but not propose an application the jury has not scored.
 */
public final class WinnerProposal {

    static final int MAX_MOTIVATION = 4_000;

    private WinnerProposal() {
    }

    /** @return winner reference → motivation, in the chair's order */
    public static Map<String, String> check(List<Ranking.Ranked> ranking, Map<String, String> motivations) {
        Set<String> ranked = ranking.stream().map(Ranking.Ranked::application).collect(Collectors.toSet());
        List<FieldError> errors = new ArrayList<>();
        if (motivations.isEmpty()) {
            errors.add(new FieldError("winners", "required", "Föreslå minst en vinnare."));
        }
        motivations.forEach((application, motivation) -> {
            if (!ranked.contains(application)) {
                errors.add(new FieldError("winners." + application, "ranked",
                        application + " finns inte i juryns rangordning."));
            } else if (motivation == null || motivation.isBlank()) {
                errors.add(new FieldError("winners." + application, "required",
                        "Skriv juryns motivering för " + application + "."));
            } else if (motivation.length() > MAX_MOTIVATION) {
                errors.add(new FieldError("winners." + application, "maxLength",
                        "Högst %d tecken.".formatted(MAX_MOTIVATION)));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        return new LinkedHashMap<>(motivations);
    }
}
