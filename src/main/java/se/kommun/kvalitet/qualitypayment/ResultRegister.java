package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.shared.FieldError;

/**
 * Registers a provider's result, or corrects one, after checking every rule at once so that one answer names every
 * field to correct; a refused result stores nothing. Results of an approved period are closed.
 */
@Service
class ResultRegister {

    private final QualityPaymentSettings settings;
    private final Providers providers;
    private final QualityRepository repository;
    private final QualityAccess access;
    private final Recalculation recalculation;
    private final Clock clock;

    ResultRegister(QualityPaymentSettings settings, Providers providers, QualityRepository repository,
            QualityAccess access, Recalculation recalculation, Clock clock) {
        this.settings = settings;
        this.providers = providers;
        this.repository = repository;
        this.access = access;
        this.recalculation = recalculation;
        this.clock = clock;
    }

    /** A correction of a result in an approved period: refused, with why. */
    static class PeriodClosedException extends RuntimeException {

        PeriodClosedException(String period, String area, String decisionNumber) {
            super("Perioden " + period + " (" + area + ") är beslutad (" + decisionNumber + "): resultat och "
                    + "belopp kan inte längre ändras. / The period is decided; results can no longer change.");
        }
    }

    @Transactional
    QualityRepository.Result register(ResultInput input, QualityAccess.Actor actor) {
        Checked checked = check(input, actor, true);
        List<FieldError> errors = new ArrayList<>(checked.errors());
        if (errors.isEmpty() && repository.find(checked.tertial().code(), checked.provider().name(),
                checked.indicator().code()).isPresent()) {
            errors.add(new FieldError("indicator", "duplicate", "Resultatet finns redan för utföraren, perioden och "
                    + "indikatorn; rätta det med PUT / the result exists; correct it with PUT"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidResultException(errors);
        }
        QualityRepository.Result result = new QualityRepository.Result(0, checked.tertial().code(),
                checked.provider().area(), checked.provider().name(), checked.provider().contractNumber(),
                checked.indicator().code(), input.value(), input.performedHours(), input.source().strip(),
                clock.instant(), actor.user(), null, null);
        long id = repository.insert(result);
        return repository.find(result.period(), result.provider(), result.indicator()).filter(r -> r.id() == id)
                .orElseThrow();
    }

    /** A corrected value until the period is approved; a computed period is computed again. */
    @Transactional
    QualityRepository.Result correct(ResultInput input, QualityAccess.Actor actor) {
        Checked checked = check(input, actor, false);
        if (!checked.errors().isEmpty()) {
            throw new InvalidResultException(checked.errors());
        }
        Optional<QualityRepository.Period> period = repository.periodForUpdate(checked.tertial().code(),
                checked.provider().area());
        if (period.isPresent() && period.get().status() == QualityRepository.Status.APPROVED) {
            throw new PeriodClosedException(period.get().period(), period.get().area(), period.get().decisionNumber());
        }
        QualityRepository.Result existing = repository.find(checked.tertial().code(), checked.provider().name(),
                checked.indicator().code()).orElseThrow(() -> new InvalidResultException(List.of(new FieldError(
                        "indicator", "not-registered", "Inget resultat att rätta; registrera det med POST / no result "
                        + "to correct"))));
        repository.correct(existing.id(), input.value(), input.performedHours(), input.source().strip(),
                clock.instant(), actor.user());
        if (period.isPresent() && period.get().status() == QualityRepository.Status.COMPUTED) {
            recalculation.request(period.get());
        }
        return repository.find(existing.period(), existing.provider(), existing.indicator()).orElseThrow();
    }

    private record Checked(Tertial tertial, Provider provider, QualityPaymentSettings.Indicator indicator,
            List<FieldError> errors) {
    }

    private Checked check(ResultInput input, QualityAccess.Actor actor, boolean newResult) {
        List<FieldError> errors = new ArrayList<>();
        Tertial tertial = Tertial.parse(input.period()).orElse(null);
        if (tertial == null) {
            errors.add(new FieldError("period", "period", "Period som tertial ÅÅÅÅ-T1 (jan–apr), -T2 (maj–aug) eller "
                    + "-T3 (sep–dec) / period as a tertial YYYY-T1, -T2 or -T3"));
        } else if (tertial.first().isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError("period", "period-future", "Perioden har inte börjat / the period has not "
                    + "begun"));
        }
        Provider provider = providers.resolve(trim(input.provider()), trim(input.contractNumber()), tertial, errors)
                .orElse(null);
        if (provider != null && !access.works(actor, provider.unit())) {
            throw new org.springframework.security.access.AccessDeniedException("Not this unit's provider");
        }
        QualityPaymentSettings.Indicator indicator = settings.indicator(trim(input.indicator())).orElse(null);
        if (indicator == null) {
            errors.add(new FieldError("indicator", "unknown-indicator", "Okänd indikator; kända: "
                    + settings.indicators().stream().map(QualityPaymentSettings.Indicator::code).toList()
                    + " / unknown indicator"));
        } else if (input.value() == null) {
            errors.add(new FieldError("value", "required", "Värde krävs / value required"));
        } else if (input.value().compareTo(indicator.min()) < 0 || input.value().compareTo(indicator.max()) > 0) {
            errors.add(new FieldError("value", "out-of-range", indicator.code() + ": " + indicator.min().toPlainString()
                    + "–" + indicator.max().toPlainString() + " " + indicator.unit() + " / value out of range"));
        }
        if (input.performedHours() == null || input.performedHours().signum() < 0) {
            errors.add(new FieldError("performedHours", "required", "Utförda timmar, 0 eller fler / performed hours, "
                    + "0 or more"));
        } else if (provider != null && tertial != null) {
            Optional<BigDecimal> other = repository.resultsOf(tertial.code(), provider.name()).stream()
                    .filter(r -> indicator == null || !r.indicator().equals(indicator.code()))
                    .map(QualityRepository.Result::performedHours).findFirst();
            if (other.isPresent() && other.get().compareTo(input.performedHours()) != 0) {
                errors.add(new FieldError("performedHours", "hours-mismatch", "Utförarens övriga resultat för "
                        + "perioden har " + other.get().toPlainString() + " timmar / the provider's other results "
                        + "have other hours"));
            }
        }
        if (input.source() == null || input.source().isBlank() || input.source().length() > 300) {
            errors.add(new FieldError("source", "required", "Källa krävs, högst 300 tecken / source required"));
        }
        if (newResult && errors.isEmpty()) {
            repository.period(tertial.code(), provider.area()).filter(p -> p.status() == QualityRepository.Status.APPROVED)
                    .ifPresent(p -> errors.add(new FieldError("period", "period-approved", "Perioden är beslutad ("
                            + p.decisionNumber() + ") / the period is decided")));
        }
        return new Checked(tertial, provider, indicator, errors);
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
