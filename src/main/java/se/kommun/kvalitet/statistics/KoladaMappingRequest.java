package se.kommun.kvalitet.statistics;

import java.util.ArrayList;
import java.util.List;

import se.kommun.kvalitet.shared.FieldError;

/** A KPI mapped to one of our measures, as given by a process owner or an administrator. */
record KoladaMappingRequest(String measure, String title) {

    /** The problems with this mapping of {@code kpi}, one per field; empty when it may be stored. */
    List<FieldError> problems(String kpi) {
        List<FieldError> errors = new ArrayList<>();
        if (kpi == null || !kpi.matches("[A-Z]\\d{5}")) {
            errors.add(new FieldError("kpi", "kpi", "Ett nyckeltals-id som N15428 / a KPI id such as N15428"));
        }
        if (Measure.named(measure).isEmpty()) {
            errors.add(new FieldError("measure", "measure", "Ett av våra mått / one of our measures: "
                    + String.join(", ", java.util.Arrays.stream(Measure.values()).map(Measure::name).toList())));
        }
        if (title == null || title.isBlank() || title.length() > 200) {
            errors.add(new FieldError("title", "title", "Nyckeltalets namn, 1–200 tecken / the KPI's name, "
                    + "1–200 characters"));
        }
        return errors;
    }
}
