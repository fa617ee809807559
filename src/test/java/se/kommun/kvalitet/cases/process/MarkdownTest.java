package se.kommun.kvalitet.cases.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Citizen text in a form's text component (form-js: template, then markdown, then sanitised HTML). */
class MarkdownTest {

    @Test
    void markupAndMarkdownAreNeutralisedAndLinesKept() {
        assertThat(Markdown.escape("<img src=x onerror=alert(1)> & **fet**\n# rubrik\n[a](b)"))
                .isEqualTo("&lt;img src\\=x onerror\\=alert\\(1\\)&gt; &amp; \\*\\*fet\\*\\*  \n\\# rubrik  \n"
                        + "\\[a\\]\\(b\\)");
    }

    @Test
    void plainSwedishTextIsUnchanged() {
        assertThat(Markdown.escape("Hemtjänsten kom inte i tid")).isEqualTo("Hemtjänsten kom inte i tid");
    }
}
