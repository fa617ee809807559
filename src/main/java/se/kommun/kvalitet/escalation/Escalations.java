package se.kommun.kvalitet.escalation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.organisation.Organisation;
import se.kommun.kvalitet.shared.ProcessVariable;

/** The one escalation path: reminder, manager, process owner; once per reference, level and due date. */
@Service
public class Escalations {

    /** Tasklist's list shows it (filter variable "SLA"), so the mark is visible without opening the task. */
    public static final ProcessVariable<String> SLA_MARK = ProcessVariable.server("slaMark", String.class);
    /** Incidents of this type say that nobody could be mailed; Cockpit lists them with the process instance. */
    public static final String NO_RECIPIENT_INCIDENT = "escalationWithoutRecipient";

    private final EscalationMarks marks;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final RuntimeService runtimeService;
    private final Organisation organisation;
    private final ApplicationEventPublisher events;
    private final EscalationBundles bundles;
    private final String publicBaseUrl;
    private final String tasklistUrl;

    Escalations(EscalationMarks marks, TaskService taskService, IdentityService identityService,
            RuntimeService runtimeService, Organisation organisation, ApplicationEventPublisher events,
            EscalationBundles bundles, @Value("${kvalitet.public-base-url}") String publicBaseUrl) {
        this.marks = marks;
        this.taskService = taskService;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.organisation = organisation;
        this.events = events;
        this.bundles = bundles;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.tasklistUrl = this.publicBaseUrl + "/camunda/app/tasklist/default/";
    }

    /**
     * Reminds or escalates, unless this level (or a later one) already happened for this reference and due
     * date. Escalating adds the group (or the one responsible manager, when named and reachable by mail) as a
     * candidate on the process instance's open tasks, so the work shows up in its Tasklist; everyone reached gets
     * a mail: a reminder at once, an escalation with the others of her bundle window (EscalationBundles). The mail
     * links to the escalation's own page of kvalitet when it names one, else to the open task in Tasklist. Nobody
     * to mail is an incident, not silence.
     */
    @Transactional
    public void escalate(DelegateExecution execution, Escalation escalation) {
        EscalationLevel level = escalation.level();
        if (!marks.markOnce(escalation.reference(), level, escalation.dueDate())) {
            return;
        }
        SLA_MARK.set(execution, level.mark());
        List<Task> openTasks = openTasks(execution);
        String group = switch (level) {
            case REMINDER -> escalation.officerGroup();
            case MANAGER -> escalation.managerGroup();
            case PROCESS_OWNER -> organisation.processOwnerGroup();
        };
        // E-mail address -> first name, for the greeting.
        Map<String, String> recipients = new LinkedHashMap<>();
        User responsibleManager = level == EscalationLevel.MANAGER ? user(escalation.managerUser()) : null;
        addRecipient(recipients, responsibleManager);
        for (Task task : openTasks) {
            if (level == EscalationLevel.REMINDER && task.getAssignee() != null) {
                addRecipient(recipients, user(task.getAssignee()));
            } else if (!recipients.isEmpty() && responsibleManager != null) {
                taskService.addCandidateUser(task.getId(), responsibleManager.getId());
            } else if (level != EscalationLevel.REMINDER) {
                taskService.addCandidateGroup(task.getId(), group);
            }
        }
        if (recipients.isEmpty()) {
            identityService.createUserQuery().memberOfGroup(group).list()
                    .forEach(member -> addRecipient(recipients, member));
        }
        events.publishEvent(new Escalated(processKey(execution), execution.getProcessInstanceId(),
                escalation.reference(), level, escalation.dueDate()));
        if (recipients.isEmpty()) {
            reportNoRecipient(execution, escalation, group, openTasks);
            return;
        }
        String link = escalation.link() != null ? publicBaseUrl + escalation.link()
                : openTasks.isEmpty() ? tasklistUrl : tasklistUrl + "#/?task=" + openTasks.get(0).getId();
        recipients.forEach((address, firstName) -> bundles.deliver(new EscalationBundles.Notice(address, firstName,
                escalation.reference(), escalation.kind(), level, escalation.dueDate(), link)));
    }

    /**
     * The instance's active tasks by the engine's plain select on the instance id, within the running command. A task
     * query builds its large dynamic SQL anew each time: that was 11 % of the job threads' CPU in an escalation burst
     * (docs/performance.md).
     */
    private static List<Task> openTasks(DelegateExecution execution) {
        return Context.getCommandContext().getTaskManager()
                .findTasksByProcessInstanceId(execution.getProcessInstanceId()).stream()
                .filter(task -> !task.isSuspended()).map(Task.class::cast).toList();
    }

    private User user(String userId) {
        return userId == null || userId.isBlank() ? null
                : identityService.createUserQuery().userId(userId).singleResult();
    }

    private static void addRecipient(Map<String, String> recipients, User user) {
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            recipients.putIfAbsent(user.getEmail(), user.getFirstName());
        }
    }

    /**
     * On an open task's execution, which lives on (the escalation's own execution ends at once and would take
     * the incident with it); Cockpit shows it on that task until someone resolves it.
     */
    private void reportNoRecipient(DelegateExecution execution, Escalation escalation, String group,
            List<Task> openTasks) {
        String executionId = openTasks.isEmpty() ? execution.getProcessInstanceId() : openTasks.get(0).getExecutionId();
        runtimeService.createIncident(NO_RECIPIENT_INCIDENT, executionId, group, ("Ingen mottagare: ingen i gruppen "
                + "%1$s har en e-postadress, så %2$s om %3$s %4$s mejlades inte. Lägg till medlemmar med e-post i "
                + "gruppen. / No recipient: nobody in group %1$s has an e-mail address, so the %5$s about %4$s was "
                + "not mailed.").formatted(group, escalation.level().swedish(), escalation.kind(),
                escalation.reference(), escalation.level().english()));
    }

    /** The key of the process the escalation runs in, from its model (no repository query, no authorization). */
    private static String processKey(DelegateExecution execution) {
        ModelElementInstance element = execution.getBpmnModelElementInstance();
        while (element != null && !(element instanceof Process)) {
            element = element.getParentElement();
        }
        return element == null ? null : ((Process) element).getId();
    }
}
