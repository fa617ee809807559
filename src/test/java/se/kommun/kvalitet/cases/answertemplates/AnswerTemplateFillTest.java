package se.kommun.kvalitet.cases.answertemplates;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTemplateFillTest {

    @Test
    void everyPlaceholderIsReplacedWhereverItStands() {
        String filled = AnswerTemplates.fill("{referens} inkom {inkom}. {referens}: {enhet}, {handläggare}.",
                Map.of(AnswerTemplates.REFERENCE, "SYN-2026-000001", AnswerTemplates.RECEIVED, "2026-05-04",
                        AnswerTemplates.UNIT, "Vård och omsorg", AnswerTemplates.OFFICER, "Björn Berg"));

        assertThat(filled).isEqualTo("SYN-2026-000001 inkom 2026-05-04. SYN-2026-000001: Vård och omsorg, Björn Berg.");
    }

    @Test
    void unknownBracesAreLeftAsWritten() {
        assertThat(AnswerTemplates.fill("{okänd} {referens}", Map.of(AnswerTemplates.REFERENCE, "X")))
                .isEqualTo("{okänd} X");
    }
}
