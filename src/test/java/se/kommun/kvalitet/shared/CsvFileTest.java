package se.kommun.kvalitet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the writer gives Excel, and that the one reader reads it back field for field. */
class CsvFileTest {

    @Test
    void aWrittenFileHasABomSemicolonsCrlfAndQuotesOnlyWhereNeeded() {
        byte[] written = CsvFile.write(List.of("provider", "amount"), List.of(
                List.of("Omsorg; Väst \"AB\"", "23 000,50"), Arrays.asList("Hemtjänsten i egen regi", null)));

        assertThat(Arrays.copyOf(written, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(written, 3, written.length - 3, StandardCharsets.UTF_8)).isEqualTo(
                "provider;amount\r\n\"Omsorg; Väst \"\"AB\"\"\";23 000,50\r\nHemtjänsten i egen regi;\r\n");
        CsvFile read = CsvFile.read(written, List.of("provider", "amount"), List.of(), 10);
        assertThat(read.rows()).hasSize(2);
        assertThat(read.value(read.rows().get(0), "provider")).isEqualTo("Omsorg; Väst \"AB\"");
        assertThat(read.value(read.rows().get(0), "amount")).isEqualTo("23 000,50");
        assertThat(read.value(read.rows().get(1), "amount")).isNull();
    }
}
