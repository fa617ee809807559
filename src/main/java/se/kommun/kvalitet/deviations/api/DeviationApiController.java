package se.kommun.kvalitet.deviations.api;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.kommun.kvalitet.deviations.intake.DeviationIntake;
import se.kommun.kvalitet.deviations.intake.NewDeviation;
import se.kommun.kvalitet.deviations.record.Deviation;
import se.kommun.kvalitet.deviations.record.DeviationRepository;
import se.kommun.kvalitet.deviations.record.DeviationStatus;
import se.kommun.kvalitet.web.ProblemApi;

/** Staff report deviations; the unit's managers, quality, MAS (lex Maria) and process owners read them. */
@RestController
@ProblemApi
@RequestMapping(path = "/api/deviations", produces = {MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class DeviationApiController {

    private final DeviationIntake intake;
    private final DeviationRepository repository;
    private final DeviationAccess access;

    DeviationApiController(DeviationIntake intake, DeviationRepository repository, DeviationAccess access) {
        this.intake = intake;
        this.repository = repository;
        this.access = access;
    }

    record ReportResponse(String reference, DeviationStatus status) {
    }

    /** What a reader sees: the whole record, IVO reports included. */
    record DeviationDetails(String reference, String area, String unit, Instant occurredAt, Instant reportedAt,
            String reportedBy, String place, String description, String immediateMeasures, String affectedPersonRef,
            DeviationStatus status, Integer consequence, Integer likelihood, String riskLevel, Boolean lexSarah,
            Boolean lexMaria, String lexSarahInvestigation, Boolean lexSarahSerious, String lexSarahSeriousReason,
            String lexMariaInvestigation, Map<String, String> ivoReferences, String rootCauseCategory,
            String rootCause, String measures, String measureOwner, LocalDate measureDueOn, int followUps,
            Boolean measureEffective, String learningSummary, Instant closedAt) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ReportResponse> report(@RequestBody NewDeviation deviation, Authentication authentication) {
        DeviationIntake.Reported reported = intake.report(deviation, authentication.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/deviations/" + reported.reference()))
                .body(new ReportResponse(reported.reference(), reported.status()));
    }

    @GetMapping("/{reference}")
    DeviationDetails read(@PathVariable String reference, Authentication authentication) {
        Deviation d = repository.require(reference);
        access.require(d, authentication);
        return new DeviationDetails(d.reference(), d.area().name(), d.unit(), d.occurredAt(), d.reportedAt(),
                d.reportedBy(), d.place(), d.description(), d.immediateMeasures(), d.affectedPersonRef(), d.status(),
                d.consequence(), d.likelihood(), d.riskLevel(), d.lexSarah(), d.lexMaria(), d.lexSarahInvestigation(),
                d.lexSarahSerious(), d.lexSarahSeriousReason(), d.lexMariaInvestigation(),
                repository.ivoReferences(reference), d.rootCauseCategory(), d.rootCause(), d.measures(),
                d.measureOwner(), d.measureDueOn(), d.followUps(), d.measureEffective(), d.learningSummary(),
                d.closedAt());
    }
}
