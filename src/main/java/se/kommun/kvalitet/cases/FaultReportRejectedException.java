package se.kommun.kvalitet.cases;

import java.util.List;

/** A refused fault report: each problem names the field of {@link FaultReports.Report} and says why. */
public class FaultReportRejectedException extends RuntimeException {

    /** @param field a component of {@link FaultReports.Report}, e.g. {@code latitude} */
    public record Problem(String field, String message) {
    }

    private final transient List<Problem> problems;

    public FaultReportRejectedException(List<Problem> problems) {
        super("Fault report refused: " + problems.size() + " problem(s)");
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
