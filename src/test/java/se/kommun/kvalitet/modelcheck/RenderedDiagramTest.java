package se.kommun.kvalitet.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/**
 * docs/processes.md shows each process as docs/img/&lt;name&gt;.svg, drawn by tools/render-diagrams from the BPMN;
 * the picture names the SHA-256 of the model it was drawn from, so a changed model with an old picture fails here.
 */
class RenderedDiagramTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path PICTURES = Path.of("docs/img");

    @Test
    void everyProcessHasAPictureDrawnFromItsCurrentModel() throws IOException {
        assertThat(ModelChecker.files(PROCESSES, ".bpmn")).isNotEmpty().allSatisfy(model -> {
            String name = model.getFileName().toString().replaceFirst("\\.bpmn$", "");
            Path picture = PICTURES.resolve(name + ".svg");
            assertThat(picture).as("picture of " + model).exists();
            assertThat(Files.readString(picture)).as(picture + " is older than " + model
                            + ": run `npm ci && npm run render` in tools/render-diagrams")
                    .contains("from processes/" + model.getFileName() + ", source sha256 " + sha256(model) + ".");
            assertThat(Files.readString(Path.of("docs/processes.md"))).as("docs/processes.md shows " + picture)
                    .contains("(img/" + name + ".svg)");
        });
    }

    /** Of the text with line endings normalised, as the render script hashes it. */
    private static String sha256(Path file) {
        try {
            String text = Files.readString(file).replace("\r\n", "\n");
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
