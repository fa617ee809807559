package se.kommun.kvalitet.awards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.FieldError;

/**
 * The public pages: {@code /utmarkelser} (the open calls and the application form, with a draft to come back to and
 * attachments) and {@code /goda-exempel} (winners and shared applications of decided calls, by area, category and
 * year). Server-rendered, no JavaScript, POST-redirect-GET; a refused application stores nothing and shows every
 * error next to its field and in the summary at the top.
 */
@Controller
class AwardPagesController {

    private static final Pattern REFERENCE = Pattern.compile("[A-Z]{3}-\\d{4}-\\d{6}");
    private static final String FORM = "awards/form";

    private final AwardCalls calls;
    private final AwardApplications applications;
    private final AwardPublication publication;
    private final AwardJury jury;
    private final Organisation organisation;
    private final Clock clock;

    AwardPagesController(AwardCalls calls, AwardApplications applications, AwardPublication publication,
            AwardJury jury, Organisation organisation, Clock clock) {
        this.jury = jury;
        this.calls = calls;
        this.applications = applications;
        this.publication = publication;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** An error as the summary links it: the input's id and the message. */
    record Link(String anchor, String message) {
    }

    @GetMapping("/utmarkelser")
    String calls(Model model) {
        model.addAttribute("calls", calls.openCalls());
        return "awards/calls";
    }

    @GetMapping("/utmarkelser/{reference}")
    String form(@PathVariable String reference, Model model) {
        AwardRepository.StoredCall call = openCall(reference);
        return page(model, call, new ApplicationForm(null, null, null, null, null, Map.of(), false), null, List.of());
    }

    @GetMapping("/utmarkelser/utkast/{token}")
    String draft(@PathVariable String token, @RequestParam(name = "sparat", defaultValue = "false") boolean saved,
            Model model, HttpServletResponse response) {
        // The personal link is the draft's only credential: it must not leave in a Referer header.
        response.setHeader("Referrer-Policy", "no-referrer");
        AwardRepository.StoredApplication draft = applications.draft(token).orElseThrow(AwardPagesController::notFound);
        // After the closing date the link still opens: the page then says the call is closed.
        AwardRepository.StoredCall call = calls.find(draft.callId()).orElseThrow(AwardPagesController::notFound);
        model.addAttribute("saved", saved);
        return page(model, call, new ApplicationForm(draft.applicant(), draft.contactName(), draft.contactEmail(),
                draft.category(), draft.area(), draft.answers(), draft.shareAllowed()), token, List.of());
    }

    @PostMapping("/utmarkelser/{reference}")
    String submit(@PathVariable String reference, @RequestParam MultiValueMap<String, String> fields,
            @RequestParam(name = "attachments", required = false) List<MultipartFile> files, Model model,
            HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        AwardRepository.StoredCall call = calls.find(reference).orElseThrow(AwardPagesController::notFound);
        Map<String, String> answers = new LinkedHashMap<>();
        call.call().criteria().forEach(criterion -> {
            String text = fields.getFirst("answer_" + criterion.code());
            if (text != null) {
                answers.put(criterion.code(), text);
            }
        });
        ApplicationForm form = new ApplicationForm(trimmed(fields.getFirst("applicant")),
                trimmed(fields.getFirst("contactName")), trimmed(fields.getFirst("contactEmail")),
                trimmed(fields.getFirst("category")), trimmed(fields.getFirst("area")), answers,
                "true".equals(fields.getFirst("shareAllowed")));
        String token = fields.getFirst("token");
        try {
            if ("draft".equals(fields.getFirst("action"))) {
                String saved = applications.saveDraft(call, form, token);
                return "redirect:/utmarkelser/utkast/" + saved + "?sparat=true";
            }
            String submitted = applications.submit(call, form, uploads(files), token);
            return "redirect:/utmarkelser/tack?ref=" + submitted;
        } catch (InvalidAwardInputException refused) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return page(model, call, form, applications.draft(token).isPresent() ? token : null, refused.errors());
        }
    }

    /** The reference only echoes what the redirect carried, so it must look like one; nothing is looked up. */
    @GetMapping("/utmarkelser/tack")
    String thanks(@RequestParam(name = "ref", required = false) String reference, Model model) {
        if (reference == null || !REFERENCE.matcher(reference).matches()) {
            return "redirect:/utmarkelser";
        }
        model.addAttribute("reference", reference);
        return "awards/thanks";
    }

    @GetMapping("/goda-exempel")
    String goodExamples(@RequestParam(required = false) String area, @RequestParam(required = false) String year,
            @RequestParam(required = false) String category, Model model) {
        Optional<Integer> wantedYear = Optional.ofNullable(year).filter(y -> y.matches("\\d{4}")).map(Integer::valueOf);
        model.addAttribute("yearError", year != null && !year.isBlank() && wantedYear.isEmpty());
        model.addAttribute("examples", publication.examples(Optional.ofNullable(area).filter(a -> !a.isBlank()),
                wantedYear, Optional.ofNullable(category).filter(c -> !c.isBlank())));
        model.addAttribute("areas", publication.areas());
        model.addAttribute("years", publication.years());
        model.addAttribute("categories", publication.categories());
        model.addAttribute("area", area);
        model.addAttribute("year", wantedYear.orElse(null));
        model.addAttribute("category", category);
        return "awards/good-examples";
    }

    private String page(Model model, AwardRepository.StoredCall call, ApplicationForm form, String token,
            List<FieldError> errors) {
        Map<String, String> fieldErrors = new LinkedHashMap<>();
        List<Link> links = new ArrayList<>();
        for (FieldError error : errors) {
            String field = error.field().startsWith("attachments") ? "attachments" : error.field();
            fieldErrors.merge(field, error.message(), (first, next) -> first + " " + next);
            links.add(new Link(anchor(field), error.message()));
        }
        model.addAttribute("call", call.call());
        model.addAttribute("open", call.status() == AwardRepository.CallStatus.OPEN
                && call.call().acceptsApplicationsOn(LocalDate.now(clock)));
        model.addAttribute("form", form);
        model.addAttribute("token", token);
        model.addAttribute("areas", organisation.units());
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("errorLinks", links);
        return FORM;
    }

    private static String anchor(String field) {
        if (field.startsWith("answers.")) {
            return "answer-" + field.substring("answers.".length());
        }
        if (field.equals("call")) {
            return "main";
        }
        return field;
    }

    /** A call that exists; a closed one still shows its page, which says so. */
    private AwardRepository.StoredCall openCall(String reference) {
        return calls.find(reference).orElseThrow(AwardPagesController::notFound);
    }

    /**
     * An application as the jury reads it (jury, chairs, award administrators): the texts and the attachments. A
     * jury member who declared a conflict of interest on it gets 404, as for an application that does not exist.
     */
    @GetMapping("/utmarkelser/ansokningar/{reference}")
    String application(@PathVariable String reference, Authentication authentication, Model model) {
        AwardJury.Reading reading = jury.reading(reference, authentication.getName())
                .orElseThrow(AwardPagesController::notFound);
        model.addAttribute("reading", reading);
        return "awards/application";
    }

    @GetMapping("/utmarkelser/ansokningar/{reference}/bilagor/{id}")
    ResponseEntity<byte[]> attachment(@PathVariable String reference, @PathVariable long id,
            Authentication authentication) {
        AwardRepository.StoredAttachment file = jury.reading(reference, authentication.getName()).stream()
                .flatMap(reading -> reading.attachments().stream()).filter(a -> a.id() == id).findFirst()
                .orElseThrow(AwardPagesController::notFound);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(file.content());
    }

    private static List<Attachment.Upload> uploads(List<MultipartFile> files) {
        List<Attachment.Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            // A file input left empty still sends a part without a name.
            if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())) {
                continue;
            }
            try {
                uploads.add(new Attachment.Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uploads;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.strip();
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
