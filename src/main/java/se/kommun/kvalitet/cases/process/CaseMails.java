package se.kommun.kvalitet.cases.process;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.kommun.kvalitet.cases.record.CaseEvent;
import se.kommun.kvalitet.cases.record.CaseWork;
import se.kommun.kvalitet.cases.record.CitizenCase;
import se.kommun.kvalitet.cases.status.CaseLinks;
import se.kommun.kvalitet.cases.survey.Surveys;
import se.kommun.kvalitet.notifications.Mailer;
import se.kommun.kvalitet.notifications.OutgoingMail;
import se.kommun.kvalitet.shared.ClockConfiguration;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * Builds the mails to the citizen about a case and hands them to the one notification path. Staff reminders
 * and escalations are the escalation module's.
 */
@Component
class CaseMails {

    /** The feedback e-mail carries the satisfaction question (cases.survey). */
    static final String FEEDBACK_TEMPLATE = "feedback";

    private final CaseWork work;
    private final Mailer mailer;
    private final CaseLinks links;
    private final MessageSource messages;
    private final HistoryService historyService;
    private final Surveys surveys;

    CaseMails(CaseWork work, Mailer mailer, CaseLinks links, MessageSource messages, HistoryService historyService,
            Surveys surveys) {
        this.surveys = surveys;
        this.work = work;
        this.mailer = mailer;
        this.links = links;
        this.messages = messages;
        this.historyService = historyService;
    }

    /** To the citizen, in the citizen's language; anonymous cases get no mail. */
    @Transactional
    boolean toCitizen(DelegateExecution execution, String template) {
        CitizenCase citizenCase = work.find(CaseProcess.reference(execution));
        if (!citizenCase.hasEmail()) {
            return false;
        }
        Map<String, Object> model = model(citizenCase, citizenCase.locale());
        model.put("question", CaseProcess.SUPPLEMENT_QUESTION.find(execution).orElse(null));
        model.put("replyUrl", links.statusUrl(citizenCase.reference()) + "#komplettera");
        // The SLA pause ("Pausa svarstid") comes before the request and sets how long the citizen has.
        SlaVariables.PAUSE_DEADLINE.find(execution).ifPresent(replyBy -> model.put("replyBy",
                LocalDate.ofInstant(replyBy.toInstant(), ClockConfiguration.MUNICIPAL_ZONE)));
        model.put("reopeningNote", CaseProcess.REOPENING_NOTE.find(execution).orElse(null));
        String stepKey = stepKey(execution);
        if (FEEDBACK_TEMPLATE.equals(template)) {
            // The answer's wait in the process ends when the link does.
            Surveys.Invitation survey = surveys.invite(citizenCase, stepKey);
            model.put("surveyUrl", survey.url());
            model.put("surveyValidUntil", LocalDate.ofInstant(survey.validUntil(), ClockConfiguration.MUNICIPAL_ZONE));
            CaseProcess.SURVEY_VALID_UNTIL.set(execution, Date.from(survey.validUntil()));
        }
        boolean sent = mailer.send(new OutgoingMail(stepKey, citizenCase.contactEmail(), template,
                citizenCase.locale(), model));
        if (sent) {
            citizenCase.record(CaseEvent.Kind.MAIL_SENT, null, template);
        }
        return sent;
    }

    private Map<String, Object> model(CitizenCase citizenCase, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", citizenCase.reference());
        model.put("statusUrl", links.statusUrl(citizenCase.reference()));
        model.put("caseTypeLabel", messages.getMessage("caseType." + citizenCase.type().name(), null, locale));
        model.put("description", citizenCase.description());
        model.put("feedback", citizenCase.feedback());
        model.put("forwardedTo", citizenCase.forwardedTo());
        model.put("linkedReference", citizenCase.linkedReference());
        model.put("recipientName", citizenCase.contactName());
        LocalDate dueDate = citizenCase.dueDate();
        model.put("dueDate", dueDate);
        return model;
    }

    /**
     * One key per execution of a step: process instance, activity, and how many times that activity already
     * finished. A retried job sees the same count (its failed attempt rolled back); a loop back into the
     * same step (a second supplement request) sees a higher one.
     */
    private String stepKey(DelegateExecution execution) {
        long finishedBefore = historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(execution.getCurrentActivityId())
                .finished()
                .count();
        return execution.getProcessInstanceId() + ":" + execution.getCurrentActivityId() + ":" + finishedBefore;
    }
}
