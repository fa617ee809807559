package se.kommun.kvalitet.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSession;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Task queries by candidates (the group filters' shape) and the Tasklist's filters are planned for their actual
 * parameters; every other statement keeps PostgreSQL's plan cache. A cached generic plan of the group filter cannot
 * use the statistics on Camunda's authorization check ({@link CamundaSchemaTuning}): it took 337 ms instead of
 * 31 ms at 100,000 open tasks. Planning every statement anew, as before, cost an engine REST start about 2 ms of
 * database CPU, a third of its time there, and a task query by process definition 0.58 × the bare application's
 * rate (docs/performance.md, tuning changes 2 and 14).
 * <p>
 * {@code SET LOCAL} lasts until the command's transaction ends, so a pooled connection goes back unchanged.
 * Filters are matched as commands because a filter runs its saved query inside the command, not through the
 * command executor.
 */
@Component
class CustomPlansForTaskQueries extends AbstractProcessEnginePlugin {

    static final String SET_CUSTOM_PLANS = "set local plan_cache_mode = force_custom_plan";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
        interceptors.add(new CustomPlans());
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }

    static boolean plansCustom(Command<?> command) {
        return command instanceof AbstractExecuteFilterCmd
                || command instanceof TaskQueryImpl query && query.getQueries().stream().anyMatch(
                        CustomPlansForTaskQueries::byCandidates);
    }

    /** The shape of the group filters: candidates joined with the authorization check, many rows each. */
    private static boolean byCandidates(TaskQueryImpl query) {
        return query.getCandidateUser() != null || query.getCandidateGroup() != null
                || query.getCandidateGroupLike() != null || query.getCandidateGroupsInternal() != null
                || query.getInvolvedUser() != null || Boolean.TRUE.equals(query.isWithCandidateGroupsInternal())
                || Boolean.TRUE.equals(query.isWithCandidateUsers());
    }

    /** Runs inside the command's transaction and context (a post interceptor), so on the command's connection. */
    static final class CustomPlans extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (plansCustom(command)) {
                DbSqlSession session = Context.getCommandContext().getDbSqlSession();
                try (Statement statement = session.getSqlSession().getConnection().createStatement()) {
                    statement.execute(SET_CUSTOM_PLANS);
                } catch (SQLException e) {
                    throw new ProcessEngineException("Could not ask PostgreSQL for custom plans", e);
                }
            }
            return next.execute(command);
        }
    }
}
