package se.kommun.kvalitet.awards;

/**
 * A jury member tried to score an application she declared a conflict of interest on: refused as a 409 problem,
 * nothing stored. Separate from {@link InvalidAwardInputException} because the input is fine, the person is not.
 */
public class ConflictOfInterestException extends RuntimeException {

    private final String member;
    private final String application;

    ConflictOfInterestException(String member, String application) {
        super("Jury member " + member + " declared a conflict of interest on " + application);
        this.member = member;
        this.application = application;
    }

    public String member() {
        return member;
    }

    public String application() {
        return application;
    }
}
