package se.kommun.kvalitet.security;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The refusals of client input to the engine, Swedish first, English second, each naming the fields. A refused
 * submission (start, complete, submit form) is Camunda's {@link FormFieldValidationException}: it is the one
 * exception that Camunda's own REST resources for those calls answer with 400, on {@code /engine-rest} and on the
 * webapps' {@code /camunda/api/engine} that Tasklist uses (they wrap every other engine exception, even a
 * {@link BadUserRequestException}, into a 500). Any other refused call is a {@link BadUserRequestException}
 * (400 where Camunda does not wrap it; {@code web.EngineRestConflicts} unwraps it where it does).
 */
public final class RefusedInput {

    private RefusedInput() {
    }

    /** A value a step refuses (e.g. a unit that does not exist), thrown inside the client's submission. */
    public static ProcessEngineException field(String field, String swedish, String english) {
        return submission(List.of(new CamundaForm.Problem(field, swedish, english)));
    }

    /** Several refused values of one submission. */
    public static ProcessEngineException submission(List<CamundaForm.Problem> problems) {
        return new FormFieldValidationException(fieldNames(problems), message("Ogiltig inmatning", "Invalid input",
                problems));
    }

    static ProcessEngineException request(List<CamundaForm.Problem> problems) {
        return new BadUserRequestException(message("Inte tillåtet", "Not allowed", problems));
    }

    private static String message(String swedish, String english, List<CamundaForm.Problem> problems) {
        return swedish + ": " + problems.stream().map(problem -> problem.field() + ": " + problem.swedish())
                .collect(Collectors.joining("; ")) + ". / " + english + ": " + problems.stream()
                .map(problem -> problem.field() + ": " + problem.english()).collect(Collectors.joining("; ")) + ".";
    }

    private static String fieldNames(List<CamundaForm.Problem> problems) {
        return problems.stream().map(CamundaForm.Problem::field).distinct().collect(Collectors.joining(","));
    }
}
