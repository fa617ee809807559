package se.kommun.kvalitet.awards;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.reference.ReferenceNumbers;
import se.kommun.kvalitet.shared.FieldError;

/**
 * Opening a call (an award administrator, {@code POST /api/awards/calls}): the rules of {@link AwardCall#open}, a jury
 * of members of the jury group, the tables and the process {@code qualityAward} in one transaction.
 */
@Service
class AwardCalls {

    /** What the administrator sends; the jury are user ids of the jury group. */
    record OpenCall(List<Category> categories, List<Criterion> criteria, LocalDate closingDate, List<String> jury) {
    }

    private final AwardRepository repository;
    private final ReferenceNumbers referenceNumbers;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Organisation organisation;
    private final Clock clock;
    private final int reminderDaysBefore;
    private final int juryDays;

    AwardCalls(AwardRepository repository, ReferenceNumbers referenceNumbers, RuntimeService runtimeService,
            IdentityService identityService, Organisation organisation, Clock clock,
            @Value("${kvalitet.awards.reminder-days-before}") int reminderDaysBefore,
            @Value("${kvalitet.awards.jury-days}") int juryDays) {
        this.juryDays = juryDays;
        this.repository = repository;
        this.referenceNumbers = referenceNumbers;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.organisation = organisation;
        this.clock = clock;
        this.reminderDaysBefore = reminderDaysBefore;
    }

    @Transactional
    AwardCall open(OpenCall request, String openedBy) {
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        AwardCall checked = null;
        try {
            checked = AwardCall.open(null, request.categories(), request.criteria(), request.closingDate(), today);
        } catch (InvalidAwardInputException refused) {
            errors.addAll(refused.errors());
        }
        List<String> jury = request.jury() == null ? List.of() : List.copyOf(new LinkedHashSet<>(request.jury()));
        if (jury.isEmpty()) {
            errors.add(new FieldError("jury", "required", "Ange juryns ledamöter (användar-id)."));
        }
        for (int i = 0; i < jury.size(); i++) {
            String member = jury.get(i);
            if (member == null || identityService.createUserQuery().userId(member)
                    .memberOfGroup(organisation.awardGroups().jury()).count() == 0) {
                errors.add(new FieldError("jury[" + i + "]", "juryGroup", member + " är inte med i gruppen "
                        + organisation.awardGroups().jury() + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        AwardCall call = new AwardCall(referenceNumbers.next(AwardProcess.CALL_PREFIX), checked.year(),
                checked.categories(), checked.criteria(), checked.closingDate());
        repository.insertCall(call, clock.instant(), openedBy, jury);
        Map<String, Object> variables = new HashMap<>();
        variables.put(AwardProcess.CALL.name(), call.reference());
        variables.put(AwardProcess.CLOSES_AT.name(), Date.from(call.closingDate().plusDays(1)
                .atStartOfDay(clock.getZone()).toInstant()));
        variables.put(AwardProcess.REMINDER_AT.name(), Date.from(call.closingDate().minusDays(reminderDaysBefore)
                .atTime(LocalTime.of(9, 0)).atZone(clock.getZone()).toInstant()));
        variables.put(AwardProcess.JURY_DUE_AT.name(), Date.from(call.closingDate().plusDays(juryDays)
                .atTime(LocalTime.of(9, 0)).atZone(clock.getZone()).toInstant()));
        runtimeService.startProcessInstanceByKey(AwardProcess.PROCESS_KEY, call.reference(), variables);
        return call;
    }

    /** The calls taking applications today, soonest closing first. */
    List<AwardRepository.StoredCall> openCalls() {
        return repository.openCalls(LocalDate.now(clock));
    }

    Optional<AwardRepository.StoredCall> find(String reference) {
        return repository.call(reference);
    }

    Optional<AwardRepository.StoredCall> find(long id) {
        return repository.call(id);
    }
}
