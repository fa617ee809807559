package se.kommun.kvalitet.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.shared.ProcessVariables;

import static org.camunda.bpm.model.bpmn.impl.BpmnModelConstants.CAMUNDA_NS;

/**
 * The one rule for what a client may hand the engine: starting a process or completing (submitting, resolving) a
 * task takes exactly the fields of that start event's or user task's Camunda Form ({@link CamundaForm}), never a
 * business key, and never a variable a process declares as written by the server only
 * ({@link ProcessVariables}, in any process: a name one process trusts is refused everywhere); every other way of
 * writing variables (on a task or execution, with a message or signal, in a modification, migration or restart,
 * start instructions) is refused. Anything refused is a 400 naming the variables, before the command has changed
 * anything.
 * <p>
 * A client is whoever the engine runs a command for: an authenticated user, as on {@code /engine-rest} and the
 * webapps' {@code /camunda/api/engine} (Tasklist, Cockpit). Our own code (intake, delegates, the job executor,
 * {@code /api/**}) runs with no engine user and is not restricted; nor are the commands a client's command runs
 * inside itself (a delegate calling the engine), since those are the server's. Runs inside the command context
 * (after Camunda's transaction and context interceptors), so a refusal rolls back an empty transaction.
 */
@Component
class ClientInputGuard extends AbstractProcessEnginePlugin {

    /** Commands running on this thread; only the outermost one is the client's own request. */
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);
    private static final int CACHED_FORMS = 256;

    private final Set<String> serverVariables;
    /** Deployments never change, so (deployment id, form id) always names the same form. */
    private final Map<String, FormLookup> forms = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, FormLookup> eldest) {
                    return size() > CACHED_FORMS;
                }
            });

    ClientInputGuard(List<ProcessVariables> declared) {
        Set<String> names = new TreeSet<>();
        declared.forEach(process -> names.addAll(process.serverOnlyNames()));
        this.serverVariables = Set.copyOf(names);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new Interceptor());
        if (configuration.getCustomPostCommandInterceptorsTxRequiresNew() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequiresNew(new ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequiresNew().add(new Interceptor());
    }

    /** One per command chain (each has its own successor); the depth is per thread, across chains. */
    private final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            int[] depth = DEPTH.get();
            if (depth[0] == 0) {
                check(Context.getCommandContext(), command);
            }
            depth[0]++;
            try {
                return next.execute(command);
            } finally {
                depth[0]--;
            }
        }
    }

    private void check(CommandContext context, Object command) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            return;
        }
        ClientCommands.Request request = ClientCommands.describe(command);
        if (request == null) {
            return;
        }
        if (request instanceof ClientCommands.Start start) {
            checkStart(context, start);
        } else if (request instanceof ClientCommands.TaskSubmission submission) {
            checkTask(context, submission);
        } else if (request instanceof ClientCommands.Refused refused) {
            throw RefusedInput.request(List.of(new CamundaForm.Problem(refused.what(), refused.swedish(),
                    refused.english())));
        } else if (request instanceof ClientCommands.Writes writes && !writes.present().isEmpty()) {
            throw RefusedInput.request(writes.present().stream()
                    .map(part -> new CamundaForm.Problem(part,
                            "variabler sätts bara genom start- och uppgiftsformulären",
                            "variables are set only through the start and task forms"))
                    .toList());
        }
    }

    private void checkStart(CommandContext context, ClientCommands.Start start) {
        List<CamundaForm.Problem> problems = new ArrayList<>();
        if (start.businessKey() != null) {
            problems.add(new CamundaForm.Problem("businessKey", "sätts av servern, inte av den som startar",
                    "is set by the server, not by whoever starts"));
        }
        if (start.caseInstanceId() != null) {
            problems.add(new CamundaForm.Problem("caseInstanceId", "sätts av servern, inte av den som startar",
                    "is set by the server, not by whoever starts"));
        }
        ProcessDefinitionEntity definition = definitionOf(context, start);
        String startEvent = definition.getInitial() == null ? null : definition.getInitial().getId();
        problems.addAll(submissionProblems(formOf(context, definition, startEvent), start.variables(),
                name -> null));
        if (!problems.isEmpty()) {
            // The engine's own permission check before the refusal, so a caller who may not start the process
            // learns nothing about its form. A start with nothing to refuse is checked once, by the command.
            context.getProcessEngineConfiguration().getCommandCheckers()
                    .forEach(checker -> checker.checkCreateProcessInstance(definition));
            throw RefusedInput.submission(problems);
        }
    }

    private static ProcessDefinitionEntity definitionOf(CommandContext context, ClientCommands.Start start) {
        DeploymentCache cache = context.getProcessEngineConfiguration().getDeploymentCache();
        if (start.definitionId() != null) {
            return cache.findDeployedProcessDefinitionById(start.definitionId());
        }
        return start.tenantIdSet()
                ? cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(start.definitionKey(), start.tenantId())
                : cache.findDeployedLatestProcessDefinitionByKey(start.definitionKey());
    }

    private void checkTask(CommandContext context, ClientCommands.TaskSubmission submission) {
        TaskEntity task = submission.taskId() == null ? null
                : context.getTaskManager().findTaskById(submission.taskId());
        if (task == null) {
            // The command itself answers for a task that does not exist (or was just completed by someone else).
            return;
        }
        FormLookup form = task.getProcessDefinitionId() == null ? FormLookup.NONE
                : formOf(context, context.getProcessEngineConfiguration().getDeploymentCache()
                        .findDeployedProcessDefinitionById(task.getProcessDefinitionId()), task.getTaskDefinitionKey());
        List<CamundaForm.Problem> problems = submissionProblems(form, submission.variables(), task::getVariable);
        if (!problems.isEmpty()) {
            // As for a start: a caller who may not work the task learns nothing about it from the refusal.
            context.getProcessEngineConfiguration().getCommandCheckers()
                    .forEach(checker -> checker.checkTaskWork(task));
            throw RefusedInput.submission(problems);
        }
    }

    private List<CamundaForm.Problem> submissionProblems(FormLookup lookup, Map<String, ?> variables,
            java.util.function.Function<String, Object> scope) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        List<CamundaForm.Problem> problems = new ArrayList<>();
        if (variables != null) {
            for (String name : variables.keySet()) {
                Object value = variables instanceof VariableMap typed ? typed.getValueTyped(name) : variables.get(name);
                if (serverVariables.contains(name)) {
                    problems.add(new CamundaForm.Problem(name, "sätts bara av servern", "is set by the server only"));
                } else {
                    submitted.put(name, value);
                }
            }
        }
        java.util.Optional<String> untrustedOptions = lookup.form() == null ? java.util.Optional.empty()
                : lookup.form().optionsVariables().stream().filter(name -> !serverVariables.contains(name)).findFirst();
        if (untrustedOptions.isPresent()) {
            // A client that may write the options could offer itself any value.
            FormLookup unreadable = FormLookup.unreadable(lookup.form().id(), "options from '"
                    + untrustedOptions.get() + "', which the server does not declare its own");
            submitted.keySet().forEach(name -> problems.add(new CamundaForm.Problem(name, unreadable.swedish(),
                    unreadable.english())));
        } else if (lookup.form() != null) {
            problems.addAll(lookup.form().check(submitted, scope));
        } else {
            submitted.keySet().forEach(name -> problems.add(new CamundaForm.Problem(name, lookup.swedish(),
                    lookup.english())));
        }
        return problems;
    }

    /** The form of a start event or user task, or why there is none the server can check. */
    record FormLookup(CamundaForm form, String swedish, String english) {

        static final FormLookup NONE = new FormLookup(null, "steget har inget formulär och tar inga variabler",
                "the step has no form and takes no variables");

        static FormLookup unreadable(String formId, String reason) {
            return new FormLookup(null, "formuläret '" + formId + "' kan inte kontrolleras (" + reason + ")",
                    "form '" + formId + "' cannot be checked (" + reason + ")");
        }
    }

    private FormLookup formOf(CommandContext context, ProcessDefinitionEntity definition, String elementId) {
        BpmnModelInstance model = context.getProcessEngineConfiguration().getDeploymentCache()
                .findBpmnModelInstanceForProcessDefinition(definition);
        ModelElementInstance element = elementId == null ? null : model.getModelElementById(elementId);
        if (!(element instanceof BaseElement node)) {
            return FormLookup.NONE;
        }
        String formRef = node.getAttributeValueNs(CAMUNDA_NS, "formRef");
        String formKey = node.getAttributeValueNs(CAMUNDA_NS, "formKey");
        if (formRef == null) {
            return formKey == null ? FormLookup.NONE
                    : FormLookup.unreadable(formKey, "only Camunda Forms with camunda:formRef are checked");
        }
        if (!"deployment".equals(node.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
            return FormLookup.unreadable(formRef, "only camunda:formRefBinding=\"deployment\" is checked");
        }
        if (formRef.contains("{")) {
            return FormLookup.unreadable(formRef, "an expression names the form");
        }
        String deploymentId = definition.getDeploymentId();
        return forms.computeIfAbsent(deploymentId + "\n" + formRef, key -> readForm(context, deploymentId, formRef));
    }

    private static FormLookup readForm(CommandContext context, String deploymentId, String formRef) {
        CamundaFormDefinitionEntity definition = context.getCamundaFormDefinitionManager()
                .findDefinitionByDeploymentAndKey(deploymentId, formRef);
        ResourceEntity resource = definition == null ? null : context.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(deploymentId, definition.getResourceName());
        if (resource == null) {
            return FormLookup.unreadable(formRef, "not in the process's deployment");
        }
        try {
            return new FormLookup(CamundaForm.parse(resource.getBytes()), null, null);
        } catch (IllegalArgumentException e) {
            return FormLookup.unreadable(formRef, e.getMessage());
        }
    }
}
