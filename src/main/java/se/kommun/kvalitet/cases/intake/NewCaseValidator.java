package se.kommun.kvalitet.cases.intake;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;
import org.springframework.validation.SmartValidator;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.Categories;

/**
 * Every rule for a new case, in one place for the API and the web form: bean validation first, then the
 * rules that need the category table or know who is asking.
 */
@Component
class NewCaseValidator {

    private final SmartValidator beanValidator;
    private final Categories categories;
    private final Clock clock;

    NewCaseValidator(SmartValidator beanValidator, Categories categories, Clock clock) {
        this.beanValidator = beanValidator;
        this.categories = categories;
        this.clock = clock;
    }

    void validate(NewCase matter, boolean registeredByOfficer, Errors errors) {
        beanValidator.validate(matter, errors);
        if (matter.category() != null && !errors.hasFieldErrors("category")) {
            categories.find(matter.category()).ifPresentOrElse(
                    category -> {
                        if (matter.type() != null && category.kind() != matter.type().categoryKind()) {
                            errors.rejectValue("category", "category.wrongType");
                        }
                    },
                    () -> errors.rejectValue("category", "category.unknown"));
        }
        if (matter.type() == CaseType.FAULT_REPORT && matter.location() == null) {
            errors.rejectValue("location", "location.required");
        }
        if (matter.location() != null && (matter.location().latitude() == null) != (matter.location().longitude() == null)) {
            errors.rejectValue("location.latitude", "location.bothCoordinates");
        }
        if (matter.receivedAt() != null) {
            if (!registeredByOfficer) {
                errors.rejectValue("receivedAt", "receivedAt.officerOnly");
            } else if (matter.receivedAt().isAfter(Instant.now(clock))) {
                errors.rejectValue("receivedAt", "receivedAt.future");
            }
        }
    }
}
