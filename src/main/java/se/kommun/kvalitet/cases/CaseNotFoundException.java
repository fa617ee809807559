package se.kommun.kvalitet.cases;

class CaseNotFoundException extends RuntimeException {

    CaseNotFoundException(String reference) {
        super("No case " + reference);
    }
}
