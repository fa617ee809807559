package se.kommun.kvalitet.cases.api;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import se.kommun.kvalitet.cases.attachments.CaseAttachment;
import se.kommun.kvalitet.cases.attachments.CaseAttachments;
import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.intake.InvalidIdempotencyKeyException;
import se.kommun.kvalitet.cases.intake.NewCase;
import se.kommun.kvalitet.cases.record.CaseQueries;
import se.kommun.kvalitet.cases.record.CaseStatus;
import se.kommun.kvalitet.cases.record.Categories;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.web.ProblemApi;

/** The JSON API for e-service platforms (intake) and for officers (reading a case). */
@RestController
@ProblemApi
@RequestMapping(path = "/api", produces = {MediaType.APPLICATION_JSON_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
class CaseApiController {

    private static final Duration CATEGORIES_MAX_AGE = Duration.ofMinutes(5);

    private final CaseIntake intake;
    private final CaseQueries queries;
    private final Categories categories;
    private final CaseAttachments attachments;

    CaseApiController(CaseIntake intake, CaseQueries queries, Categories categories, CaseAttachments attachments) {
        this.intake = intake;
        this.queries = queries;
        this.categories = categories;
        this.attachments = attachments;
    }

    record SubmissionResponse(String reference, CaseStatus status, String statusUrl) {
    }

    @PostMapping(path = "/cases", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<SubmissionResponse> submit(@RequestBody NewCase matter,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            Authentication authentication) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidIdempotencyKeyException();
        }
        String officer = authentication == null ? null : authentication.getName();
        CaseIntake.Submission submission = intake.submit(matter, Channel.API,
                officer, idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/cases/" + submission.reference()))
                .header("Idempotent-Replayed", String.valueOf(submission.replayed()))
                .body(new SubmissionResponse(submission.reference(), submission.status(), submission.statusUrl()));
    }

    @GetMapping("/cases/{reference}")
    CaseQueries.CaseDetails read(@PathVariable String reference, Authentication authentication) {
        return queries.forOfficer(reference, authentication);
    }

    @PostMapping(path = "/cases/{reference}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CaseQueries.AttachmentInfo> attach(@PathVariable String reference,
            @RequestParam("file") MultipartFile file, Authentication authentication) throws IOException {
        CaseQueries.AttachmentInfo attachment = attachments.attach(reference, file.getOriginalFilename(),
                file.getBytes(), authentication);
        return ResponseEntity.created(URI.create("/api/cases/" + reference + "/attachments/" + attachment.id()))
                .body(attachment);
    }

    @GetMapping(path = "/cases/{reference}/attachments/{id}", produces = MediaType.ALL_VALUE)
    ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable long id,
            Authentication authentication) {
        CaseAttachment attachment = attachments.read(reference, id, authentication);
        // Always a download, never rendered inline: the content was uploaded by someone else.
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(attachment.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(attachment.content());
    }

    /**
     * The same list for everyone until the next deploy: browsers and proxies may keep it a few minutes, then
     * revalidate with the entity tag (304 without a body). Spring MVC answers If-None-Match itself.
     */
    @GetMapping("/categories")
    ResponseEntity<byte[]> categories() {
        Categories.Published published = categories.published();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .eTag(published.etag())
                .cacheControl(CacheControl.maxAge(CATEGORIES_MAX_AGE).cachePublic())
                .body(published.json());
    }
}
