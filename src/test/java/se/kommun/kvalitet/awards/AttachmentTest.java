package se.kommun.kvalitet.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.shared.FieldError;

class AttachmentTest {

    static final byte[] PDF = "%PDF-1.7\n…".getBytes(StandardCharsets.UTF_8);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0};

    @Test
    void pdfAndImagesAreTakenByTheirContent() {
        assertThat(Attachment.check(List.of(new Attachment.Upload("rapport.pdf", PDF),
                new Attachment.Upload("bild.png", PNG))))
                .extracting(Attachment::contentType).containsExactly("application/pdf", "image/png");
    }

    @Test
    void overLargeWrongTypeAndRenamedFilesAreRefusedTogether() {
        byte[] large = Arrays.copyOf(PDF, (int) Attachment.MAX_BYTES + 1);
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> Attachment.check(List.of(new Attachment.Upload("stor.pdf", large),
                        new Attachment.Upload("anteckning.txt", "text".getBytes(StandardCharsets.UTF_8)),
                        new Attachment.Upload("bild.pdf", PNG),
                        new Attachment.Upload("program.pdf.exe", PDF))))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("attachments[0]", "tooLarge"),
                        org.assertj.core.groups.Tuple.tuple("attachments[1]", "type"),
                        org.assertj.core.groups.Tuple.tuple("attachments[2]", "type"),
                        org.assertj.core.groups.Tuple.tuple("attachments[3]", "name")));
    }

    @Test
    void atMostFiveFiles() {
        List<Attachment.Upload> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new Attachment.Upload("bilaga" + i + ".pdf", PDF)).toList();
        assertThatExceptionOfType(InvalidAwardInputException.class).isThrownBy(() -> Attachment.check(six))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::rule).containsExactly("count"));
    }
}
