package se.kommun.kvalitet.deviations.process;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.deviations.intake.DeviationValidator;
import se.kommun.kvalitet.deviations.intake.InvalidDeviationException;
import se.kommun.kvalitet.deviations.record.Area;
import se.kommun.kvalitet.deviations.record.Deviation;
import se.kommun.kvalitet.deviations.record.DeviationRepository;
import se.kommun.kvalitet.deviations.record.DeviationStatus;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.FieldError;

/**
 * What each task of the deviation process hands over: checked, written to {@code app.deviation} and its texts
 * removed from the process, in the transaction of the task's completion (a refusal completes nothing). The answers
 * the gateways and the decision read (risk values, yes/no) stay as variables.
 */
@Service
public class DeviationWork {

    /** Root cause categories for statistics ("Lär och förbättra"). */
    static final Set<String> ROOT_CAUSE_CATEGORIES = Set.of("ROUTINE_MISSING", "ROUTINE_NOT_FOLLOWED",
            "COMMUNICATION", "STAFFING", "COMPETENCE", "EQUIPMENT", "ENVIRONMENT", "SUPPLIER", "OTHER");

    /** The steps a task's {@code step} input parameter may name. */
    enum Step {
        RISK, LEX_SARAH_INVESTIGATION, LEX_SARAH_SERIOUSNESS, LEX_SARAH_IVO_REPORT, LEX_MARIA_INVESTIGATION,
        LEX_MARIA_IVO_REPORT, MEASURES, FOLLOW_UP
    }

    private final DeviationRepository repository;
    private final Clock clock;

    DeviationWork(DeviationRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public void record(Step step, String reference, VariableScope scope, String user) {
        Deviation deviation = repository.require(reference);
        List<FieldError> errors = new ArrayList<>();
        Instant now = clock.instant();
        switch (step) {
            case RISK -> risk(deviation, scope, user, now, errors);
            case LEX_SARAH_INVESTIGATION -> {
                String investigation = text(scope, DeviationProcess.LEX_SARAH_INVESTIGATION, true, errors);
                failOn(errors);
                repository.recordLexSarahInvestigation(reference, investigation);
                repository.recordStatus(reference, DeviationStatus.LEX_SARAH);
            }
            case LEX_SARAH_SERIOUSNESS -> {
                Boolean serious = required(scope, DeviationProcess.LEX_SARAH_SERIOUS, errors);
                String reason = text(scope, DeviationProcess.LEX_SARAH_SERIOUS_REASON, true, errors);
                failOn(errors);
                repository.recordLexSarahSeriousness(reference, serious, reason);
            }
            case LEX_SARAH_IVO_REPORT -> ivoReport(reference, "LEX_SARAH", scope, user, now, errors);
            case LEX_MARIA_INVESTIGATION -> {
                String investigation = text(scope, DeviationProcess.LEX_MARIA_INVESTIGATION, true, errors);
                failOn(errors);
                repository.recordLexMariaInvestigation(reference, investigation);
                repository.recordStatus(reference, DeviationStatus.LEX_MARIA);
            }
            case LEX_MARIA_IVO_REPORT -> ivoReport(reference, "LEX_MARIA", scope, user, now, errors);
            case MEASURES -> measures(reference, scope, errors);
            case FOLLOW_UP -> {
                Boolean effective = required(scope, DeviationProcess.MEASURE_EFFECTIVE, errors);
                String summary = text(scope, DeviationProcess.LEARNING_SUMMARY, Boolean.TRUE.equals(effective),
                        errors);
                failOn(errors);
                repository.recordFollowUp(reference, effective, summary);
            }
        }
        DeviationProcess.DECIDED_DATE.set(scope, Date.from(now));
    }

    /** After the decision: its result is the risk level; a table with no matching rule is a modelling error. */
    @Transactional
    public void recordRiskLevel(String reference, VariableScope scope) {
        Map<?, ?> risk = DeviationProcess.RISK.find(scope).orElseThrow(() -> new IllegalStateException(
                "Decision deviationRisk gave no result for " + reference + ": check processes/deviation-risk.dmn"));
        Object level = risk.get("riskLevel");
        if (level == null || risk.get("investigationWorkingDays") == null) {
            throw new IllegalStateException("Decision deviationRisk must give riskLevel and investigationWorkingDays");
        }
        repository.recordRiskLevel(reference, level.toString());
    }

    @Transactional
    public void close(String reference) {
        repository.close(reference, clock.instant());
    }

    private void risk(Deviation deviation, VariableScope scope, String user, Instant now, List<FieldError> errors) {
        Integer consequence = scale(scope, DeviationProcess.CONSEQUENCE, errors);
        Integer likelihood = scale(scope, DeviationProcess.LIKELIHOOD, errors);
        boolean lexSarah = Boolean.TRUE.equals(flag(scope, DeviationProcess.LEX_SARAH, errors));
        boolean lexMaria = Boolean.TRUE.equals(flag(scope, DeviationProcess.LEX_MARIA, errors));
        Area area = deviation.area();
        if (lexSarah && !area.socialServices()) {
            errors.add(new FieldError("lexSarah", "not-applicable", "Lex Sarah gäller socialtjänst och LSS, inte "
                    + area.swedish() + " / lex Sarah applies to social services only"));
        }
        if (lexMaria && !area.healthCare()) {
            errors.add(new FieldError("lexMaria", "not-applicable", "Lex Maria gäller hälso- och sjukvård, inte "
                    + area.swedish() + " / lex Maria applies to health care only"));
        }
        failOn(errors);
        // The decision reads whole numbers, the gateways both answers (a form that hid a question sent nothing).
        DeviationProcess.CONSEQUENCE.set(scope, consequence);
        DeviationProcess.LIKELIHOOD.set(scope, likelihood);
        DeviationProcess.LEX_SARAH.set(scope, lexSarah);
        DeviationProcess.LEX_MARIA.set(scope, lexMaria);
        repository.recordRiskAssessment(deviation.reference(), consequence, likelihood, lexSarah, lexMaria, user, now);
    }

    private void ivoReport(String reference, String track, VariableScope scope, String user, Instant now,
            List<FieldError> errors) {
        LocalDate sentOn = date(scope, DeviationProcess.IVO_SENT_ON, errors);
        if (sentOn != null && sentOn.isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError(DeviationProcess.IVO_SENT_ON.name(), "future",
                    "Datumet ligger i framtiden / the date is in the future"));
        }
        String sentBy = text(scope, DeviationProcess.IVO_SENT_BY, true, errors);
        String ivoReference = text(scope, DeviationProcess.IVO_REFERENCE, true, errors);
        failOn(errors);
        repository.recordIvoReport(reference, track, sentOn, sentBy, ivoReference, user, now);
    }

    private void measures(String reference, VariableScope scope, List<FieldError> errors) {
        String category = DeviationProcess.ROOT_CAUSE_CATEGORY.find(scope).orElse(null);
        if (category == null || !ROOT_CAUSE_CATEGORIES.contains(category)) {
            errors.add(new FieldError(DeviationProcess.ROOT_CAUSE_CATEGORY.name(), "unknown",
                    "Välj en orsakskategori / choose a root cause category"));
        }
        String rootCause = text(scope, DeviationProcess.ROOT_CAUSE, true, errors);
        String measures = text(scope, DeviationProcess.MEASURES, true, errors);
        String owner = text(scope, DeviationProcess.MEASURE_OWNER, true, errors);
        LocalDate dueOn = date(scope, DeviationProcess.MEASURE_DUE_ON, errors);
        failOn(errors);
        repository.recordMeasures(reference, category, rootCause, measures, owner, dueOn);
        scope.removeVariable(DeviationProcess.ROOT_CAUSE_CATEGORY.name());
    }

    /** A text field, checked like the report's texts, then taken out of the process. */
    private static String text(VariableScope scope, ProcessVariable<String> variable, boolean required,
            List<FieldError> errors) {
        Object value = scope.getVariable(variable.name());
        String text = value == null ? null : value.toString().strip();
        DeviationValidator.text(errors, variable.name(), text, required, DeviationValidator.MAX_TEXT);
        scope.removeVariable(variable.name());
        return text == null || text.isEmpty() ? null : text;
    }

    private static Integer scale(VariableScope scope, ProcessVariable<Number> variable, List<FieldError> errors) {
        Object value = scope.getVariable(variable.name());
        if (value == null) {
            errors.add(DeviationValidator.missing(variable.name()));
            return null;
        }
        // A REST client may send the number as text (the form's guard lets "4" pass as a number).
        double number;
        try {
            number = value instanceof Number given ? given.doubleValue() : Double.parseDouble(value.toString().strip());
        } catch (NumberFormatException e) {
            number = Double.NaN;
        }
        if (number != Math.rint(number) || number < 1 || number > 4) {
            errors.add(new FieldError(variable.name(), "range", "Ange ett heltal 1–4 / give a whole number 1–4"));
            return null;
        }
        return (int) number;
    }

    private static Boolean flag(VariableScope scope, ProcessVariable<Boolean> variable, List<FieldError> errors) {
        Object value = scope.getVariable(variable.name());
        if (value != null && !(value instanceof Boolean)) {
            errors.add(new FieldError(variable.name(), "type", "Ange ja eller nej / answer yes or no"));
            return null;
        }
        return (Boolean) value;
    }

    private static Boolean required(VariableScope scope, ProcessVariable<Boolean> variable, List<FieldError> errors) {
        Boolean value = flag(scope, variable, errors);
        if (value == null && errors.stream().noneMatch(error -> error.field().equals(variable.name()))) {
            errors.add(DeviationValidator.missing(variable.name()));
        }
        return value;
    }

    private static LocalDate date(VariableScope scope, ProcessVariable<String> variable, List<FieldError> errors) {
        Object value = scope.getVariable(variable.name());
        scope.removeVariable(variable.name());
        if (value == null || value.toString().isBlank()) {
            errors.add(DeviationValidator.missing(variable.name()));
            return null;
        }
        try {
            return LocalDate.parse(value.toString().strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(variable.name(), "format", "Ange datum som 2026-12-01 / give the date as "
                    + "2026-12-01"));
            return null;
        }
    }

    private static void failOn(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidDeviationException(errors);
        }
    }
}
