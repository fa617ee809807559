package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kvalitet.quality-payment}: the indicators, the in-house units that report like providers, the unit whose
 * officers review a period (the committee's delegates approve it, {@code kvalitet.organisation.committee-delegate-group})
 * and whose managers get the escalation, and the time for results after a tertial. A mistake stops the start, naming the setting.
 */
@ConfigurationProperties("kvalitet.quality-payment")
record QualityPaymentSettings(List<Indicator> indicators, List<InHouseProvider> inHouseProviders,
        String responsibleUnit, Deadlines deadlines) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");

    QualityPaymentSettings {
        if (indicators == null || indicators.isEmpty()) {
            throw new IllegalArgumentException("kvalitet.quality-payment.indicators: at least one indicator");
        }
        indicators = List.copyOf(indicators);
        inHouseProviders = inHouseProviders == null ? List.of() : List.copyOf(inHouseProviders);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            String where = "kvalitet.quality-payment.indicators[" + i + "]";
            if (indicator.code() == null || !CODE.matcher(indicator.code()).matches() || !codes.add(indicator.code())) {
                throw new IllegalArgumentException(where + ".code must match " + CODE + " and be unique");
            }
            if (indicator.nameSv() == null || indicator.direction() == null || indicator.min() == null
                    || indicator.max() == null || indicator.min().compareTo(indicator.max()) > 0) {
                throw new IllegalArgumentException(where + ": name-sv, direction and min <= max are required");
            }
        }
        if (responsibleUnit == null || responsibleUnit.isBlank()) {
            throw new IllegalArgumentException("kvalitet.quality-payment.responsible-unit is required");
        }
        if (deadlines == null) {
            throw new IllegalArgumentException("kvalitet.quality-payment.deadlines is required");
        }
    }

    enum Direction {
        HIGHER("högre är bättre", "higher is better"), LOWER("lägre är bättre", "lower is better");

        final String swedish;
        final String english;

        Direction(String swedish, String english) {
            this.swedish = swedish;
            this.english = english;
        }
    }

    /**
     * An indicator; {@code unit} is Swedish and {@code unitEn} its English (the English page falls back on the
     * Swedish); {@code decisionInput} names the DMN input it feeds, null if it is only shown.
     */
    record Indicator(String code, String nameSv, String nameEn, String unit, String unitEn, String source,
            Direction direction, BigDecimal min, BigDecimal max, boolean published, String decisionInput) {
    }

    /** A unit in the municipality's own management (egen regi): a provider without a contract. */
    record InHouseProvider(String name, String area, String unit, String email) {
    }

    /** Working days after the tertial for the results, the reminder before and the second escalation after. */
    record Deadlines(int resultsWorkingDays, int reminderDaysBefore, int secondEscalationDaysAfter) {

        Deadlines {
            if (resultsWorkingDays < 1 || reminderDaysBefore < 0 || reminderDaysBefore >= resultsWorkingDays
                    || secondEscalationDaysAfter < 0) {
                throw new IllegalArgumentException("kvalitet.quality-payment.deadlines: results-working-days >= 1, "
                        + "reminder-days-before 0 to results-working-days - 1, second-escalation-days-after >= 0");
            }
        }

        /** The process variable {@code deadlines}, read by name by the BPMN's due-date step. */
        Map<String, Integer> asVariable() {
            Map<String, Integer> map = new LinkedHashMap<>();
            map.put("results", resultsWorkingDays);
            map.put("reminderDaysBefore", reminderDaysBefore);
            map.put("secondEscalationDaysAfter", secondEscalationDaysAfter);
            return map;
        }
    }

    Optional<Indicator> indicator(String code) {
        return indicators.stream().filter(indicator -> indicator.code().equals(code)).findFirst();
    }

    List<Indicator> decisionIndicators() {
        return indicators.stream().filter(indicator -> indicator.decisionInput() != null
                && !indicator.decisionInput().isBlank()).toList();
    }

    Optional<InHouseProvider> inHouse(String name) {
        return inHouseProviders.stream().filter(provider -> provider.name().equalsIgnoreCase(name)).findFirst();
    }
}
