package se.kommun.kvalitet.cases.attachments;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.cases.record.CaseEvent;
import se.kommun.kvalitet.cases.record.CaseNotFoundException;
import se.kommun.kvalitet.cases.record.CaseQueries;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.CitizenCase;
import se.kommun.kvalitet.cases.record.OfficerAccess;
import se.kommun.kvalitet.shared.UploadedFiles;

/**
 * Officers attach documents to a case. The type is decided by the file's content, not its name, and the
 * name's extension must agree with it: a renamed executable or {@code invoice.pdf.exe} is refused.
 */
@Service
@Transactional
public class CaseAttachments {

    static final long MAX_BYTES = 10L * 1024 * 1024;

    /** Extension → content type, for the kinds a case file needs: documents, photos, plain notes. */
    private static final Map<String, String> ALLOWED = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "txt", "text/plain");

    private final CaseWork work;
    private final CaseAttachmentRepository attachments;
    private final OfficerAccess access;
    private final Clock clock;

    CaseAttachments(CaseWork work, CaseAttachmentRepository attachments, OfficerAccess access, Clock clock) {
        this.work = work;
        this.attachments = attachments;
        this.access = access;
        this.clock = clock;
    }

    public CaseQueries.AttachmentInfo attach(String reference, String originalName, byte[] content,
            Authentication officer) {
        CitizenCase citizenCase = work.find(reference);
        access.require(citizenCase, officer);
        String name = safeName(originalName);
        if (content.length == 0) {
            throw new InvalidAttachmentException("empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidAttachmentException("tooLarge");
        }
        String declared = ALLOWED.get(UploadedFiles.extension(name));
        String detected = UploadedFiles.contentType(content).orElse(null);
        if (declared == null || detected == null) {
            throw new InvalidAttachmentException("type");
        }
        if (!declared.equals(detected)) {
            throw new InvalidAttachmentException("typeMismatch");
        }
        CaseAttachment saved = attachments.save(new CaseAttachment(citizenCase.id(), name, detected, content,
                Instant.now(clock), officer.getName()));
        citizenCase.record(CaseEvent.Kind.ATTACHMENT_ADDED, officer.getName(), name);
        return new CaseQueries.AttachmentInfo(saved.id(), saved.fileName(), saved.contentType(), saved.size(),
                saved.uploadedAt(), saved.uploadedBy());
    }

    @Transactional(readOnly = true)
    public CaseAttachment read(String reference, long id, Authentication officer) {
        CitizenCase citizenCase = work.find(reference);
        access.require(citizenCase, officer);
        return attachments.findByIdAndCitizenCaseId(id, citizenCase.id())
                .orElseThrow(() -> new CaseNotFoundException(reference + "/" + id));
    }

    static String safeName(String originalName) {
        if (!UploadedFiles.isSafeName(originalName)) {
            throw new InvalidAttachmentException("name");
        }
        return originalName;
    }

    public static String[] allowedExtensions() {
        return ALLOWED.keySet().stream().sorted().toArray(String[]::new);
    }
}
