package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import se.kommun.kvalitet.shared.CsvFile;

/**
 * The period report for officers: per provider its indicator results, level, rate and amount, compared with the
 * previous tertial (its results, and its decided level and amount) and with the area's other providers (the average
 * and the provider's place, 1 the best in the indicator's direction). JSON, and CSV for Excel.
 */
@Service
class PeriodReports {

    static final List<String> CSV_HEADER = List.of("period", "area", "status", "provider", "contractNumber",
            "indicator", "direction", "value", "previousValue", "change", "areaAverage", "rank", "providers", "level",
            "ratePerHour", "performedHours", "amount", "previousLevel", "previousAmount", "amountChange");

    private final QualityRepository repository;
    private final Providers providers;
    private final QualityPaymentSettings settings;

    PeriodReports(QualityRepository repository, Providers providers, QualityPaymentSettings settings) {
        this.repository = repository;
        this.providers = providers;
        this.settings = settings;
    }

    /** The whole report; {@code previousDecision} is the previous tertial's decision number, null if undecided. */
    record PeriodReport(String period, String area, QualityRepository.Status status, String decisionNumber,
            String previousPeriod, String previousDecision, List<ProviderRow> providers, BigDecimal total,
            BigDecimal previousTotal) {
    }

    /** One provider; level to amount are null until the period is computed, previous ones until decided. */
    record ProviderRow(String provider, String contractNumber, boolean inHouse, List<IndicatorResult> results,
            Integer level, BigDecimal ratePerHour, BigDecimal performedHours, BigDecimal amount, Integer previousLevel,
            BigDecimal previousAmount, BigDecimal amountChange) {
    }

    /** One indicator of one provider; {@code rank} 1 is the best of {@code providers} that reported it. */
    record IndicatorResult(String indicator, QualityPaymentSettings.Direction direction, BigDecimal value,
            BigDecimal previousValue, BigDecimal change, BigDecimal areaAverage, Integer rank, int providers) {
    }

    PeriodReport report(QualityRepository.Period period) {
        Tertial tertial = Tertial.parse(period.period()).orElseThrow();
        Tertial previous = tertial.previous();
        List<QualityRepository.Result> results = repository.results(tertial.code(), period.area());
        List<QualityRepository.Result> earlier = repository.results(previous.code(), period.area());
        List<QualityRepository.Payment> payments = period.status() == QualityRepository.Status.COLLECTING ? List.of()
                : repository.payments(period.id());
        Optional<QualityRepository.Period> decidedBefore = repository.period(previous.code(), period.area())
                .filter(p -> p.status() == QualityRepository.Status.APPROVED);
        List<QualityRepository.Payment> earlierPayments = decidedBefore.map(p -> repository.payments(p.id()))
                .orElse(List.of());
        List<ProviderRow> rows = new ArrayList<>();
        for (Provider provider : providers.expected(tertial, period.area())) {
            List<IndicatorResult> own = new ArrayList<>();
            for (QualityPaymentSettings.Indicator indicator : settings.indicators()) {
                of(results, provider.name(), indicator.code()).ifPresent(value -> own.add(compared(indicator,
                        value, of(earlier, provider.name(), indicator.code()).orElse(null), results)));
            }
            Optional<QualityRepository.Payment> payment = payment(payments, provider.name());
            Optional<QualityRepository.Payment> before = payment(earlierPayments, provider.name());
            rows.add(new ProviderRow(provider.name(), provider.contractNumber(), provider.inHouse(), own,
                    payment.map(QualityRepository.Payment::level).orElse(null),
                    payment.map(QualityRepository.Payment::ratePerHour).orElse(null),
                    payment.map(QualityRepository.Payment::performedHours).orElse(null),
                    payment.map(QualityRepository.Payment::amount).orElse(null),
                    before.map(QualityRepository.Payment::level).orElse(null),
                    before.map(QualityRepository.Payment::amount).orElse(null),
                    payment.isPresent() && before.isPresent()
                            ? payment.get().amount().subtract(before.get().amount()) : null));
        }
        return new PeriodReport(tertial.code(), period.area(), period.status(), period.decisionNumber(),
                previous.code(), decidedBefore.map(QualityRepository.Period::decisionNumber).orElse(null), rows,
                payments.isEmpty() ? null : sum(payments), earlierPayments.isEmpty() ? null : sum(earlierPayments));
    }

    /** The report as CSV: a row per provider and indicator, decimals with a comma as Swedish Excel reads them. */
    byte[] csv(PeriodReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (ProviderRow row : report.providers()) {
            for (IndicatorResult result : row.results()) {
                rows.add(List.of(report.period(), report.area(), report.status().name(), row.provider(),
                        text(row.contractNumber()), result.indicator(), result.direction().name(),
                        decimal(result.value()), decimal(result.previousValue()), decimal(result.change()),
                        decimal(result.areaAverage()), text(result.rank()), String.valueOf(result.providers()),
                        text(row.level()), decimal(row.ratePerHour()), decimal(row.performedHours()),
                        decimal(row.amount()), text(row.previousLevel()), decimal(row.previousAmount()),
                        decimal(row.amountChange())));
            }
        }
        return CsvFile.write(CSV_HEADER, rows);
    }

    private static IndicatorResult compared(QualityPaymentSettings.Indicator indicator, BigDecimal value,
            BigDecimal previousValue, List<QualityRepository.Result> all) {
        List<BigDecimal> values = all.stream().filter(r -> r.indicator().equals(indicator.code()))
                .map(QualityRepository.Result::value).toList();
        BigDecimal average = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
        Comparator<BigDecimal> better = indicator.direction() == QualityPaymentSettings.Direction.HIGHER
                ? Comparator.reverseOrder() : Comparator.naturalOrder();
        int rank = 1 + (int) values.stream().filter(other -> better.compare(other, value) < 0).count();
        return new IndicatorResult(indicator.code(), indicator.direction(), value, previousValue,
                previousValue == null ? null : value.subtract(previousValue), average, rank, values.size());
    }

    private static Optional<BigDecimal> of(List<QualityRepository.Result> results, String provider, String indicator) {
        return results.stream().filter(r -> r.provider().equalsIgnoreCase(provider) && r.indicator().equals(indicator))
                .map(QualityRepository.Result::value).findFirst();
    }

    private static Optional<QualityRepository.Payment> payment(List<QualityRepository.Payment> payments,
            String provider) {
        return payments.stream().filter(p -> p.provider().equalsIgnoreCase(provider)).findFirst();
    }

    private static BigDecimal sum(List<QualityRepository.Payment> payments) {
        return payments.stream().map(QualityRepository.Payment::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
