package se.kommun.kvalitet.deviations.process;

import static se.kommun.kvalitet.shared.ProcessVariable.client;
import static se.kommun.kvalitet.shared.ProcessVariable.server;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;
import se.kommun.kvalitet.escalation.Escalations;
import se.kommun.kvalitet.shared.ProcessVariable;
import se.kommun.kvalitet.shared.ProcessVariables;
import se.kommun.kvalitet.slacalendar.SlaVariables;

/**
 * Names shared between Java and processes/deviation-handling.bpmn, declared once. The process carries only what
 * it routes and times on: the reference (also the business key), the unit's groups, dates, levels and yes/no
 * answers. Every text a person writes is moved into {@code app.deviation} by the step that receives it and removed
 * from the process (ADR 0004; deviations can be sensitive, OSL 26 kap.).
 */
public final class DeviationProcess {

    public static final String PROCESS_KEY = "deviationHandling";
    public static final String REFERENCE_PREFIX = "AVV";

    /** Set by the server when the deviation is stored; the reference is the business key as well. */
    public static final ProcessVariable<String> DEVIATION_REFERENCE = server("deviationReference", String.class);
    public static final ProcessVariable<Date> REPORTED_DATE = server("reportedDate", Date.class);
    /** Who reported: the API's authenticated user, or who started the process in Tasklist (camunda:initiator). */
    public static final ProcessVariable<String> REPORTED_BY = server("reportedBy", String.class);
    /** The unit's managers: the candidates of its tasks. */
    public static final ProcessVariable<String> MANAGER_GROUP = server("managerGroup", String.class);
    /** Quality coordinators: they read every deviation and get the escalations. */
    public static final ProcessVariable<String> QUALITY_GROUP = server("qualityGroup", String.class);
    /** Medically responsible nurses: the lex Maria track. */
    public static final ProcessVariable<String> MAS_GROUP = server("masGroup", String.class);
    /** Whether the area may open the lex Sarah or lex Maria track; the risk form shows the question only then. */
    public static final ProcessVariable<Boolean> LEX_SARAH_OFFERED = server("lexSarahOffered", Boolean.class);
    public static final ProcessVariable<Boolean> LEX_MARIA_OFFERED = server("lexMariaOffered", Boolean.class);
    /** The internal deadlines in working days (kvalitet.deviations.*), fixed when the deviation is reported. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> DEADLINES = server("deadlines", Map.class);
    /** ISO-8601 period from measures to the follow-up of their effect. */
    public static final ProcessVariable<String> FOLLOW_UP_AFTER = server("followUpAfter", String.class);
    /** The DMN deviationRisk's whole result: riskLevel and investigationWorkingDays. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> RISK = server("risk", Map.class);
    /** When the last decision was recorded: the start of the deadline that follows it. */
    public static final ProcessVariable<Date> DECIDED_DATE = server("decidedDate", Date.class);

    /** Start form (Tasklist); the API sets area and unit itself. Texts leave the process at registration. */
    public static final ProcessVariable<String> AREA = client("area", String.class);
    public static final ProcessVariable<String> UNIT = client("unit", String.class);
    public static final ProcessVariable<String> OCCURRED_AT = client("occurredAt", String.class);
    public static final ProcessVariable<String> PLACE = client("place", String.class);
    public static final ProcessVariable<String> DESCRIPTION = client("description", String.class);
    public static final ProcessVariable<String> IMMEDIATE_MEASURES = client("immediateMeasures", String.class);
    public static final ProcessVariable<String> AFFECTED_PERSON_REF = client("affectedPersonRef", String.class);

    /** "Bedöma risk": the DMN reads consequence and likelihood, the gateways the two tracks. */
    public static final ProcessVariable<Number> CONSEQUENCE = client("consequence", Number.class);
    public static final ProcessVariable<Number> LIKELIHOOD = client("likelihood", Number.class);
    public static final ProcessVariable<Boolean> LEX_SARAH = client("lexSarah", Boolean.class);
    public static final ProcessVariable<Boolean> LEX_MARIA = client("lexMaria", Boolean.class);

    /** The legal tracks. */
    public static final ProcessVariable<String> LEX_SARAH_INVESTIGATION = client("lexSarahInvestigation", String.class);
    public static final ProcessVariable<Boolean> LEX_SARAH_SERIOUS = client("lexSarahSerious", Boolean.class);
    public static final ProcessVariable<String> LEX_SARAH_SERIOUS_REASON = client("lexSarahSeriousReason", String.class);
    public static final ProcessVariable<String> LEX_MARIA_INVESTIGATION = client("lexMariaInvestigation", String.class);
    public static final ProcessVariable<String> IVO_SENT_ON = client("ivoSentOn", String.class);
    public static final ProcessVariable<String> IVO_SENT_BY = client("ivoSentBy", String.class);
    public static final ProcessVariable<String> IVO_REFERENCE = client("ivoReference", String.class);

    /** "Utreda och åtgärda" and "Följa upp effekt". */
    public static final ProcessVariable<String> ROOT_CAUSE_CATEGORY = client("rootCauseCategory", String.class);
    public static final ProcessVariable<String> ROOT_CAUSE = client("rootCause", String.class);
    public static final ProcessVariable<String> MEASURES = client("measures", String.class);
    public static final ProcessVariable<String> MEASURE_OWNER = client("measureOwner", String.class);
    public static final ProcessVariable<String> MEASURE_DUE_ON = client("measureDueOn", String.class);
    public static final ProcessVariable<Boolean> MEASURE_EFFECTIVE = client("measureEffective", Boolean.class);
    public static final ProcessVariable<String> LEARNING_SUMMARY = client("learningSummary", String.class);

    static final List<ProcessVariable<?>> VARIABLES = Stream.of(List.of(DEVIATION_REFERENCE, REPORTED_DATE,
            REPORTED_BY, MANAGER_GROUP, QUALITY_GROUP, MAS_GROUP, LEX_SARAH_OFFERED, LEX_MARIA_OFFERED, DEADLINES,
            FOLLOW_UP_AFTER, RISK, DECIDED_DATE, AREA, UNIT, OCCURRED_AT, PLACE, DESCRIPTION,
            IMMEDIATE_MEASURES, AFFECTED_PERSON_REF, CONSEQUENCE, LIKELIHOOD, LEX_SARAH, LEX_MARIA,
            LEX_SARAH_INVESTIGATION, LEX_SARAH_SERIOUS, LEX_SARAH_SERIOUS_REASON, LEX_MARIA_INVESTIGATION, IVO_SENT_ON,
            IVO_SENT_BY, IVO_REFERENCE, ROOT_CAUSE_CATEGORY, ROOT_CAUSE, MEASURES, MEASURE_OWNER, MEASURE_DUE_ON,
            MEASURE_EFFECTIVE, LEARNING_SUMMARY, Escalations.SLA_MARK), SlaVariables.ALL)
            .flatMap(List::stream).toList();

    private DeviationProcess() {
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
}
