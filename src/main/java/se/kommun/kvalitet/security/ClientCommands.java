package se.kommun.kvalitet.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.cmd.CompleteExternalTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CreateMigrationPlanCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleExternalTaskFailureCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.PatchExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationBatchCmd;
import org.camunda.bpm.engine.impl.cmd.ProcessInstanceModificationCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RestartProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.SetExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CaseExecutionVariableCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CloseCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CompleteCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.CreateCaseInstanceCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.DisableCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.ManualStartCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.ReenableCaseExecutionCmd;
import org.camunda.bpm.engine.impl.cmmn.cmd.TerminateCaseExecutionCmd;
import org.camunda.bpm.engine.impl.migration.MigrationPlanBuilderImpl;
import org.camunda.bpm.engine.impl.migration.MigrationPlanExecutionBuilderImpl;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;

/**
 * Every engine command through which a caller can hand the engine variables (or start a process some other way
 * than through its start form), and what each carries. The commands keep these in protected fields; the fields are
 * looked up when this class loads, so a Camunda upgrade that renames or moves one stops the application at start
 * instead of letting the command through unchecked. {@code ClientCommandsTest} also fails when an upgrade adds a
 * command that carries variables and is not listed here.
 */
final class ClientCommands {

    /** What a client's command asks for. */
    sealed interface Request {
    }

    /** Starting a process at its start event: only the start form's fields. */
    record Start(String definitionId, String definitionKey, boolean tenantIdSet, String tenantId,
            String businessKey, String caseInstanceId, Map<String, ?> variables) implements Request {
    }

    /** Completing, resolving or submitting a task: only the task form's fields. */
    record TaskSubmission(String taskId, Map<String, ?> variables) implements Request {
    }

    /** Never for a client: what it is, in Swedish and English. */
    record Refused(String what, String swedish, String english) implements Request {
    }

    /** Allowed without variables; each named part, when present, is refused. */
    record Writes(Map<String, Object> parts) implements Request {

        /** Parts that carry something (a non-empty map or collection, or a value). */
        List<String> present() {
            List<String> present = new ArrayList<>();
            parts.forEach((name, value) -> {
                boolean empty = value == null || value instanceof Map<?, ?> map && map.isEmpty()
                        || value instanceof Collection<?> collection && collection.isEmpty();
                if (!empty) {
                    present.add(name);
                }
            });
            return present;
        }
    }

    private static final Map<Class<?>, Function<Object, Request>> RULES = new LinkedHashMap<>();

    static {
        Read<ProcessInstantiationBuilderImpl> instantiation = new Read<>(StartProcessInstanceCmd.class,
                "instantiationBuilder");
        rule(StartProcessInstanceCmd.class, command -> {
            ProcessInstantiationBuilderImpl builder = instantiation.from(command);
            return new Start(builder.getProcessDefinitionId(), builder.getProcessDefinitionKey(),
                    builder.isProcessDefinitionTenantIdSet(), builder.getProcessDefinitionTenantId(),
                    builder.getBusinessKey(), builder.getCaseInstanceId(), builder.getVariables());
        });
        Read<String> startFormDefinition = new Read<>(SubmitStartFormCmd.class, "processDefinitionId");
        Read<String> startFormBusinessKey = new Read<>(SubmitStartFormCmd.class, "businessKey");
        Read<Map<String, ?>> startFormVariables = new Read<>(SubmitStartFormCmd.class, "variables");
        rule(SubmitStartFormCmd.class, command -> new Start(startFormDefinition.from(command), null, false, null,
                startFormBusinessKey.from(command), null, startFormVariables.from(command)));

        Read<String> completeTask = new Read<>(CompleteTaskCmd.class, "taskId");
        Read<Map<String, ?>> completeVariables = new Read<>(CompleteTaskCmd.class, "variables");
        Function<Object, Request> completion = command -> new TaskSubmission(completeTask.from(command),
                completeVariables.from(command));
        rule(CompleteTaskCmd.class, completion);
        rule(ResolveTaskCmd.class, completion);
        Read<String> submitTask = new Read<>(SubmitTaskFormCmd.class, "taskId");
        Read<Map<String, ?>> submitVariables = new Read<>(SubmitTaskFormCmd.class, "properties");
        rule(SubmitTaskFormCmd.class, command -> new TaskSubmission(submitTask.from(command),
                submitVariables.from(command)));

        refused(StartProcessInstanceAtActivitiesCmd.class, "startInstructions",
                "start med instruktioner (startInstructions, skipCustomListeners, skipIoMappings) går förbi "
                        + "startformuläret",
                "a start with instructions (startInstructions, skipCustomListeners, skipIoMappings) bypasses the "
                        + "start form");
        for (Class<?> restart : List.of(RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class)) {
            refused(restart, "restart", "omstart kopierar variabler förbi startformuläret",
                    "a restart copies variables past the start form");
        }
        for (Class<?> variables : List.of(SetTaskVariablesCmd.class, RemoveTaskVariablesCmd.class,
                PatchTaskVariablesCmd.class, SetExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class,
                PatchExecutionVariablesCmd.class, SetVariablesToProcessInstancesBatchCmd.class)) {
            refused(variables, "variables", "variabler ändras bara genom formulären och processen",
                    "variables change only through the forms and the process");
        }

        Read<MessageCorrelationBuilderImpl> correlation = new Read<>(CorrelateMessageCmd.class, "builder");
        for (Class<?> correlate : List.of(CorrelateMessageCmd.class, CorrelateAllMessageCmd.class)) {
            rule(correlate, command -> {
                MessageCorrelationBuilderImpl builder = correlation.from(command);
                return writes("processVariables", builder.getPayloadProcessInstanceVariables(),
                        "processVariablesLocal", builder.getPayloadProcessInstanceVariablesLocal(),
                        "processVariablesToTriggeredScope", builder.getPayloadProcessInstanceVariablesToTriggeredScope());
            });
        }
        variableFields(CorrelateAllMessageBatchCmd.class, "variables");
        variableFields(MessageEventReceivedCmd.class, "processVariables", "processVariablesLocal",
                "processVariablesToTriggeredScope");
        Read<SignalEventReceivedBuilderImpl> signal = new Read<>(SignalEventReceivedCmd.class, "builder");
        rule(SignalEventReceivedCmd.class, command -> writes("variables", signal.from(command).getVariables()));
        variableFields(SignalCmd.class, "processVariables");
        Read<ConditionEvaluationBuilderImpl> condition = new Read<>(EvaluateStartConditionCmd.class, "builder");
        rule(EvaluateStartConditionCmd.class, command -> writes("variables", condition.from(command).getVariables(),
                "businessKey", condition.from(command).getBusinessKey()));

        Read<ProcessInstanceModificationBuilderImpl> modifyOne = new Read<>(ModifyProcessInstanceCmd.class, "builder");
        Read<ProcessInstanceModificationBuilderImpl> modifyOneAsync = new Read<>(ModifyProcessInstanceAsyncCmd.class,
                "builder");
        rule(ModifyProcessInstanceCmd.class, command -> modification(modifyOne.from(command)));
        rule(ModifyProcessInstanceAsyncCmd.class, command -> modification(modifyOneAsync.from(command)));
        Read<ModificationBuilderImpl> modifyMany = new Read<>(ProcessInstanceModificationCmd.class, "builder");
        Read<ModificationBuilderImpl> modifyManyBatch = new Read<>(ProcessInstanceModificationBatchCmd.class,
                "builder");
        rule(ProcessInstanceModificationCmd.class, command -> writes("startInstructions.variables",
                instructionVariables(modifyMany.from(command).getInstructions())));
        rule(ProcessInstanceModificationBatchCmd.class, command -> writes("startInstructions.variables",
                instructionVariables(modifyManyBatch.from(command).getInstructions())));

        Read<MigrationPlanBuilderImpl> plan = new Read<>(CreateMigrationPlanCmd.class, "migrationBuilder");
        rule(CreateMigrationPlanCmd.class, command -> writes("variables", plan.from(command).getVariables()));
        Read<MigrationPlanExecutionBuilderImpl> migration = new Read<>(MigrateProcessInstanceCmd.class,
                "executionBuilder");
        for (Class<?> migrate : List.of(MigrateProcessInstanceCmd.class, MigrateProcessInstanceBatchCmd.class)) {
            rule(migrate, command -> writes("variables", migration.from(command).getMigrationPlan().getVariables()));
        }

        variableFields(CompleteExternalTaskCmd.class, "variables", "localVariables");
        variableFields(HandleExternalTaskFailureCmd.class, "variables", "localVariables");
        variableFields(HandleExternalTaskBpmnErrorCmd.class, "variables");
        variableFields(HandleTaskBpmnErrorCmd.class, "variables");
        variableFields(HandleTaskEscalationCmd.class, "variables");

        variableFields(CreateCaseInstanceCmd.class, "variables");
        for (Class<?> caseExecution : List.of(CaseExecutionVariableCmd.class, CloseCaseInstanceCmd.class,
                CompleteCaseExecutionCmd.class, DisableCaseExecutionCmd.class, ManualStartCaseExecutionCmd.class,
                ReenableCaseExecutionCmd.class, TerminateCaseExecutionCmd.class)) {
            variableFields(caseExecution, "variables", "variablesLocal", "variablesDeletions",
                    "variablesLocalDeletions");
        }
    }

    private ClientCommands() {
    }

    /** What the command asks for, or null when it hands the engine no variables. */
    static Request describe(Object command) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            Function<Object, Request> rule = RULES.get(type);
            if (rule != null) {
                return rule.apply(command);
            }
        }
        return null;
    }

    /** The command classes listed here. */
    static Set<Class<?>> covered() {
        return RULES.keySet();
    }

    private static void rule(Class<?> command, Function<Object, Request> rule) {
        RULES.put(command, rule);
    }

    private static void refused(Class<?> command, String what, String swedish, String english) {
        rule(command, ignored -> new Refused(what, swedish, english));
    }

    private static void variableFields(Class<?> command, String... fields) {
        List<Read<Object>> reads = new ArrayList<>();
        for (String field : fields) {
            reads.add(new Read<>(command, field));
        }
        rule(command, instance -> {
            Map<String, Object> parts = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                parts.put(fields[i], reads.get(i).from(instance));
            }
            return new Writes(parts);
        });
    }

    private static Writes writes(Object... namesAndValues) {
        Map<String, Object> parts = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            parts.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return new Writes(parts);
    }

    private static Writes modification(ProcessInstanceModificationBuilderImpl builder) {
        return writes("processVariables", builder.getProcessVariables(), "startInstructions.variables",
                instructionVariables(builder.getModificationOperations()));
    }

    /** The variables set on start-before/after/transition instructions. */
    private static List<String> instructionVariables(List<AbstractProcessInstanceModificationCommand> instructions) {
        List<String> names = new ArrayList<>();
        for (AbstractProcessInstanceModificationCommand instruction : instructions) {
            if (instruction instanceof AbstractInstantiationCmd instantiation) {
                for (Map<String, Object> variables : java.util.Arrays.asList(instantiation.getVariables(),
                        instantiation.getVariablesLocal())) {
                    if (variables != null) {
                        names.addAll(variables.keySet());
                    }
                }
            }
        }
        return names;
    }

    /** A protected field of a Camunda command, found once. */
    static final class Read<T> {

        private final Field field;

        Read(Class<?> owner, String name) {
            this.field = find(owner, name);
            field.setAccessible(true);
        }

        private static Field find(Class<?> owner, String name) {
            for (Class<?> type = owner; type != null; type = type.getSuperclass()) {
                try {
                    return type.getDeclaredField(name);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            throw new IllegalStateException("Camunda changed: " + owner.getName() + " has no field '" + name
                    + "'; security.ClientCommands must be adapted before this engine version can run");
        }

        @SuppressWarnings("unchecked")
        T from(Object command) {
            try {
                return (T) field.get(command);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
