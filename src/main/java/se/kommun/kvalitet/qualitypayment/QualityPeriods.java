package se.kommun.kvalitet.qualitypayment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.contracts.ContractDirectory;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.reference.ReferenceNumbers;

/** A period of an area from its start to its decision: what is missing, the computation, the recorded decision. */
@Service
class QualityPeriods {

    private final QualityRepository repository;
    private final Providers providers;
    private final QualityPaymentSettings settings;
    private final RuntimeService runtimeService;
    private final DecisionService decisionService;
    private final ReferenceNumbers referenceNumbers;
    private final Organisation organisation;
    private final Clock clock;

    QualityPeriods(QualityRepository repository, Providers providers, QualityPaymentSettings settings,
            RuntimeService runtimeService, DecisionService decisionService, ReferenceNumbers referenceNumbers,
            Organisation organisation, Clock clock) {
        this.repository = repository;
        this.providers = providers;
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.decisionService = decisionService;
        this.referenceNumbers = referenceNumbers;
        this.organisation = organisation;
        this.clock = clock;
        if (organisation.unit(settings.responsibleUnit()).isEmpty()) {
            throw new IllegalStateException("kvalitet.quality-payment.responsible-unit: '" + settings.responsibleUnit()
                    + "' is not a unit of kvalitet.organisation.units");
        }
    }

    /** A period or area that cannot be started, or a second start of one: 400 or 409 with why. */
    static class PeriodRefusedException extends RuntimeException {

        final boolean conflict;

        PeriodRefusedException(String message, boolean conflict) {
            super(message);
            this.conflict = conflict;
        }
    }

    /** Computing asked for while results are missing: names each. */
    static class MissingResultsException extends RuntimeException {

        final transient List<String> missing;

        MissingResultsException(List<String> missing) {
            super("Resultat saknas / results missing: " + String.join("; ", missing));
            this.missing = List.copyOf(missing);
        }
    }

    /** One provider's computed payment with the values it was computed from, for the report and the e-mail. */
    record Breakdown(QualityRepository.Payment payment, List<QualityRepository.Result> results) {
    }

    @Transactional
    QualityRepository.Period start(String period, String area, String startedBy) {
        Tertial tertial = Tertial.parse(period).orElseThrow(() -> new PeriodRefusedException("Period som tertial "
                + "ÅÅÅÅ-T1, -T2 eller -T3 / period as a tertial YYYY-T1, -T2 or -T3", false));
        if (area == null || !ContractDirectory.areas().contains(area)) {
            throw new PeriodRefusedException("Område: " + ContractDirectory.areas() + " / area: one of those", false);
        }
        if (repository.period(tertial.code(), area).isPresent()) {
            throw new PeriodRefusedException("Perioden " + tertial + " för " + area + " är redan startad / the "
                    + "period is already started", true);
        }
        repository.insertPeriod(tertial.code(), area, clock.instant(), startedBy);
        Organisation.Unit unit = organisation.unit(settings.responsibleUnit()).orElseThrow();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(QualityPaymentPeriodProcess.PERIOD.name(), tertial.code());
        variables.put(QualityPaymentPeriodProcess.AREA.name(), area);
        variables.put(QualityPaymentPeriodProcess.OFFICER_GROUP.name(), unit.officerGroup());
        variables.put(QualityPaymentPeriodProcess.MANAGER_GROUP.name(), unit.managerGroup());
        variables.put(QualityPaymentPeriodProcess.DELEGATE_GROUP.name(), organisation.committeeDelegateGroup());
        variables.put(QualityPaymentPeriodProcess.PERIOD_END.name(),
                Date.from(tertial.last().atStartOfDay(clock.getZone()).toInstant()));
        variables.put(QualityPaymentPeriodProcess.DEADLINES.name(), settings.deadlines().asVariable());
        runtimeService.startProcessInstanceByKey(QualityPaymentPeriodProcess.PROCESS_KEY,
                QualityPaymentPeriodProcess.businessKey(tertial, area), variables);
        return repository.period(tertial.code(), area).orElseThrow();
    }

    /** "Utförare: indikator" for each result the decision needs and nobody has registered. */
    List<String> missing(Tertial tertial, String area) {
        List<QualityRepository.Result> results = repository.results(tertial.code(), area);
        List<String> missing = new ArrayList<>();
        for (Provider provider : providers.expected(tertial, area)) {
            for (QualityPaymentSettings.Indicator indicator : settings.decisionIndicators()) {
                boolean present = results.stream().anyMatch(r -> r.provider().equalsIgnoreCase(provider.name())
                        && r.indicator().equals(indicator.code()));
                if (!present) {
                    missing.add(provider.name() + (provider.inHouse() ? "" : " (" + provider.contractNumber() + ")")
                            + ": " + indicator.code());
                }
            }
        }
        return missing;
    }

    /** The providers whose results are missing, to remind them. */
    List<Provider> providersMissing(Tertial tertial, String area) {
        List<String> missing = missing(tertial, area);
        return providers.expected(tertial, area).stream()
                .filter(provider -> missing.stream().anyMatch(m -> m.startsWith(provider.name()))).toList();
    }

    /** {@code POST .../computation}: refused while anything is missing, else the process computes. */
    void requestComputation(String period, String area) {
        Tertial tertial = Tertial.parse(period).orElseThrow(() -> new PeriodRefusedException("Okänd period / "
                + "unknown period", false));
        QualityRepository.Period stored = repository.period(tertial.code(), area).orElseThrow(() ->
                new PeriodRefusedException("Perioden är inte startad / the period is not started", false));
        List<String> missing = missing(tertial, area);
        if (!missing.isEmpty()) {
            throw new MissingResultsException(missing);
        }
        try {
            runtimeService.createMessageCorrelation(QualityPaymentPeriodProcess.RESULTS_COMPLETE)
                    .processInstanceBusinessKey(QualityPaymentPeriodProcess.businessKey(tertial, area))
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new PeriodRefusedException("Perioden samlar inte längre in resultat (" + stored.status() + ") / "
                    + "the period no longer collects results", true);
        }
    }

    /** "Beräkna kvalitetspeng": the decision per provider, amount = rate × performed hours; replaces earlier runs. */
    @Transactional
    String compute(Tertial tertial, String area) {
        List<String> missing = missing(tertial, area);
        if (!missing.isEmpty()) {
            throw new MissingResultsException(missing);
        }
        QualityRepository.Period period = repository.periodForUpdate(tertial.code(), area).orElseThrow();
        if (period.status() == QualityRepository.Status.APPROVED) {
            throw new IllegalStateException("Period " + tertial + " " + area + " is approved: never computed again");
        }
        List<QualityRepository.Result> results = repository.results(tertial.code(), area);
        List<QualityRepository.Payment> payments = new ArrayList<>();
        for (Provider provider : providers.expected(tertial, area)) {
            List<QualityRepository.Result> own = results.stream()
                    .filter(r -> r.provider().equalsIgnoreCase(provider.name())).toList();
            Map<String, Object> inputs = new LinkedHashMap<>();
            for (QualityPaymentSettings.Indicator indicator : settings.decisionIndicators()) {
                own.stream().filter(r -> r.indicator().equals(indicator.code())).findFirst()
                        .ifPresent(r -> inputs.put(indicator.decisionInput(), r.value().doubleValue()));
            }
            DmnDecisionRuleResult decided = decisionService.evaluateDecisionTableByKey(
                    QualityPaymentPeriodProcess.DECISION_KEY, inputs).getFirstResult();
            if (decided == null || !(decided.get("level") instanceof Number level)
                    || !(decided.get("ratePerHour") instanceof Number rate)) {
                throw new IllegalStateException("Decision qualityPayment must give level and ratePerHour for "
                        + provider.name() + ": check processes/quality-payment.dmn");
            }
            BigDecimal hours = own.get(0).performedHours();
            BigDecimal ratePerHour = BigDecimal.valueOf(rate.doubleValue()).setScale(2, RoundingMode.HALF_UP);
            payments.add(new QualityRepository.Payment(provider.name(), provider.contractNumber(), level.intValue(),
                    ratePerHour, hours, ratePerHour.multiply(hours).setScale(2, RoundingMode.HALF_UP)));
        }
        repository.replacePayments(period.id(), payments, clock.instant());
        BigDecimal total = payments.stream().map(QualityRepository.Payment::amount).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        return payments.size() + " utförare, " + Amounts.kronor(total);
    }

    /** "Registrera beslut": the decision's number, who approved it and when; the period is then closed. */
    @Transactional
    String recordDecision(Tertial tertial, String area, String approvedBy) {
        QualityRepository.Period period = repository.periodForUpdate(tertial.code(), area).orElseThrow();
        if (period.status() == QualityRepository.Status.APPROVED) {
            return period.decisionNumber();
        }
        String number = referenceNumbers.next("KVP");
        repository.approve(period.id(), number, clock.instant(), approvedBy);
        return number;
    }

    Optional<QualityRepository.Period> period(Tertial tertial, String area) {
        return repository.period(tertial.code(), area);
    }

    List<Breakdown> breakdowns(QualityRepository.Period period) {
        List<QualityRepository.Result> results = repository.results(period.period(), period.area());
        return repository.payments(period.id()).stream().map(payment -> new Breakdown(payment, results.stream()
                .filter(r -> r.provider().equalsIgnoreCase(payment.provider())).toList())).toList();
    }

    Optional<Provider> provider(Tertial tertial, String area, String name) {
        return providers.expected(tertial, area).stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }
}
