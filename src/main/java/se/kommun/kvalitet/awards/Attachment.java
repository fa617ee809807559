package se.kommun.kvalitet.awards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import se.kommun.kvalitet.shared.UploadedFiles;
import se.kommun.kvalitet.shared.FieldError;

/**
 * An attachment to an application: PDF or an image (PNG, JPEG), at most {@value #MAX_BYTES} bytes, at most
 * {@value #MAX_FILES} per application. The type check is the shared one ({@link UploadedFiles}): by content, and the
 * name's extension must agree.
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    static final long MAX_BYTES = 10L * 1024 * 1024;
    static final int MAX_FILES = 5;

    private static final Map<String, String> ALLOWED = Map.of(
            "pdf", "application/pdf",
            "png", "image/png",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg");

    /** An upload as the page hands it over: the browser's name and the bytes. */
    public record Upload(String fileName, byte[] content) {
    }

    /** Every refused file named, or the attachments to store. */
    public static List<Attachment> check(List<Upload> uploads) {
        List<FieldError> errors = new ArrayList<>();
        List<Attachment> accepted = new ArrayList<>();
        if (uploads.size() > MAX_FILES) {
            errors.add(new FieldError("attachments", "count", "Högst %d bilagor.".formatted(MAX_FILES)));
        }
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            String field = "attachments[" + i + "]";
            if (!UploadedFiles.isSafeName(upload.fileName())) {
                errors.add(new FieldError(field, "name", "Filnamnet ska vara ett vanligt filnamn med en ändelse."));
                continue;
            }
            if (upload.content().length == 0) {
                errors.add(new FieldError(field, "empty", upload.fileName() + " är tom."));
                continue;
            }
            if (upload.content().length > MAX_BYTES) {
                errors.add(new FieldError(field, "tooLarge", upload.fileName() + " är större än 10 MB."));
                continue;
            }
            String declared = ALLOWED.get(UploadedFiles.extension(upload.fileName()));
            String detected = UploadedFiles.contentType(upload.content()).orElse(null);
            if (declared == null || detected == null || !declared.equals(detected)) {
                errors.add(new FieldError(field, "type", upload.fileName()
                        + " är inte en PDF eller en bild (PNG, JPEG), eller ändelsen stämmer inte med innehållet."));
                continue;
            }
            accepted.add(new Attachment(upload.fileName(), detected, upload.content()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidAwardInputException(errors);
        }
        return List.copyOf(accepted);
    }
}
