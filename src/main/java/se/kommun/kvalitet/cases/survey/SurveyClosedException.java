package se.kommun.kvalitet.cases.survey;

/** The survey was answered already or its link has expired (410 Gone). */
class SurveyClosedException extends RuntimeException {

    SurveyClosedException() {
        super("Survey answered or expired");
    }
}
