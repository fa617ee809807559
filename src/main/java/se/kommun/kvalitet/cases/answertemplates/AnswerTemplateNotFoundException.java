package se.kommun.kvalitet.cases.answertemplates;

class AnswerTemplateNotFoundException extends RuntimeException {

    AnswerTemplateNotFoundException(long id) {
        super("No answer template " + id);
    }
}
