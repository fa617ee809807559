package se.kommun.kvalitet.cases.answertemplates;

/** What an editor sends to create or change a template; {@code active} defaults to true, the order to 0. */
public record AnswerTemplateDraft(String category, AnswerTemplate.Step step, String title, String textSv,
                                  String textEn, Boolean active, Integer sortOrder) {

    public static final int MAX_TITLE = 100;
    public static final int MAX_TEXT = 4000;
}
