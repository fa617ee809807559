package se.kommun.kvalitet.deviations.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import se.kommun.kvalitet.deviations.record.Area;
import se.kommun.kvalitet.deviations.record.PersonalIdentityNumbers;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.FieldError;

/** The rules of a deviation report, the same for the API and Tasklist's start form. */
public final class DeviationValidator {

    public static final int MAX_TEXT = 5000;
    static final int MAX_PLACE = 300;
    static final int MAX_PERSON_REF = 100;

    /** The report in checked form. */
    record Valid(Area area, Organisation.Unit unit, Instant occurredAt, String place, String description,
            String immediateMeasures, String affectedPersonRef) {
    }

    private DeviationValidator() {
    }

    static Valid validate(NewDeviation input, Organisation organisation, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Area area = null;
        if (blank(input.area())) {
            errors.add(missing("area"));
        } else {
            try {
                area = Area.valueOf(input.area().strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("area", "unknown", "Okänt område / unknown area: " + input.area()));
            }
        }
        Organisation.Unit unit = null;
        if (blank(input.unit())) {
            errors.add(missing("unit"));
        } else {
            unit = organisation.unit(input.unit().strip()).orElse(null);
            if (unit == null) {
                errors.add(new FieldError("unit", "unknown", "Okänd enhet / unknown unit: " + input.unit()));
            }
        }
        Instant occurredAt = null;
        if (blank(input.occurredAt())) {
            errors.add(missing("occurredAt"));
        } else {
            occurredAt = moment(input.occurredAt().strip(), clock);
            if (occurredAt == null) {
                errors.add(new FieldError("occurredAt", "format", "Ange datum och tid som 2026-11-30T14:00:00+01:00 "
                        + "/ give date and time as 2026-11-30T14:00:00+01:00"));
            } else if (occurredAt.isAfter(clock.instant())) {
                errors.add(new FieldError("occurredAt", "future", "Tidpunkten ligger i framtiden / the time is in "
                        + "the future"));
                occurredAt = null;
            }
        }
        text(errors, "place", input.place(), true, MAX_PLACE);
        text(errors, "description", input.description(), true, MAX_TEXT);
        text(errors, "immediateMeasures", input.immediateMeasures(), false, MAX_TEXT);
        text(errors, "affectedPersonRef", input.affectedPersonRef(), false, MAX_PERSON_REF);
        if (!errors.isEmpty()) {
            throw new InvalidDeviationException(errors);
        }
        return new Valid(area, unit, occurredAt, input.place().strip(), input.description().strip(),
                optional(input.immediateMeasures()), optional(input.affectedPersonRef()));
    }

    /**
     * Free text of any step: length, and never a personal identity or coordination number (the affected person is
     * named by a pseudonymous reference only).
     */
    public static void text(List<FieldError> errors, String field, String value, boolean required, int maxLength) {
        if (blank(value)) {
            if (required) {
                errors.add(missing(field));
            }
            return;
        }
        if (value.length() > maxLength) {
            errors.add(new FieldError(field, "size", "Högst " + maxLength + " tecken / at most " + maxLength
                    + " characters"));
        }
        if (PersonalIdentityNumbers.containsOne(value)) {
            errors.add(new FieldError(field, "personal-identity-number", "Skriv inte person- eller "
                    + "samordningsnummer; använd en pseudonym referens / no personal identity or coordination "
                    + "numbers; use a pseudonymous reference"));
        }
    }

    /** With an offset as the API sends it, or without one as Tasklist's date-time field may (Swedish time). */
    private static Instant moment(String text, Clock clock) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).atZone(clock.getZone()).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }

    public static FieldError missing(String field) {
        return new FieldError(field, "required", "Obligatoriskt fält saknas / required field is missing");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String optional(String value) {
        return blank(value) ? null : value.strip();
    }
}
