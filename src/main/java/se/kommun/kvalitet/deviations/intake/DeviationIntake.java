package se.kommun.kvalitet.deviations.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.deviations.process.DeviationDeadlines;
import se.kommun.kvalitet.deviations.process.DeviationProcess;
import se.kommun.kvalitet.deviations.record.DeviationRepository;
import se.kommun.kvalitet.deviations.record.DeviationStatus;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.reference.ReferenceNumbers;

/**
 * Receives a deviation: checks it, stores it in {@code app.deviation} and starts (or, from Tasklist's start form,
 * fills in) its process, in one transaction: a refused report stores nothing and starts nothing.
 */
@Service
public class DeviationIntake {

    private final Organisation organisation;
    private final ReferenceNumbers referenceNumbers;
    private final DeviationRepository repository;
    private final RuntimeService runtimeService;
    private final DeviationDeadlines deadlines;
    private final Clock clock;

    DeviationIntake(Organisation organisation, ReferenceNumbers referenceNumbers, DeviationRepository repository,
            RuntimeService runtimeService, DeviationDeadlines deadlines, Clock clock) {
        this.organisation = organisation;
        this.referenceNumbers = referenceNumbers;
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public record Reported(String reference, DeviationStatus status) {
    }

    /** {@code POST /api/deviations}: the reporter is the authenticated staff member. */
    @Transactional
    public Reported report(NewDeviation input, String reportedBy) {
        DeviationValidator.Valid valid = DeviationValidator.validate(input, organisation, clock);
        Instant now = clock.instant();
        String reference = store(valid, reportedBy, now);
        Map<String, Object> variables = new HashMap<>(processFacts(valid, reference, now));
        variables.put(DeviationProcess.REPORTED_BY.name(), reportedBy);
        runtimeService.startProcessInstanceByKey(DeviationProcess.PROCESS_KEY, reference, variables);
        return new Reported(reference, DeviationStatus.REPORTED);
    }

    /**
     * Tasklist's start form: the process runs already (started by {@code reportedBy}, its initiator); the form's
     * fields move into the table and its texts leave the process.
     */
    @Transactional
    public String registerInRunningProcess(DelegateExecution execution) {
        NewDeviation input = new NewDeviation(text(execution, DeviationProcess.AREA.name()),
                text(execution, DeviationProcess.UNIT.name()), text(execution, DeviationProcess.OCCURRED_AT.name()),
                text(execution, DeviationProcess.PLACE.name()), text(execution, DeviationProcess.DESCRIPTION.name()),
                text(execution, DeviationProcess.IMMEDIATE_MEASURES.name()),
                text(execution, DeviationProcess.AFFECTED_PERSON_REF.name()));
        DeviationValidator.Valid valid = DeviationValidator.validate(input, organisation, clock);
        Instant now = clock.instant();
        String reference = store(valid, DeviationProcess.REPORTED_BY.find(execution).orElse(null), now);
        execution.setProcessBusinessKey(reference);
        processFacts(valid, reference, now).forEach(execution::setVariable);
        for (String text : new String[] {DeviationProcess.OCCURRED_AT.name(), DeviationProcess.PLACE.name(),
                DeviationProcess.DESCRIPTION.name(), DeviationProcess.IMMEDIATE_MEASURES.name(),
                DeviationProcess.AFFECTED_PERSON_REF.name()}) {
            execution.removeVariable(text);
        }
        return reference;
    }

    private String store(DeviationValidator.Valid valid, String reportedBy, Instant now) {
        String reference = referenceNumbers.next(DeviationProcess.REFERENCE_PREFIX);
        repository.insert(new DeviationRepository.NewRow(reference, valid.area(), valid.unit().id(),
                valid.unit().managerGroup(), valid.occurredAt(), now, reportedBy, valid.place(), valid.description(),
                valid.immediateMeasures(), valid.affectedPersonRef()));
        return reference;
    }

    /** What the process routes and times on; no text anyone wrote. */
    private Map<String, Object> processFacts(DeviationValidator.Valid valid, String reference, Instant now) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DeviationProcess.DEVIATION_REFERENCE.name(), reference);
        variables.put(DeviationProcess.AREA.name(), valid.area().name());
        variables.put(DeviationProcess.UNIT.name(), valid.unit().id());
        variables.put(DeviationProcess.MANAGER_GROUP.name(), valid.unit().managerGroup());
        variables.put(DeviationProcess.QUALITY_GROUP.name(), organisation.qualityGroup());
        variables.put(DeviationProcess.MAS_GROUP.name(), organisation.masGroup());
        variables.put(DeviationProcess.LEX_SARAH_OFFERED.name(), valid.area().socialServices());
        variables.put(DeviationProcess.LEX_MARIA_OFFERED.name(), valid.area().healthCare());
        variables.put(DeviationProcess.REPORTED_DATE.name(), Date.from(now));
        variables.put(DeviationProcess.DEADLINES.name(), deadlines.asVariable());
        variables.put(DeviationProcess.FOLLOW_UP_AFTER.name(), deadlines.followUpAfter().toString());
        return variables;
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
