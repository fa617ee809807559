package se.kommun.kvalitet.cases.survey;

/** No survey has this token: says nothing about any case. */
class SurveyNotFoundException extends RuntimeException {

    SurveyNotFoundException() {
        super("No survey with this token");
    }
}
