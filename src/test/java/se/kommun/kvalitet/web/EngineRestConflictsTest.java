package se.kommun.kvalitet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import jakarta.ws.rs.core.Response;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** The conflict rule of {@link EngineRestConflicts}, for each kind of answer the engine REST API can give. */
class EngineRestConflictsTest {

    @Test
    void anEngineCrashOnATaskThatIsGoneIsAConflict() {
        // Seen in CI: the losing completion read the execution tree half before, half after the winner's commit.
        Response response = EngineRestConflicts.ConflictMapper.respond(new NullPointerException("getParent() is null"),
                () -> true);

        assertConflict(response);
    }

    @Test
    void anEngineCrashOnATaskThatStillExistsStaysAServerError() {
        Response response = EngineRestConflicts.ConflictMapper.respond(new NullPointerException("a bug"),
                () -> false);

        assertThat(response.getStatus()).isEqualTo(500);
    }

    @Test
    void optimisticLockingIsAConflictWhereverItIsWrapped() {
        RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new OptimisticLockingException("stale"), "Cannot complete task");

        assertConflict(EngineRestConflicts.ConflictMapper.respond(wrapped, () -> fail("no lookup needed")));
        assertConflict(EngineRestConflicts.ConflictMapper.respond(new OptimisticLockingException("stale"),
                () -> fail("no lookup needed")));
    }

    @Test
    void aRefusalOnATaskThatIsGoneIsAConflictAndOnOneThatExistsARefusal() {
        AuthorizationException refused = new AuthorizationException("bjorn", "TASK_WORK", "Task", "42");

        assertConflict(EngineRestConflicts.ConflictMapper.respond(refused, () -> true));
        assertThat(EngineRestConflicts.ConflictMapper.respond(refused, () -> false).getStatus()).isEqualTo(403);
    }

    @Test
    void aBadRequestIsNeverTurnedIntoAConflict() {
        RestException badRequest = new RestException(Response.Status.BAD_REQUEST, "Unknown variable type");
        ProcessEngineException engineRefusal = new BadUserRequestException("no such task");

        assertThat(EngineRestConflicts.ConflictMapper.respond(badRequest, () -> fail("no lookup needed"))
                .getStatus()).isEqualTo(400);
        assertThat(EngineRestConflicts.ConflictMapper.respond(engineRefusal, () -> fail("no lookup needed"))
                .getStatus()).isEqualTo(400);
    }

    @Test
    void aRefusedRequestThatCamundaWrapsIsAnsweredAsTheRefusal() {
        BadUserRequestException refusal = new BadUserRequestException("Inte tillåtet: x. / Not allowed: x.");
        FormFieldValidationException formRefusal = new FormFieldValidationException("findings",
                "Ogiltig inmatning: findings. / Invalid input: findings.");

        assertRefusal(new RestException(Response.Status.INTERNAL_SERVER_ERROR, refusal,
                "Cannot instantiate process definition"), refusal);
        assertRefusal(new RestException(Response.Status.INTERNAL_SERVER_ERROR, formRefusal, "Cannot submit task form"),
                formRefusal);
        assertRefusal(new RestException(Response.Status.BAD_REQUEST, formRefusal,
                "Cannot complete task 42: " + formRefusal.getMessage()), formRefusal);
        assertRefusal(formRefusal, formRefusal);
    }

    private static void assertRefusal(Throwable thrown, Throwable refusal) {
        Response response = EngineRestConflicts.ConflictMapper.respond(thrown, () -> false);

        assertThat(response.getStatus()).isEqualTo(400);
        ExceptionDto body = (ExceptionDto) response.getEntity();
        assertThat(body.getType()).isEqualTo(refusal.getClass().getSimpleName());
        assertThat(body.getMessage()).isEqualTo(refusal.getMessage());
    }

    @Test
    void aRefusalOnATaskSomeoneElseJustCompletedIsStillTheConflict() {
        RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new org.camunda.bpm.engine.exception.NotFoundException("Cannot find task 42"), "Cannot complete task");

        assertConflict(EngineRestConflicts.ConflictMapper.respond(wrapped, () -> true));
    }

    @Test
    void anEngineErrorThatIsNoRefusalStaysAServerError() {
        RestException wrapped = new RestException(Response.Status.INTERNAL_SERVER_ERROR,
                new ProcessEngineException("Unknown property used in expression"), "Cannot complete task");

        assertThat(EngineRestConflicts.ConflictMapper.respond(wrapped, () -> false).getStatus()).isEqualTo(500);
    }

    private static void assertConflict(Response response) {
        assertThat(response.getStatus()).isEqualTo(409);
        ExceptionDto body = (ExceptionDto) response.getEntity();
        assertThat(body.getType()).isEqualTo("OptimisticLockingException");
        assertThat(body.getCode()).isEqualTo(1);
        assertThat(body.getMessage()).isEqualTo(EngineRestConflicts.MESSAGE);
    }
}
