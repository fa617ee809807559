package se.kommun.kvalitet.cases.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.cases.attachments.CaseAttachmentRepository;
import se.kommun.kvalitet.shared.ClockConfiguration;

/** Reads cases for officers (their units only) and categories for everyone. */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    private final CitizenCaseRepository cases;
    private final Categories categories;
    private final CaseAttachmentRepository attachments;
    private final OfficerAccess access;

    CaseQueries(CitizenCaseRepository cases, Categories categories, CaseAttachmentRepository attachments,
            OfficerAccess access) {
        this.cases = cases;
        this.categories = categories;
        this.attachments = attachments;
        this.access = access;
    }

    record HistoryEntry(Instant at, String kind, String actor, String detail) {
    }

    public record CaseDetails(String reference, CaseType type, String category, CaseStatus status, String unit,
            LocalDate receivedDate, LocalDate dueDate, String priority, String description, String address,
            String findings, String measures, String rootCause, String feedback, String forwardedTo,
            String linkedReference, boolean anonymous, String sourceApp, List<AttachmentInfo> attachments,
            List<HistoryEntry> history) {
    }

    public record AttachmentInfo(long id, String fileName, String contentType, long size, Instant uploadedAt,
            String uploadedBy) {

        static AttachmentInfo of(CaseAttachmentRepository.Summary attachment) {
            return new AttachmentInfo(attachment.getId(), attachment.getFileName(), attachment.getContentType(),
                    attachment.getSize(), attachment.getUploadedAt(), attachment.getUploadedBy());
        }
    }

    /** What the citizen sees on the status page: no description, contact details or officers' notes. */
    public record CitizenView(String reference, CaseType type, String categoryLabel, CaseStatus status,
            LocalDate receivedDate, String feedback, String forwardedTo, String linkedReference, boolean open) {
    }

    public Optional<CitizenView> forCitizen(String reference, Locale locale) {
        return cases.findByReference(reference).map(citizenCase -> new CitizenView(citizenCase.reference(),
                citizenCase.type(), categories.find(citizenCase.category()).map(category -> category.label(locale))
                        .orElse(citizenCase.category()), citizenCase.status(),
                LocalDate.ofInstant(citizenCase.receivedAt(), ClockConfiguration.MUNICIPAL_ZONE),
                citizenCase.feedback(), citizenCase.forwardedTo(), citizenCase.linkedReference(),
                citizenCase.isOpen()));
    }

    public CaseDetails forOfficer(String reference, Authentication authentication) {
        CitizenCase citizenCase = cases.findByReference(reference)
                .orElseThrow(() -> new CaseNotFoundException(reference));
        access.require(citizenCase, authentication);
        return new CaseDetails(citizenCase.reference(), citizenCase.type(), citizenCase.category(),
                citizenCase.status(), citizenCase.candidateGroup(),
                LocalDate.ofInstant(citizenCase.receivedAt(), ClockConfiguration.MUNICIPAL_ZONE),
                citizenCase.dueDate(), citizenCase.priority(), citizenCase.description(), citizenCase.address(),
                citizenCase.findings(), citizenCase.measures(), citizenCase.rootCause(), citizenCase.feedback(),
                citizenCase.forwardedTo(), citizenCase.linkedReference(), !citizenCase.hasEmail(), citizenCase.sourceApp(),
                attachments.findAllByCitizenCaseIdOrderById(citizenCase.id()).stream().map(AttachmentInfo::of).toList(),
                citizenCase.events().stream().map(event -> new HistoryEntry(event.occurredAt(),
                        event.kind().name(), event.actor(), event.detail())).toList());
    }

}
