package se.kommun.kvalitet.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The one check of an uploaded file, for every module that takes attachments: the type is decided by the file's
 * content, not its name, and the name must be a plain file name with exactly one extension. Each module keeps its
 * own list of allowed types and its own size limit.
 */
public final class UploadedFiles {

    public static final int MAX_NAME = 200;

    private UploadedFiles() {
    }

    /** The last path segment only, no control characters, exactly one extension, nothing stripped. */
    public static boolean isSafeName(String originalName) {
        if (originalName == null) {
            return false;
        }
        String name = originalName.substring(Math.max(originalName.lastIndexOf('/'), originalName.lastIndexOf('\\'))
                + 1).strip();
        boolean hasControl = name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
        long dots = name.chars().filter(c -> c == '.').count();
        return !name.isEmpty() && name.length() <= MAX_NAME && !hasControl && dots == 1 && !name.startsWith(".")
                && originalName.equals(name);
    }

    /** The extension of a name {@link #isSafeName} accepted, in lower case. */
    public static String extension(String safeName) {
        return safeName.substring(safeName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    /** PDF, PNG, JPEG or UTF-8 plain text, by the first bytes; anything else is empty. */
    public static Optional<String> contentType(byte[] content) {
        if (startsWith(content, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        if (startsWith(content, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(content, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        return isPlainText(content) ? Optional.of("text/plain") : Optional.empty();
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
}
