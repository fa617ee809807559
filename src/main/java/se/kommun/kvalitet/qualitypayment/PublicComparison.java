package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import se.kommun.kvalitet.contracts.ContractDirectory;

/**
 * Jämföraren: the providers of an area side by side on the published indicators of a decided period. Only approved
 * periods exist here; a period still collecting, computed or under review is as unknown as one never started.
 * Results are about providers and units, never about a person.
 */
@Service
class PublicComparison {

    private final QualityRepository repository;
    private final QualityPaymentSettings settings;

    PublicComparison(QualityRepository repository, QualityPaymentSettings settings) {
        this.repository = repository;
        this.settings = settings;
    }

    /**
     * What the page shows. {@code period} is null when the area has no decided period or the one asked for is not
     * decided ({@code unpublished} then names it); {@code tables} are the period's and the decided period before it,
     * latest first; {@code sortedBy} is the indicator the rows are ordered by, best first, or null for the providers'
     * names in order.
     */
    record Comparison(List<Choice> areas, String area, String areaLabel, List<String> periods, String period,
            String unpublished, List<Column> columns, List<Table> tables, String sortedBy) {
    }

    /** One decided period's providers. */
    record Table(String period, List<Row> rows) {
    }

    record Choice(String code, String label) {
    }

    /** An indicator's column: its name, unit and direction in the page's language. */
    record Column(String code, String name, String unit, String direction, String ariaSort) {
    }

    /** A provider's row, its values in the columns' order ("–" where none was reported). */
    record Row(String provider, boolean inHouse, List<String> values) {
    }

    Comparison compare(String area, String period, String sort, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<QualityRepository.Period> approved = repository.approvedPeriods();
        List<Choice> areas = approved.stream().map(QualityRepository.Period::area).distinct()
                .map(code -> new Choice(code, ContractDirectory.areaLabel(code, english))).toList();
        String chosenArea = area != null && ContractDirectory.areas().contains(area) ? area
                : areas.isEmpty() ? null : areas.get(0).code();
        List<QualityRepository.Period> ofArea = approved.stream().filter(p -> p.area().equals(chosenArea)).toList();
        List<String> periods = ofArea.stream().map(QualityRepository.Period::period).toList();
        // Only a well-formed tertial is looked up or named back; anything else asks for the latest.
        Optional<String> asked = Tertial.parse(period).map(Tertial::code);
        Optional<QualityRepository.Period> chosen = asked.isEmpty() ? ofArea.stream().findFirst()
                : ofArea.stream().filter(p -> p.period().equals(asked.get())).findFirst();
        List<QualityPaymentSettings.Indicator> published = settings.indicators().stream()
                .filter(QualityPaymentSettings.Indicator::published).toList();
        Optional<QualityPaymentSettings.Indicator> sorted = published.stream()
                .filter(indicator -> indicator.code().equals(sort)).findFirst();
        List<Column> columns = published.stream().map(indicator -> new Column(indicator.code(),
                english && indicator.nameEn() != null ? indicator.nameEn() : indicator.nameSv(),
                english && indicator.unitEn() != null ? indicator.unitEn()
                        : indicator.unit() == null ? "" : indicator.unit(),
                english ? indicator.direction().english : indicator.direction().swedish,
                sorted.filter(indicator::equals).map(PublicComparison::ariaSort).orElse(null))).toList();
        if (chosen.isEmpty()) {
            return new Comparison(areas, chosenArea, chosenArea == null ? null
                    : ContractDirectory.areaLabel(chosenArea, english), periods, null,
                    asked.orElse(null), columns, List.of(), null);
        }
        int index = ofArea.indexOf(chosen.get());
        List<Table> tables = ofArea.subList(index, Math.min(index + 2, ofArea.size())).stream()
                .map(decided -> table(decided, published, sorted, english)).toList();
        return new Comparison(areas, chosenArea, ContractDirectory.areaLabel(chosenArea, english), periods,
                chosen.get().period(), null, columns, tables, sorted.map(QualityPaymentSettings.Indicator::code)
                        .orElse(null));
    }

    private Table table(QualityRepository.Period decided, List<QualityPaymentSettings.Indicator> published,
            Optional<QualityPaymentSettings.Indicator> sorted, boolean english) {
        List<QualityRepository.Result> results = repository.results(decided.period(), decided.area());
        List<QualityRepository.Payment> providers = new ArrayList<>(repository.payments(decided.id()));
        sorted.ifPresent(indicator -> providers.sort(Comparator.comparing(
                (QualityRepository.Payment payment) -> value(results, payment.provider(), indicator.code()).orElse(null),
                Comparator.nullsLast(indicator.direction() == QualityPaymentSettings.Direction.HIGHER
                        ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder()))));
        return new Table(decided.period(), providers.stream().map(payment -> new Row(payment.provider(),
                payment.contractNumber() == null, published.stream().map(indicator -> value(results,
                        payment.provider(), indicator.code()).map(value -> number(value, english)).orElse("–"))
                        .toList())).toList());
    }

    /** Best first: the largest values first where higher is better. */
    private static String ariaSort(QualityPaymentSettings.Indicator indicator) {
        return indicator.direction() == QualityPaymentSettings.Direction.HIGHER ? "descending" : "ascending";
    }

    private static Optional<BigDecimal> value(List<QualityRepository.Result> results, String provider,
            String indicator) {
        return results.stream().filter(r -> r.provider().equalsIgnoreCase(provider) && r.indicator().equals(indicator))
                .map(QualityRepository.Result::value).findFirst();
    }

    private static String number(BigDecimal value, boolean english) {
        String plain = value.stripTrailingZeros().toPlainString();
        return english ? plain : plain.replace('.', ',');
    }
}
