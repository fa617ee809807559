package se.kommun.kvalitet.cases.process;

import static se.kommun.kvalitet.shared.ProcessVariable.client;
import static se.kommun.kvalitet.shared.ProcessVariable.server;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.ProcessVariables;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * Names shared between Java and processes/case-handling.bpmn, declared once: the process key, its messages and
 * every variable the process reads and writes, typed, with which of them only the server may write.
 */
public final class CaseProcess {

    public static final String PROCESS_KEY = "caseHandling";
    public static final String SUPPLEMENT_RECEIVED_MESSAGE = "supplementReceived";
    /** The citizen answered the satisfaction question (cases.survey). */
    public static final String SURVEY_ANSWERED_MESSAGE = "surveyAnswered";

    /** Set at start by intake, or by the registering step; the reference is the business key as well. */
    public static final ProcessVariable<String> CASE_REFERENCE = server("caseReference", String.class);
    public static final ProcessVariable<Date> RECEIVED_DATE = server("receivedDate", Date.class);
    /** Who started the process from Tasklist (camunda:initiator). */
    public static final ProcessVariable<String> REGISTERED_BY = server("registeredBy", String.class);
    /** A short, plain summary for task names and forms (the full text stays in the case table). */
    public static final ProcessVariable<String> CASE_SUMMARY = server("caseSummary", String.class);

    /** Start form (an officer registering a letter, call or visit); intake sets type and category itself. */
    public static final ProcessVariable<String> CASE_TYPE = client("caseType", String.class);
    public static final ProcessVariable<String> CATEGORY = client("category", String.class);
    public static final ProcessVariable<String> DESCRIPTION = client("description", String.class);
    public static final ProcessVariable<String> CHANNEL = client("channel", String.class);
    public static final ProcessVariable<String> CONTACT_NAME = client("contactName", String.class);
    public static final ProcessVariable<String> CONTACT_EMAIL = client("contactEmail", String.class);
    public static final ProcessVariable<String> CONTACT_PHONE = client("contactPhone", String.class);
    public static final ProcessVariable<String> ADDRESS = client("address", String.class);
    public static final ProcessVariable<String> LANGUAGE = client("language", String.class);
    /** The date a letter or call came in, as the officer gives it (yyyy-MM-dd); the registering step checks it. */
    public static final ProcessVariable<String> RECEIVED_ON = client("receivedOn", String.class);

    /** Routing: the decision's whole result (camunda:resultVariable of processes/case-routing.dmn), and its parts. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> ROUTING = server("routing", Map.class);
    public static final ProcessVariable<String> CANDIDATE_GROUP = server("candidateGroup", String.class);
    public static final ProcessVariable<String> MANAGER_GROUP = server("managerGroup", String.class);
    public static final ProcessVariable<String> PRIORITY = server("priority", String.class);
    public static final ProcessVariable<Integer> TASK_PRIORITY = server("taskPriority", Integer.class);
    /**
     * The units "Till vilken enhet?" offers (the investigate form's {@code valuesKey}), as [{label, value}]:
     * written at routing from the organisation, never by a client (it is no form field).
     */
    public static final ProcessVariable<SpinJsonNode> UNIT_CHOICES = server("unitChoices", SpinJsonNode.class);
    /** Duplicate check for fault reports. */
    public static final ProcessVariable<String> DUPLICATE_OF = server("duplicateOf", String.class);

    /** Officer forms. */
    public static final ProcessVariable<String> FINDINGS = client("findings", String.class);
    public static final ProcessVariable<String> OUTCOME = client("investigationOutcome", String.class);
    public static final ProcessVariable<String> SUPPLEMENT_QUESTION = client("supplementQuestion", String.class);
    public static final ProcessVariable<String> REROUTE_TO = client("rerouteTo", String.class);
    public static final ProcessVariable<String> FORWARDED_TO = client("forwardedTo", String.class);
    public static final ProcessVariable<String> MEASURES = client("measures", String.class);
    public static final ProcessVariable<String> ROOT_CAUSE = client("rootCause", String.class);
    public static final ProcessVariable<String> FEEDBACK = client("feedback", String.class);
    /** "Läs berömmet": kept in history for the statistics, read by no step. */
    public static final ProcessVariable<Boolean> PRAISE_SHARED = client("praiseShared", Boolean.class);

    /**
     * Nöjdhetsenkät: the feedback mail step sets when its survey link expires (the wait for an answer ends then);
     * the answer's correlation sets the rest.
     */
    public static final ProcessVariable<Date> SURVEY_VALID_UNTIL = server("surveyValidUntil", Date.class);
    public static final ProcessVariable<Boolean> REOPENING_REQUESTED = server("reopeningRequested", Boolean.class);
    public static final ProcessVariable<Boolean> SURVEY_CONTACT_ALLOWED = server("surveyContactAllowed", Boolean.class);
    /** The new SLA clock of a reopened case starts on the day the citizen asked. */
    public static final ProcessVariable<Date> SURVEY_ANSWERED_AT = server("surveyAnsweredAt", Date.class);
    /** The answer as "Bedöma återöppning" shows it (markdown-escaped: the citizen's text shows as written). */
    public static final ProcessVariable<String> SURVEY_ANSWER = server("surveyAnswer", String.class);
    /** "Bedöma återöppning": reopen or keepClosed, and the note the citizen is told. */
    public static final ProcessVariable<String> REOPEN_DECISION = client("reopenDecision", String.class);
    public static final ProcessVariable<String> REOPENING_NOTE = client("reopeningNote", String.class);

    /**
     * Svarsmallar (cases.answertemplates) offered on "Återkoppla" and "Utreda och dokumentera": the options
     * ({@code valuesKey}, [{label, value, text}], the text filled in for the case), written by the server when the
     * task is created or taken; picking one puts its text into the answer field, and the pick is recorded.
     */
    public static final ProcessVariable<SpinJsonNode> FEEDBACK_TEMPLATE_CHOICES =
            server("feedbackTemplateChoices", SpinJsonNode.class);
    public static final ProcessVariable<SpinJsonNode> SUPPLEMENT_TEMPLATE_CHOICES =
            server("supplementTemplateChoices", SpinJsonNode.class);
    public static final ProcessVariable<String> FEEDBACK_TEMPLATE = client("feedbackTemplate", String.class);
    public static final ProcessVariable<String> SUPPLEMENT_TEMPLATE = client("supplementTemplate", String.class);

    public static final int SUMMARY_LENGTH = 300;

    /**
     * Every variable of the process. The server-only ones no client (Tasklist, engine REST) may set, whatever a form
     * says (security.ClientInputGuard), and no form may have a field of that name (ModelCheckTest).
     */
    static final List<ProcessVariable<?>> VARIABLES = Stream.of(List.of(CASE_REFERENCE, RECEIVED_DATE,
            REGISTERED_BY, CASE_SUMMARY, CASE_TYPE, CATEGORY, DESCRIPTION, CHANNEL, CONTACT_NAME, CONTACT_EMAIL,
            CONTACT_PHONE, ADDRESS, LANGUAGE, RECEIVED_ON, ROUTING, CANDIDATE_GROUP, MANAGER_GROUP, PRIORITY,
            TASK_PRIORITY, UNIT_CHOICES, DUPLICATE_OF, FINDINGS, OUTCOME, SUPPLEMENT_QUESTION, REROUTE_TO, FORWARDED_TO,
            MEASURES, ROOT_CAUSE, FEEDBACK, PRAISE_SHARED, SURVEY_VALID_UNTIL, REOPENING_REQUESTED,
            SURVEY_CONTACT_ALLOWED, SURVEY_ANSWERED_AT, SURVEY_ANSWER, REOPEN_DECISION, REOPENING_NOTE,
            FEEDBACK_TEMPLATE_CHOICES, SUPPLEMENT_TEMPLATE_CHOICES,
            FEEDBACK_TEMPLATE, SUPPLEMENT_TEMPLATE, Escalations.SLA_MARK), SlaVariables.ALL)
            .flatMap(List::stream).toList();

    private CaseProcess() {
    }

    /**
     * The case a process instance works on: its business key, which only the server sets (intake at start, or
     * the registering step), never a variable.
     */
    static String reference(DelegateExecution execution) {
        String reference = execution.getProcessBusinessKey();
        if (reference == null) {
            throw new IllegalStateException("Process instance " + execution.getProcessInstanceId()
                    + " has no case reference as its business key");
        }
        return reference;
    }

    /** The declaration the client guard and the model check read. */
    @Component
    static class Declared implements ProcessVariables {

        @Override
        public String processKey() {
            return PROCESS_KEY;
        }

        @Override
        public List<ProcessVariable<?>> variables() {
            return VARIABLES;
        }
    }

    public static String summary(String description) {
        String oneLine = description.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
