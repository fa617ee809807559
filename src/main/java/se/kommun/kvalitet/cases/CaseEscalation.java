package se.kommun.kvalitet.cases;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.security.Organisation;

/** The one escalation path: reminder, manager, process owner; once per level and due date. */
@Service
class CaseEscalation {

    private final CaseWork work;
    private final CaseMails mails;
    private final TaskService taskService;
    private final IdentityService identityService;
    private final Organisation organisation;

    CaseEscalation(CaseWork work, CaseMails mails, TaskService taskService, IdentityService identityService,
            Organisation organisation) {
        this.work = work;
        this.mails = mails;
        this.taskService = taskService;
        this.identityService = identityService;
        this.organisation = organisation;
    }

    @Transactional
    void escalate(DelegateExecution execution, EscalationLevel level) {
        String reference = CaseProcess.reference(execution);
        if (!work.escalate(reference, level)) {
            return;
        }
        // Shown in Tasklist's list (filter variable), so the mark is visible without opening the case.
        execution.setVariable(CaseProcess.SLA_MARK, level.mark());
        List<Task> openTasks = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .active().list();
        String group = switch (level) {
            case REMINDER -> (String) execution.getVariable(CaseProcess.CANDIDATE_GROUP);
            case MANAGER -> (String) execution.getVariable(CaseProcess.MANAGER_GROUP);
            case PROCESS_OWNER -> organisation.processOwnerGroup();
        };
        Set<String> recipients = new LinkedHashSet<>();
        for (Task task : openTasks) {
            if (level == EscalationLevel.REMINDER && task.getAssignee() != null) {
                emailOf(task.getAssignee()).ifPresent(recipients::add);
            } else if (level != EscalationLevel.REMINDER) {
                taskService.addCandidateGroup(task.getId(), group);
            }
        }
        if (recipients.isEmpty()) {
            identityService.createUserQuery().memberOfGroup(group).list().stream()
                    .map(User::getEmail).filter(email -> email != null && !email.isBlank())
                    .forEach(recipients::add);
        }
        String taskId = openTasks.isEmpty() ? null : openTasks.get(0).getId();
        String template = level == EscalationLevel.REMINDER ? "reminder" : "escalation";
        for (String recipient : recipients) {
            mails.toStaff(execution, recipient, template, taskId, level);
        }
    }

    private java.util.Optional<String> emailOf(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        return user == null || user.getEmail() == null ? java.util.Optional.empty()
                : java.util.Optional.of(user.getEmail());
    }
}
