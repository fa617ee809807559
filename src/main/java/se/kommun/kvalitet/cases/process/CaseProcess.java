package se.kommun.kvalitet.cases.process;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.security.ServerVariables;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * Names shared between Java and processes/case-handling.bpmn, declared once: the process key, the
 * variables the process reads and writes, which of them only the server may write, and its messages.
 */
public final class CaseProcess {

    public static final String PROCESS_KEY = "caseHandling";
    public static final String SUPPLEMENT_RECEIVED_MESSAGE = "supplementReceived";

    /** Set at start (by intake or the registering step). */
    public static final String CASE_REFERENCE = "caseReference";
    public static final String CASE_TYPE = "caseType";
    public static final String CATEGORY = "category";
    public static final String RECEIVED_DATE = "receivedDate";
    /** Who started the process from Tasklist (camunda:initiator). */
    static final String REGISTERED_BY = "registeredBy";
    /** A short, plain summary for task names and forms (the full text stays in the case table). */
    public static final String CASE_SUMMARY = "caseSummary";

    /** Start form (officer registration). */
    static final String DESCRIPTION = "description";
    static final String CHANNEL = "channel";
    static final String CONTACT_NAME = "contactName";
    static final String CONTACT_EMAIL = "contactEmail";
    static final String CONTACT_PHONE = "contactPhone";
    static final String ADDRESS = "address";
    static final String LANGUAGE = "language";
    /** The date a letter or call came in, as the officer gives it; the registering step checks it. */
    static final String RECEIVED_ON = "receivedOn";

    /** Routing decision outputs (processes/case-routing.dmn) and SLA. */
    static final String CANDIDATE_GROUP = "candidateGroup";
    static final String MANAGER_GROUP = "managerGroup";
    static final String PRIORITY = "priority";
    static final String DUE_DATE = "dueDate";
    /** The decision's whole result (camunda:resultVariable). */
    static final String ROUTING = "routing";
    static final String TASK_PRIORITY = "taskPriority";

    /** Officer forms. */
    static final String FINDINGS = "findings";
    static final String OUTCOME = "investigationOutcome";
    static final String SUPPLEMENT_QUESTION = "supplementQuestion";
    static final String REROUTE_TO = "rerouteTo";
    static final String FORWARDED_TO = "forwardedTo";
    static final String MEASURES = "measures";
    static final String ROOT_CAUSE = "rootCause";
    static final String FEEDBACK = "feedback";

    /**
     * The units "Till vilken enhet?" offers (the investigate form's {@code valuesKey}), as [{label, value}]:
     * written at routing from the organisation, never by a client (it is no form field).
     */
    static final String UNIT_CHOICES = "unitChoices";

    /** Duplicate check for fault reports. */
    static final String DUPLICATE_OF = "duplicateOf";

    static final int SUMMARY_LENGTH = 300;

    /**
     * What the process trusts and only the server writes: no client (Tasklist, engine REST) may set these,
     * whatever a form says (security.ClientInputGuard), and no form may have a field of that name (ModelCheckTest).
     */
    static final Set<String> SERVER_VARIABLES = Set.of(CASE_REFERENCE, CASE_SUMMARY, RECEIVED_DATE, REGISTERED_BY,
            CANDIDATE_GROUP, MANAGER_GROUP, PRIORITY, ROUTING, TASK_PRIORITY, UNIT_CHOICES, DUPLICATE_OF,
            Escalations.SLA_MARK, SlaVariables.DUE_DATE, SlaVariables.REMINDER_DATE, SlaVariables.ESCALATION_DATE,
            SlaVariables.SECOND_ESCALATION_DATE, SlaVariables.PAUSED_AT, SlaVariables.PAUSE_DEADLINE,
            SlaVariables.REMINDER_DAYS_BEFORE, SlaVariables.SECOND_ESCALATION_DAYS_AFTER);

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

    /** Declares {@link #SERVER_VARIABLES} to the engine's client guard. */
    @Component
    static class Declared implements ServerVariables {

        @Override
        public Set<String> names() {
            return SERVER_VARIABLES;
        }
    }

    public static String summary(String description) {
        String oneLine = description.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= SUMMARY_LENGTH ? oneLine : oneLine.substring(0, SUMMARY_LENGTH - 1) + "…";
    }
}
