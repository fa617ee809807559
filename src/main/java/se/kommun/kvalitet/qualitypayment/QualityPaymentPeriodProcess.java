package se.kommun.kvalitet.qualitypayment;

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
 * Names shared between Java and processes/quality-payment-period.bpmn, declared once. One instance per tertial and
 * area, its business key {@code KVP-2026-T1-HOME_CARE}. Results, payments and the decision live in the module's
 * tables (ADR 0004); the process carries what it routes, times and assigns on.
 */
final class QualityPaymentPeriodProcess {

    static final String PROCESS_KEY = "qualityPaymentPeriod";
    static final String DECISION_KEY = "qualityPayment";
    /** Correlated by {@code POST /api/quality-payment/periods/{period}/{area}/computation} once nothing is missing. */
    static final String RESULTS_COMPLETE = "qualityResultsComplete";
    /** Correlated by a correction of a computed period's result: review and approval start again. */
    static final String RESULT_CORRECTED = "qualityResultCorrected";

    static final ProcessVariable<String> PERIOD = server("paymentPeriod", String.class);
    static final ProcessVariable<String> AREA = server("paymentArea", String.class);
    /** The responsible unit's officers review; its managers get the escalation when results are late. */
    static final ProcessVariable<String> OFFICER_GROUP = server("officerGroup", String.class);
    static final ProcessVariable<String> MANAGER_GROUP = server("managerGroup", String.class);
    /** The committee's delegates (kvalitet.organisation.committee-delegate-group) approve. */
    static final ProcessVariable<String> DELEGATE_GROUP = server("delegateGroup", String.class);
    /** The tertial's last day: the results' deadline counts from it. */
    static final ProcessVariable<Date> PERIOD_END = server("paymentPeriodEnd", Date.class);
    @SuppressWarnings("rawtypes")
    static final ProcessVariable<Map> DEADLINES = server("deadlines", Map.class);
    /** The sum the reviewer and the approver see in Tasklist, e.g. "3 utförare, 61 253,00 kr". */
    static final ProcessVariable<String> PAYMENT_SUMMARY = server("paymentSummary", String.class);
    /** "Besluta kvalitetspeng": approved, or back to the review with the approver's comments. */
    static final ProcessVariable<Boolean> PAYMENT_APPROVED = client("paymentApproved", Boolean.class);
    static final ProcessVariable<String> APPROVAL_COMMENTS = client("approvalComments", String.class);
    /** "Granska beräkning": the reviewer's note to the approver. */
    static final ProcessVariable<String> REVIEW_COMMENTS = client("reviewComments", String.class);

    static final List<ProcessVariable<?>> VARIABLES = Stream.of(List.of(PERIOD, AREA, OFFICER_GROUP, MANAGER_GROUP,
            DELEGATE_GROUP, PERIOD_END, DEADLINES, PAYMENT_SUMMARY, PAYMENT_APPROVED, APPROVAL_COMMENTS, REVIEW_COMMENTS,
            Escalations.SLA_MARK), SlaVariables.ALL).flatMap(List::stream).toList();

    private QualityPaymentPeriodProcess() {
    }

    static String businessKey(Tertial tertial, String area) {
        return "KVP-" + tertial.code() + "-" + area;
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
