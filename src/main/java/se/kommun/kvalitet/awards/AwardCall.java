package se.kommun.kvalitet.awards;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The yearly call an administrator opens: its categories, criteria with weights and the closing date (the last day
 * applications are taken, inclusive, in the municipality's time zone).
 */
public record AwardCall(String reference, int year, List<Category> categories, List<Criterion> criteria,
        LocalDate closingDate) {

    static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");
    static final int MAX_TITLE = 200;
    static final int MIN_WEIGHT = 1;
    static final int MAX_WEIGHT = 10;

    public AwardCall {
        categories = List.copyOf(categories);
        criteria = List.copyOf(criteria);
    }

    /** Checks everything an administrator types and refuses it with every error at once. */
    public static AwardCall open(String reference, List<Category> categories, List<Criterion> criteria,
            LocalDate closingDate, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (categories == null || categories.isEmpty()) {
            errors.add(new FieldError("categories", "required", "Ange minst en kategori."));
        } else {
            codes("categories", categories.stream().map(Category::code).toList(), errors);
            for (int i = 0; i < categories.size(); i++) {
                title("categories[" + i + "].name", categories.get(i).name(), errors);
            }
        }
        if (criteria == null || criteria.isEmpty()) {
            errors.add(new FieldError("criteria", "required", "Ange minst ett kriterium."));
        } else {
            codes("criteria", criteria.stream().map(Criterion::code).toList(), errors);
            for (int i = 0; i < criteria.size(); i++) {
                Criterion criterion = criteria.get(i);
                title("criteria[" + i + "].title", criterion.title(), errors);
                if (criterion.weight() < MIN_WEIGHT || criterion.weight() > MAX_WEIGHT) {
                    errors.add(new FieldError("criteria[" + i + "].weight", "range",
                            "Vikten ska vara ett heltal från %d till %d.".formatted(MIN_WEIGHT, MAX_WEIGHT)));
                }
            }
        }
        if (closingDate == null) {
            errors.add(new FieldError("closingDate", "required", "Ange sista ansökningsdag."));
        } else if (!closingDate.isAfter(today)) {
            errors.add(new FieldError("closingDate", "future", "Sista ansökningsdag ska vara efter i dag."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        return new AwardCall(reference, closingDate.getYear(), categories, criteria, closingDate);
    }

    /** Applications are taken through the whole closing date. */
    public boolean acceptsApplicationsOn(LocalDate day) {
        return !day.isAfter(closingDate);
    }

    public boolean hasCategory(String code) {
        return categories.stream().anyMatch(category -> category.code().equals(code));
    }

    private static void codes(String field, List<String> codes, List<FieldError> errors) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (code == null || !CODE.matcher(code).matches()) {
                errors.add(new FieldError(field + "[" + i + "].code", "format",
                        "Koden ska vara versaler och siffror, t.ex. K1."));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(field + "[" + i + "].code", "unique", "Koden " + code + " finns redan."));
            }
        }
    }

    private static void title(String field, String title, List<FieldError> errors) {
        if (title == null || title.isBlank()) {
            errors.add(new FieldError(field, "required", "Texten saknas."));
        } else if (title.length() > MAX_TITLE) {
            errors.add(new FieldError(field, "maxLength", "Högst %d tecken.".formatted(MAX_TITLE)));
        }
    }
}
