package se.kommun.kvalitet.organisation;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A model names groups the organisation does not have. A {@link ParseException}, so every deployment path
 * reports it like any other model error: one resource report per file, one problem per element and group
 * (the redeploy API's {@code errors}, engine REST's {@code details}).
 */
class UnknownGroupsException extends ParseException {

    UnknownGroupsException(List<ModelGroupCheck.Violation> violations) {
        super("Driftsättningen nekades / deployment refused: "
                + violations.stream().map(ModelGroupCheck.Violation::message).collect(Collectors.joining("; ")),
                violations.get(0).resource(), List.of(), List.of());
        resorceReports = ModelGroupCheck.byResource(violations).entrySet().stream()
                .<ResourceReport>map(entry -> new Report(entry.getKey(), entry.getValue().stream()
                        .<Problem>map(GroupProblem::new).toList()))
                .toList();
    }

    private record Report(String resource, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resource;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }

    private record GroupProblem(ModelGroupCheck.Violation violation) implements Problem {

        @Override
        public String getMessage() {
            return violation.message();
        }

        @Override
        public int getLine() {
            return violation.line();
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return violation.elementId();
        }

        @Override
        public List<String> getElementIds() {
            return List.of(violation.elementId());
        }
    }
}
