package se.kommun.kvalitet.cases.process;

import se.kommun.kvalitet.cases.intake.CaseIntake;
import se.kommun.kvalitet.cases.record.CaseType;
import se.kommun.kvalitet.cases.record.Channel;
import se.kommun.kvalitet.cases.intake.InvalidCaseException;
import se.kommun.kvalitet.cases.intake.NewCase;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import se.kommun.kvalitet.security.CamundaForm;
import se.kommun.kvalitet.security.RefusedInput;

/**
 * "Registrera ärende": an officer started the process from Tasklist's start form (a letter, a phone call,
 * a visit). Turns the form's variables into a case and makes its reference the business key. A matter the case
 * rules refuse is refused as the officer's input (400, naming the form fields), and nothing is started.
 */
@Component("registerCase")
class RegisterCaseDelegate implements JavaDelegate {

    /** NewCase's property paths as the start form's field keys. */
    private static final Map<String, String> FORM_FIELDS = Map.of("type", CaseProcess.CASE_TYPE,
            "location", CaseProcess.ADDRESS, "location.address", CaseProcess.ADDRESS,
            "contact.name", CaseProcess.CONTACT_NAME, "contact.email", CaseProcess.CONTACT_EMAIL,
            "contact.phone", CaseProcess.CONTACT_PHONE, "receivedAt", CaseProcess.RECEIVED_ON);

    private final CaseIntake intake;
    private final MessageSource messages;

    RegisterCaseDelegate(CaseIntake intake, MessageSource messages) {
        this.intake = intake;
        this.messages = messages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String email = text(execution, CaseProcess.CONTACT_EMAIL);
        String name = text(execution, CaseProcess.CONTACT_NAME);
        String phone = text(execution, CaseProcess.CONTACT_PHONE);
        String address = text(execution, CaseProcess.ADDRESS);
        Date received = receivedDate(execution.getVariable(CaseProcess.RECEIVED_ON));
        NewCase matter = new NewCase(
                CaseType.valueOf(text(execution, CaseProcess.CASE_TYPE)),
                text(execution, CaseProcess.CATEGORY),
                text(execution, CaseProcess.DESCRIPTION),
                address == null ? null : new NewCase.Location(address, null, null),
                new NewCase.Contact(name, email, phone),
                text(execution, CaseProcess.LANGUAGE),
                received == null ? null : received.toInstant());
        String officer = text(execution, CaseProcess.REGISTERED_BY);
        String reference;
        try {
            reference = intake.registerInRunningProcess(matter,
                    Channel.valueOf(text(execution, CaseProcess.CHANNEL)), officer);
        } catch (InvalidCaseException refused) {
            throw RefusedInput.submission(refused.errors().getFieldErrors().stream().map(this::problem).toList());
        }
        execution.setProcessBusinessKey(reference);
        execution.setVariables(Map.of(
                CaseProcess.CASE_REFERENCE, reference,
                CaseProcess.CASE_SUMMARY, CaseProcess.summary(matter.description()),
                CaseProcess.RECEIVED_DATE, received == null ? new Date() : received));
        // The case table holds these now; as variables they would only duplicate personal data.
        execution.removeVariables(List.of(CaseProcess.DESCRIPTION, CaseProcess.CONTACT_NAME,
                CaseProcess.CONTACT_EMAIL, CaseProcess.CONTACT_PHONE, CaseProcess.ADDRESS, CaseProcess.RECEIVED_ON));
    }

    private CamundaForm.Problem problem(FieldError error) {
        String field = FORM_FIELDS.getOrDefault(error.getField(), error.getField());
        return new CamundaForm.Problem(field, messages.getMessage(error, Locale.forLanguageTag("sv")),
                messages.getMessage(error, Locale.ENGLISH));
    }

    /** Camunda Forms' datetime field submits an ISO string; a date-only field "2026-04-02". */
    static Date receivedDate(Object value) {
        if (value == null || value instanceof Date) {
            return (Date) value;
        }
        String text = value.toString().trim();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() == 10) {
            return Date.from(java.time.LocalDate.parse(text)
                    .atStartOfDay(se.kommun.kvalitet.shared.ClockConfiguration.MUNICIPAL_ZONE).toInstant());
        }
        return Date.from(java.time.OffsetDateTime.parse(text).toInstant());
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }
}
