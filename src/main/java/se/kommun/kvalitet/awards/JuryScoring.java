package se.kommun.kvalitet.awards;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.kommun.kvalitet.shared.FieldError;

/**
 * A jury member's scores of one application, checked before anything is stored: she must not have declared a
 * conflict of interest on it, and she scores every criterion of the call once, 1–5, with a comment.
 */
public final class JuryScoring {

    public static final int MIN = 1;
    public static final int MAX = 5;
    static final int MAX_COMMENT = 4_000;

    private JuryScoring() {
    }

    /**
     * @param conflicts  each member's declared conflicts: member → application references
     * @param scores     criterion code → score; comments criterion code → comment
     * @return the scores to store, one per criterion of the call
     */
    public static List<Score> check(AwardCall call, Map<String, Set<String>> conflicts, String member,
            String application, Map<String, Integer> scores, Map<String, String> comments) {
        if (conflicts.getOrDefault(member, Set.of()).contains(application)) {
            throw new ConflictOfInterestException(member, application);
        }
        List<FieldError> errors = new ArrayList<>();
        List<Score> checked = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (Criterion criterion : call.criteria()) {
            String code = criterion.code();
            codes.add(code);
            Integer value = scores.get(code);
            String comment = comments.get(code);
            if (value == null) {
                errors.add(new FieldError("scores." + code, "required", "Poängsätt kriteriet " + criterion.title()
                        + "."));
            } else if (value < MIN || value > MAX) {
                errors.add(new FieldError("scores." + code, "range",
                        "Poängen ska vara ett heltal från %d till %d, inte %d.".formatted(MIN, MAX, value)));
            }
            if (comment == null || comment.isBlank()) {
                errors.add(new FieldError("comments." + code, "required", "Motivera poängen för "
                        + criterion.title() + "."));
            } else if (comment.length() > MAX_COMMENT) {
                errors.add(new FieldError("comments." + code, "maxLength", "Högst %d tecken.".formatted(MAX_COMMENT)));
            }
            if (value != null && comment != null) {
                checked.add(new Score(member, application, code, value, comment));
            }
        }
        scores.keySet().stream().filter(code -> !codes.contains(code)).sorted().forEach(code -> errors.add(
                new FieldError("scores." + code, "unknown", "Utlysningen har inget kriterium " + code + ".")));
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        return List.copyOf(checked);
    }
}
