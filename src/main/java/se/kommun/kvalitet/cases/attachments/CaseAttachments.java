package se.kommun.kvalitet.cases.attachments;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
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

/**
 * Officers attach documents to a case. The type is decided by the file's content, not its name, and the
 * name's extension must agree with it: a renamed executable or {@code invoice.pdf.exe} is refused.
 */
@Service
@Transactional
public class CaseAttachments {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_NAME = 200;

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
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String declared = ALLOWED.get(extension);
        String detected = detect(content);
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

    /** The last path segment only, no control characters, exactly one extension from the allowed list. */
    static String safeName(String originalName) {
        if (originalName == null) {
            throw new InvalidAttachmentException("name");
        }
        String name = originalName.substring(Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\')) + 1)
                .strip();
        boolean hasControl = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        long dots = name.chars().filter(c -> c == '.').count();
        if (name.isEmpty() || name.length() > MAX_NAME || hasControl || dots != 1 || name.startsWith(".")
                || !originalName.equals(name)) {
            throw new InvalidAttachmentException("name");
        }
        return name;
    }

    static String detect(byte[] content) {
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return isPlainText(content) ? "text/plain" : null;
    }

    private static boolean startsWith(byte[] content, int... magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((content[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Valid UTF-8 without NUL or other binary control characters (tabs and line breaks are fine). */
    private static boolean isPlainText(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return text.chars().noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r');
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    public static String[] allowedExtensions() {
        return ALLOWED.keySet().stream().sorted().toArray(String[]::new);
    }
}
