package se.kommun.kvalitet.awards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import se.kommun.kvalitet.shared.FieldError;

/** The bad input of issue 25, refused with every error named, before anything could be stored. */
class AwardRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 9, 1);
    static final LocalDate CLOSING = LocalDate.of(2026, 10, 15);
    static final AwardCall CALL = AwardCall.open("UTM-2026-000001",
            List.of(new Category("QUALITY", "Kvalitetsutmärkelse"), new Category("INNOVATION", "Innovationspris")),
            RankingTest.CRITERIA, CLOSING, TODAY);

    static ApplicationForm form(Map<String, String> answers) {
        return new ApplicationForm("Hemtjänst Norr", "Eva Ek", "eva@example.se", "QUALITY", "care", answers, true);
    }

    static final Map<String, String> ALL_ANSWERS = Map.of("K1", "Brukarråd varje månad.",
            "K2", "Uppföljning per kvartal.", "K3", "Nöjdheten steg från 81 till 90 %.");

    @Test
    void aCompleteApplicationIsTakenThroughTheWholeClosingDate() {
        form(ALL_ANSWERS).validate(CALL, CLOSING);
        assertThat(CALL.year()).isEqualTo(2026);
    }

    @Test
    void afterTheClosingDateOnlyThatIsSaid() {
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> form(Map.of()).validate(CALL, CLOSING.plusDays(1)))
                .satisfies(e -> assertThat(e.errors()).singleElement()
                        .satisfies(error -> assertThat(error.rule()).isEqualTo("closed"))
                        .satisfies(error -> assertThat(error.message()).contains("2026-10-15")));
    }

    @Test
    void aMissingCriterionTextIsNamedByItsCriterion() {
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> form(Map.of("K1", "Brukarråd.", "K3", " ")).validate(CALL, TODAY))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::rule)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("answers.K2", "required"),
                                org.assertj.core.groups.Tuple.tuple("answers.K3", "required")));
    }

    @Test
    void anUnknownCategoryOrCriterionAndABadAddressAreRefused() {
        ApplicationForm bad = new ApplicationForm("Hemtjänst Norr", "Eva", "eva(at)example", "GOLD", "care",
                Map.of("K1", "a", "K2", "b", "K3", "c", "K9", "d"), false);
        assertThatExceptionOfType(InvalidAwardInputException.class).isThrownBy(() -> bad.validate(CALL, TODAY))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("contactEmail", "category", "answers.K9"));
    }

    @Test
    void aCallNeedsCriteriaWithTextsAndWeightsAndAFutureClosingDate() {
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> AwardCall.open("UTM-2026-000002", List.of(new Category("QUALITY", "Kvalitet")),
                        List.of(new Criterion("K1", "", 3), new Criterion("K1", "Resultat", 0)), TODAY, TODAY))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("criteria[1].code", "unique"),
                        org.assertj.core.groups.Tuple.tuple("criteria[0].title", "required"),
                        org.assertj.core.groups.Tuple.tuple("criteria[1].weight", "range"),
                        org.assertj.core.groups.Tuple.tuple("closingDate", "future")));
    }

    @Test
    void aScoreOutsideOneToFiveIsRefusedAndNoScoreOfTheApplicationIsKept() {
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> JuryScoring.check(CALL, Map.of(), "karin", "A",
                        Map.of("K1", 4, "K2", 6, "K3", 0), Map.of("K1", "Bra.", "K2", "Mycket bra.", "K3", "Svagt.")))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field, FieldError::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scores.K2", "range"),
                        org.assertj.core.groups.Tuple.tuple("scores.K3", "range")));
    }

    @Test
    void everyCriterionNeedsAScoreAndAComment() {
        assertThatExceptionOfType(InvalidAwardInputException.class)
                .isThrownBy(() -> JuryScoring.check(CALL, Map.of(), "karin", "A", Map.of("K1", 4, "K2", 3),
                        Map.of("K1", "Bra.", "K2", " ")))
                .satisfies(e -> assertThat(e.errors()).extracting(FieldError::field)
                        .containsExactly("comments.K2", "scores.K3", "comments.K3"));
    }

    @Test
    void scoringAnApplicationSheDeclaredAConflictOnIsRefused() {
        assertThatExceptionOfType(ConflictOfInterestException.class)
                .isThrownBy(() -> JuryScoring.check(CALL, Map.of("lena", Set.of("C")), "lena", "C",
                        Map.of("K1", 5, "K2", 5, "K3", 5), Map.of("K1", "x", "K2", "x", "K3", "x")))
                .satisfies(e -> assertThat(e.application()).isEqualTo("C"));
        assertThat(JuryScoring.check(CALL, Map.of("lena", Set.of("C")), "karin", "C",
                Map.of("K1", 5, "K2", 4, "K3", 4), Map.of("K1", "x", "K2", "x", "K3", "x"))).hasSize(3);
    }

    @Test
    void goodExamplesShowWinnersAndSharedApplicationsOfDecidedCallsOnly() {
        List<GoodExamples.Item> items = List.of(
                new GoodExamples.Item("B", 2026, "care", "QUALITY", "Hemtjänst Norr", "Brukarråd", true, true,
                        "Brukarna styr planeringen.", false),
                new GoodExamples.Item("C", 2026, "education", "QUALITY", "Skola Syd", "Elevråd", true, false, null,
                        true),
                new GoodExamples.Item("A", 2026, "care", "QUALITY", "Hemtjänst Väst", "Delat ej", true, false, null,
                        false),
                new GoodExamples.Item("E", 2027, "care", "INNOVATION", "Boende Öst", "Ej beslutad", false, false, null,
                        true));

        assertThat(GoodExamples.publicItems(items, Optional.empty(), Optional.empty()))
                .extracting(GoodExamples.Item::reference).containsExactly("B", "C");
        assertThat(GoodExamples.publicItems(items, Optional.of("care"), Optional.of(2026)))
                .singleElement().satisfies(item -> assertThat(item.motivation()).isEqualTo("Brukarna styr planeringen."));
        assertThat(GoodExamples.publicItems(items, Optional.empty(), Optional.of(2025))).isEmpty();
    }
}
