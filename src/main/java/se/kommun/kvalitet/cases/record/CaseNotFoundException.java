package se.kommun.kvalitet.cases.record;

public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String reference) {
        super("No case " + reference);
    }
}
