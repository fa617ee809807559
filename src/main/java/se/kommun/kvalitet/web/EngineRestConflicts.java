package se.kommun.kvalitet.web;

import java.util.List;
import java.util.function.BooleanSupplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.errorcode.BuiltinExceptionCode;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two officers completing (or claiming) the same task at the same moment: the engine lets one win. The engine
 * REST API answers the other as if the server were broken (500: an {@link OptimisticLockingException} wrapped
 * in a {@link RestException}, or, when the loser read the execution tree half before and half after the
 * winner's commit, a bare {@link NullPointerException} from inside the engine) or, when the loser's
 * authorization check runs after the winner deleted the task, as if the officer lacked permission (403). All of
 * these are a conflict: 409, in Camunda's own error shape (code 1 is Camunda's code for optimistic locking) so
 * Tasklist shows the message. A genuine 403 or 500, on a task that still exists, keeps Camunda's answer.
 * <p>
 * Refused input stays a 400: Camunda's resources for start, complete and submit-form wrap every engine exception
 * in a 500 ("Cannot instantiate process definition …"), also a {@link BadUserRequestException} or
 * {@link FormFieldValidationException} (security.ClientInputGuard's refusals, a step refusing a form value), and
 * the latter, where they keep the 400, in an English prefix. A 500 or 400 carrying such a refusal is answered as
 * the refusal itself: 400, its type and its message (Swedish first, English second).
 */
@Configuration(proxyBeanMethods = false)
class EngineRestConflicts {

    static final String MESSAGE = "Ärendet ändrades av någon annan samtidigt; ladda om och försök igen. "
            + "/ The case was changed by someone else at the same moment; reload and try again.";

    @Bean
    ResourceConfigCustomizer engineRestConflictMappers(ProcessEngine processEngine) {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) processEngine
                .getProcessEngineConfiguration();
        return config -> config.register(new RestExceptionMapper(engine))
                .register(new ProcessEngineExceptionMapper(engine))
                .register(new AnyExceptionMapper(engine));
    }

    /*
     * Jersey picks the mapper registered for the nearest type of the thrown exception, and among mappers of the
     * same type the one with the higher priority; Camunda registers one for each of these three types, so each
     * is shadowed here by one of higher priority that applies the same rule.
     */

    @Priority(Priorities.USER - 100)
    static class RestExceptionMapper extends ConflictMapper implements ExceptionMapper<RestException> {

        RestExceptionMapper(ProcessEngineConfigurationImpl engine) {
            super(engine);
        }

        @Override
        public Response toResponse(RestException exception) {
            return respond(exception);
        }
    }

    @Priority(Priorities.USER - 100)
    static class ProcessEngineExceptionMapper extends ConflictMapper
            implements ExceptionMapper<ProcessEngineException> {

        ProcessEngineExceptionMapper(ProcessEngineConfigurationImpl engine) {
            super(engine);
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return respond(exception);
        }
    }

    @Priority(Priorities.USER - 100)
    static class AnyExceptionMapper extends ConflictMapper implements ExceptionMapper<Throwable> {

        AnyExceptionMapper(ProcessEngineConfigurationImpl engine) {
            super(engine);
        }

        @Override
        public Response toResponse(Throwable exception) {
            return respond(exception);
        }
    }

    abstract static class ConflictMapper {

        private final ProcessEngineConfigurationImpl engine;

        @Context
        private UriInfo uriInfo;

        ConflictMapper(ProcessEngineConfigurationImpl engine) {
            this.engine = engine;
        }

        Response respond(Throwable exception) {
            return respond(exception, this::taskGone);
        }

        /** The rule itself; {@code taskGone} is asked only for a 500 or 403, as it costs a database lookup. */
        static Response respond(Throwable exception, BooleanSupplier taskGone) {
            ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
            Response.Status status = camunda.getStatus(exception);
            boolean mayHideConflict = status == Response.Status.INTERNAL_SERVER_ERROR
                    || status == Response.Status.FORBIDDEN;
            if (concurrentChange(exception) || mayHideConflict && taskGone.getAsBoolean()) {
                return conflict();
            }
            boolean mayWrapRefusal = status == Response.Status.INTERNAL_SERVER_ERROR
                    || status == Response.Status.BAD_REQUEST;
            Throwable refusal = mayWrapRefusal ? refusal(exception) : null;
            return refusal == null ? camunda.getResponse(exception) : refused(refusal);
        }

        /** A refusal of the request somewhere in the chain of a 500. */
        static Throwable refusal(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
                    return cause;
                }
            }
            return null;
        }

        static Response refused(Throwable refusal) {
            ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(refusal);
            return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }

        private static final java.util.Set<String> TASK_COLLECTION_PATHS = java.util.Set.of("create", "count",
                "report");

        static boolean concurrentChange(Throwable exception) {
            for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
                if (cause instanceof OptimisticLockingException) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The request acts on a task (…/task/{id}/{action}) that no longer exists, whoever may see it. Not
         * …/task/create, …/task/count or …/task/report/…: those name no task.
         */
        boolean taskGone() {
            List<PathSegment> segments = uriInfo.getPathSegments();
            for (int i = 0; i + 2 < segments.size(); i++) {
                if ("task".equals(segments.get(i).getPath())
                        && !TASK_COLLECTION_PATHS.contains(segments.get(i + 1).getPath())) {
                    String taskId = segments.get(i + 1).getPath();
                    // The engine's own lookup by id, which applies no authorization check.
                    return engine.getCommandExecutorTxRequired()
                            .execute(context -> context.getTaskManager().findTaskById(taskId)) == null;
                }
            }
            return false;
        }

        static Response conflict() {
            ExceptionDto body = new ExceptionDto();
            body.setType(OptimisticLockingException.class.getSimpleName());
            body.setMessage(MESSAGE);
            body.setCode(BuiltinExceptionCode.OPTIMISTIC_LOCKING.getCode());
            return Response.status(Response.Status.CONFLICT).entity(body).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }
    }
}
