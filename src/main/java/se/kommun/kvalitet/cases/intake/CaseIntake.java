package se.kommun.kvalitet.cases.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import se.kommun.kvalitet.cases.process.CaseProcess;
import se.kommun.kvalitet.cases.record.CaseStatus;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.cases.record.CitizenCase;
import se.kommun.kvalitet.cases.record.CitizenCaseRepository;
import se.kommun.kvalitet.cases.status.CaseLinks;
import se.kommun.kvalitet.reference.ReferenceNumbers;

/**
 * Receives a matter: validates it, stores the case and starts its process in one transaction, so a caller
 * that got a reference always has a case with a running process, and a refused request leaves nothing.
 */
@Service
public class CaseIntake {

    private final NewCaseValidator validator;
    private final CitizenCaseRepository cases;
    private final ReferenceNumbers referenceNumbers;
    private final RuntimeService runtimeService;
    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final CaseLinks links;
    private final Clock clock;

    CaseIntake(NewCaseValidator validator, CitizenCaseRepository cases, ReferenceNumbers referenceNumbers,
            RuntimeService runtimeService, JdbcTemplate jdbc, ObjectMapper objectMapper, CaseLinks links,
            Clock clock) {
        this.validator = validator;
        this.cases = cases;
        this.referenceNumbers = referenceNumbers;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.links = links;
        this.clock = clock;
    }

    public record Submission(String reference, CaseStatus status, String statusUrl, boolean replayed) {
    }

    /** Which client application sent the matter (null: our own channels), and a photo link it sent with it. */
    public record Origin(String sourceApp, String mediaUrl) {

        static final Origin NONE = new Origin(null, null);
    }

    /**
     * @param officer the authenticated officer registering the matter, or null for the public
     * @param idempotencyKey optional; the same key with the same body returns the first case
     */
    @Transactional
    public Submission submit(NewCase input, Channel channel, String officer, String idempotencyKey) {
        return submit(input, channel, officer, idempotencyKey, Origin.NONE);
    }

    @Transactional
    public Submission submit(NewCase input, Channel channel, String officer, String idempotencyKey, Origin origin) {
        NewCase matter = validated(input, officer != null);
        String requestHash = idempotencyKey == null ? null : hash(matter);
        if (idempotencyKey != null) {
            Optional<Submission> earlier = earlierSubmission(idempotencyKey, requestHash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        CitizenCase citizenCase = store(matter, channel, officer, idempotencyKey, requestHash, origin);
        String reference = citizenCase.reference();
        runtimeService.startProcessInstanceByKey(CaseProcess.PROCESS_KEY, reference, Map.of(
                CaseProcess.CASE_REFERENCE.name(), reference,
                CaseProcess.CASE_TYPE.name(), matter.type().name(),
                CaseProcess.CATEGORY.name(), matter.category(),
                CaseProcess.RECEIVED_DATE.name(), Date.from(citizenCase.receivedAt()),
                CaseProcess.CASE_SUMMARY.name(), CaseProcess.summary(matter.description())));
        return new Submission(reference, citizenCase.status(), links.statusUrl(reference), false);
    }

    /** An officer registered a letter, call or visit through Tasklist's start form: the process runs already. */
    @Transactional
    public String registerInRunningProcess(NewCase input, Channel channel, String officer) {
        return store(validated(input, true), channel, officer, null, null, Origin.NONE).reference();
    }

    private NewCase validated(NewCase input, boolean registeredByOfficer) {
        NewCase matter = input.normalized();
        Errors errors = new BeanPropertyBindingResult(matter, "newCase");
        validator.validate(matter, registeredByOfficer, errors);
        if (errors.hasErrors()) {
            throw new InvalidCaseException(errors);
        }
        return matter;
    }

    private CitizenCase store(NewCase matter, Channel channel, String officer, String idempotencyKey, String requestHash,
            Origin origin) {
        String reference = referenceNumbers.next(matter.type().referencePrefix());
        CitizenCase citizenCase = new CitizenCase(reference, matter, channel, Instant.now(clock), officer);
        citizenCase.cameFrom(origin.sourceApp(), origin.mediaUrl());
        if (idempotencyKey != null) {
            citizenCase.rememberIdempotency(idempotencyKey, requestHash);
        }
        return cases.save(citizenCase);
    }

    /**
     * Concurrent requests with one key queue on a transaction-scoped advisory lock, so the second sees the
     * first's committed case instead of racing it into a unique-key violation.
     */
    private Optional<Submission> earlierSubmission(String idempotencyKey, String requestHash) {
        jdbc.queryForObject("select pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class, idempotencyKey);
        return cases.findByIdempotencyKey(idempotencyKey).map(earlier -> {
            if (!earlier.requestHash().equals(requestHash)) {
                throw new IdempotencyKeyReusedException(idempotencyKey);
            }
            return new Submission(earlier.reference(), earlier.status(), links.statusUrl(earlier.reference()), true);
        });
    }

    private String hash(NewCase matter) {
        try {
            byte[] json = objectMapper.writeValueAsBytes(matter);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash request", e);
        }
    }
}
